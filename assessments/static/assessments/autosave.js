/* Saves each answer as it is given. Optional: without it the form posts every answer on submit.
 * Each save carries a sequence number so the server keeps the latest: a counter per attempt (never
 * the phone's clock) that starts above the highest number the server has stored and is posted with
 * the form, so the form's answers come after every save numbered here. Unsent saves wait in
 * localStorage (per attempt) and are retried on reconnect and every few seconds; an answer leaves
 * it only when the server says it is the one stored, or refuses it for good (and the page says so). */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;
    var form = document.querySelector("form.test-form");
    if (!form || !window.fetch) { return; }
    var KEY = "lms-answers-" + form.dataset.attempt, SEQ = "lms-seq-" + form.dataset.attempt;
    var statusLine = document.querySelector("[data-sync-status]");
    var PAGE = String(Math.random());  // tells answers given on this page from those kept from an earlier one
    var sending = false;

    function pending() { try { return JSON.parse(localStorage.getItem(KEY) || "{}"); } catch (e) { return {}; } }
    function store(p) { try { localStorage.setItem(KEY, JSON.stringify(p)); } catch (e) { /* full: the form keeps the values */ } }
    function csrf() { return form.querySelector("[name=csrfmiddlewaretoken]").value; }
    function mark(id, text) { var n = form.querySelector('[data-saved-for="' + id + '"]'); if (n) { n.textContent = text; } }
    // The counter: above what the server had when the page was made, what this phone numbered before
    // (any tab), and the answers still waiting here.
    var counter = parseInt(form.elements.seq.value, 10) || 0;
    function countFrom(n) {
        try { counter = Math.max(counter, n || 0, parseInt(localStorage.getItem(SEQ), 10) || 0); localStorage.setItem(SEQ, String(counter)); } catch (e) { counter = Math.max(counter, n || 0); }
    }
    function nextSeq() { countFrom(0); countFrom(counter + 1); return counter; }
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
            // Only a reply of the server itself counts (a captive portal may answer 200 with a page).
            return r.json().then(function (body) { return {status: r.status, body: body || {}}; }, function () { return {status: 0, body: {}}; });
        }).then(function (reply) {
            sending = false;
            var body = reply.body, text;
            if (reply.status === 200 && body.saved === true) {
                text = cfg.saved;
            } else if (reply.status === 200 && body.saved === false && body.kept) {
                // The server holds an answer numbered after this one, from another page or phone.
                countFrom(body.kept.seq);
                var again = pending();
                if (item.page === PAGE && again[id] && again[id].seq === item.seq) {
                    // Given on this page, after that one reached the server: the trainee's latest, sent again
                    // numbered after it.
                    again[id].seq = nextSeq();
                    store(again);
                    flush();
                    return;
                }
                // Kept on this phone from an earlier visit: the server's is the later one; show it.
                if (again[id] && again[id].seq === item.seq) { fill(id, body.kept.answer); }
                text = cfg.superseded;
            } else if ((reply.status === 400 || reply.status === 409) && body.error) {
                // Refused for good (a submitted or expired attempt, a question not on it): say why.
                text = body.error;
            } else {
                // Offline, a server error, a 403 (maybe a stale CSRF token after logging in again;
                // reloading the page sends it with a fresh one): the answer stays here.
                status();
                return;
            }
            var now = pending();
            if (now[id] && now[id].seq === item.seq) { delete now[id]; store(now); mark(id, text); }
            flush();
        }, function () { sending = false; status(); });
    }

    function changed(event) {
        var fieldset = event.target.closest("fieldset.question");
        if (!fieldset) { return; }
        var answer = answerOf(fieldset);
        if (answer === null) { return; }
        var p = pending();
        p[fieldset.dataset.question] = {answer: answer, seq: nextSeq(), page: PAGE};
        store(p);
        mark(fieldset.dataset.question, cfg.pending);
        status();
        flush();
    }

    function fill(id, a) {  // puts an answer into the form
        var fieldset = form.querySelector('fieldset[data-question="' + id + '"]'), q = "q" + id;
        if (!fieldset) { return; }
        if (typeof a === "string") {
            var radio = fieldset.querySelector("input[name='" + q + "'][value='" + CSS.escape(a) + "']");
            if (radio) { radio.checked = true; } else if (fieldset.dataset.kind === "short") { fieldset.querySelector("input").value = a; }
        } else if (Array.isArray(a) && fieldset.dataset.kind === "multiple") {
            fieldset.querySelectorAll("input").forEach(function (i) { i.checked = a.indexOf(i.value) !== -1; });
        } else if (Array.isArray(a) && fieldset.dataset.kind === "ordering") {
            a.forEach(function (option, n) { var i = form.elements[q + "_" + option]; if (i) { i.value = n + 1; } });
        } else if (a && fieldset.dataset.kind === "matching") {
            Object.keys(a).forEach(function (left) { var s = form.elements[q + "_" + left]; if (s) { s.value = a[left]; } });
        }
    }

    // Answers kept on this phone from an earlier visit go back into the form before anything else.
    var saved = pending();
    Object.keys(saved).forEach(function (id) {
        countFrom(saved[id].seq);
        fill(id, saved[id].answer);
        mark(id, cfg.pending);
    });

    form.addEventListener("change", changed);
    form.addEventListener("input", function (event) { if (event.target.type === "text") { clearTimeout(event.target.lmsTimer); event.target.lmsTimer = setTimeout(function () { changed(event); }, 600); } });
    form.addEventListener("submit", function (event) {
        if (!navigator.onLine) { event.preventDefault(); status(); return; }
        form.elements.seq.value = nextSeq();  // after every save numbered here, even one still in flight
        store({});  // the form carries every answer now
    });
    window.addEventListener("online", flush);
    window.addEventListener("offline", status);
    setInterval(flush, 5000);
    window.lmsAnswers = {pending: function () { return Object.keys(pending()).length; }, flush: flush};
    status();
    flush();
})();
