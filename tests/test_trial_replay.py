"""The maintainer trial's 36 mistakes (reviews/2026-12-06-maintainer-trial.md, task 2), replayed on a copy of the
real project: each gives exactly the problem lines below, or is rightly accepted.

The score column is the trial's own rubric applied to the message asserted (5 = file:line:col, what is wrong in
maintainer terms and the right fix; 4 = right place and fix with a little noise or a slightly off location; 3 = found
but the location or fix misleads; 2 = wrong line or diagnosis; 1 = traceback, hang or a silent pass of a harmful
mistake; None = rightly accepted). `mean_score()` gives the figure the trial reported as 4.31 / 5.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT
from working_together.__main__ import main

ALLEGATIONS = "guidance/provisions/allegations.yml"
REFERRAL = "guidance/provisions/referral.yml"
ORGANISATIONAL = "guidance/provisions/organisational-responsibilities.yml"
LSCB = "guidance/provisions/lscb.yml"
E2015 = "guidance/editions/2015.yml"
E2017 = "guidance/editions/2017.yml"
ALLEGATION_TREE = "decision_trees/allegation-against-someone-who-works-with-children.yml"
REFERRAL_MODULE = "guidance/modules/making-a-referral.yml"
PUBLISHED = "guidance/published-ids.yml"
TREES_ON_2015 = (
    "adult-services-worried-about-a-parent",
    "allegation-against-someone-who-works-with-children",
    "child-death",
    "deciding-on-a-serious-case-review",
    "notifying-a-serious-incident",
    "worried-about-a-child",
)

Edit = tuple[str, str, str]  # (file, text, replacement), each applied exactly once
Mistake = Callable[[Path], None]


def edit(project: Path, *edits: Edit) -> None:
    """Apply each replacement once, failing if its text is not in the file exactly once."""
    for file, old, new in edits:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not in {file} exactly once"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edits(*changes: Edit) -> Mistake:
    return lambda project: edit(project, *changes)


def block(project: Path, file: str, identifier: str) -> str:
    """The whole entry of one provision in a provisions file."""
    text = (project / file).read_text(encoding="utf-8")
    start = text.index(f"  - id: {identifier}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[start : end + 1 if end != -1 else len(text)]


def edition_2017(project: Path) -> None:
    """The trial's task 1 in miniature, done right: a 2017 edition that extends 2015 and withdraws channel-panels."""
    (project / E2017).write_text(
        'id: "2017"\ntitle: Working Together to Safeguard Children (2017, fictional)\npublished: "2017-03"\n'
        'extends: "2015"\nreplaced_by:\n  editions: ["2018", "2023"]\n  in_force_at: GOV.UK (www.gov.uk)\n'
        'reviewed: ["1", "2", "3", "4", "5"]\nevidence:\n  - source: wt-consultation-response-2015\n'
        '    at: question 2\n    quote: "we have added a new expectation that those managing allegations should be'
        ' sufficiently qualified and experienced"\nremove:\n  - channel-panels\n',
        encoding="utf-8",
    )
    channel = block(project, ORGANISATIONAL, "channel-panels")
    withdrawal = '      - edition: "2017"\n        withdrawn: true\n        note: Fictional withdrawal.\n'
    edit(
        project,
        (
            ORGANISATIONAL,
            channel,
            channel.rstrip("\n") + "\n" + withdrawal + ("\n" if channel.endswith("\n\n") else ""),
        ),
    )
    edit(project, ("guidance/summary.yml", "      - channel-panels\n", ""))
    for tree in TREES_ON_2015:
        edit(
            project,
            (f"decision_trees/{tree}.yml", 'edition: "2015"\n', 'edition: "2015"\nsuperseded_ok: "Not yet reviewed"\n'),
        )


def pasted_channel_panels(project: Path) -> None:
    """Mistake 8: the channel-panels entry pasted at the end of allegations.yml, saved after the original."""
    copy = block(project, ORGANISATIONAL, "channel-panels")
    path = project / ALLEGATIONS
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + copy, encoding="utf-8")


def long_text(project: Path) -> None:
    text = "x" * 20_000
    edit(
        project,
        (
            ALLEGATIONS,
            "          Those managing allegations against",
            f"          {text} Those managing allegations against",
        ),
    )


def swap_file(project: Path) -> None:
    (project / "guidance/provisions/.allegations.yml.swp").write_bytes(b"b0VIM 9.0\x00\x00\xff\xfe" * 50)


def empty_file(project: Path) -> None:
    (project / "guidance/provisions/practice.yml").write_text("", encoding="utf-8")


def renamed_tree(project: Path) -> None:
    (project / "decision_trees/child-death.yml").rename(project / "decision_trees/child-deaths.yml")


def crlf(project: Path) -> None:
    path = project / ALLEGATIONS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def bom(project: Path) -> None:
    path = project / REFERRAL
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def source_corrected(project: Path) -> None:
    edit(
        project,
        (
            "guidance/sources/wt-consultation-response-2015.txt",
            "should be sufficiently qualified",
            "should be suitably qualified",
        ),
    )


