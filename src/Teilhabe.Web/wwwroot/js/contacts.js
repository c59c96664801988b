// Progressive enhancement for the contact pages; everything works without JavaScript.
// - Ctrl+Enter (or Cmd+Enter) in a form marked data-submit-on-ctrl-enter submits it.
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
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
