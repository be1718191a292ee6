"""The maintainer trial's 36 mistakes (reviews/2026-12-06-maintainer-trial.md, task 2), replayed on a copy of the
real project: each gives exactly the problem lines below, or is rightly accepted.

The score column is the trial's own rubric applied to the message asserted (5 = file:line:col, what is wrong in
maintainer terms and the right fix; 4 = right place and fix with a little noise or a slightly off location; 3 = found
but the location or fix misleads; 2 = wrong line or diagnosis; 1 = traceback, hang or a silent pass of a harmful
mistake; None = rightly accepted). `mean_score()` gives the figure the trial reported as 4.31 / 5.
"""

# The problem lines are asserted whole, one per line, as validate prints them: E501 would only split them.
# ruff: noqa: E501

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


# The designated officer's outcome: its last step, who handles allegations, cites the qualifications provision.
QUALIFIED_STEP = (
    "        text: Those managing allegations should be sufficiently qualified and experienced.\n"
    "        cites: [designated-officer-qualifications]\n"
)
WHISTLEBLOWING = '    roles: [senior-managers]\n    versions:\n      - edition: "2015"\n        strength: should\n'
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
        edits((ALLEGATION_TREE, QUALIFIED_STEP, QUALIFIED_STEP.replace("qualifications]", "qualification]"))),
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
                "    title: Internal whistleblowing policies\n    roles: [senior-managers]\n",
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
                "        strength: should\n" + QUALIFIED_STEP,
                "        strength: must\n" + QUALIFIED_STEP,
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
    ("35 typo in remove:", edition_2017, edits((E2017, "  - channel-panels\n", "  - channel-panel\n")), 4),
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


