// Print buttons of the cover letter and template pages (PH-FDS-05): shown only with JavaScript.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
});
