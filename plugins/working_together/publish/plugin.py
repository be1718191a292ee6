"""The MkDocs plugin: thin glue that loads and checks the guidance, then adds its pages to the site."""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, get_relative_url

from ..check import check
from ..load import load_corpus
from ..model import Corpus
from ..problems import ContentError, Problem
from ..render import generated_pages, paths
from ..render.abbreviations import abbreviations
from ..render.corpus_json import data_files
from ..render.feed import changes_feed
from ..render.markdown import escape_html
from ..render.overlay import local_home_block
from ..render.problems import problems_page
from .citations import resolve_citations
from .config import WorkingTogetherConfig
from .link_targets import mark_link_targets
from .nav import guidance_nav
from .search import with_search_front_matter
from .stamp import add_stamp, page_edition, print_style, stamp_html, stamp_text, this_build

log = get_plugin_logger(__name__)

ASSETS = (
    "working-together.css",
    "working-together.js",
    "navigator.js",
    "iframe-worker-shim.js",
    "print.css",
)
ASSET_DIR = "assets/working-together"


class WorkingTogetherPlugin(BasePlugin[WorkingTogetherConfig]):
    """Loads guidance/ in on_config so a broken file stops the build before anything is written."""

    serving = False  # set by on_startup; builds run without the CLI (as in tests) are builds
    last_pages: set[str] = frozenset()  # type: ignore[assignment] - replaced per instance by on_files

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Reset per build: the plugin instance survives rebuilds under `mkdocs serve`.
        self.corpus: Corpus | None = None
        self.generated: set[str] = set()
        self.problems: list[Problem] = []
        if not self.config.enabled:
            return config
        project_dir = Path(config.config_file_path).parent
        overlay = Path(self.config.overlay) if self.config.overlay else None
        corpus, problems = load_corpus(
            Path(self.config.guidance_dir), project_dir, Path(self.config.trees_dir), overlay
        )
        problems = problems or check(corpus)
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
        _expand_abbreviations(config, corpus)
        config.extra_css.append(f"{ASSET_DIR}/print.css")
        _offline_search_shim(config)
        self.build = this_build(project_dir)
        # Our template fixes (templates/main.html) go after a project's custom_dir, before the theme's own.
        templates = str(resources.files("working_together").joinpath("templates"))
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.problems:
            return _problem_files(files, config, self.problems, self.last_pages)
        if self.corpus is None:
            return files
        for src_uri, markdown in generated_pages(self.corpus).items():
            files.append(File.generated(config, src_uri, content=with_search_front_matter(src_uri, markdown)))
            self.generated.add(src_uri)
        feed = changes_feed(self.corpus, config.site_name, config.copyright or "", self.config.feed_base_url)
        files.append(File.generated(config, paths.FEED, content=feed))
        for src_uri, content in data_files(self.corpus).items():
            files.append(File.generated(config, src_uri, content=content))
        _add_assets(files, config)
        # Every page of this good build, kept across rebuilds so each shows the problems page while broken.
        self.last_pages = {file.src_uri for file in files.documentation_pages()}
        return files

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
        return mark_link_targets(html, page.url)

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str | None:
        if self.corpus is None:
            return output
        edition = page_edition(self.corpus, page.url)
        stamp = stamp_html(self.corpus, edition, self.build)
        output = add_stamp(output, stamp, print_style(stamp_text(self.corpus, edition, self.build)))
        return _with_feed_link(output, page, config)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
        # guidance/ and decision_trees/ are under watch: in mkdocs.yml; a partnership's overlay may live anywhere.
        if self.config.overlay:
            server.watch(self.config.overlay)
        return server


def _with_feed_link(output: str, page: Page, config: MkDocsConfig) -> str:
    """Feed readers and browsers discover the changes feed from the home and what-changed pages."""
    if not (page.is_homepage or page.file.src_uri.endswith("/changes.md")):
        return output
    href = get_relative_url(paths.FEED, page.url)
    title = escape_html(f"{config.site_name}: what changed")
    link = f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{href}">'
    return output.replace("</head>", f"{link}\n</head>", 1)


def _with_guidance(nav: list | None, guidance: list) -> list:
    """The hand-written nav with the guidance sections after its first entry (the home page)."""
    hand_written = list(nav or ["index.md"])
    return [hand_written[0], *guidance, *hand_written[1:]]


def _expand_abbreviations(config: MkDocsConfig, corpus: Corpus) -> None:
    """Every page, generated or hand-written, marks each glossary abbreviation up as <abbr title="expansion">."""
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": abbreviations(corpus)}


def _offline_search_shim(config: MkDocsConfig) -> None:
    """Over file:// browsers refuse web workers, so the offline copy runs search through our vendored
    iframe-worker shim (its name tells Material's offline plugin, which runs after us, not to add its CDN
    copy). Only there: online it would be a render-blocking script in the head of every page."""
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra.setdefault("polyfills", []).append(f"{ASSET_DIR}/iframe-worker-shim.js")


def _add_assets(files: Files, config: MkDocsConfig) -> None:
    package = resources.files("working_together.assets")
    for name in ASSETS:
        files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=package.joinpath(name).read_bytes()))


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
