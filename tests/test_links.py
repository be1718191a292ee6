"""Link integrity: every internal link and fragment in the built site resolves; outside links are deliberate."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

# The only outside addresses a page may link to (never load from): each is a reference a reader may follow.
ALLOWED_OUTSIDE = {"https://www.w3.org/TR/WCAG22/"}


def _pages(site: Path) -> dict[str, BeautifulSoup]:
    return {
        "/" + path.relative_to(site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in site.rglob("*.html")
    }


def _target_file(site: Path, path: str) -> Path:
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def test_every_internal_link_and_fragment_resolves(site: Path) -> None:
    """Provision anchors, permanent pages, tree steps and source passages all exist where links point."""
    pages = _pages(site)
    ids = {url: {element["id"] for element in soup.find_all(id=True)} for url, soup in pages.items()}
    broken, outside, checked = [], set(), 0
    for url, soup in pages.items():
        for anchor in soup.find_all("a", href=True):
            href = anchor["href"]
            if href.startswith(("mailto:", "javascript:")):
                broken.append(f"{url}: {href}")
                continue
            absolute = urljoin(url, href)
            parsed = urlparse(absolute)
            if parsed.scheme in ("http", "https"):
                outside.add(absolute)
                continue
            checked += 1
            target = _target_file(site, parsed.path)
            key = "/" + target.relative_to(site).as_posix()
            if not target.is_file():
                broken.append(f"{url}: {href} (no page)")
            elif parsed.fragment.startswith("path=") and key in pages:
                if not navigator_state_exists(pages[key], parsed.fragment):
                    broken.append(f"{url}: {href} (the navigator has no such state)")
            elif parsed.fragment and key in ids and parsed.fragment not in ids[key]:
                broken.append(f"{url}: {href} (no #{parsed.fragment})")
    assert broken == []
    assert outside <= ALLOWED_OUTSIDE, outside - ALLOWED_OUTSIDE
    assert checked > 1000  # the crawl really walked the site
    print(f"checked {checked} internal links across {len(pages)} pages")  # the figure quoted in notes (pytest -s)


def navigator_state_exists(tree_page: BeautifulSoup, fragment: str) -> bool:
    """Whether a #path=0.1 deep link names answers that exist, read from the static steps as navigator.js reads them."""
    navigator = tree_page.select_one(".wt-navigator[data-start]")
    if navigator is None:
        return False
    nodes = {node["data-node"]: node for node in tree_page.select(".wt-node[data-node]")}
    current = nodes.get(navigator["data-start"])
    indices = fragment.removeprefix("path=")
    for index in indices.split(".") if indices else []:
        answers = current.select(":scope > ul a[href^='#node-']") if "wt-node--question" in current["class"] else []
        if not index.isdigit() or int(index) >= len(answers):
            return False
        current = nodes.get(answers[int(index)]["href"][1:])
        if current is None:
            return False
    return current is not None
