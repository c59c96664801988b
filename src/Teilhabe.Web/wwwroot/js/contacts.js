// Progressive enhancement for the contact pages; everything works without JavaScript.
// - Ctrl+Enter (or Cmd+Enter) in a form marked data-submit-on-ctrl-enter submits it.
// - Once such a form is being submitted, no further autosave of its draft is sent (the save deletes the draft).
// - An autosave that meets an expired session shows a notice instead of the login page.
// - Buttons marked data-print are shown and print the page.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-submit-on-ctrl-enter]").forEach(function (form) {
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        if (typeof form.requestSubmit === "function") {
          form.requestSubmit();
        } else {
          form.submit();
        }
      }
    });
    form.addEventListener("submit", function () {
      form.dataset.submitting = "true";
    });
    form.addEventListener("htmx:confirm", function (event) {
      if (form.dataset.submitting === "true") {
        event.preventDefault();
      }
    });
    form.addEventListener("htmx:beforeSwap", function (event) {
      var xhr = event.detail.xhr;
      if (xhr && xhr.responseURL && xhr.responseURL.indexOf("/konto/anmelden") !== -1) {
        event.detail.shouldSwap = false;
        var status = document.getElementById("entwurf-status");
        if (status) {
          status.textContent = "Ihre Sitzung ist abgelaufen. Der zuletzt gespeicherte Entwurf bleibt erhalten: bitte neu anmelden und das Formular wieder öffnen.";
        }
      }
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
