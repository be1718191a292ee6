"""The claims rule: a version claims no more than what its evidence shows, each breach a positioned problem."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance
from working_together.check import check
from working_together.load import load_corpus
from working_together.model import Version
from working_together.render.labels import STRENGTHS, strength_badge
from working_together.render.markdown import escape
from working_together.render.reference import legend_block, provisions_index

CASES = "provisions/cases.yml"
SEEN_ALONE_EVIDENCE = (
    "            quote: The child should be seen alone when appropriate.\n            shows: working-together\n"
)
LAW = "          - source: report\n            at: paragraph 1.1\n            quote: seen alone when appropriate\n"


def problems_after(tmp_path: Path, *edits: tuple[str, str, str]) -> list[str]:
    """Every problem, as text, in the small corpus after some edits."""
    guidance = write_small_guidance(tmp_path)
    for file, old, new in edits:
        replace_in(guidance / file, old, new)
    corpus, problems = load_corpus(guidance, tmp_path)
    return [str(problem) for problem in problems or check(corpus)]


def seen_alone_must(law_fields: str) -> list[tuple[str, str, str]]:
    """Edits making child-seen-alone a Must with one more evidence item carrying law_fields."""
    return [
        (CASES, "        strength: should\n", "        strength: must\n"),
        (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE + LAW + law_fields),
    ]


def test_evidence_of_a_version_must_say_what_it_shows(tmp_path: Path) -> None:
    """Without shows the schema names the field and its values."""
    edit = (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE.replace("            shows: working-together\n", ""))
    assert problems_after(tmp_path, edit) == [
        "guidance/provisions/cases.yml:11:13: provisions[0].versions[0].evidence[0]: missing field 'shows'"
        " — add 'shows:' to this item"
    ]


def test_a_version_resting_only_on_a_recommendation_fails(tmp_path: Path) -> None:
    """A recommendation is not Working Together until a source says so."""
    edit = (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE.replace("working-together", "recommendation"))
    assert problems_after(tmp_path, edit) == [
        "guidance/provisions/cases.yml:7:9: child-seen-alone (2010): rests only on recommendation: a recommendation,"
        " respondents' views, research findings or the Government's own words are not Working Together — cite a"
        " passage that says what Working Together says (shows: working-together), or remove the wording"
    ]


def test_a_version_resting_only_on_views_fails(tmp_path: Path) -> None:
    """Respondents' views and research findings are neither law nor guidance."""
    edit = (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE.replace("working-together", "views"))
    assert ["rests only on views" in problem for problem in problems_after(tmp_path, edit)] == [True]


def test_every_version_needs_evidence_of_what_working_together_says(tmp_path: Path) -> None:
    """A law alone does not show what the guidance said."""
    edit = (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE.replace("working-together", "law"))
    assert problems_after(tmp_path, edit) == [
        "guidance/provisions/cases.yml:7:9: child-seen-alone (2010): no evidence states what Working Together says"
        " — add an evidence item with shows: working-together, or mark the version editorial"
    ]


def test_a_must_needs_evidence_that_states_a_law(tmp_path: Path) -> None:
    """A requirement of guidance is Should."""
    edit = (CASES, "        strength: should\n", "        strength: must\n")
    assert problems_after(tmp_path, edit) == [
        "guidance/provisions/cases.yml:7:9: child-seen-alone (2010): strength must, but no evidence states a law"
        " (an Act, regulations or a statutory duty) — add the passage that states the law with shows: law and"
        " duty_holder: <role id>, or make it should"
    ]


def test_a_must_needs_a_named_duty_holder(tmp_path: Path) -> None:
    """Law evidence without a duty-holder does not support a Must."""
    assert problems_after(tmp_path, *seen_alone_must("            shows: law\n")) == [
        "guidance/provisions/cases.yml:15:13: child-seen-alone (2010): strength must, but the law evidence names"
        " no duty-holder — add duty_holder: <role id> for the body the law puts the duty on, or make it should"
    ]


def test_a_must_whose_roles_are_its_duty_holders_passes(tmp_path: Path) -> None:
    """The rule accepts a Must backed by a law naming the provision's only role."""
    assert (
        problems_after(tmp_path, *seen_alone_must("            shows: law\n            duty_holder: social-worker\n"))
        == []
    )


def test_a_must_role_that_holds_no_duty_fails(tmp_path: Path) -> None:
    """The summary would list the Must as a legal duty of every role, so each role must be a duty-holder."""
    edits = [
        *seen_alone_must("            shows: law\n            duty_holder: police\n"),
        ("roles.yml", "roles:\n", "roles:\n  - id: police\n    name: Police\n    description: Police officers.\n"),
    ]
    assert problems_after(tmp_path, *edits) == [
        "guidance/provisions/cases.yml:4:13: child-seen-alone: role 'social-worker' is not a duty-holder of the 2010"
        " Must (its law evidence names police) — remove the role, or add law evidence naming it as duty_holder,"
        " or make the version should"
    ]


