"""The MkDocs plugin: thin glue that loads and checks the guidance, then adds its pages to the site."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..check import check
from ..load import load_corpus
from ..model import Corpus
from ..problems import ContentError
from ..render import generated_pages
from ..render.abbreviations import abbreviations
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
    "citation.js",
    "iframe-worker-shim.js",
    "print.css",
)
ASSET_DIR = "assets/working-together"


class WorkingTogetherPlugin(BasePlugin[WorkingTogetherConfig]):
    """Loads guidance/ in on_config so a broken file stops the build before anything is written."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        # Reset per build: the plugin instance survives rebuilds under `mkdocs serve`.
        self.corpus: Corpus | None = None
        self.generated: set[str] = set()
        if not self.config.enabled:
            return config
        project_dir = Path(config.config_file_path).parent
        corpus, problems = load_corpus(Path(self.config.guidance_dir), project_dir, Path(self.config.trees_dir))
        problems = problems or check(corpus)
        if problems:
            raise PluginError(str(ContentError(problems)))
        self.corpus = corpus
        config.nav = _with_guidance(config.nav, guidance_nav(corpus))
        config.extra_css.append(f"{ASSET_DIR}/working-together.css")
        config.extra_javascript.append(f"{ASSET_DIR}/working-together.js")
        config.extra_javascript.append(f"{ASSET_DIR}/navigator.js")
        config.extra_javascript.append(f"{ASSET_DIR}/citation.js")
        _expand_abbreviations(config, corpus)
        config.extra_css.append(f"{ASSET_DIR}/print.css")
        self.build = this_build(project_dir)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.corpus is None:
            return files
        for src_uri, markdown in generated_pages(self.corpus).items():
            files.append(File.generated(config, src_uri, content=with_search_front_matter(src_uri, markdown)))
            self.generated.add(src_uri)
        package = resources.files("working_together.assets")
        for name in ASSETS:
            files.append(File.generated(config, f"{ASSET_DIR}/{name}", content=package.joinpath(name).read_bytes()))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.corpus is None or page.file.src_uri in self.generated:
            return markdown
        markdown, problems = resolve_citations(markdown, self.corpus, page.file.src_uri, f"docs/{page.file.src_uri}")
        if problems:
            raise PluginError(str(ContentError(problems)))
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
        return add_stamp(output, stamp, print_style(stamp_text(self.corpus, edition, self.build)))


def _with_guidance(nav: list | None, guidance: list) -> list:
    """The hand-written nav with the guidance sections after its first entry (the home page)."""
    hand_written = list(nav or ["index.md"])
    return [hand_written[0], *guidance, *hand_written[1:]]


def _expand_abbreviations(config: MkDocsConfig, corpus: Corpus) -> None:
    """Every page, generated or hand-written, marks each glossary abbreviation up as <abbr title="expansion">."""
    if "abbr" not in config.markdown_extensions:
        config.markdown_extensions.append("abbr")
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": abbreviations(corpus)}
