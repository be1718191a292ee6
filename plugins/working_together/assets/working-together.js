/* Working Together: the copy-link button on each provision.
   Progressive enhancement: the button is hidden in the HTML and shown only when the
   clipboard can be used; the permanent link beside it always works without JavaScript.
   Nothing is sent anywhere. */
(function () {
  "use strict";

  function enhance() {
    if (!navigator.clipboard) return;
    document.querySelectorAll(".wt-copy-link").forEach(function (button) {
      var link = button.parentElement.querySelector("a.wt-permalink");
      if (!link || button.dataset.wtReady) return;
      button.dataset.wtReady = "yes";
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(link.href).then(
          function () { button.textContent = "Link copied"; },
          function () { button.textContent = "Copy failed: use the permanent link"; }
        );
      });
    });
  }

  // Material's document$ re-runs page scripts after instant navigation; plain load otherwise.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
