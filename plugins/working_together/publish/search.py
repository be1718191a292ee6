"""Search ranking for generated pages, given as Material's front matter `search: boost:`."""

from __future__ import annotations

from ..render import paths

# A source document is one long verbatim page indexed as a single section (its passages are not headings), so
# every term it shares with the guidance matches there many times over and pushes the guidance itself down.
# Measured with tests/test_search.py: recall at 5 rises from 0.96 to 0.98 and no query finds its source less.
SOURCE_BOOST = 0.3
# Role pages, training modules and the coverage page list provision titles gathered from elsewhere; ranked level
# with the provisions they list, they came first for any title word (measured: "local authority designated
# officer" found its provision only at rank 6). Lowered, they still answer a query for the role itself.
LISTING_BOOST = 0.5


def search_boost(src_uri: str) -> float | None:
    """The search boost of a generated page, or None to leave Material's default of 1."""
    if src_uri.startswith("sources/") and src_uri != paths.SOURCES_INDEX:
        return SOURCE_BOOST
    listing = src_uri.startswith(("roles/", "modules/")) and src_uri not in (paths.ROLES_INDEX, paths.MODULES_INDEX)
    if listing or src_uri == paths.COVERAGE:
        return LISTING_BOOST
    return None


def with_search_front_matter(src_uri: str, markdown: str) -> str:
    """The page's Markdown with a front matter block carrying its search boost, if it has one."""
    boost = search_boost(src_uri)
    if boost is None:
        return markdown
    return f"---\nsearch:\n  boost: {boost}\n---\n\n{markdown}"
