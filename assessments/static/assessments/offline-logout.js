/* On the logout page: before the form is sent, the phone forgets what the person leaving kept on it
 * (offline-queue.js, `forget`), so the next person on a shared phone sees none of it. The logout
 * goes on whatever happens here: after an error, or if the phone's storage does not answer in time. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset;
    if (!self.lmsOffline || !window.indexedDB || !window.Promise) { return; }
    document.querySelectorAll("form[method=post]").forEach(function (form) {
        if (form.getAttribute("action") !== cfg.action) { return; }
        var leaving = false;
        form.addEventListener("submit", function (event) {
            if (leaving) { return; }
            event.preventDefault();
            leaving = true;
            var go = function () { form.submit(); };
            var late = new Promise(function (resolve) { setTimeout(resolve, 3000); });
            Promise.race([self.lmsOffline.forget(), late]).then(go, go);
        });
    });
})();
