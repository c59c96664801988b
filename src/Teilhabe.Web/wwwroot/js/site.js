// Progressive enhancement only: every page works without JavaScript.
// After a full-page validation failure, move focus to the error summary so screen readers announce it;
// failing that, to a notice the page marks with data-focus-on-load (e.g. duplicates found before saving).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("fehler") || document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
});
