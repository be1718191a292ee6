"""`validate` and the build run the same checks and report every problem of every file in one run, each message
exact; the mistakes are those of the maintainer trial (../shared/reviews/2026-12-maintainer-trial.md), replayed on
the small corpus (tests/small_guidance.py) so that editing the real guidance cannot change what they test."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import PROJECT, build_site
from mkdocs.exceptions import Abort
from small_guidance import write_small_guidance, write_small_tree
from working_together.__main__ import main

Edit = tuple[str, str, str]  # (file in the project, text to replace, replacement): each applied once


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The small corpus as a whole project: the real mkdocs.yml, a one-line page for each of its hand-written
    pages, and no decision tree unless a case writes one."""
    write_small_guidance(tmp_path)
    (tmp_path / "decision_trees").mkdir()
    shutil.copy(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    for page in (PROJECT / "docs").glob("*.md"):
        (tmp_path / "docs" / page.name).write_text(f"# {page.stem}\n", encoding="utf-8")
    return tmp_path


def _break(project: Path, *edits: Edit) -> None:
    for file, old, new in edits:
        path = project / file
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not in {file} exactly once"
        path.write_text(text.replace(old, new), encoding="utf-8")


def at(project: Path, file: str, context: str, point: str = "") -> str:
    """`file:line:col` of `point` (or of the whole `context` if none) inside the one place `context` is in the file,
    counted here from the file as edited, so that the test needs no line numbers of its own."""
    text = (project / file).read_text(encoding="utf-8")
    assert text.count(context) == 1, f"{context!r} is not in {file} exactly once"
    assert point in context, f"{point!r} is not in {context!r}"
    offset = text.index(context) + context.index(point)
    line = text.count("\n", 0, offset) + 1
    column = offset - text.rfind("\n", 0, offset)
    return f"{file}:{line}:{column}"


def _validate(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The problem lines `python -m working_together validate` prints in the project, after checking its status."""
    monkeypatch.chdir(project)
    status = main(["validate"])
    output = capsys.readouterr()
    if status == 0:
        assert output.out.startswith("OK: ") and output.err == "", output
        return []
    problems = output.out.splitlines()
    assert status == 1 and output.err == f"{len(problems)} problem(s).\n", output
    return problems


def _build_problems(project: Path, caplog: pytest.LogCaptureFixture) -> list[str]:
    """The problem lines `mkdocs build --strict` logs before it stops, writing nothing."""
    with pytest.raises(Abort):
        build_site(project, project / "site")
    assert not (project / "site").exists()
    return re.findall(r"^(?:guidance|decision_trees|docs)/\S+:\d+:\d+: .*$", caplog.text, re.M)


# Setups: valid states a mistake starts from (each is checked to be valid by the first test below).

SOURCE = "guidance/sources/report.txt"
GLOSSARY = "guidance/glossary.yml"
PROVISIONS = "guidance/provisions/cases.yml"
TREE = "decision_trees/worried.yml"
EDITION_2010 = "guidance/editions/2010.yml"
EDITION_2011 = "guidance/editions/2011.yml"
SUMMARY = "guidance/summary.yml"
SENTENCE = "Keeping children safe is everyone{}s responsibility"  # the apostrophe is its 34th character
STRAIGHT, CURLY = "'", "\u2019"


def with_apostrophe(apostrophe: str) -> Callable[[Path], None]:
    """The source's paragraph 1.1 gains a sentence with this apostrophe, and the glossary quotes it exactly."""

    def setup(project: Path) -> None:
        paragraph = "- 1.1 The child should be seen alone when appropriate.\n"
        _break(
            project,
            (SOURCE, paragraph, f"{paragraph[:-1]} {SENTENCE.format(apostrophe)}.\n"),
            (GLOSSARY, "at: paragraph 1.2\n", "at: paragraph 1.1\n"),
            (GLOSSARY, "quote: Referrals should be decided\n", f"quote: {SENTENCE.format(apostrophe)}\n"),
        )

    return setup


def with_tree(project: Path) -> None:
    """The small two-outcome tree over the small corpus."""
    write_small_tree(project)


WITHDRAWAL = '      - edition: "2011"\n        withdrawn: true\n        note: The 2011 edition drops this advice.\n'


def with_2011_withdrawing_child_seen_alone(project: Path) -> None:
    """A 2011 edition that withdraws child-seen-alone, done right: a withdrawn 2011 version with a note, the
    provision out of the current summary, and listed in no chapter of 2011."""
    text = (project / EDITION_2010).read_text(encoding="utf-8")
    for old, new in (('id: "2010"', 'id: "2011"'), ("Together 2010", "Together 2011"), ('"2010-03"', '"2011-03"')):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (project / EDITION_2011).write_text(text, encoding="utf-8")
    _break(
        project,
        (EDITION_2011, "          - child-seen-alone\n", ""),
        (PROVISIONS, "  - id: referral-decision\n", f"{WITHDRAWAL}  - id: referral-decision\n"),
        (SUMMARY, "      - child-seen-alone\n", ""),
    )


SETUPS = {
    "the small corpus as it is": lambda _: None,
    "straight apostrophe in the source": with_apostrophe(STRAIGHT),
    "curly apostrophe in the source": with_apostrophe(CURLY),
    "a decision tree": with_tree,
    "a decision tree and a straight apostrophe (case 32)": lambda p: (with_tree(p), with_apostrophe(STRAIGHT)(p)),
    "a 2011 edition withdrawing a provision": with_2011_withdrawing_child_seen_alone,
}


@pytest.mark.parametrize("setup", SETUPS.values(), ids=SETUPS.keys())
def test_each_state_a_mistake_starts_from_is_valid(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], setup: Callable[[Path], None]
) -> None:
    """Every problem a case reports comes from its mistake, not from the state the mistake was made in."""
    setup(project)
    assert _validate(project, monkeypatch, capsys) == []


# The mistakes: each is an edit, and a function of the edited project giving the exact problem lines expected.

CURLY_FOR_STRAIGHT = (GLOSSARY, f"quote: {SENTENCE.format(STRAIGHT)}\n", f"quote: {SENTENCE.format(CURLY)}\n")
STRAIGHT_FOR_CURLY = (GLOSSARY, f"quote: {SENTENCE.format(CURLY)}\n", f"quote: {SENTENCE.format(STRAIGHT)}\n")


def apostrophe_problem(project: Path, quoted: str, source: str) -> str:
    """The quote is not in its passage: the message names the two look-alike characters and where they part."""
    names = {STRAIGHT: "straight apostrophe, U+0027", CURLY: "curly apostrophe, U+2019"}
    return (
        f"{at(project, GLOSSARY, f'quote: {SENTENCE.format(quoted)}', 'Keeping')}: glossary lscb: the quote is not in"
        f" report paragraph 1.1: it differs at character 34 of the quote: the quote has {quoted} ({names[quoted]})"
        f' in "\u2026 is everyone{quoted}s responsib\u2026", the source has {source} ({names[source]})'
        " — copy the source's character"
    )


# In the summary: the small corpus has one edition, and with no edition loaded the tree check raises an IndexError
# (check/trees.py _superseded_problems, corpus.current_edition) instead of reporting the other files' problems.
TAB = (SUMMARY, "\n      - referral-decision\n", "\n\t\t\t- referral-decision\n")
TAB_PROBLEM = (
    "{at}: YAML syntax: found character '\\t' that cannot start any token (while scanning for the next token)"
    " — indent with spaces, not tabs"
)

MUST = (
    PROVISIONS,
    "        strength: should\n        text: Referrals",
    "        strength: Must\n        text: Referrals",
)
MUST_PROBLEM = (
    "{at}: provisions[1].versions[0].strength: 'Must' is not allowed here — use one of: must, law, should, guidance,"
    " editorial"
)

NEXT_TYPO = (TREE, "next: refer\n", "next: refr\n")
NEXT_TYPO_PROBLEM = "{at}: worried.seen: next node 'refr' does not exist (did you mean 'refer'?) — fix it"


def test_four_mistakes_in_four_files_are_all_reported_in_one_run_by_validate_and_by_the_build(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trial case 32: a YAML error and a schema error hide neither the quote nor the tree problem of other files."""
    SETUPS["a decision tree and a straight apostrophe (case 32)"](project)
    _break(project, TAB, MUST, CURLY_FOR_STRAIGHT, NEXT_TYPO)
    expected = [
        NEXT_TYPO_PROBLEM.format(at=at(project, TREE, "next: refr\n", "refr")),
        apostrophe_problem(project, CURLY, STRAIGHT),
        MUST_PROBLEM.format(at=at(project, PROVISIONS, "strength: Must\n", "Must")),
        TAB_PROBLEM.format(at=at(project, SUMMARY, "\t\t\t- referral-decision\n")),
    ]
    assert _validate(project, monkeypatch, capsys) == expected
    assert _build_problems(project, caplog) == expected


def test_a_broken_citation_in_a_hand_written_page_fails_validate_as_it_fails_the_build(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Trial case 33: validate checks docs/ too (it said OK while the build failed), with a did-you-mean."""
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [[referal-decision]] on referrals.\n", "utf-8")
    expected = [
        f"{at(project, 'docs/about.md', '[[referal-decision]]')}: unknown provision [[referal-decision]]"
        " (did you mean 'referral-decision'?) — correct the id inside [[...]] to one from guidance/provisions/"
    ]
    assert _validate(project, monkeypatch, capsys) == expected
    assert _build_problems(project, caplog) == expected


MISSING_COLON = (PROVISIONS, MUST[1], MUST[1].replace("strength: should", "strength should"))
ROLE_TYPO = (PROVISIONS, "roles: [social-worker]", "roles: [social-workr]")
WRONG_LOCATION = (
    PROVISIONS,
    "at: paragraph 1.1\n            quote: The child",
    "at: paragraph 1.2\n            quote: The child",
)


def dedented_evidence(project: Path) -> Edit:
    """child-seen-alone's evidence moved two spaces left, out of its version, with a provision after it (case 29)."""
    lines = (project / PROVISIONS).read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("        evidence:\n")
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("          ")), len(lines))
    return PROVISIONS, "".join(lines[start:end]), "".join(line[2:] for line in lines[start:end])


