/* Saves each answer as it is given. Optional: without it the form posts every answer on submit.
 * Each save carries a sequence number (the time in ms) so the server keeps the newest; unsent saves
 * wait in localStorage (per attempt) and are retried on reconnect and every few seconds. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;
    var form = document.querySelector("form.test-form");
    if (!form || !window.fetch) { return; }
    var KEY = "lms-answers-" + form.dataset.attempt;
    var statusLine = document.querySelector("[data-sync-status]");
    var sending = false;

    function pending() { try { return JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; } }
    function store(p) { try { localStorage.setItem(KEY, JSON.stringify(p)); } catch (e) { /* full: the form keeps the values */ } }
    function csrf() { return form.querySelector("[name=csrfmiddlewaretoken]").value; }
    function mark(id, text) { var n = form.querySelector('[data-saved-for="' + id + '"]'); if (n) { n.textContent = text; } }
    function status() {
        var left = Object.keys(pending()).length;
        statusLine.textContent = left ? (navigator.onLine ? cfg.pending : cfg.offline) : cfg.allSent;
    }

    function answerOf(fieldset) {
        var id = fieldset.dataset.question, kind = fieldset.dataset.kind, q = "q" + id, value;
        if (kind === "single" || kind === "true_false") {
            var checked = fieldset.querySelector("input[name='" + q + "']:checked");
            return checked ? checked.value : null;
        }
        if (kind === "multiple") {
            return Array.prototype.map.call(fieldset.querySelectorAll("input[name='" + q + "']:checked"), function (i) { return i.value; });
        }
        if (kind === "short") {
            value = fieldset.querySelector("input[name='" + q + "']").value.trim();
            return value ? value.slice(0, 200) : null;
        }
        if (kind === "matching") {
            value = {};
            fieldset.querySelectorAll("select").forEach(function (s) { if (s.value) { value[s.name.slice(q.length + 1)] = s.value; } });
            return Object.keys(value).length ? value : null;
        }
        if (kind === "ordering") {
            var items = Array.prototype.map.call(fieldset.querySelectorAll("input"), function (i) { return [parseInt(i.value, 10), i.name.slice(q.length + 1)]; });
            if (items.some(function (x) { return isNaN(x[0]); })) { return null; }
            return items.sort(function (a, b) { return a[0] - b[0]; }).map(function (x) { return x[1]; });
        }
        return null;
    }

    function flush() {
        if (sending) { return; }
        var p = pending(), ids = Object.keys(p);
        if (!ids.length) { status(); return; }
        var id = ids[0], item = p[id];
        sending = true;
        fetch(form.dataset.saveUrl, {
            method: "POST", credentials: "same-origin",
            headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()},
            body: JSON.stringify({question: parseInt(id, 10), answer: item.answer, seq: item.seq})
        }).then(function (r) {
            sending = false;
            // Refused for good (a submitted or expired attempt): drop it. A 403 may be a stale CSRF token
            // after logging in again: keep the answer; reloading the page sends it with a fresh one.
            if (r.ok || r.status === 400 || r.status === 409) {
                var now = pending();
                if (now[id] && now[id].seq === item.seq) { delete now[id]; store(now); }
                mark(id, r.ok ? cfg.saved : "");
                flush();
            } else { status(); }
        }, function () { sending = false; status(); });
    }

    function changed(event) {
        var fieldset = event.target.closest("fieldset.question");
        if (!fieldset) { return; }
        var answer = answerOf(fieldset);
        if (answer === null) { return; }
        var p = pending();
        p[fieldset.dataset.question] = {answer: answer, seq: Date.now()};
        store(p);
        mark(fieldset.dataset.question, cfg.pending);
        status();
        flush();
    }

    // Answers kept on this phone from an earlier visit go back into the form before anything else.
    var saved = pending();
    Object.keys(saved).forEach(function (id) {
        var fieldset = form.querySelector('fieldset[data-question="' + id + '"]');
        var a = saved[id].answer, q = "q" + id;
        if (!fieldset) { return; }
        if (typeof a === "string") {
            var radio = fieldset.querySelector("input[name='" + q + "'][value='" + CSS.escape(a) + "']");
            if (radio) { radio.checked = true; } else if (fieldset.dataset.kind === "short") { fieldset.querySelector("input").value = a; }
        } else if (Array.isArray(a) && fieldset.dataset.kind === "multiple") {
            fieldset.querySelectorAll("input").forEach(function (i) { i.checked = a.indexOf(i.value) !== -1; });
        }
        mark(id, cfg.pending);
    });

    form.addEventListener("change", changed);
    form.addEventListener("input", function (event) { if (event.target.type === "text") { clearTimeout(event.target.lmsTimer); event.target.lmsTimer = setTimeout(function () { changed(event); }, 600); } });
    form.addEventListener("submit", function (event) {
        if (!navigator.onLine) { event.preventDefault(); status(); return; }
        store({});  // the form carries every answer now
    });
    window.addEventListener("online", flush);
    window.addEventListener("offline", status);
    setInterval(flush, 5000);
    window.lmsAnswers = {pending: function () { return Object.keys(pending()).length; }, flush: flush};
    status();
    flush();
})();
