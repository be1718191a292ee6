/* Working Together: the "Copy citation" button on each provision.
   Progressive enhancement: the button is hidden in the HTML and shown only when the clipboard
   can be used. The citation (edition, number, title) is in the button's data-citation; the
   permanent URL is taken from the page's own location at click time, so it is right on any
   host or folder. Nothing is sent anywhere. */
(function () {
  "use strict";

  /* The permanent link beside the button (chapters, modules), or this page itself (a permanent page). */
  function permanentUrl(button) {
    var link = button.parentElement.querySelector("a.wt-permalink");
    if (link) return link.href;
    return location.href.split("#")[0].split("?")[0];
  }

  function enhance() {
    if (!navigator.clipboard) return;
    document.querySelectorAll(".wt-copy-citation").forEach(function (button) {
      if (button.dataset.wtReady) return;
      button.dataset.wtReady = "yes";
      button.hidden = false;
      button.addEventListener("click", function () {
        var citation = button.getAttribute("data-citation") + " " + permanentUrl(button);
        navigator.clipboard.writeText(citation).then(
          function () { button.textContent = "Citation copied"; },
          function () { button.textContent = "Copy failed: select the text instead"; }
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
