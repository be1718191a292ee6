"""The MkDocs plugin: thin glue that loads and checks the guidance, then adds its pages to the site."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory, get_relative_url

from ..check import load_and_check
from ..check.docs import CODE_FIX, LINK_FIX, link_message, linked
from ..model import Corpus
from ..problems import ContentError, Position, Problem
from ..render import generated_pages, paths
from ..render.abbreviations import abbreviations
from ..render.corpus_json import data_files
from ..render.deadline import HOLIDAYS_SCRIPT, bank_holidays_script
from ..render.feed import changes_feed
from ..render.markdown import escape_html
from ..render.overlay import local_home_block
from ..render.problems import problems_page
from .citations import resolve_citations
from .config import WorkingTogetherConfig
from .csp import Finding, KnownCode, position_in, source_hash, with_policy
from .headers import HEADERS_FILE, headers_file
from .link_targets import mark_link_targets
from .material_markup import corrected
from .nav import guidance_nav
from .rebuild import DirtyNotice, GeneratedPage, RebuildMemory, SearchIndexMerge, TemplateCache
from .search import SEARCH_WORKER, search_worker, with_our_search_worker, with_search_front_matter, with_search_words
from .stamp import add_stamp, page_edition, print_style, stamp_html, stamp_text, this_build
from .toc import without_source_headings

log = get_plugin_logger(__name__)

ASSETS = (
    "working-together.css",
    "working-together.js",
    "navigator.js",
    "deadline.js",
    "header.js",
    "drawer.js",
    "search-ui.js",
    "iframe-worker-shim.js",
    "iframe-worker-scope.js",
    "print.css",
    SEARCH_WORKER,
)
ASSET_DIR = "assets/working-together"


class WorkingTogetherPlugin(BasePlugin[WorkingTogetherConfig]):
    """Loads guidance/ in on_config so a broken file stops the build before anything is written."""

    serving = False  # set by on_startup; builds run without the CLI (as in tests) are builds
    rebuilding_less = False
    writing = False  # set once MkDocs is about to empty site_dir and write into it
    site_dir = ""
    dirty = False  # `mkdocs build --dirty` keeps what an earlier build wrote, so a failure must not remove it
    last_pages: set[str] = frozenset()  # type: ignore[assignment] - replaced per instance by on_files

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        # `mkdocs serve --dirty` (make serve): rebuild only the pages a change touches; see publish/rebuild.py.
        self.rebuilding_less = self.serving and dirty
        self.memory = RebuildMemory()
        self.templates = TemplateCache()
        self.search_merge = SearchIndexMerge()
        if self.rebuilding_less:
            logging.getLogger("mkdocs.commands.build").addFilter(DirtyNotice())

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Reset per build: the plugin instance survives rebuilds under `mkdocs serve`.
        self.corpus: Corpus | None = None
        self.generated: set[str] = set()
        self.problems: list[Problem] = []
        self.writing = False
        if not self.config.enabled:
            return config
        project_dir = Path(config.config_file_path).parent
        overlay = project_dir / self.config.overlay if self.config.overlay else None
        # The same function as `validate`, hand-written pages included: under `serve` a broken citation in docs/
        # shows the problems page (raised later, from on_page_markdown, it would leave the server stuck).
        corpus, problems = load_and_check(
            project_dir,
            project_dir / self.config.guidance_dir,
            project_dir / self.config.trees_dir,
            overlay,
            Path(config.docs_dir),
        )
        if problems and self.serving:
            # `mkdocs serve` keeps going and shows the problems at every page; `mkdocs build` fails closed below.
            self.problems = problems
            _log_uncounted(str(ContentError(problems)))
            config.extra_css.append(f"{ASSET_DIR}/working-together.css")
            return config
        if problems:
            raise PluginError(str(ContentError(problems)))
        self.corpus = corpus
        config.nav = _with_guidance(config.nav, guidance_nav(corpus))
        config.extra_css.append(f"{ASSET_DIR}/working-together.css")
        config.extra_javascript.append(f"{ASSET_DIR}/working-together.js")
        config.extra_javascript.append(f"{ASSET_DIR}/navigator.js")
        # The bank holidays first: deadline.js reads them when it starts.
        config.extra_javascript.append(f"{ASSET_DIR}/{HOLIDAYS_SCRIPT}")
        config.extra_javascript.append(f"{ASSET_DIR}/deadline.js")
        config.extra_javascript.append(f"{ASSET_DIR}/header.js")
        config.extra_javascript.append(f"{ASSET_DIR}/drawer.js")
        config.extra_javascript.append(f"{ASSET_DIR}/search-ui.js")
        _expand_abbreviations(config, corpus)
        _align_with_attributes(config)
        config.extra_css.append(f"{ASSET_DIR}/print.css")
        _offline_search_shim(config)
        self.build = this_build(project_dir)
        # Our template fixes (templates/main.html) go after a project's custom_dir, before the theme's own.
        templates = str(resources.files("working_together").joinpath("templates"))
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # MkDocs empties site_dir and starts writing after this event; from here a failure removes the output.
        self.writing = self.config.enabled
        self.site_dir = config.site_dir
        # The inline code the policy allows: what the templates in use write, and what _stamp_page adds.
        self.known = KnownCode(config.theme.dirs)
        self.script_hashes: set[str] = set()
        self.style_hashes: set[str] = set()

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.problems:
            if self.rebuilding_less:
                self.memory.forget()
            return _problem_files(files, config, self.problems, self.last_pages)
        _refuse_linked_files(files, config)
        if self.corpus is None:
            return files
        current = self.corpus.current_edition.id
        superseded = frozenset(paths.tree_page(t.id) for t in self.corpus.trees.values() if t.edition != current)
        for src_uri, markdown in generated_pages(self.corpus).items():
            content = with_search_front_matter(src_uri, markdown, superseded)
            files.append(GeneratedPage.generated(config, src_uri, content=content))
            self.generated.add(src_uri)
        feed = changes_feed(self.corpus, config.site_name, config.copyright or "", self.config.feed_base_url)
        files.append(File.generated(config, paths.FEED, content=feed))
        for src_uri, content in data_files(self.corpus).items():
            files.append(File.generated(config, src_uri, content=content))
        _add_assets(files, config)
        files.append(File.generated(config, f"{ASSET_DIR}/{HOLIDAYS_SCRIPT}", content=bank_holidays_script()))
        # Every page of this good build, kept across rebuilds so each shows the problems page while broken.
        self.last_pages = {file.src_uri for file in files.documentation_pages()}
        if self.rebuilding_less:
            kept = self.memory.skip_unchanged(files, config)
            log.info(f"{kept} generated pages are unchanged and kept as built")
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation | None:
        if self.rebuilding_less and self.corpus is not None:
            self.memory.restore_titles(nav)
        return nav

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment | None:
        if self.rebuilding_less:
            env.bytecode_cache = self.templates
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.corpus is None or page.file.src_uri in self.generated:
            return markdown
        markdown, problems = resolve_citations(markdown, self.corpus, page.file.src_uri, f"docs/{page.file.src_uri}")
        if problems:
            raise PluginError(str(ContentError(problems)))
        if page.is_homepage and self.corpus.overlay:
            # The partnership's contacts go under the home page's title, where a practitioner looks first.
            title, _, rest = markdown.partition("\n")
            markdown = f"{title}\n\n{local_home_block(self.corpus, page.file.src_uri)}\n{rest}"
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.corpus is None:
            return html
        if page.file.src_uri in self.generated and page.file.src_uri.startswith("sources/"):
            without_source_headings(page.toc, html)
        return mark_link_targets(html, page.url)

    def _stamp_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if self.corpus is None:
            return output
        if self.rebuilding_less:
            self.memory.written(page)
        edition = page_edition(self.corpus, page.url)
        stamp = stamp_html(self.corpus, edition, self.build)
        style = print_style(stamp_text(self.corpus, edition, self.build))
        self.known.add(style[style.index(">") + 1 : style.rindex("</style>")])
        output = add_stamp(output, stamp, style)
        return _with_feed_link(corrected(with_our_search_worker(output, ASSET_DIR)), page, config)

    def _search_worker_in_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        # The 404 page is rendered from a theme template, not as a page: it searches with our worker too.
        return corrected(with_our_search_worker(output_content, ASSET_DIR))

    # Last, after a dirty rebuild's merge has rewritten Material's index (which would drop the prebuilt index),
    # and before the offline plugin, listed after ours at the same priority, turns it into search_index.js.
    @event_priority(-100)
    def _search_words(self, config: MkDocsConfig) -> None:
        if self.corpus is not None:
            with_search_words(Path(config.site_dir) / "search" / "search_index.json", self.corpus, _offline(config))

    # Last of every plugin's on_post_page: the policy hashes the inline scripts and styles of the final HTML.
    @event_priority(-100)
    def _protect_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        written = None if page.file.generated_by else page.file.content_string
        return self._with_policy(output, f"docs/{page.file.src_uri}", written)

    on_post_page = CombinedEvent(_stamp_page, _protect_page)

    # Last, as above: theme pages such as 404.html carry the policy too.
    @event_priority(-100)
    def _protect_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        return self._with_policy(output_content, template_name, None)

    def _with_policy(self, html: str, source: str, written: str | None) -> str:
        """The page with its Content-Security-Policy; inline code the policy does not allow is a warning (strict
        fails), at its line in the Markdown an author wrote (`written`) or else in the built page."""
        html, code = with_policy(html, self.known, live_reload=self.serving)
        self.script_hashes.update(map(source_hash, code.scripts))
        self.style_hashes.update(map(source_hash, code.styles))
        for message in dict.fromkeys(_blocked_message(finding, source, html, written) for finding in code.blocked):
            log.warning(message)
        return html

    on_post_template = CombinedEvent(_search_worker_in_template, _protect_template)

    # First, before Material's search plugin merges its index of the rebuilt pages with the last build's.
    @event_priority(100)
    def _before_search_index(self, config: MkDocsConfig) -> None:
        if self.rebuilding_less:
            self.search_merge.before_material(config)

    # Last, after Material has written the search index, which under a dirty rebuild is then merged correctly.
    @event_priority(-100)
    def _after_search_index(self, config: MkDocsConfig) -> None:
        if self.rebuilding_less:
            self.search_merge.after_material(config)
            if self.corpus is not None:
                self.memory.completed()

    def _write_headers(self, config: MkDocsConfig) -> None:
        # For hosts that send headers: the policy with frame-ancestors and every page's hashes. Not for the offline
        # copy (no host) or under serve (a rebuild may write only some pages, so only some hashes are known).
        if self.corpus is None or self.serving or _offline(config):
            return
        text = headers_file(self.script_hashes, self.style_hashes)
        (Path(config.site_dir) / HEADERS_FILE).write_text(text, encoding="utf-8")

    on_post_build = CombinedEvent(_before_search_index, _after_search_index, _search_words, _write_headers)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        # guidance/ and decision_trees/ are under watch: in mkdocs.yml; a partnership's overlay may live anywhere.
        if self.config.overlay:
            server.watch(str(Path(config.config_file_path).parent / self.config.overlay))
        return server

    def on_build_error(self, *, error: Exception) -> None:
        if self.rebuilding_less:
            self.memory.forget()
        # Fail closed whichever command runs the build: content problems stop it in on_config before
        # anything is written, but a late failure (a strict-mode warning, a crash) comes after pages were
        # written. Remove them as `make build` does, so a plain `mkdocs build` never leaves half a site.
        if not self.writing or self.serving or self.dirty:
            return  # nothing written yet (the last good site stays), or a rebuild keeping its files
        site_dir = Path(self.site_dir)
        if site_dir.is_dir():
            clean_directory(str(site_dir))  # MkDocs' own clean: what a build starts with, dot files kept
            with contextlib.suppress(OSError):
                site_dir.rmdir()  # only if nothing (such as .git) is left in it


def _with_feed_link(output: str, page: Page, config: MkDocsConfig) -> str:
    """Feed readers and browsers discover the changes feed from the home and what-changed pages.

    Not in the offline copy: Material fetches sitemap.xml beside every `<link rel="alternate">`, a request
    browsers refuse over file:// (an error in the console), and no feed reader follows a file on a USB stick.
    """
    if _offline(config) or not (page.is_homepage or page.file.src_uri.endswith("/changes.md")):
        return output
    href = get_relative_url(paths.FEED, page.url)
    title = escape_html(f"{config.site_name}: what changed")
    link = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'
    return output.replace("</head>", f"{link}\n</head>", 1)


def _refuse_linked_files(files: Files, config: MkDocsConfig) -> None:
    """MkDocs copies whatever a link under docs/ leads to into the site; validate refuses such links, and so does
    the build whatever ran before it (a link made after on_config, or a check switched off)."""
    docs_dir = Path(config.docs_dir)
    refused = [
        Problem(Position(f"docs/{file.src_uri}", 1, 1), "", link_message(Path(file.abs_src_path)), LINK_FIX)
        for file in files
        if file.abs_src_path and not file.generated_by and linked(Path(file.abs_src_path), docs_dir)
    ]
    if refused:
        raise PluginError(str(ContentError(refused)))


def _blocked_message(finding: Finding, source: str, html: str, written: str | None) -> str:
    """`file:line:col: what — how to fix` for inline code in a page that the policy blocks."""
    at = position_in(written, finding.needle) if written is not None else None
    if at is None:
        where = f"{source}: line {html.count(chr(10), 0, max(finding.offset, 0)) + 1} of the built page:"
    else:
        where = f"{source}:{at[0]}:{at[1]}:"
    return f"{where} {finding.what} is blocked by the Content-Security-Policy — {CODE_FIX}"


def _with_guidance(nav: list | None, guidance: list) -> list:
    """The hand-written nav with the guidance sections after its first entry (the home page)."""
    hand_written = list(nav or ["index.md"])
    return [hand_written[0], *guidance, *hand_written[1:]]


def _expand_abbreviations(config: MkDocsConfig, corpus: Corpus) -> None:
    """Every page, generated or hand-written, marks each glossary abbreviation up as <abbr title="expansion">."""
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": abbreviations(corpus)}


def _align_with_attributes(config: MkDocsConfig) -> None:
    """Table columns aligned with `align="right"` (which Material's CSS honours), not `style=` attributes that
    the Content-Security-Policy blocks."""
    if "tables" not in config.markdown_extensions:
        config.markdown_extensions.append("tables")
    config.mdx_configs["tables"] = {**config.mdx_configs.get("tables", {}), "use_align_attribute": True}


def _offline_search_shim(config: MkDocsConfig) -> None:
    """Over file:// browsers refuse web workers, so the offline copy runs search through our vendored
    iframe-worker shim (its name tells Material's offline plugin, which runs after us, not to add its CDN
    copy). Only there: online it would be a render-blocking script in the head of every page."""
    if _offline(config):
        config.extra.setdefault("polyfills", []).append(f"{ASSET_DIR}/iframe-worker-shim.js")


def _offline(config: MkDocsConfig) -> bool:
    """Whether this build is the offline copy (Material's offline plugin switched on)."""
    offline = config.plugins.get("material/offline")
    return offline is not None and bool(offline.config.enabled)


def _add_assets(files: Files, config: MkDocsConfig) -> None:
    package = resources.files("working_together.assets")
    for name in ASSETS:
        content = package.joinpath(name).read_bytes()
        if name == SEARCH_WORKER:
            content = search_worker(content.decode("utf-8"), ASSET_DIR).encode("utf-8")
        files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=content))


def _problem_files(files: Files, config: MkDocsConfig, problems: list[Problem], last_pages: set[str]) -> Files:
    """Every page (hand-written, and generated by the last good build) replaced by the problems page."""
    hand_written = {file.src_uri for file in files.documentation_pages()}
    for file in list(files.documentation_pages()):
        files.remove(file)
    markdown = problems_page(problems)
    for src_uri in sorted(hand_written | last_pages):
        # Pages missing from the hand-written nav stay out of it, so no "not in nav" warning stops the build.
        inclusion = InclusionLevel.UNDEFINED if src_uri in hand_written else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src_uri, content=markdown, inclusion=inclusion))
    _add_assets(files, config)
    return files


def _log_uncounted(message: str) -> None:
    """Log an error on the console without strict mode counting it.

    Under `mkdocs serve` the problems page must be built and the browser reloaded; strict mode's
    counter would abort that build and leave the last good (stale) page on screen.
    """
    logger = logging.getLogger("mkdocs")
    record = logger.makeRecord(__name__, logging.ERROR, __file__, 0, f"working-together: {message}", None, None)
    for handler in logger.handlers:
        if not isinstance(handler, CountHandler):
            handler.handle(record)
