"""Files read by an earlier build in this process, kept while their content is the same.

Under `mkdocs serve` every save reloads all of guidance/; reading and schema-checking the
YAML and splitting the five source documents into passages took about half of the loading
time, for files that had not changed. Files are compared by a digest of their bytes (a
modification time can stay the same across two quick saves); a file with a syntax error is
never kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Passage
from ..problems import Problem
from .schema import schema_problems
from .sources import LocationRule, split_passages
from .yaml_positions import read_yaml

_read: dict[tuple[str, str, str], tuple[str, object, list[Problem]]] = {}
_passages: dict[str, tuple[tuple[str, tuple[LocationRule, ...]], dict[str, Passage]]] = {}


def read_and_validate(
    path: Path, display_name: str, kind: str, roots: tuple[Path, ...]
) -> tuple[object, list[Problem]]:
    """The file's positioned data and its schema problems (read_yaml's YamlProblem is raised, never kept)."""
    if path.is_symlink() or not path.is_file():  # read_yaml refuses links out, FIFOs and devices: never cache them
        data = read_yaml(path, display_name, roots)
        return data, schema_problems(data, kind, display_name)
    key, digest = (str(path), display_name, kind), _digest(path)
    kept = _read.get(key)
    if kept is not None and kept[0] == digest:
        return kept[1], kept[2]
    data = read_yaml(path, display_name, roots)
    problems = schema_problems(data, kind, display_name)
    _read[key] = (digest, data, problems)
    return data, problems


def cached_passages(text: str, rules: list[LocationRule], key: str) -> dict[str, Passage]:
    """The source document's numbered passages (never changed once split, so they can be shared); split_passages'
    PatternTooSlow is raised, never kept."""
    stamp = (hashlib.sha1(text.encode("utf-8")).hexdigest(), tuple(rules))  # noqa: S324 - not security
    kept = _passages.get(key)
    if kept is not None and kept[0] == stamp:
        return dict(kept[1])
    split = split_passages(text, rules)
    _passages[key] = (stamp, split)
    return dict(split)


def _digest(path: Path) -> str:
    try:
        return hashlib.sha1(path.read_bytes()).hexdigest()  # noqa: S324 - a change detector, not security
    except OSError:
        return ""  # read_yaml reports the file it cannot read
