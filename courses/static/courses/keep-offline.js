/* Lessons kept for offline reading. On a lesson page, the "Keep for offline reading" control stores
 * the page in the phone's "lms-pages" cache and its styles and scripts in "lms-files"; the service
 * worker serves them from there when there is no network (and refreshes a kept page whenever it is
 * opened with network). On the offline page, the list of kept lessons, each with "Remove". Without
 * JavaScript, service workers or the Cache API, nothing of this is shown. Strings come from data-
 * attributes, already translated. */
(function () {
    "use strict";
    var cfg = document.currentScript.dataset, PAGES = "lms-pages", FILES = "lms-files";
    if (!("serviceWorker" in navigator) || !window.caches || !window.fetch) { return; }

    function isKept(path) {
        return caches.open(PAGES).then(function (cache) { return cache.match(path); }).then(Boolean);
    }
    function keep(path) {
        var files = [].map.call(document.querySelectorAll("link[rel=stylesheet][href], script[src]"), function (node) {
            return node.getAttribute("href") || node.getAttribute("src");
        });
        var worker = navigator.serviceWorker.register(cfg.sw, {scope: "/"}).then(function () { return navigator.serviceWorker.ready; });
        return Promise.all([
            caches.open(PAGES).then(function (cache) { return cache.add(path); }),
            caches.open(FILES).then(function (cache) { return cache.addAll(files); }),
            worker
        ]).then(function () { if (navigator.storage && navigator.storage.persist) { navigator.storage.persist(); } });
    }
    function remove(path) {
        return caches.open(PAGES).then(function (cache) { return cache["delete"](path); });
    }

    var box = document.querySelector("[data-keep]");
    if (box) {
        var button = box.querySelector("button"), note = box.querySelector("[data-keep-note]"), path = location.pathname;
        var show = function (kept) {
            button.textContent = kept ? cfg.remove : cfg.labelKeep;
            note.textContent = kept ? cfg.labelKept : "";
            button.dataset.kept = kept ? "1" : "";
        };
        isKept(path).then(function (kept) { show(kept); box.hidden = false; });
        button.addEventListener("click", function () {
            var kept = button.dataset.kept;
            note.textContent = kept ? "" : cfg.working;
            (kept ? remove(path) : keep(path)).then(function () { show(!kept); }, function () { note.textContent = cfg.failed; });
        });
    }

    var list = document.querySelector("[data-kept]");
    if (list) {
        var render = function () {
            return caches.open(PAGES).then(function (cache) {
                return cache.keys().then(function (requests) {
                    return Promise.all(requests.map(function (request) {
                        return cache.match(request).then(function (response) { return response.text(); }).then(function (html) {
                            var heading = new DOMParser().parseFromString(html, "text/html").querySelector("h1");
                            return {url: new URL(request.url).pathname, title: heading ? heading.textContent.trim() : request.url};
                        });
                    }));
                });
            }).then(function (pages) {
                var ul = list.querySelector("ul");
                ul.textContent = "";
                pages.forEach(function (page) {
                    var li = document.createElement("li"), link = document.createElement("a"), drop = document.createElement("button");
                    link.href = page.url;
                    link.textContent = page.title;
                    drop.type = "button";
                    drop.className = "secondary";
                    drop.textContent = cfg.remove;
                    drop.setAttribute("aria-label", cfg.removeNamed.replace("%(title)s", page.title));
                    drop.addEventListener("click", function () { remove(page.url).then(render); });
                    li.appendChild(link);
                    li.appendChild(drop);
                    ul.appendChild(li);
                });
                list.hidden = !pages.length;
            });
        };
        render();
    }
})();