def test_a_must_without_roles_fails(tmp_path: Path) -> None:
    """A Must with no roles cannot say whose duty it is."""
    edits = [
        *seen_alone_must("            shows: law\n            duty_holder: social-worker\n"),
        (CASES, "    roles: [social-worker]\n", ""),
    ]
    assert problems_after(tmp_path, *edits) == [
        "guidance/provisions/cases.yml:2:5: child-seen-alone: strength must in 2010, but the provision lists no roles"
        " — add roles: [social-worker]"
    ]


def test_a_duty_holder_goes_only_with_law_and_must_be_a_role(tmp_path: Path) -> None:
    """duty_holder on other evidence, or naming no role, is reported where it is written."""
    edit = (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE + "            duty_holder: social-workr\n")
    assert problems_after(tmp_path, edit) == [
        "guidance/provisions/cases.yml:11:13: child-seen-alone (2010): duty_holder 'social-workr' is given on"
        " evidence that shows working-together — remove duty_holder, or set shows: law if the passage states the law"
        " that puts the duty on that role",
        "guidance/provisions/cases.yml:11:13: child-seen-alone (2010): unknown duty_holder 'social-workr'"
        " (did you mean 'social-worker'?) — use a role id",
    ]


def seen_alone_as(strength: str, law_fields: str, roles: str = "") -> list[tuple[str, str, str]]:
    """Edits giving child-seen-alone a strength, one more evidence item carrying law_fields, and its own roles."""
    return [
        (CASES, "        strength: should\n", f"        strength: {strength}\n{roles}"),
        (CASES, SEEN_ALONE_EVIDENCE, SEEN_ALONE_EVIDENCE + LAW + law_fields),
    ]


def test_a_law_shown_as_guidance_fails_where_the_law_evidence_is(tmp_path: Path) -> None:
    """A page would call the law 'no requirement': the evidence showing law refuses the Guidance label."""
    assert problems_after(tmp_path, *seen_alone_as("guidance", "            shows: law\n")) == [
        "guidance/provisions/cases.yml:15:13: child-seen-alone (2010): strength guidance, but this evidence shows law:"
        " the page would present a law as no requirement — make the version law (the sources describe the law"
        " without naming who holds the duty), or must with duty_holder: <role id> if the passage names one"
    ]


def test_a_law_whose_holder_the_sources_do_not_name_passes_with_no_roles(tmp_path: Path) -> None:
    """Strength law: law evidence, no duty-holder, and the version names no role as holder."""
    edits = seen_alone_as("law", "            shows: law\n", "        roles: []\n")
    assert problems_after(tmp_path, *edits) == []


def test_a_law_needs_evidence_that_states_a_law(tmp_path: Path) -> None:
    """Without law evidence the version is a requirement of guidance or a description."""
    edits = seen_alone_as("law", "            shows: working-together\n", "        roles: []\n")
    assert problems_after(tmp_path, *edits) == [
        "guidance/provisions/cases.yml:7:9: child-seen-alone (2010): strength law, but no evidence states a law"
        " (an Act, regulations or a statutory duty) — add the passage that states the law with shows: law,"
        " or make it should or guidance"
    ]


def test_a_law_whose_evidence_names_its_holder_is_a_must(tmp_path: Path) -> None:
    """A named holder makes it a legal duty of that role."""
    edits = seen_alone_as(
        "law", "            shows: law\n            duty_holder: social-worker\n", "        roles: []\n"
    )
    assert problems_after(tmp_path, *edits) == [
        "guidance/provisions/cases.yml:16:13: child-seen-alone (2010): strength law, but this law evidence names the"
        " duty-holder 'social-worker' — make the version must (law naming its holder), or remove duty_holder if the"
        " passage names none"
    ]


def test_a_law_names_no_role_as_its_holder(tmp_path: Path) -> None:
    """The provision's roles would list the law as that role's duty, which the sources do not say."""
    assert problems_after(tmp_path, *seen_alone_as("law", "            shows: law\n")) == [
        "guidance/provisions/cases.yml:4:13: child-seen-alone (2010): strength law, whose holder the sources do not"
        " name, but it applies to social-worker — give the version roles: [] (the sources name no holder), or cite"
        " law evidence naming one and make it must"
    ]


def test_a_must_version_is_checked_against_its_own_roles(tmp_path: Path) -> None:
    """A version that widens who it applies to is checked with its own roles, at the line that lists them."""
    edits = [
        *seen_alone_as(
            "must",
            "            shows: law\n            duty_holder: social-worker\n",
            "        roles: [social-worker, police]\n",
        ),
        ("roles.yml", "roles:\n", "roles:\n  - id: police\n    name: Police\n    description: Police officers.\n"),
    ]
    assert problems_after(tmp_path, *edits) == [
        "guidance/provisions/cases.yml:9:32: child-seen-alone: role 'police' is not a duty-holder of the 2010"
        " Must (its law evidence names social-worker) — remove the role, or add law evidence naming it as"
        " duty_holder, or make the version should"
    ]


