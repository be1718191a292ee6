"""The plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class WorkingTogetherConfig(base.Config):
    """`plugins: - working-together: {guidance_dir: guidance}`."""

    enabled = c.Type(bool, default=True)
    guidance_dir = c.Dir(exists=True, default="guidance")
    trees_dir = c.Dir(exists=True, default="decision_trees")
