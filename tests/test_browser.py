"""In headless Chromium: reading a chapter, following a cross-reference and a permanent link, with axe-core."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PROJECT
from playwright.sync_api import Browser, Page, sync_playwright
from working_together.load import load_corpus

CHROMIUM = "/usr/bin/chromium"  # Debian's package; `make test` installs it. Never `playwright install`.
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free local port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page that records every request, so a test can prove none leaves the site."""
    context = browser.new_context(base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.requested = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested.append(request.url))  # type: ignore[attr-defined]
    yield page
    context.close()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.x A and AA violations on the current page."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))",
        WCAG_TAGS,
    )


def a_cross_reference() -> tuple[str, str, str]:
    """(chapter page, source provision, target provision) for a [[id]] cross-reference within one edition."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    for edition in corpus.editions:
        placements = edition.placements
        for provision_id, placement in placements.items():
            version = corpus.provisions[provision_id].version_in(edition.id)
            for target in version.cited_ids:
                if target in placements and placements[target].chapter is not placement.chapter:
                    return f"/editions/{edition.id}/chapter-{placement.chapter.number}/", provision_id, target
    raise AssertionError("the content has no cross-reference between chapters to exercise")


def test_reader_follows_a_cross_reference_then_a_permanent_link(page: Page, base_url: str) -> None:
    """Open a chapter, follow a cross-reference to another chapter, then the permanent link; axe finds nothing."""
    chapter, source_id, target_id = a_cross_reference()
    page.goto(chapter)
    assert axe_violations(page) == []

    page.locator(f"#{source_id}").locator("xpath=..").locator(f"a[href$='#{target_id}']").first.click()
    page.wait_for_url(f"**#{target_id}")
    target_heading = page.locator(f"h3#{target_id}")
    assert target_heading.is_visible()
    assert axe_violations(page) == []

    target_heading.locator("xpath=..").locator("a.wt-permalink").click()
    page.wait_for_url(f"{base_url}/provisions/{target_id}/")
    assert page.locator("h1").is_visible()
    assert axe_violations(page) == []
    assert all(url.startswith(base_url) for url in page.requested), page.requested  # type: ignore[attr-defined]


def test_copy_link_button_copies_the_permanent_address(page: Page, base_url: str) -> None:
    """The button appears only with JavaScript and puts the provision's permanent URL on the clipboard."""
    chapter, source_id, _ = a_cross_reference()
    page.goto(chapter)
    block = page.locator(f"#{source_id}").locator("xpath=..")
    block.get_by_role("button", name="Copy link").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{base_url}/provisions/{source_id}/"
    assert block.get_by_role("button", name="Copy link").inner_text() == "Link copied"


@pytest.mark.parametrize("path", ["/", "/provisions/", "/glossary/", "/sources/", "/sources/laming-2009/"])
def test_reference_pages_have_no_accessibility_violations(page: Page, path: str) -> None:
    """Home, indexes, glossary and a source page pass axe-core's WCAG 2.2 A and AA rules."""
    page.goto(path)
    assert axe_violations(page) == []
