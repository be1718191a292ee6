/* The search result list, after Material renders it: when our worker (search-worker.js) finds nothing the
 * editions cover well, its first result is a notice linking to the guidance in force. Here it becomes a notice
 * above the results, not a result: a plain link (Material's ?h= highlight parameter removed), not counted in the
 * result count, which the partial (partials/search.html) makes a status message so screen readers announce it.
 */
"use strict";
(() => {
  const IN_FORCE = "https://www.gov.uk/";
  const NOTICE = "wt-search-notice";

  // Material's item for the notice: kept in the list (hidden, out of the tab order) so a re-render is noticed.
  function noticeItem(list) {
    return [...list.querySelectorAll(":scope > .md-search-result__item")]
      .find((item) => (item.querySelector("a.md-search-result__link") || {}).href?.startsWith(IN_FORCE));
  }

  function tidy() {
    const list = document.querySelector(".md-search-result__list");
    const meta = document.querySelector(".md-search-result__meta");
    if (!list || !meta) return;
    const item = noticeItem(list);
    const old = list.parentNode.querySelector(`.${NOTICE}`);
    if (!item) {
      if (old) old.remove();
      return;
    }
    if (item.hidden && old) return;
    const notice = document.createElement("p");
    notice.className = NOTICE;
    const anchor = document.createElement("a");
    anchor.href = item.querySelector("a").href.split("?")[0];
    anchor.textContent = "see the guidance in force on GOV.UK";
    notice.append("These editions do not cover this; ", anchor, ".");
    item.hidden = true;
    item.inert = true;
    if (old) old.remove();
    list.before(notice);
    const count = list.querySelectorAll(":scope > .md-search-result__item:not([hidden])").length;
    meta.textContent = count === 0
      ? "These editions do not cover this"
      : `These editions do not cover this well: ${count} weaker ${count === 1 ? "match" : "matches"}`;
  }

  function watch() {
    const list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(tidy).observe(list, { childList: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
