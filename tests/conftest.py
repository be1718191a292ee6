"""Shared fixtures: the project on disk, a strict build of the real site, and throwaway copies to break."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page, sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"  # Debian's package; `make test` installs it. Never `playwright install`.
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def build_site(project: Path, site_dir: Path) -> None:
    """Build `project` exactly as `make build` does: strict, so any warning raises."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test run."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    build_site(PROJECT, site_dir)
    return site_dir


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built as `make offline` builds it: strict, with OFFLINE=true (once per test run)."""
    site_dir = tmp_path_factory.mktemp("offline") / "site-offline"
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("OFFLINE", "true")
        build_site(PROJECT, site_dir)
    return site_dir


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of the project's content and configuration that a test may break."""
    for name in ("guidance", "docs", "decision_trees"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


def serve(site_dir: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve a built site over HTTP on a free local port for as long as the generator lives."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    """The real site served over HTTP."""
    yield from serve(site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


def open_page(browser: Browser, base_url: str, javascript: bool = True) -> tuple[Page, list[str]]:
    """A fresh page in its own context, and the list of every URL it requests (to prove none leaves the site)."""
    context = browser.new_context(base_url=base_url, java_script_enabled=javascript)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return page, requested


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page on the real site; `page.requested` lists every URL it asked for."""
    page, requested = open_page(browser, base_url)
    page.requested = requested  # type: ignore[attr-defined]
    yield page
    page.context.close()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.x A and AA violations on the current page."""
    # Evaluated rather than added as a <script>, so it also runs on pages opened with JavaScript disabled.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))",
        WCAG_TAGS,
    )
