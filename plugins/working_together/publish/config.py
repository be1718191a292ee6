"""The plugin's options in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class WorkingTogetherConfig(base.Config):
    """`plugins: - working-together: {guidance_dir: guidance}`."""

    enabled = c.Type(bool, default=True)
    # Folders and the overlay are plain paths, relative to mkdocs.yml: the loader reports a missing or
    # unreadable one as a problem in the same form as every other (MkDocs' own check would stop first).
    guidance_dir = c.Type(str, default="guidance")
    trees_dir = c.Type(str, default="decision_trees")
    # Optional absolute address of the published site (ending in /), used only for links in feed.xml;
    # empty means links relative to the feed, which works from any host.
    feed_base_url = c.Type(str, default="")
    # Optional YAML file of a partnership's own contacts and local notes, shown marked as local.
    overlay = c.Optional(c.Type(str))
