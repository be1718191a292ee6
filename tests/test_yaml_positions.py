"""The strict YAML reader: positions of everything, and positioned errors for bad syntax."""

from __future__ import annotations

from pathlib import Path

import pytest
from working_together.load.yaml_positions import YamlProblem, read_yaml


def read(tmp_path: Path, text: str) -> object:
    path = tmp_path / "file.yml"
    path.write_text(text, encoding="utf-8")
    return read_yaml(path, "guidance/file.yml")


def test_mappings_and_sequences_remember_where_each_item_was_written(tmp_path: Path) -> None:
    """Every key, value and list item carries its 1-based line and column."""
    data = read(tmp_path, "title: A\nroles:\n  - teacher\n  - police\n")
    assert str(data.key_positions["roles"]) == "guidance/file.yml:2:1"
    assert str(data.value_positions["title"]) == "guidance/file.yml:1:8"
    assert [str(p) for p in data["roles"].item_positions] == ["guidance/file.yml:3:5", "guidance/file.yml:4:5"]


def test_plain_scalars_stay_text_except_true_false_and_null(tmp_path: Path) -> None:
    """Numbers and dates are not converted, so '5.10' and 2010 keep their written form."""
    data = read(tmp_path, "number: 5.10\nedition: 2010\ndate: 2010-03-01\nflag: true\nnothing: null\n")
    assert data == {"number": "5.10", "edition": "2010", "date": "2010-03-01", "flag": True, "nothing": None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "provisions:\n  - id: a\n   title: b\n",
            "guidance/file.yml:3:4: YAML syntax: this line is indented differently from the list or mapping it should"
            " belong to — check the indentation: items of one list or mapping must line up",
        ),
        (
            "title: Referral: what next\n",
            "guidance/file.yml:1:16: YAML syntax: mapping values are not allowed here"
            " — check the indentation, or put quotes around text that contains ': '",
        ),
        (
            "id: a\ntitle: b\nid: c\n",
            "guidance/file.yml:3:1: duplicate key 'id' (first written at line 1) — remove one of the two or merge them",
        ),
        (
            "a: &x [1, 2]\nb: *x\n",
            "guidance/file.yml:2:4: YAML aliases (*name) are not allowed — write the value out in full",
        ),
        (
            "items:\n\t- a\n",
            "guidance/file.yml:2:1: YAML syntax: found character '\\t' that cannot start any token"
            " (while scanning for the next token) — indent with spaces, not tabs",
        ),
        (
            "? [a, b]\n: c\n",
            "guidance/file.yml:1:3: keys must be words, not ['a', 'b'] — use a plain name as the key",
        ),
        (
            "title: 'unclosed\n",
            "guidance/file.yml:1:8: YAML syntax: the quoted text that starts here has no closing ' on its line"
            " — add the closing quote where the text ends (YAML read on past the end of the line)",
        ),
        (
            'a:\n  b: "one\n  c: two\n  d: three\n  e: "four"\n',
            'guidance/file.yml:2:6: YAML syntax: the quoted text that starts here has no closing " on its line'
            " — add the closing quote where the text ends (YAML read on past the end of the line)",
        ),
        (
            'a: "closed"\nb: plain\n\tc: tab\n',
            "guidance/file.yml:3:1: YAML syntax: found character '\\t' that cannot start any token"
            " (while scanning for the next token) — indent with spaces, not tabs",
        ),
    ],
)
def test_bad_yaml_is_reported_with_file_line_column_and_a_fix(tmp_path: Path, text: str, expected: str) -> None:
    """Each kind of syntax mistake gives one positioned message with a hint."""
    with pytest.raises(YamlProblem) as raised:
        read(tmp_path, text)
    assert str(raised.value.problem) == expected


def test_a_file_that_is_not_utf8_is_reported_not_crashed_on(tmp_path: Path) -> None:
    """Binary or wrongly encoded files give a message at the first bad byte's line and column, not a traceback."""
    path = tmp_path / "file.yml"
    path.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(YamlProblem) as raised:
        read_yaml(path, "guidance/file.yml")
    assert str(raised.value.problem).startswith("guidance/file.yml:1:11: not UTF-8 text")
