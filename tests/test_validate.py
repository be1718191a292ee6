"""`validate` and the build run the same checks and report every problem of every file in one run, each message
exact; the mistakes are those of the maintainer trial (../shared/reviews/2026-12-maintainer-trial.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import PROJECT, build_site
from mkdocs.exceptions import Abort
from working_together.__main__ import main

# (file, text to replace, replacement): each applied once to a copy of the project.
CURLY_APOSTROPHE = (
    "guidance/provisions/lscb.yml",
    'quote: "keeping children safe is everyone\'s responsibility"',
    'quote: "keeping children safe is everyone\u2019s responsibility"',
)
STRAIGHT_APOSTROPHE = (
    "guidance/provisions/assessment.yml",
    "the local authority\u2019s responsibility to decide",
    "the local authority's responsibility to decide",
)
TAB = ("guidance/editions/2015.yml", "\n          - early-help\n", "\n\t\t\t\t\t- early-help\n")
MUST = (
    "guidance/provisions/serious-cases.yml",
    '      - edition: "2015"\n        strength: must\n        timescale:',
    '      - edition: "2015"\n        strength: Must\n        timescale:',
)
NEXT_TYPO = ("decision_trees/notifying-a-serious-incident.yml", "next: notify\n", "next: notfy\n")

CURLY_APOSTROPHE_PROBLEM = (
    "guidance/provisions/lscb.yml:49:20: lscb-young-peoples-voice (2010): the quote is not in"
    " wt-consultation-response-2010 commitment Action Plan: it differs at character 34 of the quote: the quote has"
    ' \u2019 (curly apostrophe, U+2019) in "\u2026 is everyone\u2019s responsib\u2026", the source has \''
    " (straight apostrophe, U+0027) — copy the source's character"
)
TAB_PROBLEM = (
    "guidance/editions/2015.yml:30:1: YAML syntax: found character '\\t' that cannot start any token"
    " (while scanning for the next token) — indent with spaces, not tabs"
)
MUST_PROBLEM = (
    "guidance/provisions/serious-cases.yml:53:19: provisions[2].versions[0].strength: 'Must' is not allowed here"
    " — use one of: must, should, guidance, editorial"
)
NEXT_TYPO_PROBLEM = (
    "decision_trees/notifying-a-serious-incident.yml:11:15: notifying-a-serious-incident.incident: next node 'notfy'"
    " does not exist (did you mean 'notify'?) — fix it"
)


def _break(project: Path, *edits: tuple[str, str, str]) -> None:
    for file, old, new in edits:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not in {file} exactly once"
        path.write_text(text.replace(old, new), encoding="utf-8")


def _validate(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problem lines `python -m working_together validate` prints in the project, after checking its status."""
    monkeypatch.chdir(project)
    status = main(["validate"])
    output = capsys.readouterr()
    assert status == (1 if output.out else 0), output
    return output.out.splitlines()


