/* Plays the H5P activities of a lesson with h5p-standalone and makes sure their results reach the
 * server: every scored statement is first written to a queue in localStorage, then sent; a failed
 * send is retried with back-off and when the browser comes back online. The server ignores
 * duplicates (statement ids), so sending twice is harmless; losing one is what this prevents.
 * Resume state is saved every 15 s, after each answer and when the page is hidden. */
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
                if (response.ok) { setStatus(cfg.saved); }
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

    function postState(container, instance) {
        if (!instance || typeof instance.getCurrentState !== "function") { return; }
        var state = JSON.stringify(instance.getCurrentState() || {});
        if (state === container.dataset.h5pState) { return; }
        container.dataset.h5pState = state;
        fetch(container.dataset.h5pStateUrl, {
            method: "POST",
            credentials: "same-origin",
            keepalive: true,
            headers: {"Content-Type": "application/json", "X-CSRFToken": csrfToken()},
            body: JSON.stringify({state: state})
        }).catch(function () { container.dataset.h5pState = ""; });
    }

    var players = [];
    function instanceFor(container) {
        var instances = (window.H5P && H5P.instances) || [];
        for (var i = 0; i < instances.length; i++) {
            if (String(instances[i].contentId) === container.dataset.h5pId) { return instances[i]; }
        }
        return null;
    }
    function saveAllStates() {
        players.forEach(function (c) { postState(c, instanceFor(c)); });
    }

    function start() {
        var containers = document.querySelectorAll(".h5p-container[data-h5p-id]");
        Array.prototype.forEach.call(containers, function (container) {
            var options = {
                id: container.dataset.h5pId,
                h5pJsonPath: container.dataset.h5pFiles,
                frameJs: cfg.frameJs,
                frameCss: cfg.frameCss,
                embedType: "div",
                xAPIObjectIRI: container.dataset.h5pIri,
                frame: false,
                icon: false
            };
            if (container.dataset.h5pState) {
                // h5p-standalone 3.8 reads the state from `state` (not the `previousState` its README
                // shows) and only when saveFreq is set; saving itself is ours (postState below).
                options.contentUserData = [{state: container.dataset.h5pState}];
                options.saveFreq = 3600;
            }
            players.push(container);
            new H5PStandalone.H5P(container, options).then(function () {
                if (!window.H5P || !H5P.externalDispatcher || H5P.externalDispatcher.lmsHooked) { return; }
                H5P.externalDispatcher.lmsHooked = true;
                H5P.externalDispatcher.on("xAPI", function (event) {
                    var s = event.data && event.data.statement;
                    if (!s || !s.verb || !RECORDED[s.verb.id]) { return; }
                    var ctx = s.context && s.context.contextActivities;
                    if (ctx && ctx.parent) { return; }  // a sub-question: the top-level statement counts
                    enqueue(JSON.parse(JSON.stringify(s)));
                    saveAllStates();
                });
            });
        });
        setInterval(saveAllStates, 15000);
        document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "hidden") { saveAllStates(); }
        });
    }

    window.addEventListener("online", flush);
    window.lmsXapiQueue = {flush: flush, size: function () { return queue().filter(mine).length; }};
    start();
    flush();
})();
