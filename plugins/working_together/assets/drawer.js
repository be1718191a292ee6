/* The navigation drawer below 76.25em (phones and tablets), usable from the keyboard.
   Material opens the drawer, and each section's panel inside it, with checkboxes toggled by <label>s that a
   keyboard could not reach and a screen reader could not name (WCAG 2.1.1, 4.1.2). A label may not take a
   button's role, so each is stood in for by a real <button> drawn like it, which clicks the checkbox:
   - the header's menu button, named "Menu": Enter or Space opens the drawer with focus on its first link,
     Escape closes it and returns focus to the button, and focus leaving the drawer closes it, so Tab never
     lands on the page its overlay hides (2.4.11);
   - in the drawer, each section's label, which opens its panel with focus on the panel's title, itself a
     "Back" button that closes the panel and returns focus to the section (working-together.css hides what
     an open panel covers, so those links leave the tab order too). On a wide screen sections are headings,
     so there Material's labels are left as they are.
   Without JavaScript every label still works with a click. */
(function () {
  "use strict";

  var NARROW = window.matchMedia("(max-width: 76.234375em)");

  /* A button that stands in for `label`, drawn by the same classes, clicking the checkbox the label is for. */
  function standIn(label, name) {
    if (label.wtButton) return label.wtButton;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " wt-label-button";
    // Material styles these controls by their `for` (hidden on wide screens, hover colours): keep it, inert.
    button.setAttribute("for", label.htmlFor);
    button.innerHTML = label.innerHTML;  // Material's own markup: its icon and text
    button.querySelectorAll("[id]").forEach(function (element) { element.removeAttribute("id"); });
    if (name) button.setAttribute("aria-label", name);
    button.addEventListener("click", function () { toggleOf(label).click(); });
    label.after(button);
    label.classList.add("wt-stood-in");
    label.wtButton = button;
    return button;
  }

  function withdraw(label) {
    if (!label.wtButton) return;
    label.wtButton.remove();
    label.wtButton = null;
    label.classList.remove("wt-stood-in");
  }

  function toggleOf(label) {
    return document.getElementById(label.htmlFor);
  }

  function expanded(button, toggle) {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  /* Each section of the drawer: its label (Material gives sections no tab stop) and its panel's title. */
  function sections() {
    var found = [];
    document.querySelectorAll(".md-nav--primary .md-nav__toggle[id^='__nav']").forEach(function (toggle) {
      var item = toggle.parentElement;
      var label = item.querySelector(":scope > label.md-nav__link:not([tabindex='0'])");
      var title = item.querySelector(":scope > .md-nav > label.md-nav__title");
      if (label && title) found.push({ toggle: toggle, label: label, title: title });
    });
    return found;
  }

  function arrangeSections(narrow) {
    sections().forEach(function (section) {
      if (!narrow) {
        withdraw(section.label);
        withdraw(section.title);
        return;
      }
      var name = section.label.textContent.replace(/\s+/g, " ").trim();
      expanded(standIn(section.label), section.toggle);
      standIn(section.title, "Back from " + name);
    });
  }

  function menuButton() {
    var label = document.querySelector(".md-header label[for='__drawer']");
    return label && label.wtButton;
  }

  /* The first link or button the drawer draws: an open panel covers the list (and logo) before it. */
  function firstShown(sidebar) {
    return Array.prototype.find.call(sidebar.querySelectorAll("a[href], button"), function (control) {
      return control.checkVisibility({ visibilityProperty: true });
    });
  }

  /* A panel is still sliding in from the side when its Back button takes focus, so the browser scrolled the drawer
     sideways to show it, and once the slide ended the drawer was blank with focus 242px off screen (the review's
     N1). The drawer never scrolls sideways: undo that scroll, keeping any scroll down to the focused control. */
  function focusInDrawer(control) {
    control.focus();
    var wrap = control.closest(".md-sidebar__scrollwrap");
    if (wrap) wrap.scrollLeft = 0;
  }

  function enhance() {
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector(".md-header label[for='__drawer']");
    if (!drawer || !label || label.wtButton) return;
    expanded(standIn(label, "Menu"), drawer);
    arrangeSections(NARROW.matches);
  }

  // Opening the drawer or a section from its button moves focus into what opened; closing a section moves it
  // back to the section's button. What opens becomes visible (CSS) on this change: focus it on the next frame.
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    var from = document.activeElement;
    var next = null;
    if (toggle.id === "__drawer" && menuButton()) {
      expanded(menuButton(), toggle);
      if (toggle.checked && from === menuButton()) next = firstShown(document.querySelector(".md-sidebar--primary"));
    } else {
      sections().forEach(function (section) {
        var button = section.label.wtButton;
        if (section.toggle !== toggle || !button) return;
        expanded(button, toggle);
        if (toggle.checked && from === button) next = section.title.wtButton;
        if (!toggle.checked && from === section.title.wtButton) next = button;
      });
    }
    if (next) requestAnimationFrame(function () { focusInDrawer(next); });
  });

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked || !menuButton()) return;
    menuButton().click();
    menuButton().focus();
  });

  document.addEventListener("focusin", function (event) {
    var drawer = document.getElementById("__drawer");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!drawer || !drawer.checked || !NARROW.matches || !menuButton()) return;
    if (sidebar.contains(event.target) || event.target === menuButton()) return;
    menuButton().click();
  });

  NARROW.addEventListener("change", function (event) { arrangeSections(event.matches); });

  // Material's document$ re-runs page scripts after instant navigation; plain load otherwise.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