def deleted_provision(project: Path) -> Edit:
    """The whole child-seen-alone entry removed, while the edition, the summary and published-ids.yml still name
    it (trial case 08)."""
    text = (project / PROVISIONS).read_text(encoding="utf-8")
    start = text.index("  - id: child-seen-alone\n")
    return PROVISIONS, text[start : text.index("  - id: ", start + 1)], ""


CHILD_SEEN_ALONE = "- child-seen-alone\n"  # as the edition, the summary and published-ids.yml list it
DEDENTED = "\n      evidence:\n"


def no_longer_defined(where: str) -> str:
    return (
        f"{where}: chapter 5: provision 'child-seen-alone' is published (guidance/published-ids.yml) but no longer"
        " defined in guidance/provisions/ — restore its YAML; to withdraw it, keep it and give it a version with"
        " withdrawn: true and a note"
    )


LISTING = "          - child-seen-alone\n"
LISTED_AFTER_WITHDRAWAL = (EDITION_2011, "          - referral-decision\n", f"{LISTING}          - referral-decision\n")

# (trial case, setups, the mistake, the problem lines expected after it)
TRIAL_MISTAKES: list[tuple[str, list[Callable[[Path], None]], Callable[[Path], Edit], Callable[[Path], list[str]]]]
TRIAL_MISTAKES = [
    (
        "02 curly apostrophe for straight: names both characters",
        [with_apostrophe(STRAIGHT)],
        lambda _: CURLY_FOR_STRAIGHT,
        lambda p: [apostrophe_problem(p, CURLY, STRAIGHT)],
    ),
    (
        "03 straight apostrophe for curly: names both characters",
        [with_apostrophe(CURLY)],
        lambda _: STRAIGHT_FOR_CURLY,
        lambda p: [apostrophe_problem(p, STRAIGHT, CURLY)],
    ),
    (
        "06 missing colon: the line of the key, not the next one",
        [],
        lambda _: MISSING_COLON,
        lambda p: [
            f"{at(p, PROVISIONS, 'strength should')}: YAML syntax: this key has no ':' after it"
            " — add the missing ':' after the key, or quote the text"
        ],
    ),
    (
        "08 deleted provision: not a typo of another id",
        [],
        deleted_provision,
        lambda p: [
            no_longer_defined(at(p, EDITION_2010, CHILD_SEEN_ALONE, "child-seen-alone")),
            f"{at(p, 'guidance/published-ids.yml', CHILD_SEEN_ALONE, 'child-seen-alone')}: published:"
            " published provision 'child-seen-alone' has disappeared; trainers' links to it would break"
            " — restore the provision, or add a retirement entry (id, replaced_by, reason) under 'retired'",
            no_longer_defined(at(p, SUMMARY, CHILD_SEEN_ALONE, "child-seen-alone")).replace(
                "chapter 5:", "stages[0].provisions[1]:", 1
            ),
        ],
    ),
    (
        "10 tree next typo: no knock-on lines",
        [with_tree],
        lambda _: NEXT_TYPO,
        lambda p: [NEXT_TYPO_PROBLEM.format(at=at(p, TREE, "next: refr\n", "refr"))],
    ),
    (
        "13 role typo: correct the id",
        [],
        lambda _: ROLE_TYPO,
        lambda p: [
            f"{at(p, PROVISIONS, 'social-workr')}: child-seen-alone: unknown role 'social-workr'"
            " (did you mean 'social-worker'?) — correct the id, or add the new role to guidance/roles.yml"
        ],
    ),
    (
        "23 quote at another location: correct 'at'",
        [],
        lambda _: WRONG_LOCATION,
        lambda p: [
            f"{at(p, PROVISIONS, WRONG_LOCATION[2], 'paragraph')}: child-seen-alone (2010): the quote is not in"
            " report paragraph 1.2; it is at paragraph 1.1 — correct 'at' to paragraph 1.1"
        ],
    ),
    (
        "29 evidence dedented: no parser jargon",
        [],
        dedented_evidence,
        lambda p: [
            f"{at(p, PROVISIONS, DEDENTED, 'evidence')}: YAML syntax: this line is indented differently"
            " from the list or mapping it should belong to — check the indentation: items of one list or mapping"
            " must line up"
        ],
    ),
    (
        "31 withdrawn but listed: says withdrawn, once",
        [with_2011_withdrawing_child_seen_alone],
        lambda _: LISTED_AFTER_WITHDRAWAL,
        lambda p: [
            f"{at(p, EDITION_2011, LISTING, 'child-seen-alone')}: chapter 5: provision 'child-seen-alone' is withdrawn"
            f" in the 2011 edition (at {at(p, PROVISIONS, WITHDRAWAL, 'edition')}), so it has no wording to show"
            " here — remove it from this chapter: its withdrawal is listed on the edition's what-changed page"
        ],
    ),
]


