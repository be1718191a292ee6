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
from .citations import resolve_citations
from .config import WorkingTogetherConfig
from .nav import guidance_nav

log = get_plugin_logger(__name__)

ASSETS = ("working-together.css", "working-together.js", "navigator.js")
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
        # Our template fixes (templates/main.html) go after a project's custom_dir, before the theme's own.
        templates = str(resources.files("working_together").joinpath("templates"))
        if templates not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, templates)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if self.corpus is None:
            return files
        for src_uri, markdown in generated_pages(self.corpus).items():
            files.append(File.generated(config, src_uri, content=markdown))
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


def _with_guidance(nav: list | None, guidance: list) -> list:
    """The hand-written nav with the guidance sections after its first entry (the home page)."""
    hand_written = list(nav or ["index.md"])
    return [hand_written[0], *guidance, *hand_written[1:]]
