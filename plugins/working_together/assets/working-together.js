/* Working Together: the "Copy link" and "Copy citation" buttons on each provision.
   Progressive enhancement: the buttons are hidden in the HTML and shown only when the clipboard
   can be used; the permanent link beside them always works without JavaScript. A citation
   (edition, number, title) is in the button's data-citation, and the permanent URL is taken
   from the page at click time, so it is right on any host or folder. Nothing is sent anywhere. */
(function () {
  "use strict";

  function permalink(button) {
    var link = button.parentElement.querySelector("a.wt-permalink");
    return link && link.href;
  }

  /* What each kind of button copies (nothing: the button stays hidden) and what it says afterwards. */
  var BUTTONS = {
    ".wt-copy-link": {
      text: permalink,
      copied: "Link copied",
      failed: "Copy failed: use the permanent link"
    },
    ".wt-copy-citation": {
      // Beside a permanent link on chapters and modules; on a permanent page, the page itself.
      text: function (button) {
        var url = permalink(button) || location.href.split("#")[0].split("?")[0];
        return button.getAttribute("data-citation") + " " + url;
      },
      copied: "Citation copied",
      failed: "Copy failed: select the text instead"
    }
  };

  /* The outcome, shown on the button, in its accessible name (which its aria-label would otherwise keep as "Copy
     …", 2.5.3) and spoken by a status region: a failed copy is one the reader must act on (4.1.3, the review's N4). */
  function report(button, said, subject) {
    button.textContent = said;
    button.setAttribute("aria-label", subject ? said + " — " + subject : said);
    var status = document.querySelector(".wt-copy-status");
    status.textContent = "";  // the same words again (a second copy) are announced again
    setTimeout(function () { status.textContent = button.getAttribute("aria-label"); }, 50);
  }

  function enhance() {
    if (!navigator.clipboard) return;
    // The status region exists before anything is written to it, or screen readers miss the first message.
    if (!document.querySelector(".wt-copy-status") && document.querySelector(Object.keys(BUTTONS).join(", "))) {
      var status = document.createElement("p");
      status.className = "wt-copy-status wt-visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    Object.keys(BUTTONS).forEach(function (selector) {
      var kind = BUTTONS[selector];
      document.querySelectorAll(selector).forEach(function (button) {
        if (button.dataset.wtReady || !kind.text(button)) return;
        button.dataset.wtReady = "yes";
        button.hidden = false;
        // What the button copies for, from its name ("Copy link to <title>"), to keep in its new name.
        var subject = (button.getAttribute("aria-label") || "").replace(/^Copy (link to|citation for) /, "");
        button.addEventListener("click", function () {
          navigator.clipboard.writeText(kind.text(button)).then(
            function () { report(button, kind.copied, subject); },
            function () { report(button, kind.failed, subject); }
          );
        });
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

/* Material highlights the words of a page's ?h= (which its search results add to their links) with one regular
   expression built from them, once the search index has loaded. A crafted link with a very long ?h= (50,000
   characters) makes that expression too large, and Material throws. No query a reader types is that long, so
   before Material reads the address, an ?h= over the limit is taken out of it (the page is otherwise the same). */
(function () {
  "use strict";
  var LONGEST_HIGHLIGHT = 200;
  var url = new URL(location.href);
  var words = url.searchParams.get("h");
  if (words !== null && words.length > LONGEST_HIGHLIGHT) {
    url.searchParams.delete("h");
    history.replaceState(history.state, "", url.href);
  }
})();