def withdrawn_but_cited(project: Path) -> None:
    """Mistake 6: threshold-document withdrawn in 2015 and taken out of the edition; trees, module, summary cite it."""
    entry = block(project, REFERRAL, "threshold-document")
    withdrawal = '      - edition: "2015"\n        withdrawn: true\n        note: Fictional withdrawal.\n'
    edit(
        project,
        (REFERRAL, entry, entry.rstrip("\n") + "\n" + withdrawal + "\n"),
        (E2015, "          - threshold-document\n", ""),
    )


def unclosed_quote(project: Path) -> None:
    line = 'children should be routed through children’s social care"\n'
    edit(project, (ALLEGATIONS, line, line[:-2] + "\n"))


def module_cut_at_line_end(project: Path) -> None:
    """Hostile review m0606: a module file cut off at a line end (here, before its last line break)."""
    path = project / REFERRAL_MODULE
    text = path.read_text(encoding="utf-8")
    cut = text.rindex("  - provision:")
    path.write_text(text[: cut - 1], encoding="utf-8")


COORDINATE_CITES = (
    "see_tree: worried-about-a-child\n    cites: [allegations-coordinated-with-child-concerns,"
    " designated-officer-qualifications]"
)
WHISTLEBLOWING = '    roles: [any-practitioner]\n    versions:\n      - edition: "2015"\n        strength: should\n'
QUESTION_2 = (
    '          - source: wt-consultation-response-2015\n            at: question 2\n            quote: "we have added'
)
LSCB_GRADE = '      - edition: "2015"\n        change: new-duty-or-expectation\n'
DOC_QUALIFICATIONS = (
    '    terms: [lado]\n    versions:\n      - edition: "2015"\n        strength: should\n        text: >-\n'
    "          Those"
)
NEW_PROVISION = (
    "  - id: whistleblowing-training\n    title: Training on whistleblowing\n    roles: [any-practitioner]\n"
    '    versions:\n      - edition: "2015"\n        strength: should\n'
    "        text: Organisations should have whistleblowing policies.\n"
    "        evidence:\n          - source: wt-consultation-response-2015\n"
    "            at: clarification Whistleblowing\n"
    '            quote: "integrated into training and codes of conduct"\n'
    "            shows: working-together\n\n"
)