@pytest.mark.parametrize(
    ("setups", "mistake", "expected"),
    [case[1:] for case in TRIAL_MISTAKES],
    ids=[case[0] for case in TRIAL_MISTAKES],
)
def test_each_mistake_the_trial_scored_below_3_now_has_an_exact_position_and_the_right_fix(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    setups: list[Callable[[Path], None]],
    mistake: Callable[[Path], Edit],
    expected: Callable[[Path], list[str]],
) -> None:
    """The message says what is wrong where it is wrong, and a fix that fits this mistake."""
    for setup in setups:
        setup(project)
    _break(project, mistake(project))
    assert _validate(project, monkeypatch, capsys) == expected(project)


# Issue 24: validate reads what the build reads and runs what the build runs. Each case is one input from the
# maintainer trial or the hostile-input review (both 2026-12-06) that once passed validate and failed the build.
OVERLAY_OPTION = "      trees_dir: decision_trees\n"
WITH_OVERLAY = (
    "mkdocs.yml",
    OVERLAY_OPTION,
    OVERLAY_OPTION + "      overlay: local/overlay.yml\n",
)
BAD_DATE = '"2010-13"'
OVERLAY_HEAD = (
    "partnership: Anytown LSCP\ncontacts:\n  - id: front-door\n    name: Front door\n    phone: 01632 960101\n"
)


