/* Material's header controls, usable from the keyboard.
   The menu button is named for screen readers and works from the keyboard (WCAG 2.1.1, 4.1.2).
   Below 76.25em the header's menu button is a <label for="__drawer"> (a checkbox toggles the drawer with CSS
   alone): it could not be focused and had no role or name. Here it becomes a named button that Enter and Space
   open; opening moves focus to the drawer's first link, and Escape closes it and returns focus to the button.
   Without JavaScript the label still opens the drawer with a click.
   Tab from the search field: on a phone the open search locks the page's scrolling, so the next control took
   focus below the fold, unseen (2.4.7); once the search has closed, that control is scrolled into view. */
(function () {
  "use strict";

  function enhance() {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector(".md-header label[for='__drawer']");
    if (!drawer || !button || button.dataset.wtReady) return;
    button.dataset.wtReady = "yes";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Menu");
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
      if (!drawer.checked || document.activeElement !== button) return;
      var first = document.querySelector(".md-sidebar--primary a[href]");
      // The drawer becomes visible (CSS visibility) on this change; focus its first link on the next frame.
      if (first) requestAnimationFrame(function () { first.focus(); });
    });
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
    // Material already clicks a focused label on Enter; Space, the other key of a button, is added here.
    button.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      button.click();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !drawer.checked) return;
      button.click();
      button.focus();
    });
  }

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

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
