"""Bytes a reader downloads on a first view of each page type (HTML plus the CSS, JS and images it loads), gzip.

Run after `make build`: `.venv/bin/python benchmarks/page_weight.py`. Writes benchmarks/page_weight.json.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

SITE = Path(__file__).resolve().parent.parent / "site"
PAGES = {
    "home": "index.html",
    "chapter": "editions/2015/chapter-1/index.html",
    "provision": "provisions/assessment-timescale/index.html",
    "tree": "trees/worried-about-a-child/index.html",
    "source": "sources/laming-2009/index.html",
}


def first_view_bytes(page: str) -> dict[str, int]:
    """Raw and gzip-compressed bytes of a page and every local resource it references."""
    html_path = SITE / page
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    base = "/" + page
    files = {html_path}
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            target = element.get(attribute)
            if not target or (tag == "link" and "stylesheet" not in element.get("rel", [])):
                continue
            path = urlparse(urljoin(base, target)).path.lstrip("/")
            if (SITE / path).is_file():
                files.add(SITE / path)
    raw = sum(path.stat().st_size for path in files)
    compressed = sum(len(gzip.compress(path.read_bytes(), 6)) for path in files)
    return {"files": len(files), "bytes": raw, "gzip_bytes": compressed}


def main() -> None:
    results = {name: first_view_bytes(page) for name, page in PAGES.items()}
    out = Path(__file__).with_name("page_weight.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for name, figures in results.items():
        kilobytes, gzip_kilobytes = figures["bytes"] / 1024, figures["gzip_bytes"] / 1024
        print(f"{name:10} {figures['files']:3} files {kilobytes:8.1f} KB  gzip {gzip_kilobytes:7.1f} KB")


if __name__ == "__main__":
    main()
