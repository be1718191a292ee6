"""Editions that extend an earlier one: inherited contents, remove:, add:, replaced chapters, positioned mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest
from small_guidance import write_small_guidance
from working_together.check import check
from working_together.load import load_corpus

EXTENDING = (
    'id: "2015"\ntitle: Working Together 2015\npublished: "2015-03"\nextends: "2010"\nevidence:\n'
    "  - source: report\n    at: paragraph 1.1\n    quote: seen alone when appropriate\n"
    'reviewed: ["5"]\n'
)
MOVE = "remove:\n  - child-seen-alone\nadd:\n  - provision: child-seen-alone\n"


def _load(tmp_path: Path, edition: str) -> tuple[object, list[str]]:
    guidance = write_small_guidance(tmp_path)
    (guidance / "editions" / "2015.yml").write_text(edition, encoding="utf-8")
    corpus, problems = load_corpus(guidance, tmp_path)
    return corpus, [str(problem) for problem in problems or check(corpus)]


def test_an_extending_edition_inherits_the_contents_and_numbers(tmp_path: Path) -> None:
    """With only extends:, the new edition places the same provisions under the same numbers, and passes."""
    corpus, problems = _load(tmp_path, EXTENDING)
    assert problems == []
    edition = corpus.edition("2015")
    assert {pid: p.number for pid, p in edition.placements.items()} == {
        "child-seen-alone": "5.1",
        "referral-decision": "5.2",
    }
    assert corpus.edition("2010").chapters[0].sections[0].provisions == ["child-seen-alone", "referral-decision"]


def test_remove_and_add_change_the_inherited_contents(tmp_path: Path) -> None:
    """remove: takes a provision out (and it must then be withdrawn); add: places one, after a given id."""
    edition = EXTENDING + (
        "remove:\n  - child-seen-alone\nadd:\n  - provision: child-seen-alone\n"
        '    chapter: "5"\n    section: Seeing the child\n    after: referral-decision\n'
    )
    corpus, problems = _load(tmp_path, edition)
    assert problems == []
    assert [p.number for p in corpus.edition("2015").placements.values()] == ["5.1", "5.2"]
    assert list(corpus.edition("2015").placements) == ["referral-decision", "child-seen-alone"]


def test_a_removed_provision_without_withdrawal_fails_at_its_remove_line(tmp_path: Path) -> None:
    """Removing is not withdrawing: the silent-drop check names the remove: line (trial mistake 36 was told of it
    at the earlier edition's file, far from the edit)."""
    _, problems = _load(tmp_path, EXTENDING + "remove:\n  - referral-decision\n")
    drop = (
        "guidance/editions/2015.yml:11:5: remove: 'referral-decision' is removed from the 2015 edition but not"
        " withdrawn, so it would disappear silently"
    )
    assert [problem for problem in problems if problem.startswith(drop)] != []


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "remove:\n  - child-seen-alon\n",
            "guidance/editions/2015.yml:11:5: remove: 'child-seen-alon' is not in the contents this edition "
            "inherits (did you mean 'child-seen-alone'?) — correct the id, or remove the line",
        ),
        (
            'add:\n  - provision: child-seen-alone\n    chapter: "5"\n    section: Seeing the child\n',
            "guidance/editions/2015.yml:11:5: add: 'child-seen-alone' is already in this edition — remove this entry",
        ),
        (
            MOVE + '    chapter: "7"\n    section: X\n',
            "guidance/editions/2015.yml:13:5: add.chapter: no chapter '7' — use one of: 5",
        ),
        (
            MOVE + '    chapter: "5"\n    section: Seing\n',
            "guidance/editions/2015.yml:13:5: add.section: chapter 5 has no section 'Seing' "
            "— use one of: Seeing the child",
        ),
    ],
)
def test_mistakes_in_remove_and_add_are_positioned_with_the_fix(tmp_path: Path, extra: str, expected: str) -> None:
    """An id not inherited, a duplicate, an unknown chapter or section: one positioned line with what to use."""
    _, problems = _load(tmp_path, EXTENDING + extra)
    assert problems == [expected]


def test_extends_must_name_an_earlier_edition(tmp_path: Path) -> None:
    """extends: a later or unknown edition fails at its line, listing the earlier editions."""
    _, problems = _load(tmp_path, EXTENDING.replace('extends: "2010"', 'extends: "2016"'))
    assert (
        problems[0] == "guidance/editions/2015.yml:4:10: extends: '2016' is not an earlier edition — use one of: 2010"
    )


def test_an_edition_needs_chapters_or_extends(tmp_path: Path) -> None:
    """Without extends:, chapters: is still required by the schema."""
    _, problems = _load(tmp_path, EXTENDING.replace('extends: "2010"\n', ""))
    assert len(problems) == 1 and "'chapters'" in problems[0] and problems[0].startswith("guidance/editions/2015.yml:")


def test_an_inherited_chapter_status_note_must_be_acknowledged_under_reviewed(tmp_path: Path) -> None:
    """Trial finding 4: a new edition silently carried each chapter's "why this status" note written for the last."""
    _, problems = _load(tmp_path, EXTENDING.replace('reviewed: ["5"]\n', ""))
    assert problems == [
        "guidance/editions/2015.yml:4:10: extends: chapter 5 (Individual cases) inherits its status evidence and"
        " note from the 2010 edition (guidance/editions/2010.yml:9:5), written about that edition — read them"
        ' again: if they hold for 2015, add "5" to reviewed:; if not, write the chapter under chapters: with its own'
    ]
    _, problems = _load(tmp_path, EXTENDING.replace('["5"]', '["6"]'))
    assert [problem.split(" — ")[0] for problem in problems] == [
        "guidance/editions/2015.yml:1:1: reviewed: chapter '6' is not one this edition inherits",
        "guidance/editions/2015.yml:4:10: extends: chapter 5 (Individual cases) inherits its status evidence and"
        " note from the 2010 edition (guidance/editions/2010.yml:9:5), written about that edition",
    ]
