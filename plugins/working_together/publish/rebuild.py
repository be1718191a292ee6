"""Under `mkdocs serve --dirty`, rebuild only the generated pages whose Markdown changed.

MkDocs' dirty build skips a page whose file is not modified, but a generated file always
counts as modified, so every save rebuilt all ~160 pages (12-18 s in the maintainer trial).
A generated page is pure Markdown made from the guidance, so when its Markdown, the nav and
every nav title are what the last build wrote, its HTML would be the same: it is skipped.
Hand-written pages are always rebuilt (their citations show provision titles).
"""

from __future__ import annotations

import hashlib
import logging
import os

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

# MkDocs warns on every dirty build that navigation may be inaccurate; strict mode would count that and abort.
DIRTY_WARNING = "A 'dirty' build is being performed"


class GeneratedPage(File):
    """A generated page that a dirty rebuild skips while it is unchanged since the last build wrote it."""

    unchanged = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class RebuildMemory:
    """What the last complete build wrote: each generated page's Markdown digest, every page's title, the nav."""

    def __init__(self) -> None:
        self.digests: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        self.nav = ""
        self._pending: tuple[dict[str, str], str] = ({}, "")

    def skip_unchanged(self, files: Files, config: MkDocsConfig) -> int:
        """Mark generated pages written unchanged by the last build, and make hand-written ones rebuild; return how
        many will be skipped."""
        pages = [file for file in files.documentation_pages() if isinstance(file, GeneratedPage)]
        digests = {file.src_uri: _digest(file.content_string) for file in pages}
        # Nav labels come from the nav in mkdocs.yml and from page titles, so either changing rebuilds everything.
        headings = sorted((file.src_uri, _first_heading(file.content_string)) for file in pages)
        nav = _digest(repr((config.nav, headings)))
        self._pending = (digests, nav)
        same_nav = nav == self.nav
        for file in pages:
            file.unchanged = same_nav and self.digests.get(file.src_uri) == digests[file.src_uri]
        for file in files.documentation_pages():
            if not isinstance(file, GeneratedPage) and os.path.isfile(file.abs_dest_path):
                os.remove(file.abs_dest_path)
        return sum(file.unchanged for file in pages)

    def restore_titles(self, nav: Navigation) -> None:
        """Skipped pages are not read, so their nav labels would fall back to file names: use the last titles."""
        for page in nav.pages:
            if isinstance(page.file, GeneratedPage) and page.file.unchanged and page.file.src_uri in self.titles:
                page.title = self.titles[page.file.src_uri]

    def written(self, page: Page) -> None:
        """Remember a page's title once it is built."""
        if page.title:
            self.titles[page.file.src_uri] = page.title

    def completed(self) -> None:
        """The build wrote every page: what it wrote is the base for the next rebuild."""
        self.digests, self.nav = self._pending

    def forget(self) -> None:
        """A failed build, or a problems page in place of every page: rebuild everything next time."""
        self.digests, self.nav = {}, ""


class SearchIndexMerge:
    """Material's search index after a dirty rebuild: every page's entries from the last build, except the rebuilt
    pages', whose entries are replaced. (Material's own merge assumes one rebuilt page: it drops the previous entries
    under the first rebuilt page's address only, and that of the home page, "", is a prefix of every address.)"""

    def __init__(self) -> None:
        self.previous: list[dict] | None = None
        self.rebuilt: list[dict] = []

    def before_material(self, config: MkDocsConfig) -> None:
        """Note the entries of the last build and of the pages rebuilt now, before Material merges them."""
        search = _material_search(config)
        prev = getattr(search, "search_index_prev", None)
        self.previous = list(prev.entries) if prev is not None else None
        self.rebuilt = list(search.search_index.entries) if search is not None else []

    def after_material(self, config: MkDocsConfig) -> None:
        """Replace Material's merge, in its memory and in the file it wrote."""
        search = _material_search(config)
        if search is None or self.previous is None:
            return
        rebuilt = {_page(entry) for entry in self.rebuilt}
        search.search_index.entries = [entry for entry in self.previous if _page(entry) not in rebuilt] + self.rebuilt
        path = os.path.join(config.site_dir, "search", "search_index.json")
        with open(path, "w", encoding="utf-8") as index:
            index.write(search.search_index.generate_search_index(None))


def _material_search(config: MkDocsConfig) -> object | None:
    return next((plugin for plugin in config.plugins.values() if hasattr(plugin, "search_index_prev")), None)


def _page(entry: dict) -> str:
    return str(entry["location"]).split("#", 1)[0]


class TemplateCache(BytecodeCache):
    """Compiled theme templates kept between rebuilds: MkDocs makes a new Jinja environment for every build,
    which compiled Material's templates again each time (a sixth of a dirty rebuild)."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])  # checks the template's checksum

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class DirtyNotice(logging.Filter):
    """Reports MkDocs' dirty-build warning as information: this plugin keeps its own pages accurate."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and str(record.msg).startswith(DIRTY_WARNING):
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.msg = "Dirty build: only pages whose guidance changed are rebuilt (working-together)."
        return True


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()  # noqa: S324 - a change detector, not security


def _first_heading(markdown: str) -> str:
    return next((line for line in markdown.splitlines() if line.startswith("# ")), "")
