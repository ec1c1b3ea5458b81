/* Tests and attempts kept on this phone (IndexedDB), and sending the attempts: shared by the offline
 * page and the service worker (Background Sync), so one piece of code sends. An attempt is never
 * deleted here: sent and refused ones stay with their result, queued ones until the server answers. */
(function (scope) {
    "use strict";
    function open() {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open("lms-offline", 1);
            request.onupgradeneeded = function () {
                request.result.createObjectStore("packages", {keyPath: "key"});
                request.result.createObjectStore("attempts", {keyPath: "id"});
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }
    function run(store, mode, operation) {
        return open().then(function (db) {
            return new Promise(function (resolve, reject) {
                var tx = db.transaction(store, mode), request = operation(tx.objectStore(store));
                tx.oncomplete = function () { db.close(); resolve(request.result); };
                tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
            });
        });
    }
    var sending = null;
    var api = {
        get: function (store, key) { return run(store, "readonly", function (s) { return s.get(key); }); },
        all: function (store) { return run(store, "readonly", function (s) { return s.getAll(); }); },
        put: function (store, value) { return run(store, "readwrite", function (s) { return s.put(value); }); },
        /* PUT one handed-in attempt. Sent: keeps the server's result. Refused (4xx): keeps the reason.
         * No network, a server error or "too many tries, later" (429): stays queued for the next try. */
        send: function (attempt) {
            return fetch(attempt.url, {
                method: "PUT", credentials: "omit", headers: {"Content-Type": "application/json"},
                body: JSON.stringify({
                    device_token: attempt.deviceToken, form_token: attempt.formToken, form_version: attempt.version,
                    answers: attempt.fields, started_at: attempt.startedAt, finished_at: attempt.finishedAt,
                    participant: attempt.participant, pin: attempt.pin
                })
            }).then(function (response) {
                return response.json().then(function (body) {
                    if (response.ok) { attempt.state = "sent"; attempt.result = body; attempt.pin = ""; attempt.error = ""; }
                    /* 429: "try again later" (too many wrong PINs); it stays queued, with the reason. */
                    else if (response.status === 429) { attempt.error = body.error || ""; }
                    else if (response.status < 500) { attempt.state = "refused"; attempt.error = body.error || String(response.status); }
                    else { return attempt; }
                    attempt.answeredAt = Date.now();
                    return api.put("attempts", attempt).then(function () { return attempt; });
                });
            }, function () { return attempt; });
        },
        /* Send every queued attempt, one after the other; one run at a time per page or worker. */
        sendAll: function () {
            if (sending) { return sending; }
            sending = api.all("attempts").then(function (attempts) {
                return attempts.filter(function (a) { return a.state === "queued"; }).reduce(function (chain, a) {
                    return chain.then(function () { return api.send(a); });
                }, Promise.resolve());
            }).then(function () { sending = null; }, function () { sending = null; });
            return sending;
        }
    };
    scope.lmsOffline = api;
})(self);
