"""Search: ranking for generated pages (Material's front matter `search: boost:`) and our search worker."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from ..model import Corpus
from ..render import paths
from .search_index import prebuilt_index
from .search_words import search_words, with_keywords

# A source document is one long verbatim page indexed as a single section (its passages are not headings), so
# every term it shares with the guidance matches there many times over and pushes the guidance itself down.
# Measured with tests/test_search.py: recall at 5 rises from 0.96 to 0.98 and no query finds its source less.
SOURCE_BOOST = 0.3
# Role pages, training modules and the coverage page list provision titles gathered from elsewhere; ranked level
# with the provisions they list, they came first for any title word (measured: "local authority designated
# officer" found its provision only at rank 6). Lowered, they still answer a query for the role itself.
LISTING_BOOST = 0.5
# The list of all provisions repeats every title, and the glossary every abbreviation and expansion: both came
# first for abbreviations (tests/search_queries.py: "LADO", "CDOP", "SCR", "CAF", "MAPPA"), above the guidance.


# A tree for a replaced edition (the 2010 process) answers the same words as the journey in force in these
# sources, and came first for "referra" and "how long does a social worker have to decide on a referral".
SUPERSEDED_BOOST = 0.5


def search_boost(src_uri: str, superseded: frozenset[str] = frozenset()) -> float | None:
    """The search boost of a generated page, or None to leave Material's default of 1."""
    if src_uri.startswith("sources/") and src_uri != paths.SOURCES_INDEX:
        return SOURCE_BOOST
    if src_uri in superseded:
        return SUPERSEDED_BOOST
    listing = src_uri.startswith(("roles/", "modules/")) and src_uri not in (paths.ROLES_INDEX, paths.MODULES_INDEX)
    if listing or src_uri in (paths.COVERAGE, paths.GLOSSARY, paths.PROVISIONS_INDEX):
        return LISTING_BOOST
    return None


def with_search_front_matter(src_uri: str, markdown: str, superseded: frozenset[str] = frozenset()) -> str:
    """The page's Markdown with a front matter block carrying its search boost, if it has one."""
    boost = search_boost(src_uri, superseded)
    if boost is None:
        return markdown
    return f"---\nsearch:\n  boost: {boost}\n---\n\n{markdown}"


# Material's search worker; the plugin points Material at ours (assets/search-worker.js), which loads this one.
MATERIAL_WORKERS = "templates/assets/javascripts/workers"
SEARCH_WORKER = "search-worker.js"


@cache
def material_worker() -> str:
    """The file name of Material's search worker (it carries a content hash, so it changes with Material)."""
    import material  # noqa: PLC0415 - only the theme's files are wanted, not its code

    found = sorted(Path(material.__file__).parent.joinpath(MATERIAL_WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise PluginError(f"expected one search worker in Material's {MATERIAL_WORKERS}, found {len(found)}")
    return found[0].name


# The whole index, fetched and parsed by the worker itself as soon as it starts. Material's page code still fetches
# search/search_index.json on the main thread and copies it to the worker; there it is only the few settings the
# page uses (the offline copy keeps the whole index there: over file:// a worker cannot fetch).
PREBUILT = "search/prebuilt_index.json"
PAGE_SETTINGS = ("lang", "separator", "pipeline")


def search_worker(code: str, asset_dir: str) -> str:
    """Our worker's code, told where Material's worker and the prebuilt index are relative to itself."""
    here = f"{asset_dir}/{SEARCH_WORKER}"
    where = {
        "material": get_relative_url(f"assets/javascripts/workers/{material_worker()}", here),
        "index": get_relative_url(PREBUILT, here),
    }
    return f"self.workingTogetherSearch = {json.dumps(where)};\n{code}"


def with_our_search_worker(html: str, asset_dir: str) -> str:
    """The page with Material's configuration (`<script id="__config">`) naming our search worker instead of its own."""
    material = f'assets/javascripts/workers/{material_worker()}"'
    return html.replace(material, f'{asset_dir}/{SEARCH_WORKER}"', 1)


def with_search_words(index_file: Path, corpus: Corpus, offline: bool = False) -> None:
    """Finish Material's written search index: practitioners' words (`search_words.py`), edition titles, snippets
    and the prebuilt lunr index that our worker loads (`search_index.py`), written to PREBUILT, with only the page's
    settings left in Material's file (the whole index in the offline copy)."""
    if not index_file.is_file():  # search switched off
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    words = search_words(corpus)
    index = prebuilt_index(with_keywords(index, words.groups), corpus, words)
    if not offline:
        _write(index_file.parent.parent / PREBUILT, index)
        index = {"config": {key: index["config"][key] for key in PAGE_SETTINGS}, "docs": []}
    _write(index_file, index)


def _write(file: Path, index: dict) -> None:
    file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
