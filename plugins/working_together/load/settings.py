"""What the build reads, from mkdocs.yml: the plugin's folders and overlay, docs/ and its Markdown extensions.

`validate` reads these through MkDocs' own loader, so it checks exactly the files and settings the build uses
(before, it ignored the overlay named in mkdocs.yml and said OK while the build failed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

PLUGIN = "working-together"


@dataclass
class BuildSettings:
    """The folders, overlay and Markdown settings one build of the site uses."""

    guidance_dir: Path
    trees_dir: Path
    docs_dir: Path | None
    overlay: Path | None = None
    markdown_extensions: list = field(default_factory=list)
    extension_configs: dict = field(default_factory=dict)


def build_settings(config_file: Path) -> BuildSettings:
    """The settings in `config_file` as the build reads them (environment variables included); a project without
    mkdocs.yml gets the defaults. A broken mkdocs.yml raises ConfigurationError with MkDocs' own message."""
    project = config_file.parent
    if not config_file.is_file():
        return BuildSettings(project / "guidance", project / "decision_trees", project / "docs")
    # MkDocs logs its own notes while loading; validate prints only problems.
    quiet = logging.getLogger("mkdocs")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        config = load_config(config_file=str(config_file))
    finally:
        quiet.setLevel(level)
    plugin = config.plugins.get(PLUGIN)
    options = plugin.config if plugin is not None else None
    return BuildSettings(
        guidance_dir=project / (options.guidance_dir if options else "guidance"),
        trees_dir=project / (options.trees_dir if options else "decision_trees"),
        docs_dir=Path(config.docs_dir),
        overlay=project / options.overlay if options and options.overlay else None,
        markdown_extensions=list(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
    )


__all__ = ["BuildSettings", "ConfigurationError", "build_settings"]
