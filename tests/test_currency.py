"""Currency, said plainly: no page calls the 2015 edition current, and the replacement note is where it must be."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import PROJECT
from working_together.check import load_and_check
from working_together.load import load_corpus
from working_together.model import Corpus
from working_together.render.currency import NOTE_TITLE, replacement, replacement_note
from working_together.render.provision import provision_page
from working_together.render.start import scope_block

REPLACED = "Working Together 2015 has since been replaced, in 2018 and again in 2023"
COVERS = "covers Working Together to Safeguard Children up to the 2015 edition, as its source documents describe it"


def pages(site: Path) -> list[Path]:
    """Every built page of the guidance (the theme's 404 page is not one)."""
    return sorted(path for path in site.rglob("index.html") if path.parent != site / "404")


def visible_text(path: Path) -> str:
    """What a reader sees on the page, whitespace-normalised (scripts and styles removed)."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


def editorial_notes(path: Path) -> list[str]:
    """The text of each admonition titled as our editorial note."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    notes = soup.select(".admonition")
    return [
        " ".join(note.get_text(" ").split())
        for note in notes
        if note.select_one(".admonition-title") and "Editorial note" in note.select_one(".admonition-title").get_text()
    ]


def test_no_page_says_current_edition_or_promises_every_duty_or_time_limit(site: Path) -> None:
    """The sources stop at 2015, so nothing calls an edition current, and nothing claims to list every duty or limit."""
    overclaims = re.compile(r"current edition|every legal duty|every time limit", re.IGNORECASE)
    said = {str(path.relative_to(site)): overclaims.findall(visible_text(path)) for path in pages(site)}
    assert {page: found for page, found in said.items() if found} == {}


def test_every_page_says_which_edition_it_shows_how_far_the_site_goes_and_what_replaced_2015(site: Path) -> None:
    """The stamp on every page (and so in the offline copy and on every printed sheet) carries the statement."""
    for path in pages(site):
        stamp = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(".wt-stamp")
        text = " ".join(stamp.get_text(" ").split())
        assert "this page shows Working Together to Safeguard Children (" in text, path
        assert COVERS in text and REPLACED in text and "GOV.UK" in text, path
        assert "Editorial note" in stamp.select_one(".wt-editorial").get_text(), path


def test_home_summary_and_every_2015_page_carry_the_labelled_replacement_note(site: Path) -> None:
    """Where a practitioner starts, the replacement is said at the top as our editorial note, not only in the stamp."""
    targets = [site / "index.html", site / "summary/index.html", *sorted((site / "editions/2015").rglob("index.html"))]
    assert len(targets) > 4
    for path in targets:
        notes = editorial_notes(path)
        assert any(REPLACED in note and "GOV.UK" in note for note in notes), path


# Issue 24: which editions replaced the latest one, and the home page's edition and sources, come from the YAML.
EDITION_2017 = (
    'id: "2017"\ntitle: Working Together to Safeguard Children (2017, fictional)\npublished: "2017-03"\n'
    'extends: "2015"\nreviewed: ["1", "2", "3", "4", "5"]\nevidence:\n  - source: wt-consultation-response-2015\n'
    '    at: question 2\n    quote: "we have added a new expectation that those managing allegations should be'
    ' sufficiently qualified and experienced"\n'
)
CARRIED = 'replaced_by:\n  editions: ["2018", "2023"]\n  in_force_at: GOV.UK (www.gov.uk)\n'


def _corpus(project: Path) -> tuple[Corpus, list[str]]:
    corpus, problems = load_and_check(project, project / "guidance", project / "decision_trees")
    return corpus, [str(problem) for problem in problems]


def _with_2017(project: Path, edition: str) -> None:
    (project / "guidance/editions/2017.yml").write_text(edition, encoding="utf-8")
    for tree in (project / "decision_trees").glob("*.yml"):
        text = tree.read_text(encoding="utf-8")
        if 'edition: "2015"\n' in text and "superseded_ok" not in text:
            tree.write_text(text.replace('edition: "2015"\n', 'edition: "2015"\nsuperseded_ok: "Not yet"\n', 1))


def test_the_replacement_is_read_from_the_latest_editions_file(project_copy: Path) -> None:
    """Edit replaced_by: in 2015.yml and the notice follows; no Python constant keeps the old years."""
    path = project_copy / "guidance/editions/2015.yml"
    path.write_text(path.read_text(encoding="utf-8").replace('["2018", "2023"]', '["2018"]'), encoding="utf-8")
    corpus, problems = _corpus(project_copy)
    assert problems == []
    assert replacement(corpus) == (
        "Working Together 2015 has since been replaced, in 2018. The guidance in force is published on GOV.UK"
        " (www.gov.uk)."
    )


def test_a_new_edition_that_drops_the_replacement_record_is_a_problem_naming_the_lines_to_add(
    project_copy: Path,
) -> None:
    """Trial finding 1: with a 2017 edition the GOV.UK notice vanished from every page without a word."""
    _with_2017(project_copy, EDITION_2017)
    _, problems = _corpus(project_copy)
    assert problems == [
        "guidance/editions/2017.yml:4:10: replaced_by: the 2015 edition records that it was replaced in 2018 and"
        " 2023 (guidance/editions/2015.yml:7:3), and the 2017 edition says nothing of the later ones, so the notice"
        " that the guidance in force is elsewhere would disappear — add to this edition: replaced_by: {editions:"
        ' ["2018", "2023"], in_force_at: GOV.UK (www.gov.uk)}'
    ]
    _with_2017(project_copy, EDITION_2017 + CARRIED)
    corpus, problems = _corpus(project_copy)
    assert problems == []
    assert replacement(corpus).startswith("Working Together 2017 has since been replaced, in 2018 and again in 2023.")


def test_the_home_pages_edition_and_sources_are_counted_from_the_yaml(project_copy: Path) -> None:
    """Trial finding 3: the home page said 'up to its 2015 edition … five published documents' after 2017."""
    corpus, _ = _corpus(project_copy)
    assert "{{ scope }}" in (project_copy / "docs/index.md").read_text(encoding="utf-8")
    block = scope_block(corpus, "index.md")
    assert block.startswith("up to its 2015 edition. It is built from five published documents")
    assert block.count("](sources/") == 5
    _with_2017(project_copy, EDITION_2017 + CARRIED)
    corpus, _ = _corpus(project_copy)
    corpus.sources.pop("laming-2009")
    assert scope_block(corpus, "index.md").startswith("up to its 2017 edition. It is built from four published")


def test_every_provision_page_says_at_the_top_that_2015_was_replaced() -> None:
    """Review section 3, "Currency on tree pages": a provision's permanent page states the replacement as our
    labelled note above its wording, not only in the stamp at its foot."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    note = replacement_note(corpus)
    assert REPLACED in note and NOTE_TITLE in note
    for provision in corpus.provisions.values():
        page = provision_page(corpus, provision)
        assert note in page, provision.id
        assert page.index(note) < page.index("\n## "), provision.id
