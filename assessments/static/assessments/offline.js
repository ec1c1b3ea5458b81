/* The offline page: lists the tests kept on this phone and the attempts answered on it, shows a test
 * (the server laid it out and signed it at download), keeps every answer in IndexedDB as it is given,
 * and sends handed-in attempts now, on reconnect, or through Background Sync. Strings come from the
 * template (data- attributes), already translated. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset, store = self.lmsOffline;
    var $ = function (name) { return document.querySelector("[data-offline-" + name + "]"); };
    var list = $("list"), banner = $("status"), take = $("take"), form = $("form"), who = $("who");
    var sendButton = $("send"), saved = $("saved"), current = null;
    if (!store || !window.indexedDB) { return; }
    $("nojs").remove();
    if ("serviceWorker" in navigator) { navigator.serviceWorker.register(cfg.sw, {scope: "/"}); }

    function fill(text, values) {
        return text.replace(/%\((\w+)\)s/g, function (m, name) { return values[name]; });
    }
    function uuid() {
        if (self.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var b = crypto.getRandomValues(new Uint8Array(16)), h = [];
        b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
        b.forEach(function (x) { h.push((x + 256).toString(16).slice(1)); });
        h = h.join("");
        return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
    }
    function el(tag, text, attrs) {
        var node = document.createElement(tag);
        if (text) { node.textContent = text; }
        Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
        return node;
    }
    var lang = document.documentElement.lang;
    function number(value, digits) { return new Intl.NumberFormat(lang, {maximumFractionDigits: digits}).format(value); }
    /* "21 décembre 2026", "21 December 2026": the month in words, never 12/21 against 21/12. */
    function day(ms) { return new Date(ms).toLocaleDateString(lang === "en" ? "en-GB" : lang, {day: "numeric", month: "long", year: "numeric"}); }
    var causes = {closed: cfg.causeClosed, expired: cfg.causeExpired, time: cfg.causeTime, duplicate: cfg.causeDuplicate};
    /* One status per attempt, in words: [what it is, what it means or what to do]. "Sent" only once
     * the server answered; a result reads as on the result page (percentage, pass mark). */
    function attemptStatus(a) {
        if (a.state === "sent") {
            var r = a.result;
            /* A flagged attempt comes back without its score: received, kept for the trainer. */
            if (r.flagged) { return [cfg.sentFlagged, causes[r.cause] || cfg.received]; }
            var percent = r.percent !== undefined ? r.percent : Math.round(100 * r.score / r.max_score);
            var text = fill(cfg.result, {percent: number(percent, 0), score: number(r.score, 1), total: number(r.max_score, 1)});
            if (r.kind === "post") { text += " " + fill(r.passed ? cfg.passed : cfg.notPassed, {mark: number(r.pass_mark, 0)}); }
            return [cfg.sent, text];
        }
        if (a.state === "refused") { return [cfg.refused, fill(cfg.refusedWhat, {reason: a.error})]; }
        if (a.state === "queued" && a.retry === "server") { return [cfg.queuedServer, cfg.queuedServerWhat]; }
        if (a.state === "queued") { return [cfg.queued, a.error || cfg.queuedWhat]; }
        return [cfg.notHandedIn, cfg.notHandedInWhat];
    }
    function otherItem(a) {
        var li = el("li", "", {"data-attempt-state": a.state, "data-attempt": a.id, "data-attempt-other": ""});
        li.appendChild(el("strong", cfg.other, {"class": "state"}));
        li.appendChild(el("span", attemptStatus(a)[1], {"class": "what"}));
        return li;
    }
    function expired(p) { return Date.now() > p.expires; }
    function expiredText(p) { return fill(cfg.expired, {date: day(p.expires)}); }

    function render() {
        return Promise.all([store.all("packages"), store.all("attempts")]).then(function (found) {
            var packages = found[0], attempts = found[1];
            list.textContent = "";
            packages.forEach(function (p) {
                var box = el("div", "", {"class": "offline-test", "data-offline-package": p.key});
                box.appendChild(el("h2", p.title));
                var mine = attempts.filter(function (a) { return a.key === p.key; });
                var draft = mine.some(function (a) { return a.state === "draft"; });
                var handedIn = mine.filter(function (a) { return a.state === "queued" || a.state === "sent"; }).length;
                /* On one's own phone: no start once the attempts allowed are used (it could only be
                 * flagged), and an attempt not handed in is continued, not started again. */
                if (!p.shared && typeof p.attemptsLeft === "number" && handedIn >= p.attemptsLeft) {
                    box.appendChild(el("p", cfg.usedUp, {"class": "help", "data-offline-used-up": ""}));
                } else {
                    /* Said before answering: past its time the answers are still sent, but do not count. */
                    box.appendChild(expired(p) ? el("p", expiredText(p), {"class": "warning", "data-offline-expired": ""})
                        : el("p", fill(cfg.until, {date: day(p.expires)}), {"class": "help"}));
                    if (p.shared || !draft) {
                        var start = el("button", expired(p) ? cfg.answerAnyway : cfg.answer, {type: "button"});
                        start.addEventListener("click", function () { begin(p); });
                        box.appendChild(start);
                    }
                }
                var ul = el("ul", "", {"class": "offline-attempts"});
                mine.forEach(function (a) {
                    if (a.other) { ul.appendChild(otherItem(a)); return; }
                    var li = el("li", "", {"data-attempt-state": a.state, "data-attempt": a.id}), said = attemptStatus(a);
                    if (p.shared) { li.appendChild(el("span", a.name, {"class": "who"})); }
                    li.appendChild(el("strong", said[0], {"class": "state"}));
                    li.appendChild(el("span", said[1], {"class": "what"}));
                    if (a.state === "draft") {
                        var again = el("button", cfg["continue"], {type: "button", "class": "secondary"});
                        again.addEventListener("click", function () { show(p, a); });
                        li.appendChild(again);
                    }
                    ul.appendChild(li);
                });
                box.appendChild(ul);
                list.appendChild(box);
            });
            /* Handed in by a person who logged out since (offline-queue.js, `forget`): sent by itself,
             * shown without a name or a result. Drafts of a test no longer here wait, hidden, for it. */
            var keys = packages.map(function (p) { return p.key; });
            var others = attempts.filter(function (a) { return a.other && keys.indexOf(a.key) === -1; });
            if (others.length) {
                var box = el("div", "", {"class": "offline-test", "data-offline-others": ""}), ul = el("ul", "", {"class": "offline-attempts"});
                others.forEach(function (a) { ul.appendChild(otherItem(a)); });
                box.appendChild(ul);
                list.appendChild(box);
            }
            if (!packages.length && !others.length) { list.appendChild(el("p", cfg.none)); }
            attempts = attempts.filter(function (a) { return a.other || keys.indexOf(a.key) !== -1; });
            var waiting = attempts.filter(function (a) { return a.state === "queued"; }).length;
            var allSent = attempts.length && attempts.every(function (a) { return a.state === "sent"; });
            sendButton.hidden = !waiting || !navigator.onLine;
            /* The banner says only what is true of every attempt; each attempt says its own status. */
            banner.textContent = allSent ? cfg.allSent : !navigator.onLine && attempts.length ? cfg.offline
                : waiting ? fill(cfg.waiting, {count: waiting}) : "";
        });
    }

    function fields() {
        var out = [];
        new FormData(form).forEach(function (value, name) { if (value !== "") { out.push([name, String(value)]); } });
        return out;
    }
    function restore(entries) {
        entries.forEach(function (entry) {
            form.querySelectorAll('[name="' + CSS.escape(entry[0]) + '"]').forEach(function (input) {
                if (input.type === "radio" || input.type === "checkbox") { if (input.value === entry[1]) { input.checked = true; } }
                else { input.value = entry[1]; }
            });
        });
    }
    function show(p, attempt) {
        current = attempt;
        var sheet = p.sheets[attempt.sheet];
        take.hidden = false; who.hidden = true; form.hidden = false;
        $("title").textContent = p.title + (p.shared ? " — " + attempt.name : "");
        $("questions").innerHTML = sheet.html;  // rendered and escaped by the server at download
        $("late").textContent = expired(p) ? expiredText(p) : "";
        $("late").hidden = !expired(p);
        restore(attempt.fields);
        saved.textContent = cfg.draft;
        list.hidden = true;
        $("title").focus();
    }
    function create(p, sheetIndex, person, pin) {
        var sheet = p.sheets[sheetIndex], id = uuid();
        var attempt = {
            id: id, key: p.key, sheet: sheetIndex, name: person.name, participant: p.shared ? person.id : null, pin: pin || "",
            deviceToken: p.deviceToken, formToken: sheet.token, version: sheet.version,
            url: p.syncUrl.replace("00000000-0000-0000-0000-000000000000", id),
            fields: [], state: "draft", startedAt: Date.now(), finishedAt: null
        };
        return store.put("attempts", attempt).then(function () { show(p, attempt); });
    }
    function pinMatches(pin, encoded) {
        // Django's "pbkdf2_sha256$iterations$salt$hash", checked here without network.
        var parts = (encoded || "").split("$"), enc = new TextEncoder();
        if (parts.length !== 4 || !crypto.subtle) { return Promise.resolve(false); }
        return crypto.subtle.importKey("raw", enc.encode(pin), "PBKDF2", false, ["deriveBits"]).then(function (key) {
            return crypto.subtle.deriveBits({name: "PBKDF2", hash: "SHA-256", salt: enc.encode(parts[2]), iterations: +parts[1]}, key, 256);
        }).then(function (bits) { return btoa(String.fromCharCode.apply(null, new Uint8Array(bits))) === parts[3]; });
    }
    function begin(p) {
        if (!p.shared) { create(p, 0, p.sheets[0].people[0]); return; }
        var select = $("person"), error = $("pin-error");
        select.textContent = "";
        p.sheets.forEach(function (sheet, s) {
            sheet.people.forEach(function (person) { select.appendChild(el("option", person.name, {value: s + ":" + person.id})); });
        });
        take.hidden = false; form.hidden = true; who.hidden = false; list.hidden = true; error.textContent = "";
        $("title").textContent = p.title;
        who.onsubmit = function (event) {
            event.preventDefault();
            var pick = select.value.split(":"), sheet = p.sheets[+pick[0]], pin = $("pin").value;
            var person = sheet.people.filter(function (x) { return String(x.id) === pick[1]; })[0];
            if (!person.pin) { error.textContent = cfg.noPin; return; }
            pinMatches(pin, person.pin).then(function (ok) {
                if (!ok) { error.textContent = cfg.wrongPin; return; }
                $("pin").value = "";
                create(p, +pick[0], person, pin);
            });
        };
    }

    function keep() {
        if (!current) { return; }
        current.fields = fields();
        store.put("attempts", current).then(function () { saved.textContent = cfg.draft; });
    }
    form.addEventListener("change", keep);
    form.addEventListener("input", keep);
    form.addEventListener("submit", function (event) {
        event.preventDefault();
        current.fields = fields();
        current.state = "queued";
        current.finishedAt = Date.now();
        store.put("attempts", current).then(function () {
            current = null;
            take.hidden = true; list.hidden = false;
            return render();
        }).then(sendNow);
    });

    function sendNow() {
        // Background Sync retries even after this page is closed; the page also sends at once.
        if (navigator.serviceWorker && self.SyncManager) {
            navigator.serviceWorker.ready.then(function (r) { return r.sync.register("lms-offline"); }).catch(function () {});
        }
        if (!navigator.onLine) { return render(); }
        return store.sendAll().then(render);
    }
    sendButton.addEventListener("click", sendNow);
    window.addEventListener("online", sendNow);
    window.addEventListener("offline", render);
    if (navigator.storage && navigator.storage.persist) { navigator.storage.persist(); }
    render().then(sendNow);
})();
