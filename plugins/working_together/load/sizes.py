"""Sizes are values like any other: a title or text past its stated limit is refused where it is written.

One 5 MB value on one line kept the build busy past five minutes, and a 512 KB title, copied onto every page that
names it and into the search index, made a 13.6 MB index. The limits sit far above any real value (the longest
title is under 100 characters, the longest text under 1,000) and are stated in CONTRIBUTING.md.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..problems import Position, Problem
from .yaml_positions import Mapping, Sequence

TITLE_LIMIT = 300  # characters in a title, name or term
VALUE_LIMIT = 10_000  # characters in any other single value
TITLE_FIELDS = frozenset({"title", "name", "term", "partnership"})


def size_problems(data: object, display_name: str) -> list[Problem]:
    """Every value in the file that is longer than its limit, at its own position."""
    return list(_walk(data, "", getattr(data, "position", Position(display_name, 1, 1)), ""))


def _walk(node: object, where: str, position: Position, key: str) -> Iterator[Problem]:
    if isinstance(node, Mapping):
        for name, value in node.items():
            inner = f"{where}.{name}" if where else str(name)
            yield from _walk(value, inner, node.value_positions.get(name, position), str(name))
    elif isinstance(node, Sequence):
        for index, value in enumerate(node):
            at = node.item_positions[index] if index < len(node.item_positions) else position
            yield from _walk(value, f"{where}[{index}]", at, key)
    elif isinstance(node, str):
        limit = TITLE_LIMIT if key in TITLE_FIELDS else VALUE_LIMIT
        if len(node) > limit:
            yield Problem(
                position,
                where,
                f"this value is {len(node):,} characters long; the limit here is {limit:,}",
                "shorten it: a provision's words are a summary with a short quote, not a whole document",
            )