# What validate prints for each case: the exact problem lines, or nothing.
EXPECTED: dict[str, list[str]] = {
    "01 tab indenting one line": [
        "guidance/provisions/allegations.yml:9:1: YAML syntax: found character '\\t' that cannot start any token (while scanning for the next token) — indent with spaces, not tabs",
    ],
    "02 misspelled provision id in a tree's cites": [
        "decision_trees/allegation-against-someone-who-works-with-children.yml:80:17: allegation-against-someone-who-works-with-children.designated-officer: unknown provision 'designated-officer-qualification' (did you mean 'designated-officer-qualifications'?) — cite a provision id",
    ],
    "03 straight apostrophe where the source has a curly one": [
        "guidance/provisions/allegations.yml:26:20: allegations-coordinated-with-child-concerns (2015): the quote is not in wt-consultation-response-2015 question 1: it differs at character 139 of the quote: the quote has ' (straight apostrophe, U+0027) in \"…ugh children's social ca…\", the source has ’ (curly apostrophe, U+2019) — copy the source's character",
    ],
    "04 quote attributed to the wrong source": [
        "guidance/provisions/allegations.yml:44:13: designated-officer-qualifications (2015): the quote is not in carlile-response-2013; it is in wt-consultation-response-2015 question 2 — correct 'source' to wt-consultation-response-2015 (and 'at' to question 2)",
    ],
    "05 must with no law evidence": [
        "guidance/provisions/allegations.yml:67:9: whistleblowing-policies (2015): strength must, but no evidence states a law (an Act, regulations or a statutory duty) — add the passage that states the law with shows: law and duty_holder: <role id>, or make it should",
    ],
    "06 provision withdrawn while trees, a module and the summary cite it": [
        "decision_trees/adult-services-worried-about-a-parent.yml:62:36: adult-services-worried-about-a-parent.refer: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/adult-services-worried-about-a-parent.yml:82:15: adult-services-worried-about-a-parent.other-worry: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/adult-services-worried-about-a-parent.yml:93:15: adult-services-worried-about-a-parent.thresholds: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/allegation-against-someone-who-works-with-children.yml:45:36: allegation-against-someone-who-works-with-children.coordinate: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:122:36: worried-about-a-child.refer-serious-harm: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:194:15: worried-about-a-child.adult-services: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:228:27: worried-about-a-child.early-help: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:248:15: worried-about-a-child.check-thresholds: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:261:15: worried-about-a-child.refer-child-in-need: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:283:36: worried-about-a-child.refer-significant-harm: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "decision_trees/worried-about-a-child.yml:340:27: worried-about-a-child.early-help-after-referral: provision 'threshold-document' is not in the 2015 edition — cite a provision of the 2015 edition",
        "guidance/modules/making-a-referral.yml:24:16: steps[3].provision: provision 'threshold-document' is not in the 2015 edition — name an edition it is in with 'edition:' (2013)",
        "guidance/summary.yml:27:9: stages[1].provisions[3]: provision 'threshold-document' is not in the current (2015) edition — the summary lists the current edition only: remove it or use its replacement",
    ],
    "07 provision dropped from an edition silently": [
        'guidance/editions/2013.yml:127:13: housing-act-hazards: in the 2013 edition but not in the 2015 edition, which neither lists nor withdraws it, so it would disappear silently — list it in a section of guidance/editions/2015.yml, or add a version with edition: "2015", withdrawn: true and a note saying why, or, if the sources do not say, list it under not_described in guidance/editions/2015.yml with a reason',
        "guidance/summary.yml:14:9: stages[0].provisions[4]: provision 'housing-act-hazards' is not in the current (2015) edition — the summary lists the current edition only: remove it or use its replacement",
    ],
    "08 duplicate id pasted into another file": [
        "guidance/provisions/allegations.yml:95:9: duplicate provision id 'channel-panels': it is already defined at guidance/provisions/organisational-responsibilities.yml:422:9 — if this is a copy, give it a new id (or delete it); keep the original's id, which links use",
    ],
    "09 wrong edition year in a version": [
        "guidance/editions/2015.yml:131:13: chapter 2: provision 'designated-officer-qualifications' has no wording in the 2015 edition or any earlier one — add a version with edition: \"2015\" to it, or remove it from this chapter",
        "guidance/provisions/allegations.yml:37:9: designated-officer-qualifications (2105): unknown edition '2105' — use one of: 2010, 2013, 2015",
    ],
    "10 missing change: grade on an amending version": [
        "guidance/provisions/lscb.yml:435:9: lscb-annual-report (2015): an amending version without 'change:' (what the amendment means for practice) — add change: with one of: new-duty-or-expectation, changed-practice, clarification, reference-update",
    ],
    "11 invalid date": [
        "guidance/editions/2015.yml:3:12: published: '2015-13' is not a date: there is no month 13 — write a real date as YYYY-MM or YYYY-MM-DD",
    ],
    "12 broken citation in docs/index.md": [
        "docs/index.md:28:1: unknown provision [[child-seen-alon]] (did you mean 'child-seen-alone'?) — correct the id inside [[...]] to one from guidance/provisions/",
    ],
    "13 Windows line endings": [],
    "14 UTF-8 byte order mark": [],
    "15 Vim swap file": [],
    "16 YAML anchor and alias": [
        "guidance/provisions/allegations.yml:65:12: YAML aliases (*name) are not allowed — write the value out in full",
    ],
    "17 a 20,000-character provision text": [
        "guidance/provisions/allegations.yml:39:15: provisions[1].versions[0].text: this value is 20,228 characters long; the limit here is 10,000 — shorten it: a provision's words are a summary with a short quote, not a whole document",
    ],
    "18 empty file": [
        "guidance/provisions/practice.yml:1:1: expected a mapping of fields, found nothing — write its fields: provisions:",
    ],
    "19 tree file renamed, id unchanged": [],
    "20 trailing space in a quoted id": [
        "guidance/provisions/allegations.yml:63:9: provisions[2].id: 'whistleblowing-policies ' has a space at its start or end — delete the space: write 'whistleblowing-policies'",
    ],
    "21 new provision not in published-ids.yml": [
        "guidance/provisions/allegations.yml:63:5: whistleblowing-training: new provision 'whistleblowing-training' is not in guidance/published-ids.yml — add it under 'published' so its link is kept for good",
    ],
    "22 misspelled key": [
        "guidance/provisions/allegations.yml:67:9: provisions[2].versions[0]: missing field 'strength' — add 'strength:' to this item",
        "guidance/provisions/allegations.yml:68:9: provisions[2].versions[0]: unknown field 'strenght' — remove it or correct the spelling; allowed here: change, edition, evidence, note, roles, strength, text, timescale, updated, withdrawn",
    ],
    "23 misspelled value": [
        "guidance/provisions/allegations.yml:68:19: provisions[2].versions[0].strength: 'shuold' is not allowed here — use one of: must, law, should, guidance, editorial",
    ],
    "24 location that does not exist": [
        "guidance/provisions/allegations.yml:44:13: designated-officer-qualifications (2015): wt-consultation-response-2015 has no question 9; the quote is at question 2 — correct 'at' to a numbered passage",
    ],
    "25 tree answer to a missing node": [
        "decision_trees/allegation-against-someone-who-works-with-children.yml:31:15: allegation-against-someone-who-works-with-children.child-welfare-concern: next node 'coordinat' does not exist (did you mean 'coordinate'?) — fix it",
    ],
    "26 tree outcome firmer than its provisions": [
        "decision_trees/allegation-against-someone-who-works-with-children.yml:78:19: allegation-against-someone-who-works-with-children.designated-officer.then[1]: the step says 'must' but the strongest provision it cites is 'should' in the 2015 edition — lower it to strength: should (or weaker), or cite a must provision that supports it",
    ],
    "27 module step with an answer the question lacks": [
        "guidance/modules/making-a-referral.yml:28:42: steps[4].path[5]: 'I am unsure' is not an answer to 'What does your local threshold document say about this level of need?' (node 'level-of-need' of worried-about-a-child) — use one of: 'Early help', 'A child in need (section 17)', 'Reasonable cause to suspect significant harm (section 47)', 'I am not sure'",
    ],
    "28 unterminated quoted string": [
        'guidance/provisions/allegations.yml:26:20: YAML syntax: the quoted text that starts here has no closing " on its line — add the closing quote where the text ends (YAML read on past the end of the line)',
    ],
    "29 duplicate key": [
        "guidance/provisions/allegations.yml:65:5: duplicate key 'title' (first written at line 64) — remove one of the two or merge them",
    ],
    "30 ': ' inside an unquoted title": [
        "guidance/provisions/allegations.yml:64:35: YAML syntax: mapping values are not allowed here — check the indentation, or put quotes around text that contains ': '",
    ],
    "31 source text corrected so a quote no longer matches": [
        "guidance/provisions/allegations.yml:46:20: designated-officer-qualifications (2015): the quote is not in wt-consultation-response-2015 question 2: it differs at character 77 of the quote: the quote has 'f' in \"…should be sufficiently q…\", the source has 'i' in \"…should be suitably quali…\" — copy the quote exactly from the source (only spacing, bullets and footnote markers may differ)",
    ],
    "32 edition year unquoted": [],
    "33 tab in referral.yml, whose provisions carry timescales": [
        "guidance/provisions/referral.yml:8:1: YAML syntax: found character '\\t' that cannot start any token (while scanning for the next token) — indent with spaces, not tabs",
    ],
    "34 withdrawn version written, id not under remove:": [
        "guidance/editions/2017.yml:4:10: chapter 2: provision 'channel-panels' is withdrawn in the 2017 edition (at guidance/provisions/organisational-responsibilities.yml:443:9), so it has no wording to show here — add it under remove: in guidance/editions/2017.yml (the chapter is inherited)",
    ],
    "35 typo in remove:": [
        "guidance/editions/2017.yml:4:10: chapter 2: provision 'channel-panels' is withdrawn in the 2017 edition (at guidance/provisions/organisational-responsibilities.yml:443:9), so it has no wording to show here — add it under remove: in guidance/editions/2017.yml (the chapter is inherited)",
        "guidance/editions/2017.yml:14:5: remove: 'channel-panel' is not in the contents this edition inherits (did you mean 'channel-panels'?) — correct the id, or remove the line",
    ],
    "36 remove: written, withdrawn version forgotten": [
        "guidance/editions/2017.yml:14:5: remove: 'channel-panels' is removed from the 2017 edition but not withdrawn, so it would disappear silently — add a version to it with edition: \"2017\", withdrawn: true and a note saying why, or, if the sources do not say, list it under not_described in guidance/editions/2017.yml",
    ],
    "hostile m0606 module cut off at a line end": [
        "guidance/modules/making-a-referral.yml:47:1: the file does not end with a line break, so it may have been cut off and lost what came after this line — compare its end with the last committed version (git diff), restore anything missing, and end the file with a line break",
    ],
}


