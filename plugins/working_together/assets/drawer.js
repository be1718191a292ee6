/* The navigation drawer below 76.25em (phones and tablets), usable from the keyboard.
   Material opens the drawer, and each section's panel inside it, with checkboxes toggled by <label>s that a
   keyboard could not reach and a screen reader could not name (WCAG 2.1.1, 4.1.2). Here:
   - the header's menu label is a button named "Menu": Enter or Space opens the drawer with focus on its first
     link, Escape closes it and returns focus to the button, and focus leaving the drawer closes it, so Tab
     never lands on the page its overlay hides (2.4.11);
   - each section in the drawer is a button that opens its panel with focus on the panel's title, itself a
     "Back" button that closes the panel and returns focus to the section (working-together.css hides what an
     open panel covers, so those links leave the tab order too).
   Material already clicks a focused label on Enter; Space, the other key of a button, is added here.
   Without JavaScript every label still works with a click. */
(function () {
  "use strict";

  var NARROW = window.matchMedia("(max-width: 76.234375em)");

  function drawerParts() {
    return {
      drawer: document.getElementById("__drawer"),
      menu: document.querySelector(".md-header label[for='__drawer']"),
      sidebar: document.querySelector(".md-sidebar--primary")
    };
  }

  function makeButton(label, name) {
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name) label.setAttribute("aria-label", name);
  }

  function unmakeButton(label) {
    ["role", "tabindex", "aria-label", "aria-expanded"].forEach(function (name) { label.removeAttribute(name); });
  }

  /* A section's label and its panel's title, as buttons while the drawer is the navigation (narrow screens);
     on a wide screen sections are headings, left as Material draws them. */
  function sections(narrow) {
    document.querySelectorAll(".md-nav--primary .md-nav__toggle[id^='__nav']").forEach(function (toggle) {
      var id = toggle.id;
      var label = toggle.parentElement.querySelector(":scope > label.md-nav__link[for='" + id + "']");
      var title = toggle.parentElement.querySelector(":scope > .md-nav > label.md-nav__title[for='" + id + "']");
      if (!label || !title) return;
      if (!label.dataset.wtSection) label.dataset.wtSection = label.hasAttribute("tabindex") ? "focusable" : "heading";
      if (narrow) {
        if (label.dataset.wtSection === "heading") makeButton(label);
        label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
        makeButton(title, "Back from " + label.textContent.replace(/\s+/g, " ").trim());
      } else {
        if (label.dataset.wtSection === "heading") unmakeButton(label);
        else label.removeAttribute("aria-expanded");
        unmakeButton(title);
      }
    });
  }

  /* The first link or button the drawer draws: an open panel covers the list (and logo) before it. */
  function firstShown(sidebar) {
    return Array.prototype.find.call(sidebar.querySelectorAll("a[href], label[tabindex='0']"), function (control) {
      return control.checkVisibility({ visibilityProperty: true });
    });
  }

  function enhance() {
    var parts = drawerParts();
    if (!parts.drawer || !parts.menu || parts.menu.dataset.wtReady) return;
    parts.menu.dataset.wtReady = "yes";
    makeButton(parts.menu, "Menu");
    parts.menu.setAttribute("aria-expanded", parts.drawer.checked ? "true" : "false");
    sections(NARROW.matches);
  }

  // Opening the drawer or a section from its button moves focus into what opened; closing a section moves it
  // back to the section's button. What opens becomes visible (CSS) on this change: focus it on the next frame.
  document.addEventListener("change", function (event) {
    var toggle = event.target;
    var parts = drawerParts();
    var from = document.activeElement;
    var next = null;
    if (toggle === parts.drawer) {
      parts.menu.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      if (toggle.checked && from === parts.menu) next = firstShown(parts.sidebar);
    } else if (toggle.matches(".md-nav--primary .md-nav__toggle") && NARROW.matches) {
      var label = toggle.parentElement.querySelector(":scope > label.md-nav__link");
      var title = toggle.parentElement.querySelector(":scope > .md-nav > label.md-nav__title");
      if (label) label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
      if (toggle.checked && from === label) next = title;
      if (!toggle.checked && from === title) next = label;
    }
    if (next) requestAnimationFrame(function () { next.focus(); });
  });

  document.addEventListener("keydown", function (event) {
    var parts = drawerParts();
    if (event.key === " " && event.target.matches("label[role='button']")) {
      event.preventDefault();
      event.target.click();
    } else if (event.key === "Escape" && parts.drawer && parts.drawer.checked) {
      parts.menu.click();
      parts.menu.focus();
    }
  });

  document.addEventListener("focusin", function (event) {
    var parts = drawerParts();
    if (!parts.drawer || !parts.drawer.checked || !NARROW.matches) return;
    if (parts.sidebar.contains(event.target) || event.target === parts.menu) return;
    parts.menu.click();
  });

  NARROW.addEventListener("change", function (event) { sections(event.matches); });

  // Material's document$ re-runs page scripts after instant navigation; plain load otherwise.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
