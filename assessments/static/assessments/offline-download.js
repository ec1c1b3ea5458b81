/* "Download for offline": asks the server for the test (no answer keys) and a key for this phone,
 * keeps them in IndexedDB and installs the service worker that opens the offline page without
 * network. Without JavaScript, service workers or IndexedDB the button stays hidden. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;
    if (!("serviceWorker" in navigator) || !window.indexedDB || !window.fetch || !self.lmsOffline) { return; }
    var ready = navigator.serviceWorker.register(cfg.sw, {scope: "/"}).then(function () { return navigator.serviceWorker.ready; });
    document.querySelectorAll("form[data-offline-download]").forEach(function (form) {
        var note = form.querySelector("[data-offline-note]"), link = form.querySelector("[data-offline-link]");
        form.hidden = false;
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            note.textContent = cfg.working;
            fetch(form.action, {method: "POST", body: new FormData(form), credentials: "same-origin"}).then(function (response) {
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
