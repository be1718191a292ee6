"""`make pdf`: the practitioner summary and each whole edition as PDFs, printed by headless Chromium.

Usage: python -m working_together.publish.pdf SITE_DIR OUT_DIR. The built site is served on a local port
(nothing leaves the machine) and each page is printed with print media, exactly as a reader's browser would.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from ..load import load_corpus
from ..model import Corpus

CHROMIUM = "/usr/bin/chromium"  # Debian's package, as in the browser tests; never `playwright install`.

# Pages printed besides the editions: PDF name -> address in the site.
PAGES: dict[str, str] = {"practitioner-summary": "summary/"}


def pdf_pages(corpus: Corpus) -> dict[str, str]:
    """Every PDF to write, by file name without .pdf: the fixed pages, then each edition's print page."""
    editions = {f"working-together-{edition.id}": f"editions/{edition.id}/print/" for edition in corpus.editions}
    return PAGES | editions


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """The built site over HTTP on a free local port."""
    handler = functools.partial(_QuietHandler, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def write_pdfs(site_dir: Path, out_dir: Path, pages: dict[str, str], browser: Browser | None = None) -> list[Path]:
    """Print each page of the built site to OUT_DIR/<name>.pdf on A4, as the print stylesheet lays it out."""
    if browser is None:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            try:
                return write_pdfs(site_dir, out_dir, pages, launched)
            finally:
                launched.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with served(site_dir) as base_url:
        page = browser.new_page()
        try:
            page.emulate_media(media="print")
            for name, address in pages.items():
                response = page.goto(base_url + address)
                if response is None or not response.ok:
                    raise RuntimeError(f"{address}: not in the built site {site_dir}")
                path = out_dir / f"{name}.pdf"
                page.pdf(path=str(path), prefer_css_page_size=True)
                written.append(path)
        finally:
            page.close()
    return written


def main(argv: list[str]) -> int:
    """Write the PDFs for the project in the current folder and list them with their sizes."""
    site_dir, out_dir = Path(argv[0]), Path(argv[1])
    corpus, problems = load_corpus(Path("guidance"), Path.cwd(), Path("decision_trees"))
    if problems:
        sys.stderr.write("\n".join(str(problem) for problem in problems) + "\n")
        return 1
    for path in write_pdfs(site_dir, out_dir, pdf_pages(corpus)):
        sys.stdout.write(f"{path}  {path.stat().st_size // 1024} KiB\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
