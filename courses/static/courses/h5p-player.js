/* Receives what the lesson's H5P activities report from their sandboxed frames (h5p-frame.js) and
 * makes sure their results reach the server: every scored statement is first written to a queue in
 * localStorage, then sent; a failed send is retried with back-off and when the browser comes back
 * online. The server ignores duplicates (statement ids), so sending twice is harmless; losing one is
 * what this prevents. Resume state, sent by the frame after each answer, every 15 s and when the
 * page is hidden, is saved with the trainee's session, which the frame never sees. */
(function () {
    "use strict";
    var script = document.currentScript;
    var cfg = script.dataset;
    var QUEUE_KEY = "lms-xapi-queue";
    var RECORDED = {
        "http://adlnet.gov/expapi/verbs/answered": true,
        "http://adlnet.gov/expapi/verbs/completed": true
    };
    var sending = false;
    var delay = 2000;
    var timer = null;

    function uuid4() {
        if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
        var b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 15) | 64;
        b[8] = (b[8] & 63) | 128;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }
    function csrfToken() {
        var m = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
        return m ? decodeURIComponent(m[1]) : "";
    }
    function readQueue() {
        try { return JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]"); } catch (e) { return []; }
    }
    function writeQueue(queue) {
        try { localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)); } catch (e) { /* storage full: kept in memory below */ }
        memoryQueue = queue;
    }
    var memoryQueue = readQueue();
    function queue() { var q = readQueue(); return q.length || !memoryQueue.length ? q : memoryQueue; }

    // On a shared phone, only this user's statements are sent: the server records them as request.user.
    function mine(item) { return item.user === cfg.user; }

    function setStatus(text) {
        var nodes = document.querySelectorAll("[data-h5p-status]");
        for (var i = 0; i < nodes.length; i++) { nodes[i].textContent = text; }
    }

    function flush() {
        if (sending) { return; }
        var item = queue().filter(mine)[0];
        if (!item) { return; }
        sending = true;
        fetch(cfg.xapiUrl, {
            method: "POST",
            credentials: "same-origin",
            headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
            body: JSON.stringify(item.statement)
        }).then(function (response) {
            sending = false;
            // Delivered, or refused for good (malformed, unknown activity): drop it. Anything else
            // (network, 401/403 after a logout, 5xx, 429) stays queued and is tried again.
            var permanent = [400, 404, 409, 413, 422].indexOf(response.status) !== -1;
            if (response.ok || permanent) {
                writeQueue(queue().filter(function (x) { return x.statement.id !== item.statement.id; }));
                delay = 2000;
                // "Saved" only once nothing of this user's is left to send (an activity may send
                // several statements; the next one is on its way).
                if (response.ok && !queue().filter(mine).length) { setStatus(cfg.saved); }
                flush();
            } else {
                retryLater();
            }
        }, function () {
            sending = false;
            retryLater();
        });
    }
    function retryLater() {
        setStatus(cfg.pending);
        clearTimeout(timer);
        timer = setTimeout(flush, delay);
        delay = Math.min(delay * 2, 60000);
    }

    function enqueue(statement) {
        statement.id = statement.id || uuid4();
        var q = queue();
        q.push({user: cfg.user, statement: statement, queuedAt: Date.now()});
        writeQueue(q);
        setStatus(cfg.pending);
        flush();
    }

    function postState(frame, state) {
        if (state === frame.dataset.h5pState) { return; }
        frame.dataset.h5pState = state;
        fetch(frame.dataset.h5pStateUrl, {
            method: "POST",
            credentials: "same-origin",
            keepalive: true,
            headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
            body: JSON.stringify({state: state})
        }).catch(function () { frame.dataset.h5pState = ""; });
    }

    function showFailure(frame) {
        frame.dataset.h5pOutcome = "failed";
        frame.hidden = true;
        var note = frame.parentNode.querySelector("[data-h5p-failed]");
        if (note) { note.hidden = false; }
    }

    // Each activity plays in a sandboxed frame (opaque origin: it sees neither our cookies nor this
    // page). Only messages whose source is one of those frames' windows are heard; anything else,
    // from this page, a pop-up or another frame, is ignored.
    var frames = Array.prototype.slice.call(document.querySelectorAll("iframe.h5p-frame"));
    function frameOf(source) {
        for (var i = 0; i < frames.length; i++) {
            if (source && frames[i].contentWindow === source) { return frames[i]; }
        }
        return null;
    }
    window.addEventListener("message", function (event) {
        var frame = frameOf(event.source);
        var data = event.data;
        if (!frame || event.origin !== "null" || !data || data.lms !== "h5p-frame") { return; }
        if (data.type === "xapi") {
            var s = data.statement;
            if (!s || typeof s !== "object" || !s.verb || !RECORDED[s.verb.id]) { return; }
            // A frame speaks for its own activity only; the server checks the rest.
            if (!s.object || s.object.id !== frame.dataset.h5pIri) { return; }
            var ctx = s.context && s.context.contextActivities;
            if (ctx && ctx.parent) { return; }
            enqueue(JSON.parse(JSON.stringify(s)));
        } else if (data.type === "state") {
            if (typeof data.state === "string" && data.state.length <= 65536) { postState(frame, data.state); }
        } else if (data.type === "height") {
            var height = Number(data.height);
            if (height > 0 && height < 20000) { frame.style.height = Math.ceil(height) + "px"; }
        } else if (data.type === "ready") {
            frame.dataset.h5pOutcome = "ready";
        } else if (data.type === "failed") {
            showFailure(frame);
        }
    });
    // A frame whose document never reports (its player did not even load) is a failure too.
    frames.forEach(function (frame) {
        frame.addEventListener("load", function () {
            setTimeout(function () { if (!frame.dataset.h5pOutcome) { showFailure(frame); } }, 30000);
        });
    });

    window.addEventListener("online", flush);
    window.lmsXapiQueue = {flush: flush, size: function () { return queue().filter(mine).length; }};
    flush();
})();
