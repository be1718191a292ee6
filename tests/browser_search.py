"""Material's own search in Chromium: type a query into the search box and read the pages it lists, in order."""

from __future__ import annotations

import re

from material_search import Result
from playwright.sync_api import Page, expect

# Each listed page is an <li>; its first link is the page (or its best section), the others its further sections.
# The "not covered" notice, kept hidden in the list by assets/search-ui.js, is not a result.
RESULTS = """(base) => [...document.querySelectorAll('.md-search-result__list > .md-search-result__item:not([hidden])')]
    .map(item =>
    [...item.querySelectorAll('a[href]')].map(a => a.href.startsWith(base) ? a.href.slice(base.length) : a.href))"""
# Added to each page before Material's bundle: counts the queries Material sends its search worker (type 2) and
# the results the worker sends back (type 3), so a test knows when the last keystroke has been answered.
COUNT_WORKER_MESSAGES = """(() => {
    const Native = window.Worker;
    window.__searchMessages = {sent: 0, answered: 0};
    window.Worker = class extends Native {
        constructor(...args) {
            super(...args);
            this.addEventListener('message', e => {
                if (e.data && e.data.type === 3) window.__searchMessages.answered++;
            });
        }
        postMessage(message, ...rest) {
            if (message && message.type === 2) window.__searchMessages.sent++;
            return super.postMessage(message, ...rest);
        }
    };
})()"""
# Every query answered, then the result list unchanged for a few frames (Material renders results in batches).
SETTLED = """() => new Promise(resolve => {
    const list = document.querySelector('.md-search-result__list');
    let last = null, quiet = 0;
    const tick = () => {
        const {sent, answered} = window.__searchMessages;
        const now = document.querySelector('.md-search-result__meta').textContent + list.innerHTML;
        quiet = sent > 0 && sent === answered && now === last ? quiet + 1 : 0;
        last = now;
        if (quiet >= 3) resolve(); else setTimeout(tick, 50);
    };
    tick();
})"""


def count_search_messages(page: Page) -> None:
    """Count the search worker's messages on every page this Playwright page opens (call before `goto`)."""
    page.add_init_script(COUNT_WORKER_MESSAGES)


def open_search(page: Page) -> None:
    """Open the search dialog with the keyboard, and wait until Material's worker has built the index."""
    page.keyboard.press("/")
    page.locator(".md-search__input").wait_for(state="visible")
    # A locator, not wait_for_function: the site's Content-Security-Policy forbids the eval that a string needs.
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search")


def material_search(page: Page, base: str, query: str) -> list[Result]:
    """The pages Material lists for `query` typed into the open search box, best first."""
    field = page.locator(".md-search__input")
    field.fill("")
    field.press_sequentially(query)
    page.evaluate(SETTLED)
    results = []
    for links in page.evaluate(RESULTS, base.rstrip("/") + "/"):
        # Material adds ?h=<query> (search.highlight) before a section's #anchor.
        locations = [re.sub(r"\?[^#]*", "", link) for link in links]
        results.append(Result(locations[0].split("#")[0], locations))
    return results


def measure(page: Page, base: str, queries: list[tuple[str, tuple[str, ...]]], cutoff: int = 5) -> dict:
    """Recall at `cutoff` and mean reciprocal rank of `queries` typed into Material's search on the home page."""
    from search_queries import rank  # noqa: PLC0415 - the table lives beside the tests that use it

    count_search_messages(page)
    page.goto(base)
    open_search(page)
    places = {query: rank(material_search(page, base, query), targets) for query, targets in queries}
    return {
        f"recall_at_{cutoff}": round(sum(1 for p in places.values() if p and p <= cutoff) / len(queries), 3),
        "mrr": round(sum(1 / p for p in places.values() if p) / len(queries), 3),
        "queries": len(queries),
        "missed": [query for query, p in places.items() if not p or p > cutoff],
        "not_first": {query: p for query, p in places.items() if p and p > 1},
    }
