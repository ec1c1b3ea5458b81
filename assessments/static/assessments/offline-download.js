/* "Download for offline": asks the server for the test (no answer keys) and a key for this phone,
 * keeps them in IndexedDB and installs the service worker that opens the offline page without
 * network. The test's audio is kept (cache "lms-audio", served by the worker) only when the trainee
 * ticked it. Once the test is on this phone (now, or from an earlier visit) the button gives way to
 * "already on this phone": a second tap would only make a second download. Without JavaScript,
 * service workers or IndexedDB the control stays hidden. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;
    if (!("serviceWorker" in navigator) || !window.indexedDB || !window.fetch || !self.lmsOffline) { return; }
    var ready = navigator.serviceWorker.register(cfg.sw, {scope: "/"}).then(function () { return navigator.serviceWorker.ready; });
    function day(ms) {
        var lang = document.documentElement.lang;
        return new Date(ms).toLocaleDateString(lang === "en" ? "en-GB" : lang, {day: "numeric", month: "long", year: "numeric"});
    }
    document.querySelectorAll("[data-offline-download]").forEach(function (box) {
        var note = box.querySelector("[data-offline-note]"), link = box.querySelector("[data-offline-link]");
        var get = box.querySelector("[data-offline-get]");
        function kept(text) {
            get.hidden = true;
            box.querySelectorAll("[data-offline-choice]").forEach(function (choice) { choice.hidden = true; });
            note.textContent = text;
            link.hidden = false;
        }
        box.hidden = false;
        if (box.dataset.key) {
            self.lmsOffline.get("packages", box.dataset.key).then(function (p) {
                if (!p) { return; }
                if (Date.now() < p.expires) { kept(cfg.kept.replace("%(date)s", day(p.expires))); }
                else { note.textContent = cfg.keptExpired; }
            });
        }
        get.addEventListener("click", function () {
            var data = new FormData(), session = box.querySelector("input[name=session]");
            if (session && !session.reportValidity()) { return; }
            box.querySelectorAll("input[name]").forEach(function (input) { data.append(input.name, input.value); });
            note.textContent = cfg.working;
            fetch(box.dataset.action, {method: "POST", body: data, credentials: "same-origin"}).then(function (response) {
                return response.json().then(function (body) {
                    if (!response.ok) { note.textContent = body.error || cfg.failed; return; }
                    var audio = box.querySelector("[data-offline-audio]"), withAudio = audio && audio.checked && body.audio.length;
                    var clips = withAudio ? caches.open("lms-audio").then(function (cache) { return cache.addAll(body.audio); }) : null;
                    return Promise.all([self.lmsOffline.put("packages", body), ready, clips]).then(function () {
                        if (navigator.storage && navigator.storage.persist) { navigator.storage.persist(); }
                        /* A trainer's shared phone may download for another session: its button stays. */
                        if (box.dataset.key) { kept(withAudio ? cfg.doneAudio : cfg.done); }
                        else { note.textContent = withAudio ? cfg.doneAudio : cfg.done; link.hidden = false; }
                    });
                });
            }).catch(function () { note.textContent = cfg.failed; });
        });
    });
})();