@pytest.mark.parametrize(("name", "setup", "mistake", "score"), CASES, ids=[case[0] for case in CASES])
def test_each_trial_mistake_gives_exactly_its_own_problem_at_its_cause(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    setup: Mistake | None,
    mistake: Mistake,
    score: int | None,
) -> None:
    """Each mistake prints exactly the lines recorded for it (nothing if rightly accepted), from a valid start."""
    project = copy_project(tmp_path_factory.getbasetemp() / "trial-replay")
    if setup is not None:
        setup(project)
        assert validate(project, monkeypatch, capsys) == [], "the state the mistake starts from must be valid"
    mistake(project)
    assert validate(project, monkeypatch, capsys) == EXPECTED[name]
    # A score is given exactly to the reported mistakes; 17 was rightly accepted by the trial and is now refused.
    assert (score is None) == (EXPECTED[name] == []) or name.startswith("17 ")


def mean_score() -> float:
    """The trial's figure: the mean score of the reported mistakes among 1-36 (the trial's was 4.31 / 5)."""
    scores = [score for name, _, _, score in CASES if score is not None and name[:2].isdigit()]
    return sum(scores) / len(scores)


def test_the_mean_message_score_is_above_the_trials_and_nothing_passes_silently() -> None:
    """The rubric scores above average more than the trial's 4.31, and no case scores 1 (a silent pass)."""
    assert mean_score() > 4.31
    assert all(score != 1 for _, _, _, score in CASES)
