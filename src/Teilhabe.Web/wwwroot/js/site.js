// Progressive enhancement only: every page works without JavaScript.
// After a full-page validation failure, move focus to the error summary so screen readers announce it;
// failing that, to a notice the page marks with data-focus-on-load (e.g. duplicates found before saving).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("fehler") || document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
});

// The case's section navigation swaps the section in place (hx-boost): focus then moves to the new section's heading,
// so keyboard and screen-reader users continue where the content changed.
var caseSectionRequested = false;
document.addEventListener("htmx:beforeRequest", function (event) {
  caseSectionRequested = !!(event.target && event.target.closest && event.target.closest(".case-nav"));
});
document.addEventListener("htmx:afterSettle", function () {
  if (!caseSectionRequested) {
    return;
  }
  caseSectionRequested = false;
  var heading = document.querySelector("#bereich h2");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
});