# (number and mistake, setup or None, the mistake, score under the trial's rubric: None if rightly accepted)
CASES: list[tuple[str, Mistake | None, Mistake, int | None]] = [
    (
        "01 tab indenting one line",
        None,
        edits(
            (
                ALLEGATIONS,
                "        strength: should\n        text: >-\n          Allegations",
                "\tstrength: should\n        text: >-\n          Allegations",
            )
        ),
        5,
    ),
    (
        "02 misspelled provision id in a tree's cites",
        None,
        edits((ALLEGATION_TREE, COORDINATE_CITES, COORDINATE_CITES.replace("qualifications]", "qualification]"))),
        5,
    ),
    (
        "03 straight apostrophe where the source has a curly one",
        None,
        edits((ALLEGATIONS, 'through children’s social care"', "through children's social care\"")),
        5,
    ),
    (
        "04 quote attributed to the wrong source",
        None,
        edits((ALLEGATIONS, QUESTION_2, QUESTION_2.replace("wt-consultation-response-2015", "carlile-response-2013"))),
        5,
    ),
    (
        "05 must with no law evidence",
        None,
        edits((ALLEGATIONS, WHISTLEBLOWING, WHISTLEBLOWING.replace("should", "must"))),
        5,
    ),
    ("06 provision withdrawn while trees, a module and the summary cite it", None, withdrawn_but_cited, 4),
    ("07 provision dropped from an edition silently", None, edits((E2015, "          - housing-act-hazards\n", "")), 4),
    ("08 duplicate id pasted into another file", None, pasted_channel_panels, 5),
    (
        "09 wrong edition year in a version",
        None,
        edits((ALLEGATIONS, DOC_QUALIFICATIONS, DOC_QUALIFICATIONS.replace("2015", "2105"))),
        4,
    ),
    (
        "10 missing change: grade on an amending version",
        None,
        edits((LSCB, LSCB_GRADE, '      - edition: "2015"\n')),
        5,
    ),
    ("11 invalid date", None, edits((E2015, 'published: "2015-03"', 'published: "2015-13"')), 5),
    (
        "12 broken citation in docs/index.md",
        None,
        edits(("docs/index.md", "[[child-seen-alone]]", "[[child-seen-alon]]")),
        5,
    ),
    ("13 Windows line endings", None, crlf, None),
    ("14 UTF-8 byte order mark", None, bom, None),
    ("15 Vim swap file", None, swap_file, None),
    (
        "16 YAML anchor and alias",
        None,
        edits(
            (
                ALLEGATIONS,
                "    roles: [designated-officer, local-authority, any-practitioner]\n",
                "    roles: &r [designated-officer, local-authority, any-practitioner]\n",
            ),
            (
                ALLEGATIONS,
                "    title: Internal whistleblowing policies\n    roles: [any-practitioner]\n",
                "    title: Internal whistleblowing policies\n    roles: *r\n",
            ),
        ),
        5,
    ),
    ("17 a 20,000-character provision text", None, long_text, None),
    ("18 empty file", None, empty_file, 5),
    ("19 tree file renamed, id unchanged", None, renamed_tree, None),
    (
        "20 trailing space in a quoted id",
        None,
        edits((ALLEGATIONS, "  - id: whistleblowing-policies\n", '  - id: "whistleblowing-policies "\n')),
        5,
    ),
    (
        "21 new provision not in published-ids.yml",
        None,
        lambda p: edit(
            p,
            (ALLEGATIONS, "  - id: whistleblowing-policies\n", NEW_PROVISION + "  - id: whistleblowing-policies\n"),
            (
                E2015,
                "          - whistleblowing-policies\n",
                "          - whistleblowing-policies\n          - whistleblowing-training\n",
            ),
        ),
        5,
    ),
    (
        "22 misspelled key",
        None,
        edits((ALLEGATIONS, WHISTLEBLOWING, WHISTLEBLOWING.replace("strength:", "strenght:"))),
        5,
    ),
    ("23 misspelled value", None, edits((ALLEGATIONS, WHISTLEBLOWING, WHISTLEBLOWING.replace("should", "shuold"))), 5),
    (
        "24 location that does not exist",
        None,
        edits((ALLEGATIONS, QUESTION_2, QUESTION_2.replace("question 2", "question 9"))),
        5,
    ),
    (
        "25 tree answer to a missing node",
        None,
        edits((ALLEGATION_TREE, "        next: coordinate\n", "        next: coordinat\n")),
        5,
    ),
    (
        "26 tree outcome firmer than its provisions",
        None,
        edits(
            (
                ALLEGATION_TREE,
                "    outcome: Follow your local procedure for allegations\n    strength: editorial\n",
                "    outcome: Follow your local procedure for allegations\n    strength: must\n",
            )
        ),
        5,
    ),
    (
        "27 module step with an answer the question lacks",
        None,
        edits((REFERRAL_MODULE, '"I am not sure"]', '"I am unsure"]')),
        5,
    ),
    ("28 unterminated quoted string", None, unclosed_quote, 5),
    (
        "29 duplicate key",
        None,
        edits(
            (
                ALLEGATIONS,
                "    title: Internal whistleblowing policies\n",
                "    title: Internal whistleblowing policies\n    title: Whistleblowing\n",
            )
        ),
        5,
    ),
    (
        "30 ': ' inside an unquoted title",
        None,
        edits(
            (
                ALLEGATIONS,
                "    title: Internal whistleblowing policies\n",
                "    title: Internal whistleblowing: policies\n",
            )
        ),
        5,
    ),
    ("31 source text corrected so a quote no longer matches", None, source_corrected, 4),
    (
        "32 edition year unquoted",
        None,
        edits((ALLEGATIONS, DOC_QUALIFICATIONS, DOC_QUALIFICATIONS.replace('"2015"', "2015"))),
        None,
    ),
    (
        "33 tab in referral.yml, whose provisions carry timescales",
        None,
        edits(
            (
                REFERRAL,
                '    versions:\n      - edition: "2013"\n        strength: should\n        timescale:',
                '    versions:\n      - edition: "2013"\n\tstrength: should\n        timescale:',
            )
        ),
        5,
    ),
    (
        "34 withdrawn version written, id not under remove:",
        edition_2017,
        edits((E2017, "remove:\n  - channel-panels\n", "")),
        5,
    ),
    ("35 typo in remove:", edition_2017, edits((E2017, "  - channel-panels\n", "  - channel-panel\n")), 5),
    (
        "36 remove: written, withdrawn version forgotten",
        edition_2017,
        edits(
            (
                ORGANISATIONAL,
                '      - edition: "2017"\n        withdrawn: true\n        note: Fictional withdrawal.\n',
                "",
            )
        ),
        5,
    ),
    ("hostile m0606 module cut off at a line end", None, module_cut_at_line_end, 5),
]


def copy_project(destination: Path) -> Path:
    """The project's content and configuration, copied so a case may break them. Every case uses the same folder,
    so the loader's caches (keyed by path, checked by content) skip the files a case leaves unchanged."""
    shutil.rmtree(destination, ignore_errors=True)
    destination.mkdir(parents=True)
    for name in ("guidance", "docs", "decision_trees", "local"):
        shutil.copytree(PROJECT / name, destination / name)
    shutil.copy(PROJECT / "mkdocs.yml", destination / "mkdocs.yml")
    return destination


def validate(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problem lines `python -m working_together validate` prints in the project (none if it says OK)."""
    monkeypatch.chdir(project)
    status = main(["validate"])
    output = capsys.readouterr()
    assert status == (1 if output.out and not output.out.startswith("OK: ") else 0), output
    return [] if status == 0 else output.out.splitlines()
