// Progressive enhancement only: every page works without JavaScript.
// After a full-page validation failure, move focus to the error summary so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("fehler");
  if (summary) {
    summary.focus();
  }
});
