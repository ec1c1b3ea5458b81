/* Runs inside the sandboxed frame of one H5P activity (opaque origin, own policy: courses/h5p/frame.py).
 * Starts h5p-standalone on the package (files through the token URL), and hands everything the lesson
 * page must keep to it by postMessage: scored xAPI statements, the resume state, the frame's height,
 * and "failed" when the content cannot start, in which case a translated message replaces the box. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;

    // With an opaque origin, reading localStorage or sessionStorage throws (SecurityError) and H5P core
    // reads them while starting an instance. Give it storage that lives as long as the frame.
    function memoryStorage() {
        var items = {};
        return {
            getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
            setItem: function (key, value) { items[key] = String(value); },
            removeItem: function (key) { delete items[key]; },
            clear: function () { items = {}; },
            key: function (i) { return Object.keys(items)[i] || null; },
            get length() { return Object.keys(items).length; }
        };
    }
    ["localStorage", "sessionStorage"].forEach(function (name) {
        try { window[name].length; } catch (e) {
            Object.defineProperty(window, name, {value: memoryStorage(), configurable: true});
        }
    });
    // The player reads library.json more than once, and this frame's opaque origin gets no HTTP cache:
    // every request for a package file after the first is answered from the first (on 2G a round trip
    // is 300 ms or more). The frame's document asked for the manifests from the start (preload).
    var base = new URL(cfg.files + "/", document.baseURI).href;
    var plainFetch = window.fetch.bind(window);
    var asked = {};
    window.fetch = function (input, init) {
        var url = new URL(typeof input === "string" ? input : (input && input.url) || "", document.baseURI).href;
        var method = ((init && init.method) || (input && input.method) || "GET").toUpperCase();
        if (method !== "GET" || url.indexOf(base) !== 0) { return plainFetch(input, init); }
        if (!asked[url]) { asked[url] = plainFetch(url, {credentials: "same-origin"}); }
        return asked[url].then(function (response) { return response.clone(); });
    };

    // The player (main.bundle.js) comes after this script: start once the document is parsed.
    document.addEventListener("DOMContentLoaded", start);

    function start() {
    var container = document.getElementById("h5p-activity");
    var RECORDED = {
        "http://adlnet.gov/expapi/verbs/answered": true,
        "http://adlnet.gov/expapi/verbs/completed": true
    };
    var lastState = cfg.state || "";
    var outcome = null;  // "ready" or "failed", once known
    var reason = "";

    function send(message) {
        message.lms = "h5p-frame";
        message.activity = cfg.activity;
        window.parent.postMessage(message, cfg.parentOrigin);
    }
    function resize() {
        send({type: "height", height: document.documentElement.scrollHeight});
    }
    function fail(why) {
        if (outcome) { return; }
        outcome = "failed";
        window.lmsH5PFailure = String(why || reason);
        container.hidden = true;
        document.getElementById("h5p-failed").hidden = false;
        send({type: "failed", reason: String(why || reason).slice(0, 200)});
        resize();
    }
    // A script that throws while loading, or a file that does not load (captured: they do not bubble).
    window.addEventListener("error", function (event) {
        var target = event.target;
        reason = event.message || ("not loaded: " + ((target && (target.src || target.href)) || "?"));
    }, true);
    window.addEventListener("unhandledrejection", function (event) { reason = String(event.reason); });

    function instance() {
        var all = (window.H5P && H5P.instances) || [];
        return all.length ? all[0] : null;
    }
    function postState() {
        var current = instance();
        if (!current || typeof current.getCurrentState !== "function") { return; }
        var state = JSON.stringify(current.getCurrentState() || {});
        if (state === lastState) { return; }
        lastState = state;
        send({type: "state", state: state});
    }
    function ready() {
        outcome = "ready";
        send({type: "ready"});
        H5P.externalDispatcher.on("xAPI", function (event) {
            var s = event.data && event.data.statement;
            if (!s || !s.verb || !RECORDED[s.verb.id]) { return; }
            var ctx = s.context && s.context.contextActivities;
            if (ctx && ctx.parent) { return; }  // a sub-question: the top-level statement counts
            send({type: "xapi", statement: JSON.parse(JSON.stringify(s))});
            postState();
        });
        resize();
        if (window.ResizeObserver) { new ResizeObserver(resize).observe(document.body); }
        setInterval(postState, 15000);
        document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "hidden") { postState(); }
        });
    }
    // H5P creates the instance once the package's scripts have run; give it a few frames after the
    // player's promise, then decide.
    function waitForInstance(triesLeft) {
        if (instance() && window.H5P.externalDispatcher) { ready(); return; }
        if (triesLeft <= 0) { fail(reason || "no instance"); return; }
        setTimeout(function () { waitForInstance(triesLeft - 1); }, 100);
    }

    if (typeof H5PStandalone === "undefined") { fail("player not loaded"); return; }
    var options = {
        id: cfg.activity,
        h5pJsonPath: cfg.files,
        frameJs: cfg.frameJs,
        frameCss: cfg.frameCss,
        embedType: "div",
        xAPIObjectIRI: cfg.iri,
        frame: false,
        icon: false
    };
    if (cfg.state) {
        // h5p-standalone 3.8 reads the state from `state` and only when saveFreq is set; saving is ours.
        options.contentUserData = [{state: cfg.state}];
        options.saveFreq = 3600;
    }
    try {
        new H5PStandalone.H5P(container, options).then(function () { waitForInstance(30); }, fail);
    } catch (error) {
        fail(error);
    }
    }
})();
