"""Traceability: every source item implemented or out of scope, with positioned problems; coverage and tables shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance
from working_together.check import check
from working_together.coverage import Implementer, source_coverage
from working_together.load import load_corpus
from working_together.load.tables import annex_row
from working_together.render.coverage import coverage_page
from working_together.render.source import source_page

TRACE = (
    "source: report\n"
    "traced: [paragraph]\n"
    "working_together:\n"
    "  - items: [paragraph 1.1]\n"
    "    evidence:\n"
    "      - source: report\n"
    "        at: paragraph 1.1\n"
    "        quote: seen alone when appropriate\n"
    "implemented:\n"
    "  - item: paragraph 1.4\n"
    "    by: [child-seen-alone]\n"
    "    note: Seeing the child is how a visit starts.\n"
    "out_of_scope:\n"
    "  - reason: Addressed to inspectors.\n"
    "    items: [paragraph 1.3]\n"
)
MORE_PARAGRAPHS = "- 1.3 Inspectors should look at referrals.\n- 1.4 Visits should start with the child.\n"
FILE = "guidance/traceability/report.yml"


def traced_guidance(folder: Path) -> Path:
    """The tiny corpus with four paragraphs, every one accounted for in its traceability file."""
    guidance = write_small_guidance(folder)
    (guidance / "traceability" / "report.yml").write_text(TRACE, encoding="utf-8")
    with (guidance / "sources" / "report.txt").open("a", encoding="utf-8") as text:
        text.write(MORE_PARAGRAPHS)
    return guidance


def problems_after(folder: Path, edits: list[tuple[str, str, str]]) -> list[str]:
    """Problems reported for the traced tiny corpus after the given (file, old, new) edits."""
    guidance = traced_guidance(folder)
    for name, old, new in edits:
        replace_in(guidance / name, old, new)
    corpus, problems = load_corpus(guidance, folder)
    return [str(problem) for problem in problems or check(corpus)]


UNACCOUNTED = (
    f"{FILE}:2:10: traced: {{}} of report is neither implemented nor out of scope — cite it in a provision's "
    "evidence, list it under implemented: with the provisions that implement it, or under out_of_scope: with a reason"
)
T = "traceability/report.yml"
CASES = [
    (
        "unknown source",
        [(T, "source: report", "source: reprot")],
        [
            f"{FILE}:1:1: source 'report' has no traceability file — add {FILE} with source: report and the kinds "
            "of item it traces",
            f"{FILE}:1:9: source: unknown source 'reprot' (did you mean 'report'?) — use the id of a source in "
            "guidance/sources/",
        ],
    ),
    (
        "missing file",
        [(T, "source: report\n", "source: other\n")],
        [
            f"{FILE}:1:1: source 'report' has no traceability file — add {FILE} with source: report and the kinds "
            "of item it traces",
            f"{FILE}:1:9: source: unknown source 'other' — use the id of a source in guidance/sources/",
        ],
    ),
    (
        "unknown traced kind",
        [(T, "traced: [paragraph]", "traced: [paragraphs]")],
        [
            f"{FILE}:2:10: traced[0]: report has no passages of kind 'paragraphs' (did you mean 'paragraph'?) — "
            "use one of: part, paragraph"
        ],
    ),
    (
        "unknown item",
        [(T, "items: [paragraph 1.3]", "items: [paragraph 13]")],
        [
            UNACCOUNTED.format("paragraph 1.3"),
            f"{FILE}:15:13: out_of_scope[0].items[0]: report has no paragraph 13 (did you mean 'paragraph 1.3'?) — "
            "name an item as its source page anchors it, such as 'recommendation 12'",
        ],
    ),
    (
        "item not accounted for",
        [(T, "items: [paragraph 1.3]", "items: [paragraph 1.4]")],
        [
            UNACCOUNTED.format("paragraph 1.3"),
            f"{FILE}:15:13: out_of_scope[0].items[0]: paragraph 1.4 is already listed at {FILE}:10:11 — "
            "list each item once, under implemented or out_of_scope",
        ],
    ),
    (
        "implemented by evidence and out of scope",
        [(T, "items: [paragraph 1.3]", "items: [paragraph 1.3, paragraph 1.2]")],
        [
            f"{FILE}:15:28: out_of_scope[0].items[1]: paragraph 1.2 is out of scope here, but the evidence of "
            "'referral-decision', 'lscb' cites it — remove it from out_of_scope, or correct the evidence that cites it"
        ],
    ),
    (
        "tied item out of scope",
        [(T, "items: [paragraph 1.3]", "items: [paragraph 1.3, paragraph 1.1]")],
        [
            f"{FILE}:15:28: out_of_scope[0].items[1]: paragraph 1.1 is tied to Working Together at {FILE}:4:13, so it "
            "cannot be out of scope — remove it here and implement it in a provision"
        ],
    ),
    (
        "tied item not implemented",
        [
            (T, "items: [paragraph 1.1]", "items: [paragraph 1.1, paragraph 1.5]"),
            ("sources/report.txt", "- 1.4 ", "- 1.5 Training bodies should teach it.\n- 1.4 "),
        ],
        [
            UNACCOUNTED.format("paragraph 1.5"),
            f"{FILE}:4:28: working_together: paragraph 1.5 is tied to Working Together, but no provision or glossary "
            "term implements it — cite it in the evidence of the provision that implements it, or list it under "
            "implemented: with the provisions that do",
        ],
    ),
    (
        "unknown implementer",
        [(T, "by: [child-seen-alone]", "by: [child-seen-alon]")],
        [
            f"{FILE}:11:10: implemented[0].by[0]: unknown provision or glossary term 'child-seen-alon' (did you mean "
            "'child-seen-alone'?) — use an id from guidance/provisions/ or guidance/glossary.yml"
        ],
    ),
    (
        "tie evidence not in the source",
        [(T, "quote: seen alone when appropriate", "quote: seen alone whenever appropriate")],
        [
            f"{FILE}:8:16: working_together[0]: the quote is not in report paragraph 1.1: it differs at character 16"
            " of the quote: the quote has 'e' in \"…n alone whenever appropr…\", the source has a space (U+0020) in"
            ' "…n alone when appropriate…" — copy the quote exactly from the source (only spacing, bullets and'
            " footnote markers may differ)"
        ],
    ),
    (
        "misspelt field",
        [(T, "out_of_scope:", "out_of_scop:")],
        [
            f"{FILE}:13:1: unknown field 'out_of_scop' — remove it or correct the spelling; allowed here: "
            "implemented, out_of_scope, source, traced, working_together"
        ],
    ),
]


def test_the_traced_tiny_corpus_has_no_problems(tmp_path: Path) -> None:
    """The starting point of every case below is clean, so each problem comes from its one edit."""
    assert problems_after(tmp_path, []) == []


@pytest.mark.parametrize(("edits", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_traceability_mistake_is_reported_at_its_position(
    tmp_path: Path, edits: list[tuple[str, str, str]], expected: list[str]
) -> None:
    """Each rule of the traceability format fails with an exact, positioned message and a fix."""
    assert problems_after(tmp_path, edits) == expected


def test_implementation_is_derived_from_evidence_and_completed_by_the_file(tmp_path: Path) -> None:
    """Provisions and terms citing an item implement it; `implemented:` adds others; `out_of_scope:` gives reasons."""
    guidance = traced_guidance(tmp_path)
    corpus, problems = load_corpus(guidance, tmp_path)
    assert problems == []
    coverage = source_coverage(corpus, "report")
    went = {item.passage.location: item for item in coverage.items}
    assert went["paragraph 1.1"].implemented_by == [
        Implementer("provision", "child-seen-alone", "Seeing the child alone")
    ]
    assert went["paragraph 1.1"].tied
    assert went["paragraph 1.2"].implemented_by == [
        Implementer("provision", "referral-decision", "Deciding on a referral"),
        Implementer("term", "lscb", "LSCB"),
    ]
    assert went["paragraph 1.3"].out_of_scope == "Addressed to inspectors."
    assert went["paragraph 1.4"].implemented_by == [
        Implementer("provision", "child-seen-alone", "Seeing the child alone")
    ]
    assert (coverage.implemented, coverage.out_of_scope, coverage.tied, coverage.tied_implemented) == (3, 1, 1, 1)


def test_source_and_coverage_pages_say_where_each_item_went(tmp_path: Path) -> None:
    """The source page links implementers or gives the reason; the coverage page lists items and totals."""
    guidance = traced_guidance(tmp_path)
    corpus, _ = load_corpus(guidance, tmp_path)
    page = source_page(corpus, corpus.sources["report"])
    assert "**Out of scope:** Addressed to inspectors\\." in page
    assert "[LSCB](../glossary.md#lscb) (glossary)" in page
    assert "**Implemented by (the sources tie it to Working Together):** [Seeing the child alone]" in page
    coverage = coverage_page(corpus)
    assert "| [A report](sources/report.md) | 4 | 3 | 1 | 0 | 1 | 1 (100%) |" in coverage
    assert "[Paragraph 1\\.3](sources/report.md#paragraph-1-3) | Out of scope: Addressed to inspectors\\. |" in coverage


def test_annex_a_columns_are_split_only_where_the_blocks_fall_in_column_order() -> None:
    """Rows whose blocks fall in column order split into three cells; others are left whole and say so."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    passages = corpus.sources["action-plan-2010"].passages
    row = annex_row(passages["recommendation 12"])
    assert row is not None
    assert row[0][0].startswith("The Department of Health and the\nDepartment for Children")
    assert row[1][0].startswith("We shall work with the College of Emergency")
    assert row[2][0].startswith("The CQC’s review of NHS safeguarding arrangements")
    assert annex_row(passages["recommendation 46"]) is None  # a line runs the response and progress together
    split = [number for number in range(1, 59) if annex_row(passages[f"recommendation {number}"])]
    assert len(split) == 49


