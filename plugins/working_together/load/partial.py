"""What can still be loaded from a file that breaks its schema, and what it may have defined.

A provisions, roles or glossary file is a list of independent items: only the items with
schema problems are left out. Any other file is one object, left out whole. Either way the
ids that were left out are recorded, so the checks that run on the rest do not report
references to them as unknown (their problems show once the schema problem is fixed).
"""

from __future__ import annotations

import re

from ..model import Unloaded
from ..problems import Problem
from .yaml_positions import Mapping, Sequence

# The kind of thing each kind of file defines, as the checks name it.
THING = {
    "provisions": "provision",
    "roles": "role",
    "glossary": "term",
    "glossary term": "term",
    "decision tree": "tree",
    "training module": "module",
}
# Files that are lists of independent items: the key of the list.
ITEM_LISTS = {"provisions": "provisions", "roles": "roles", "glossary": "terms"}
# The field that identifies a single-object file.
ID_FIELD = {"traceability": "source"}


def thing(kind: str) -> str:
    """The kind of thing a kind of file defines."""
    return THING.get(kind, kind)


def loadable_part(data: object, kind: str, problems: list[Problem], unloaded: Unloaded) -> Mapping | None:
    """The file's data without the items that have problems (None if nothing can be loaded); records what was left
    out in `unloaded`."""
    key = ITEM_LISTS.get(kind)
    broken = _broken_items(key, problems) if key else None
    if broken is None or not isinstance(data, Mapping) or not isinstance(data.get(key), Sequence):
        _record(unloaded, kind, _identifier(data, ID_FIELD.get(kind, "id")))
        return None
    items: Sequence = data[key]
    kept = Sequence(item for index, item in enumerate(items) if index not in broken)
    kept.position = items.position
    kept.item_positions = [position for index, position in enumerate(items.item_positions) if index not in broken]
    for index in sorted(broken):
        _record(unloaded, kind, _identifier(items[index], "id") if index < len(items) else None)
    part = Mapping(data)
    part.position, part.key_positions, part.value_positions = data.position, data.key_positions, data.value_positions
    part[key] = kept
    return part


def _broken_items(key: str, problems: list[Problem]) -> set[int] | None:
    """The indexes of the list's items that have problems; None if a problem is outside every item."""
    pattern = re.compile(rf"{re.escape(key)}\[(\d+)\]")
    broken: set[int] = set()
    for problem in problems:
        match = pattern.match(problem.where)
        if match is None:
            return None
        broken.add(int(match[1]))
    return broken


def _identifier(data: object, field: str) -> str | None:
    value = data.get(field) if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _record(unloaded: Unloaded, kind: str, identifier: str | None) -> None:
    if identifier is None:
        unloaded.unreadable.add(thing(kind))
    else:
        # A trailing space is the usual slip: what it was meant to be is known, so no reference to it is a cascade.
        unloaded.ids.setdefault(thing(kind), set()).update({identifier, identifier.strip()})