def _build_problems(project: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The problem lines `mkdocs build --strict` logs before it stops, writing nothing."""
    with pytest.raises(Abort):
        build_site(project, project / "site")
    assert not (project / "site").exists()
    return re.findall(r"^(?:guidance|decision_trees|docs)/\S+:\d+:\d+: .*$", caplog.text, re.M)


def test_four_mistakes_in_four_files_are_all_reported_in_one_run_by_validate_and_by_the_build(
    project_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trial case 32: a YAML error and a schema error hide neither the quote nor the tree problem of other files."""
    _break(project_copy, TAB, MUST, CURLY_APOSTROPHE, NEXT_TYPO)
    expected = [NEXT_TYPO_PROBLEM, TAB_PROBLEM, CURLY_APOSTROPHE_PROBLEM, MUST_PROBLEM]
    assert _validate(project_copy, monkeypatch, capsys) == expected
    assert _build_problems(project_copy, caplog) == expected


def test_a_broken_citation_in_a_hand_written_page_fails_validate_as_it_fails_the_build(
    project_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trial case 33: validate checks docs/ too (it said OK while the build failed), with a did-you-mean."""
    about = project_copy / "docs" / "about.md"
    lines = about.read_text(encoding="utf-8").count("\n")
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [[early-hlep]] for early help.\n", encoding="utf-8")
    expected = [
        f"docs/about.md:{lines + 2}:5: unknown provision [[early-hlep]] (did you mean 'early-help'?)"
        " — correct the id inside [[...]] to one from guidance/provisions/"
    ]
    assert _validate(project_copy, monkeypatch, capsys) == expected
    assert _build_problems(project_copy, caplog) == expected


MISSING_COLON = (MUST[0], MUST[1], MUST[1].replace("strength: must", "strength must"))
ROLE_TYPO = (
    "guidance/provisions/serious-cases.yml",
    "    roles: [lscb]\n    terms: [lscb, scr]\n    refs: [lscb-annual-report]",
    "    roles: [lscb, social-workr]\n    terms: [lscb, scr]\n    refs: [lscb-annual-report]",
)
WRONG_LOCATION = (
    "guidance/provisions/serious-cases.yml",
    'at: question 4\n            quote: "we believe the requirement to report',
    'at: question 5\n            quote: "we believe the requirement to report',
)


def _dedented_evidence() -> tuple[str, str, str]:
    """The first provision's evidence moved two spaces left, out of its version (trial case 29)."""
    file = "guidance/provisions/serious-cases.yml"
    lines = (PROJECT / file).read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("        evidence:\n")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("          "))
    block = "".join(lines[start:end])
    return file, block, "".join(line[2:] for line in lines[start:end])


def _deleted_provision() -> tuple[str, str, str]:
    """The whole channel-panels entry removed, while 2015.yml and published-ids.yml still name it (case 08)."""
    file = "guidance/provisions/organisational-responsibilities.yml"
    text = (PROJECT / file).read_text(encoding="utf-8")
    start = text.index("  - id: channel-panels\n")
    return file, text[start : text.index("  - id: ", start + 1)], ""


WITHDRAWN_BUT_LISTED = [
    (
        "guidance/provisions/assessment.yml",
        "    terms: [caf, assessment-framework]\n    versions:\n",
        "    terms: [caf, assessment-framework]\n    versions:\n"
        '      - edition: "2015"\n        withdrawn: true\n        note: Withdrawn for this test.\n',
    ),
    (
        "guidance/editions/2015.yml",
        "\n          - early-help\n",
        "\n          - early-help\n          - common-assessment-framework\n",
    ),
]

TRIAL_MISTAKES = [
    ("02 curly apostrophe for straight", [CURLY_APOSTROPHE], [CURLY_APOSTROPHE_PROBLEM]),
    (
        "03 straight apostrophe for curly",
        [STRAIGHT_APOSTROPHE],
        [
            "guidance/provisions/assessment.yml:110:20: initial-assessment-decision (2010): the quote is not in"
            " action-plan-2010 recommendation 19: it differs at character 59 of the quote: the quote has '"
            ' (straight apostrophe, U+0027) in "\u2026al authority\'s responsib\u2026", the source has \u2019'
            " (curly apostrophe, U+2019) — copy the source's character"
        ],
    ),
    (
        "06 missing colon: the line of the key, not the next one",
        [MISSING_COLON],
        [
            "guidance/provisions/serious-cases.yml:53:9: YAML syntax: this key has no ':' after it"
            " — add the missing ':' after the key, or quote the text"
        ],
    ),
    (
        "08 deleted provision: not a typo of another id",
        [_deleted_provision()],
        [
            "guidance/editions/2015.yml:76:13: chapter 2: provision 'channel-panels' is published"
            " (guidance/published-ids.yml) but no longer defined in guidance/provisions/ — restore its YAML;"
            " to withdraw it, keep it and give it a version with withdrawn: true and a note",
            "guidance/published-ids.yml:65:5: published: published provision 'channel-panels' has disappeared;"
            " trainers' links to it would break — restore the provision, or add a retirement entry"
            " (id, replaced_by, reason) under 'retired'",
            "guidance/summary.yml:28:9: stages[1].provisions[5]: provision 'channel-panels' is published"
            " (guidance/published-ids.yml) but no longer defined in guidance/provisions/ — restore its YAML;"
            " to withdraw it, keep it and give it a version with withdrawn: true and a note",
        ],
    ),
    ("10 tree next typo: no knock-on lines", [NEXT_TYPO], [NEXT_TYPO_PROBLEM]),
    (
        "13 role typo: correct the id",
        [ROLE_TYPO],
        [
            "guidance/provisions/serious-cases.yml:4:19: scr-progress-in-annual-report: unknown role 'social-workr'"
            " (did you mean 'social-worker'?) — correct the id, or add the new role to guidance/roles.yml"
        ],
    ),
    (
        "23 quote at another location: correct 'at'",
        [WRONG_LOCATION],
        [
            "guidance/provisions/serious-cases.yml:75:17: notify-serious-incidents (2015): the quote is not in"
            " wt-consultation-response-2015 question 5; it is at question 4 — correct 'at' to question 4"
        ],
    ),
    (
        "29 evidence dedented: no parser jargon",
        [_dedented_evidence()],
        [
            "guidance/provisions/serious-cases.yml:15:7: YAML syntax: this line is indented differently from the"
            " list or mapping it should belong to — check the indentation: items of one list or mapping must line up"
        ],
    ),
    (
        "31 withdrawn but listed: says withdrawn",
        WITHDRAWN_BUT_LISTED,
        [
            "guidance/editions/2015.yml:31:13: chapter 1: provision 'common-assessment-framework' is withdrawn in"
            " the 2015 edition (at guidance/provisions/assessment.yml:51:9), so it has no wording to show here"
            " — remove it from this chapter: its withdrawal is listed on the edition's what-changed page"
        ],
    ),
]


@pytest.mark.parametrize(
    ("edits", "expected"), [case[1:] for case in TRIAL_MISTAKES], ids=[case[0] for case in TRIAL_MISTAKES]
)
def test_each_mistake_the_trial_scored_below_3_now_has_an_exact_position_and_the_right_fix(
    project_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    edits: list[tuple[str, str, str]],
    expected: list[str],
) -> None:
    """The message says what is wrong where it is wrong, and a fix that fits this mistake."""
    _break(project_copy, *edits)
    assert _validate(project_copy, monkeypatch, capsys) == expected