def test_every_traced_item_of_the_real_corpus_is_accounted_for_and_every_tied_item_implemented() -> None:
    """The done-when of the content: nothing unaccounted for, 100% of what the sources tie to Working Together."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT)
    assert problems == []
    assert set(corpus.traceability) == set(corpus.sources)
    for source_id in corpus.sources:
        coverage = source_coverage(corpus, source_id)
        assert coverage.items, source_id
        assert coverage.unaccounted == 0, source_id
        assert coverage.tied_implemented == coverage.tied, source_id
    assert sum(source_coverage(corpus, source_id).tied for source_id in corpus.sources) > 0


def test_built_source_pages_show_the_annex_tables_with_anchored_rows(site: Path) -> None:
    """Annex A has 58 anchored rows with its four columns; the 2015 annexes and each question's answers are tables."""
    plan = BeautifulSoup((site / "sources/action-plan-2010/index.html").read_text(), "html.parser")
    rows = plan.select("tr[id^='recommendation-']")
    assert len(rows) == 58
    headings = [th.get_text(strip=True) for th in rows[0].find_parent("table").select("thead th")]
    assert headings == [
        "Ref no",
        "Lord Laming's recommendation (March 2009)",
        "Government's response (May 2009)",
        "Progress update (March 2010)",
        "On this site",
    ]
    assert all(row.find("td").get_text(strip=True) for row in rows)
    consultation = BeautifulSoup((site / "sources/wt-consultation-response-2015/index.html").read_text(), "html.parser")
    assert len(consultation.select("tr[id^='clarification-']")) == 16
    assert len(consultation.select("tr[id^='respondent-']")) == 15
    for number in range(1, 6):
        answers = consultation.find(id=f"question-{number}").find("table")
        assert len(answers.select("tbody tr")) == 3, number


def test_built_coverage_page_lists_every_source_with_totals_and_editorial_provisions(site: Path) -> None:
    """The maintainers' page has a section per source, an overall total with 100% tied, and the editorial list."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    page = BeautifulSoup((site / "coverage/index.html").read_text(), "html.parser")
    headings = [h2.get_text(strip=True) for h2 in page.select("h2")]
    assert headings == ["Totals", *(source.title for source in corpus.sources.values()), "Editorial provisions"]
    overall = page.find("table").select("tbody tr")[-1].find_all("td")
    assert overall[0].get_text(strip=True) == "All sources"
    assert overall[4].get_text(strip=True) == "0"
    assert overall[6].get_text(strip=True).endswith("(100%)")
