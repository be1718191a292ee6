/* Material's header search, usable from the keyboard (the menu button is in drawer.js).
   Tab from the search field: on a phone the open search locks the page's scrolling, so the next control took
   focus below the fold, unseen (2.4.7); once the search has closed, that control is scrolled into view.
   Escape in the search: Material closes it and blurs the field, leaving focus on <body>; it goes back to the
   control the reader left for the search (or, if they came from nowhere, the page's heading). */
(function () {
  "use strict";

  var beforeSearch = null;
  document.addEventListener("focusin", function (event) {
    var from = event.relatedTarget;
    if (event.target.matches(".md-search__input")) beforeSearch = from && !from.closest(".md-search") ? from : null;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !event.target.closest || !event.target.closest(".md-search")) return;
    var back = beforeSearch;
    // After Material's own handler, which closes the search and blurs the field.
    setTimeout(function () {
      if (document.activeElement && document.activeElement !== document.body) return;
      var shown = back && back.isConnected && back.checkVisibility({ visibilityProperty: true });
      var target = shown ? back : document.querySelector(".md-content h1");
      if (!target) return;
      if (!shown) target.setAttribute("tabindex", "-1");
      target.focus();
    }, 0);
  }, true);

  var leavingSearch = false;
  document.addEventListener("keydown", function (event) {
    leavingSearch = event.key === "Tab" && event.target.matches(".md-search__input");
  }, true);
  document.addEventListener("focusin", function (event) {
    if (!leavingSearch) return;
    leavingSearch = false;
    var next = event.target;
    // The search's scroll lock lifts once its closing has run, later on a slow phone: try again until then.
    [50, 250, 750].forEach(function (delay) {
      setTimeout(function () {
        var box = next.getBoundingClientRect();
        if (document.activeElement === next && (box.bottom <= 0 || box.top >= window.innerHeight)) {
          next.scrollIntoView({ block: "nearest" });
        }
      }, delay);
    });
  });
})();
