/* Material's header search, usable from the keyboard (the menu button is in drawer.js).
   Tab from the search field: on a phone the open search locks the page's scrolling, so the next control took
   focus below the fold, unseen (2.4.7); once the search has closed, that control is scrolled into view. */
(function () {
  "use strict";

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
