// Optional: mark attendance without reloading the page, and filter the list as the name is typed.
(function () {
  var form = document.querySelector("[data-attendance]");
  var search = document.querySelector("[data-filter]");
  if (search) {
    search.addEventListener("input", function () {
      var q = search.value.trim().toLowerCase();
      document.querySelectorAll(".marks li[data-name]").forEach(function (li) {
        li.hidden = q && li.getAttribute("data-name").indexOf(q) === -1;
      });
    });
  }
  if (!form || !window.fetch) return;
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button.mark");
    if (!button) return;
    event.preventDefault();
    var body = new FormData();
    body.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    body.append("mark", button.value);
    fetch(form.action || location.href, {method: "POST", body: body, headers: {"X-Requested-With": "fetch"}, credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        button.parentNode.querySelectorAll("button.mark").forEach(function (other) {
          other.classList.toggle("on", other === button);
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        });
      })
      .catch(function () { form.requestSubmit ? form.requestSubmit(button) : form.submit(); });
  });
})();
