// Optional: refresh the live table in place (a few KB) instead of reloading the whole page.
(function () {
  var box = document.getElementById("live");
  if (!box || !window.fetch) return;
  var every = parseInt(box.getAttribute("data-every"), 10) * 1000;
  setInterval(function () {
    if (document.hidden) return;
    fetch(box.getAttribute("data-live"), {credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) box.innerHTML = html; })
      .catch(function () {});
  }, every);
})();
