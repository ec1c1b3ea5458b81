/* "Download for offline": asks the server for the test (no answer keys) and a key for this phone,
 * keeps them in IndexedDB and installs the service worker that opens the offline page without
 * network. Without JavaScript, service workers or IndexedDB the button stays hidden. */
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
            box.querySelectorAll("input").forEach(function (input) { data.append(input.name, input.value); });
            note.textContent = cfg.working;
            fetch(box.dataset.action, {method: "POST", body: data, credentials: "same-origin"}).then(function (response) {
                return response.json().then(function (body) {
                    if (!response.ok) { note.textContent = body.error || cfg.failed; return; }
                    return Promise.all([self.lmsOffline.put("packages", body), ready]).then(function () {
                        if (navigator.storage && navigator.storage.persist) { navigator.storage.persist(); }
                        note.textContent = cfg.done;
                        link.hidden = false;
                    });
                });
            }).catch(function () { note.textContent = cfg.failed; });
        });
    });
})();
