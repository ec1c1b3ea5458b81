/* "Download for offline": asks the server for the test (no answer keys) and a key for this phone,
 * keeps them in IndexedDB and installs the service worker that opens the offline page without
 * network. The test's audio is kept (cache "lms-audio", served by the worker) only when the trainee
 * ticked it. Without JavaScript, service workers or IndexedDB the button stays hidden. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;
    if (!("serviceWorker" in navigator) || !window.indexedDB || !window.fetch || !self.lmsOffline) { return; }
    var ready = navigator.serviceWorker.register(cfg.sw, {scope: "/"}).then(function () { return navigator.serviceWorker.ready; });
    document.querySelectorAll("[data-offline-download]").forEach(function (box) {
        var note = box.querySelector("[data-offline-note]"), link = box.querySelector("[data-offline-link]");
        box.hidden = false;
        box.querySelector("button").addEventListener("click", function () {
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
                        note.textContent = withAudio ? cfg.doneAudio : cfg.done;
                        link.hidden = false;
                    });
                });
            }).catch(function () { note.textContent = cfg.failed; });
        });
    });
})();