def _law_holders(version: Version) -> set[str]:
    """The roles the version's law evidence names as duty-holders."""
    return {evidence.duty_holder for evidence in version.evidence if evidence.shows == "law" and evidence.duty_holder}


def test_every_must_of_the_real_guidance_rests_on_a_law_naming_its_roles() -> None:
    """On the published corpus, each Must has law evidence naming a duty-holder, and its roles are duty-holders."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    assert problems == []
    musts = [(p, v) for p in corpus.provisions.values() for v in p.versions if v.strength == "must"]
    assert musts, "the real guidance has Musts to check"
    unsupported = {
        f"{provision.id} ({version.edition})": (provision.roles_of(version), sorted(_law_holders(version)))
        for provision, version in musts
        if not _law_holders(version) or not set(provision.roles_of(version)) <= _law_holders(version)
    }
    assert unsupported == {}


def test_the_summary_lists_as_legal_duties_of_a_role_only_provisions_whose_duty_holder_it_is(site: Path) -> None:
    """Each link in the by-role table's Must column is a current Must whose law names that row's role."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    edition = corpus.current_edition
    soup = BeautifulSoup((site / "summary" / "index.html").read_text(encoding="utf-8"), "html.parser")
    listed = []
    for row in soup.select(".wt-summary-roles tbody tr"):
        role_cell, must_cell = row.find_all("td")[:2]
        role = re.search(r"roles/([a-z0-9-]+)/", role_cell.a["href"])[1]
        for link in must_cell.find_all("a"):
            provision = corpus.provisions[re.search(r"provisions/([a-z0-9-]+)/", link["href"])[1]]
            version = provision.version_in(edition.id)
            listed.append((role, provision.id, version.strength, role in _law_holders(version)))
    assert listed, "the by-role table lists some legal duties"
    assert [entry for entry in listed if entry[2:] != ("must", True)] == []


def test_our_editorial_notes_take_no_number_that_could_pass_for_working_togethers(site: Path) -> None:
    """A note of ours in a statutory chapter is headed "Editorial note:", and the chapter's own numbering counts
    only provisions resting on the sources, from .1 without a gap."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    notes = 0
    for edition in corpus.editions:
        for chapter in edition.chapters:
            numbers = []
            for identifier in chapter.provision_ids:
                placement = edition.placements[identifier]
                editorial = corpus.provisions[identifier].version_in(edition.id).strength == "editorial"
                assert placement.editorial == editorial, (edition.id, identifier)
                notes += editorial
                numbers += [] if editorial else [placement.number]
            assert numbers == [f"{chapter.number}.{index}" for index in range(1, len(numbers) + 1)]
    assert notes  # the 999 note of the 2015 edition
    html = BeautifulSoup((site / "editions/2015/chapter-1/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = html.find(id="immediate-danger-call-999")
    assert heading.get_text(" ", strip=True).startswith("Editorial note: If a child is in immediate danger")
    assert "1.1 Powers to intervene" in html.find(id="immediate-protection-powers").get_text(" ", strip=True)
    # In the summary's lists the badge already says "Editorial note": no number, and no second label.
    summary = BeautifulSoup((site / "summary/index.html").read_text(encoding="utf-8"), "html.parser")
    line = summary.select_one("li:has(> a[href*='immediate-danger-call-999'])").get_text(" ", strip=True)
    assert line == "Editorial note — our note, not from the sources If a child is in immediate danger"


def test_the_legend_explains_each_label_in_the_labels_own_words_and_never_calls_law_advice() -> None:
    """One source for every label's words: the home legend shows each strength's explanation from the labels
    module; law without a named holder and descriptive Guidance are never 'advice' or 'not a requirement'."""
    legend = legend_block()
    for strength, label in STRENGTHS.items():
        assert f"{strength_badge(strength)} | {escape(label.explanation)} |" in legend, strength
    for strength in ("law", "guidance"):
        label = STRENGTHS[strength]
        words = f"{label.name} {label.meaning} {label.explanation}".lower()
        assert "advice" not in words and "not a requirement" not in words, strength
    assert STRENGTHS["law"].meaning == "the sources do not say who holds the duty"


def test_the_index_of_provisions_says_not_described_where_the_sources_are_silent() -> None:
    """A 2010 provision the 2015 sources do not mention is 'not described', never 'not in this edition'."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    index = provisions_index(corpus)
    row = next(line for line in index.splitlines() if "lscb-lay-members" in line)
    assert "| not described by the sources |" in row
    assert "not in this edition" not in index