def with_overlay(notes: str) -> Callable[[Path], None]:
    """A local overlay named in mkdocs.yml (not on the command line), with these notes."""

    def setup(project: Path) -> None:
        (project / "local").mkdir()
        (project / "local" / "overlay.yml").write_text(f"{OVERLAY_HEAD}notes:\n{notes}", encoding="utf-8")
        _break(project, WITH_OVERLAY)

    return setup


CODE_FIX = (
    "put scripts in a file listed under extra_javascript and styles in a stylesheet (a class with a rule),"
    " and link to pages, not javascript:"
)
# The definition is indented as a list item's content, where the text's own check (a definition starts a line,
# indented by at most 3 spaces) does not look, so only the rendered page shows the javascript: link.
LISTED_REFERENCE = "\n- See [the form][form].\n\n    [form]: javascript:alert(1)\n"


def appended(file: str, text: str) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        path = project / file
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return setup


# (case, the input, the problem lines validate prints; [] if validate and the build both accept it)
PARITY: list[tuple[str, Callable[[Path], None], Callable[[Path], list[str]]]] = [
    ("control: the small corpus with a tree", with_tree, lambda p: []),
    (
        "trial task 4: the overlay in mkdocs.yml has a misspelt provision",
        with_overlay("  - provision: child-seen-alon\n    text: Local.\n"),
        lambda p: [
            f"{at(p, 'local/overlay.yml', 'child-seen-alon')}: notes[0].provision: unknown provision"
            " 'child-seen-alon' (did you mean 'child-seen-alone'?) — use an id from guidance/provisions/"
        ],
    ),
    (
        "hostile F3: an overlay note with node: but no tree: (was KeyError: '')",
        lambda p: (with_tree(p), with_overlay("  - node: refer\n    text: Local.\n")(p)),
        lambda p: [
            f"{at(p, 'local/overlay.yml', 'refer')}: notes[0].node: missing field 'tree'"
            " — add tree: with the id of the node's tree"
        ],
    ),
    (
        "hostile X1: a javascript: link in docs/",
        appended("docs/about.md", "\n[d4](javascript:alert('D4'))\n"),
        lambda p: [
            f"{at(p, 'docs/about.md', 'javascript:')}: a javascript: URL is blocked by the Content-Security-Policy"
            f" — {CODE_FIX}"
        ],
    ),
    (
        "hostile X1b: an attribute-list onclick on a citation in docs/",
        appended("docs/about.md", '\nSee [[child-seen-alone]]{: onclick="alert(1)" }.\n'),
        lambda p: [
            f"{at(p, 'docs/about.md', 'onclick')}: an attribute onclick= in {{ … }} is blocked by the"
            f" Content-Security-Policy — {CODE_FIX}"
        ],
    ),
    (
        "hostile X1c: a javascript: reference definition inside a list item, seen only once rendered",
        appended("docs/about.md", LISTED_REFERENCE),
        lambda p: [
            f"{at(p, 'docs/about.md', 'javascript:')}: a javascript: URL <a href=javascript:…> is blocked by the"
            f" Content-Security-Policy — {CODE_FIX}"
        ],
    ),
    (
        "trial 11: an impossible date",
        lambda p: _break(p, (EDITION_2010, '"2010-03"', BAD_DATE)),
        lambda p: [
            f"{at(p, EDITION_2010, BAD_DATE)}: published: '2010-13' is not a date: there is no month 13"
            " — write a real date as YYYY-MM or YYYY-MM-DD"
        ],
    ),
    (
        "hostile A08c: a title past its stated size",
        lambda p: _break(p, (PROVISIONS, "title: Deciding on a referral\n", f"title: {'x' * 301}\n")),
        lambda p: [
            f"{at(p, PROVISIONS, 'x' * 301)}: provisions[1].title: this value is 301 characters long; the limit"
            " here is 300 — shorten it: a provision's words are a summary with a short quote, not a whole document"
        ],
    ),
]


