/* The service worker: keeps the offline page and its files, so tests kept on this phone open without
 * network; serves what the trainee chose to keep (lessons in "lms-pages" and their files in
 * "lms-files", kept by courses/keep-offline.js; a test's audio in "lms-audio", kept at download);
 * sends queued attempts when the browser has Background Sync. Version {{ version }}. */
"use strict";
var CACHE = "lms-shell-{{ version }}", PAGES = "lms-pages";
var SHELL = {{ shell|safe }};
var OFFLINE_PAGES = {{ offline_pages|safe }};
importScripts("{{ queue }}");

self.addEventListener("install", function (event) {
    // Fetched without cookies: the offline page is shown to whoever holds the phone next, so the copy
    // kept never carries a logged-in header (nor a message meant for the person logged in).
    var anonymous = SHELL.map(function (path) { return new Request(path, {credentials: "omit"}); });
    event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(anonymous); }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf("lms-shell-") === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (event) {
    var request = event.request, url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) { return; }
    if (SHELL.indexOf(url.pathname) !== -1) {
        // The shell: from the phone at once; refreshed from the network in the background.
        event.respondWith(caches.open(CACHE).then(function (cache) {
            return cache.match(url.pathname).then(function (hit) {
                var fresh = fetch(url.pathname, {credentials: "omit"}).then(function (response) {
                    if (response.ok) { cache.put(url.pathname, response.clone()); }
                    return response;
                });
                if (hit) { event.waitUntil(fresh.catch(function () {})); return hit; }
                return fresh;
            });
        }));
    } else if (request.mode === "navigate") {
        // Any other page: the network (refreshing the phone's copy of a kept lesson); without it, the
        // kept copy, else the offline page in the page's language.
        event.respondWith(fetch(request).then(function (response) {
            if (response.ok && !response.redirected) {
                var copy = response.clone();
                event.waitUntil(caches.open(PAGES).then(function (cache) {
                    return cache.match(url.pathname).then(function (kept) { return kept && cache.put(url.pathname, copy); });
                }));
            }
            return response;
        }, function () {
            return caches.open(PAGES).then(function (cache) { return cache.match(url.pathname); }).then(function (kept) {
                var page = OFFLINE_PAGES.filter(function (p) { return url.pathname.indexOf(p.slice(0, 4)) === 0; })[0];
                return kept || caches.match(page || OFFLINE_PAGES[0]);
            });
        }));
    } else {
        // A file the trainee chose to keep (a kept lesson's styles, a test's audio) comes from the
        // phone, even with network: that is the data they saved. Anything else: the network.
        event.respondWith(caches.match(request).then(function (kept) { return kept || fetch(request); }));
    }
});
self.addEventListener("sync", function (event) {
    if (event.tag === "lms-offline") { event.waitUntil(self.lmsOffline.sendAll()); }
});
