"""The offline copy (`make offline`) opened as plain files over file:// in Chromium: search and navigator work."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from playwright.sync_api import Browser, Page, expect
from working_together.load import load_corpus

CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")


@pytest.fixture
def offline_page(browser: Browser) -> Iterator[Page]:
    """A fresh page; `page.requested` lists every URL the page or its frames asked for."""
    context = browser.new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.requested = requested  # type: ignore[attr-defined]
    yield page
    context.close()


def test_the_offline_copy_uses_plain_file_urls_and_the_vendored_shim(offline_site: Path) -> None:
    """Pages are page.html (no directory URLs), the index is inlined for file://, and no script comes from a CDN."""
    assert (offline_site / "provisions" / f"{next(iter(CORPUS.provisions))}.html").is_file()
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    home = BeautifulSoup((offline_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [script["src"] for script in home.find_all("script", src=True)]
    assert "assets/working-together/iframe-worker-shim.js" in scripts
    for html_file in offline_site.rglob("*.html"):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for element in page.find_all(["script", "link", "img", "iframe"]):
            address = element.get("src") or element.get("href") or ""
            assert "//" not in address, f"{html_file.relative_to(offline_site)}: {address}"


def test_the_online_site_leaves_the_shim_out(site: Path) -> None:
    """Over http(s) search has its web worker; the shim would only be a render-blocking script in every head."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    scripts = [script["src"] for script in home.find_all("script", src=True)]
    assert any(source.endswith("navigator.js") for source in scripts)
    assert not any("iframe-worker" in source for source in scripts)


def test_search_and_a_result_work_over_file_urls(offline_site: Path, offline_page: Page) -> None:
    """Open the home page from disk, search for LADO, follow a result to the provision; every request is file://."""
    page = offline_page
    page.goto((offline_site / "index.html").as_uri())
    search = page.get_by_role("textbox", name="Search")
    search.click()
    search.press_sequentially("LADO")  # Material searches on key presses; it runs the query once its index is ready
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"\d+ matching documents?"))
    # The first link shown: a chapter's result may hold the provision's section folded under "more".
    result = page.locator(".md-search-result__item a[href*='designated-officer-qualifications']:visible").first
    result.click()
    page.wait_for_url(re.compile(r"^file://.*designated-officer-qualifications"))
    title = CORPUS.provisions["designated-officer-qualifications"].title
    expect(page.locator("h1, h3").filter(has_text=title).first).to_be_visible()
    assert page.requested and all(url.startswith("file://") for url in page.requested), page.requested  # type: ignore[attr-defined]


def test_the_navigator_walks_a_tree_over_file_urls(offline_site: Path, offline_page: Page) -> None:
    """From the tree page on disk, answering the first answer each time reaches an outcome with its citations."""
    page = offline_page
    tree = CORPUS.trees["worried-about-a-child"]
    page.goto((offline_site / "trees" / f"{tree.id}.html").as_uri())
    navigator = page.locator(".wt-navigator")
    step = navigator.locator(".wt-navigator__step")
    expect(step).to_have_text(tree.nodes[tree.start].question)
    node, answered = tree.nodes[tree.start], 0
    while not node.is_outcome:
        navigator.get_by_role("button", name=node.answers[0].answer, exact=True).click()
        node, answered = tree.nodes[node.answers[0].next], answered + 1
        expect(step).to_have_text(node.outcome if node.is_outcome else node.question)
    assert page.url.startswith("file://") and page.url.endswith("#path=" + ".".join(["0"] * answered))
    cited = CORPUS.provisions[node.cites[0]].title
    expect(navigator.get_by_role("link").filter(has_text=cited).first).to_be_visible()
    assert page.requested and all(url.startswith("file://") for url in page.requested), page.requested  # type: ignore[attr-defined]