@pytest.mark.parametrize(("case", "setup", "expected"), PARITY, ids=[case[0] for case in PARITY])
def test_no_input_passes_validate_and_fails_the_build(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    case: str,
    setup: Callable[[Path], None],
    expected: Callable[[Path], list[str]],
) -> None:
    """validate and a strict build agree on each case: both accept it, or validate names the problem at its line
    and the build stops without writing anything, with validate's words (once: it found nothing else)."""
    setup(project)
    problems = _validate(project, monkeypatch, capsys)
    assert problems == expected(project)
    if problems:
        with pytest.raises(Abort):
            build_site(project, project / "site")
        assert not (project / "site").exists()
        assert all(caplog.text.count(problem) == 1 for problem in problems), caplog.text
    else:
        build_site(project, project / "site")
        assert (project / "site" / "index.html").exists()


def test_a_local_note_beside_a_provision_the_latest_edition_withdrew_is_reported(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial task 4: a partnership's note stayed, without a word, beside guidance the new edition withdrew."""
    with_2011_withdrawing_child_seen_alone(project)
    with_overlay("  - provision: child-seen-alone\n    text: Local.\n")(project)
    assert _validate(project, monkeypatch, capsys) == [
        f"{at(project, 'local/overlay.yml', 'child-seen-alone')}: notes[0].provision: provision 'child-seen-alone'"
        " is withdrawn in the 2011 edition, so the note sits beside guidance that is no longer current — move the"
        " note beside the provision that replaced it, or remove it"
    ]


def test_ids_says_when_a_provision_was_withdrawn(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Trial finding 15: `ids` said 'live in 2010' of a provision the 2011 edition withdrew."""
    with_2011_withdrawing_child_seen_alone(project)
    monkeypatch.chdir(project)
    assert main(["ids"]) == 0
    assert "child-seen-alone\tlive in 2010; withdrawn in 2011" in capsys.readouterr().out.splitlines()
