"""Render: the corpus as Markdown pages, one renderer per page type; all text from YAML is escaped."""

from .site import generated_pages

__all__ = ["generated_pages"]
