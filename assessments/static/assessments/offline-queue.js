/* Tests and attempts kept on this phone (IndexedDB), and sending the attempts: shared by the offline
 * page and the service worker (Background Sync), so one piece of code sends. An attempt is never
 * deleted here but at a logout (`forget`): sent and refused ones stay with their result, queued ones
 * until the server answers. */
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
        remove: function (store, key) { return run(store, "readwrite", function (s) { return s.delete(key); }); },
        /* At logout (docs/field.md, "Logout on a shared phone"): the next person on this phone sees
         * nothing of the one who leaves. Their own downloaded tests go (a trainer's download for a
         * session stays, for the participants); results go; attempts handed in but not sent stay, to be
         * sent with their own signed tokens, marked as another person's and without a name; attempts
         * begun on one's own download stay hidden until that person downloads the test again here. */
        forget: function () {
            return Promise.all([api.all("packages"), api.all("attempts")]).then(function (found) {
                var shared = {}, work = [];
                found[0].forEach(function (p) {
                    if (p.shared) { shared[p.key] = true; } else { work.push(api.remove("packages", p.key)); }
                });
                found[1].forEach(function (a) {
                    if (a.state === "sent" || a.state === "refused") { work.push(api.remove("attempts", a.id)); return; }
                    if (a.state === "draft" && shared[a.key]) { return; }
                    if (a.state === "queued") { a.other = true; }
                    a.name = "";
                    work.push(api.put("attempts", a));
                });
                return Promise.all(work);
            });
        },
        /* PUT one handed-in attempt. Sent: keeps the server's result. Refused (4xx): keeps the reason.
         * No network, a server error or "too many tries, later" (429): stays queued for the next try
         * (`retry` is "server" when the server answered without taking it). */
        send: function (attempt) {
            return fetch(attempt.url, {
                method: "PUT", credentials: "omit", headers: {"Content-Type": "application/json"},
                body: JSON.stringify({
                    device_token: attempt.deviceToken, form_token: attempt.formToken, form_version: attempt.version,
                    answers: attempt.fields, started_at: attempt.startedAt, finished_at: attempt.finishedAt,
                    participant: attempt.participant, pin: attempt.pin
                })
            }).then(function (response) {
                /* Not the server's JSON (an HTML error page from a proxy or a crash, a Wi-Fi login page
                 * answering 200): not sent, and the next attempts are still tried. */
                return response.json().then(function (body) {
                    return body && typeof body === "object" ? body : null;
                }, function () { return null; }).then(function (body) {
                    attempt.retry = "";
                    /* Another person's attempt (kept at a logout): once the server answered for good,
                     * its result is not the next person's to see, and it leaves the phone. */
                    if (attempt.other && body && response.status < 500 && response.status !== 429) {
                        return api.remove("attempts", attempt.id).then(function () { attempt.state = "gone"; return attempt; });
                    }
                    if (response.ok && body) { attempt.state = "sent"; attempt.result = body; attempt.pin = ""; attempt.error = ""; }
                    /* 429: "try again later" (too many wrong PINs); it stays queued, with the reason. */
                    else if (response.status === 429 && body) { attempt.error = body.error || ""; }
                    /* Refused for good: the PIN typed for it is of no more use, and is not kept. */
                    else if (response.status < 500 && body) { attempt.state = "refused"; attempt.pin = ""; attempt.error = body.error || String(response.status); }
                    /* The server answered, but did not take it: it stays queued, said as such. */
                    else { attempt.retry = "server"; attempt.error = ""; }
                    attempt.answeredAt = Date.now();
                    return api.put("attempts", attempt).then(function () { return attempt; });
                });
            }, function () {
                /* No network: waiting for it (no longer for the server). */
                if (!attempt.retry) { return attempt; }
                attempt.retry = "";
                return api.put("attempts", attempt).then(function () { return attempt; });
            });
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
