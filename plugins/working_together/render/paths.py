"""Where each generated page lives, and relative links between pages.

Links are written as relative paths to the .md source, so MkDocs turns them
into URLs and validates them and their anchors under --strict.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
GLOSSARY = "glossary.md"
TREES_INDEX = "trees/index.md"
PROVISIONS_INDEX = "provisions/index.md"
SOURCES_INDEX = "sources/index.md"
COVERAGE = "coverage.md"  # for maintainers: where each source item went


def edition_page(edition_id: str) -> str:
    """The contents page of an edition."""
    return f"editions/{edition_id}/index.md"


def chapter_page(edition_id: str, number: str) -> str:
    """One chapter of one edition."""
    return f"editions/{edition_id}/chapter-{number}.md"


def changes_page(edition_id: str) -> str:
    """What changed in an edition compared with the one before."""
    return f"editions/{edition_id}/changes.md"


def provision_page(provision_id: str) -> str:
    """A provision's permanent page: /provisions/<id>/ never moves."""
    return f"provisions/{provision_id}.md"


def source_page(source_id: str) -> str:
    """A source document's page of anchored passages."""
    return f"sources/{source_id}.md"


def tree_page(tree_id: str) -> str:
    """A decision tree: navigator, step-by-step, flowchart and every path."""
    return f"trees/{tree_id}.md"


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link from one generated page to another (or to an anchor on the same page)."""
    target = "" if to_page == from_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{target}#{anchor}" if anchor else target


SUMMARY = "summary.md"
ROLES_INDEX = "roles/index.md"
MODULES_INDEX = "modules/index.md"


def role_page(role_id: str) -> str:
    """Everything in the guidance that applies to one role."""
    return f"roles/{role_id}.md"


def module_page(module_id: str) -> str:
    """A training module: its steps and discussion points."""
    return f"modules/{module_id}.md"


def page_url(page: str) -> str:
    """The URL path of a page under MkDocs' directory URLs: trees/x.md -> trees/x/, index.md -> ''."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def url_link(from_page: str, to_page: str, fragment: str = "") -> str:
    """A relative URL between built pages, for raw HTML links that MkDocs does not rewrite (like #path=...)."""
    target = posixpath.relpath(page_url(to_page) or ".", page_url(from_page) or ".")
    target = "./" if target == "." else f"{target}/"
    return f"{target}#{fragment}" if fragment else target


def print_page(edition_id: str) -> str:
    """A whole edition on one page, for printing or saving as one PDF."""
    return f"editions/{edition_id}/print.md"


# The Atom changes feed, at the site root (not a page: MkDocs copies it as it is).
FEED = "feed.xml"

# A partnership's local contacts and notes, when an overlay is configured.
LOCAL = "local.md"

# The corpus as open data (not pages: MkDocs copies them as they are).
DATA_PROVISIONS = "data/provisions.json"
DATA_SCHEMA = "data/provisions.schema.json"


def data_provision(provision_id: str) -> str:
    """One provision as JSON, beside the whole corpus."""
    return f"data/provisions/{provision_id}.json"
