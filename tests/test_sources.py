"""Source documents: reproducible cleaning, quote normalisation and the split into numbered passages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from working_together.load import load_corpus
from working_together.load.sources import (
    LocationRule,
    clean_line,
    footnote_mark,
    normalise,
    page_furniture,
    plain,
    split_passages,
)

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("- 3.26 As\tagreed\t in *Parliament*", "- 3.26 As agreed in Parliament"),
        ("## **Recommendation 22**", "Recommendation 22"),
        ("the report<sup>1</sup> on", f"the report{footnote_mark('1')} on"),
        ("Working Together⁶ states", f"Working Together{footnote_mark('6')} states"),
        ("can make.^{16 17} We", f"can make.{footnote_mark('16')}{footnote_mark('17')} We"),
        ("consistent with <i>Keeping Children Safe</i> .", "consistent with Keeping Children Safe ."),
        ("¹ Download [The Edlington Case](#)", f"{footnote_mark('1')} Download The Edlington Case"),
        (" ●● the\trole of universal services", "- the role of universal services"),
    ],
)
def test_cleaning_removes_only_extraction_artefacts(raw: str, clean: str) -> None:
    """Tabs, emphasis and heading marks, HTML italics and link syntax go; footnote markers become markers."""
    assert clean_line(raw) == clean


def test_quotes_are_compared_ignoring_only_whitespace_bullets_and_footnote_markers() -> None:
    """Normalising a passage and a quote the same way lets a quote span a line break or a bullet."""
    passage = "must ensure:\n- all referrals<sup>2</sup> lead to\tan initial assessment"
    assert normalise("must ensure: all referrals lead to an initial assessment") in normalise(passage)
    assert normalise("must ensure: all referrals lead to AN initial assessment") not in normalise(passage)


def test_quotes_ignore_the_markers_kept_in_passage_text() -> None:
    """A quote need not copy a footnote marker, however the extraction wrote it."""
    passage = clean_line("core assessments by 15%") + footnote_mark("1") + clean_line(". Green Paper⁴ published")
    assert normalise("by 15%. Green Paper published") in normalise(passage)


def test_passages_start_at_numbered_lines_and_respect_their_region() -> None:
    """Each kind of passage is found only between its start and end markers; repeats of a number do not restart."""
    text = "\n".join(
        [
            "1.1 First paragraph",
            "continues here.",
            "# Heading ends a passage",
            "1.2 Second paragraph",
            "RECOMMENDATIONS",
            "1. A recommendation",
            "1.1 Quoted again later",
        ]
    )
    rules = [
        LocationRule("paragraph", re.compile(r"^(?P<number>\d+\.\d+) "), end_marker="RECOMMENDATIONS"),
        LocationRule("recommendation", re.compile(r"^(?P<number>\d+)\. "), start_marker="RECOMMENDATIONS"),
    ]
    passages = split_passages(text, rules)
    assert {location: passage.text for location, passage in passages.items() if passage.kind != "part"} == {
        "paragraph 1.1": "1.1 First paragraph\ncontinues here.",
        "paragraph 1.2": "1.2 Second paragraph",
        "recommendation 1": "1. A recommendation\n1.1 Quoted again later",
    }
    assert passages["paragraph 1.2"].anchor == "paragraph-1-2"


PARAGRAPH = LocationRule("paragraph", re.compile(r"^(?:- )?(?P<number>\d+\.\d+) "))


def split(lines: list[str], *rules: LocationRule) -> dict[str, str]:
    """Location -> text (without footnote markers) of the numbered passages of a made-up document."""
    passages = split_passages("\n".join(lines), list(rules)).items()
    return {location: plain(passage.text) for location, passage in passages if passage.kind != "part"}


def parts(lines: list[str], *rules: LocationRule) -> dict[str, tuple[str, list[int]]]:
    """Location -> (text, heading lines) of the unnumbered parts of a made-up document."""
    passages = split_passages("\n".join(lines), list(rules)).items()
    return {location: (passage.text, passage.headings) for location, passage in passages if passage.kind == "part"}


def test_footnotes_are_taken_out_and_the_passage_carries_on_after_them() -> None:
    """Superscript, numbered and tabbed footnotes, their notes and broken URLs go; the paragraph resumes."""
    lines = [
        "1.1 Children were looked after¹ by councils² and",
        "",
        "¹ Children in Need Census, February 2005",
        " Additional offences where suspect is unknown not recorded here",
        "- 2 DCSF CPR3 data collection, 31 March 2008",
        "- (1) Figures are for April to September 2008",
        "^{3 618}G survey (annual, DCSF)",
        "",
        "- in their homes, as the census shows.",
        "1.2 Referrals rose by 2%.",
        "4\t http://www.dcsf.gov.uk/rsgateway/DB/SFR/",
        "s000873/index.shtml",
        "and initial assessments by 9%.",
    ]
    assert split(lines, PARAGRAPH) == {
        "paragraph 1.1": "1.1 Children were looked after by councils and\nin their homes, as the census shows.",
        "paragraph 1.2": "1.2 Referrals rose by 2%.\nand initial assessments by 9%.",
    }


def test_a_footnote_needs_its_marker_or_its_place_in_the_run_of_footnotes() -> None:
    """'3 Public consultation…' is footnote 3 because the text carries the marker 3; '2 Strategic…' is a list item."""
    lines = [
        "1.1 It was subject to a separate consultation<sup>3</sup> and includes:",
        "- 2 Strategic Health Authorities; and",
        "3 Public consultation on Chapter 8 ran from 31 July to 23 October 2009.",
        "- 68 other types of respondents.",
        "4\t http://example.org/footnote-four",
    ]
    assert split(lines, PARAGRAPH) == {
        "paragraph 1.1": "1.1 It was subject to a separate consultation and includes:\n"
        "- 2 Strategic Health Authorities; and\n- 68 other types of respondents."
    }


def test_page_furniture_is_found_by_its_shape() -> None:
    """Page numbers, running headers, a sideways title in fragments, repeated column headings, the cover repeated."""
    heading = ["Ref", "No", "Lord Laming's Recommendation", "March 2009"]
    lines = ["Department", "for Education", "The Report", "", "1 The Home Secretary must act."]
    lines += ["A", "nnex A", ": The G", "overnm", "ent's Response to Lord Lam", "ing: Progress U", "31"]
    for row in range(2, 7):
        lines += heading + [f"{row} A recommendation on its own page."]
    lines += ["March 2009", "Government's Response May 2009 Progress update March 2010", "7 The last row."]
    lines += ["CHAPTER 9 83", "CHAPTER 7 **73**", "12", "Department", "for Education", "© Crown copyright"]
    furniture = {lines[index] for index in page_furniture(lines)}
    assert furniture == {
        *heading,
        *["A", "nnex A", ": The G", "overnm", "ent's Response to Lord Lam", "ing: Progress U", "31"],
        "CHAPTER 9 83",
        "CHAPTER 7 **73**",
        "12",
        "Department",
        "for Education",
    }
    # The two cover lines themselves stay; only their repeat on the back page is furniture.
    assert {0, 1}.isdisjoint(page_furniture(lines))


def test_repeated_headings_are_not_taken_for_content_that_repeats_less_often() -> None:
    """A response repeated in four rows of a table is content; the column headings repeated on every page are not."""
    rows = []
    for row in range(1, 5):
        rows += [f"{row} Recommendation.", "To be reflected in revised", "Working Together to", "Safeguard Children."]
    assert page_furniture(rows) == set()


def test_a_numbered_passage_ends_at_a_heading_box_quotation_or_bold_line() -> None:
    """Sub-headings, 'Recommendation' boxes, case studies, pull quotes, bold questions and indented boxes end it."""
    cases = [
        ["Progress so far", ""],
        ["Recommendation", "", "Local authorities must act."],
        ["Case study A", "One local authority has been successful."],
        ['"It seems like they have to do all this form filling."', "Boy, 16"],
        ["**Is the relationship between the LSCB and Children Trust Board clear?**"],
        [" Hull City Council CAF Team", "The Common Assessment Framework is a key part."],
    ]
    for trailing in cases:
        text = split(["1.1 Every child needs to be protected from harm.", *trailing], PARAGRAPH)
        assert text == {"paragraph 1.1": "1.1 Every child needs to be protected from harm."}, trailing


def test_a_short_line_is_a_heading_only_where_it_stands_alone_after_a_full_sentence() -> None:
    """A wrapped line of a narrow column, or one carrying on a sentence, is text, not a heading."""
    lines = [
        "1.1 The Unit will be operational by 1 July 2009.",
        "It will be hosted within the DCSF and will report to",
        "the Cabinet Sub-Committee and to the Children",
        "",
        "and Young People's Board.",
    ]
    assert split(lines, PARAGRAPH)["paragraph 1.1"] == "\n".join(lines[:3] + lines[4:])


def test_a_passage_that_opens_with_a_heading_runs_on_through_its_sub_headings() -> None:
    """A question or section carries its results table, 'Government response' and the paragraphs under it."""
    question = LocationRule("question", re.compile(r"^Question (?P<number>\d) *$"))
    lines = [
        "Question 1",
        "Do you agree?",
        "Yes\t139\t46%",
        "There were 301 responses to this question.",
        "",
        "Government response",
        "",
        "We have decided to change the text.",
    ]
    assert split(lines, question) == {
        "question 1": "Question 1\nDo you agree?\nYes 139 46%\nThere were 301 responses to this question.\n"
        "Government response\nWe have decided to change the text."
    }


def test_a_table_row_runs_to_the_next_row_whatever_its_cells_look_like() -> None:
    """An empty `row` group: an indented first line on a new page inside a cell does not end the row."""
    row = LocationRule("recommendation", re.compile(r"^\s*(?P<number>\d{1,2}) [A-Z](?P<row>)"))
    lines = [
        "38 Ofsted should take immediate action to ensure",
        "their staff have the appropriate skills.",
        " CQC has recruited a specialist team.",
        "",
        "Progress so far",
        "",
        "39 The Department should revise Working Together.",
    ]
    assert split(lines, row) == {
        "recommendation 38": "38 Ofsted should take immediate action to ensure\n"
        "their staff have the appropriate skills.\nCQC has recruited a specialist team.\nProgress so far",
        "recommendation 39": "39 The Department should revise Working Together.",
    }


def test_a_false_list_item_that_carries_on_a_broken_sentence_loses_its_bullet() -> None:
    """After a page break a sentence goes on as '- schools, …'; real list items after ':' or '; and' keep theirs."""
    lines = [
        "1.1 Joint working between social workers, youth workers,",
        "- schools and health too often depends on individual staff.",
        "1.2 Trusts must ensure:",
        "- all referrals lead to an initial assessment; and",
        "- formal procedures are in place.",
    ]
    assert split(lines, PARAGRAPH) == {
        "paragraph 1.1": "1.1 Joint working between social workers, youth workers,\n"
        "schools and health too often depends on individual staff.",
        "paragraph 1.2": "1.2 Trusts must ensure:\n- all referrals lead to an initial assessment; and\n"
        "- formal procedures are in place.",
    }


def test_garbled_paragraph_numbers_are_recovered_only_where_a_pattern_says_so() -> None:
    """`previous` splits a run-on line, `stray` moves a number printed mid-line, an empty number follows on."""
    rules = [
        PARAGRAPH,
        LocationRule("paragraph", re.compile(r"^(?P<previous>(?:- )?.+?[.!?] )(?P<number>\d+\.\d+) (?=[A-Z])")),
        LocationRule("paragraph", re.compile(r"^(?:- )?There is pressure as a result of (?P<stray>(?P<number>7\.7) )")),
        LocationRule("paragraph", re.compile(r"^(?P<number>)The issues facing all the staff")),
    ]
    lines = [
        "7.5 Spending has increased.",
        "The issues facing all the staff remain very real.",
        "Recommendation",
        "",
        "Boards should report every year. 7.4 It is important that there is a strong relationship.",
        "- There is pressure as a result of 7.7 funding arrangements for local authorities.",
    ]
    assert split(lines, *rules) == {
        "paragraph 7.5": "7.5 Spending has increased.",
        "paragraph 7.6": "7.6 The issues facing all the staff remain very real.",
        "paragraph 7.4": "7.4 It is important that there is a strong relationship.",
        "paragraph 7.7": "7.7 There is pressure as a result of funding arrangements for local authorities.",
    }


def test_bold_questions_between_paragraphs_join_the_heading_they_stand_under() -> None:
    """A chapter's consultation questions are gathered into the chapter's passage, not the paragraph before."""
    chapter = LocationRule("chapter", re.compile(r"^#+ *Chapter (?P<number>\d+) *$"))
    lines = [
        "## Chapter 3",
        "**Does Chapter 3 set out the responsibilities?**",
        "- 3.9 72% agreed.",
        "**Is the guidance clear enough?**",
        "- 3.10 Responses were mixed.",
        "#### **Is the relationship clear?**",
        "- 3.12 The majority said yes.",
        "## 4. Annexes",
        "**Not a question of chapter 3**",
    ]
    assert split(lines, PARAGRAPH, chapter) == {
        "chapter 3": "Chapter 3\nDoes Chapter 3 set out the responsibilities?\nIs the guidance clear enough?\n"
        "Is the relationship clear?",
        "paragraph 3.9": "3.9 72% agreed.",
        "paragraph 3.10": "3.10 Responses were mixed.",
        "paragraph 3.12": "3.12 The majority said yes.",
    }


# Counted independently of the split, from the text files (run in guidance/sources/):
EXPECTED_COUNTS = {
    # Lines opening "N.N " in chapters 1-8: grep -cP '^(- )?\d\.\d{1,2} ' between CONTENTS and COMPLETE LIST OF
    # RECOMMENDATIONS gives 115; 3 more have the number inside the line (3.13, 7.4 after a recommendation box, 7.7);
    # 5.2, 5.3 and 5.5 lost their numbers. 121 = the last paragraphs of the chapters, 1.11 + 2.15 + 3.19 + 4.9 +
    # 5.27 + 6.22 + 7.7 + 8.11.
    ("laming-2009", "paragraph"): 121,
    # grep -cP '^(- )?\d{1,2}\. ' between COMPLETE LIST OF RECOMMENDATIONS and APPENDIX 1.
    ("laming-2009", "recommendation"): 58,
    # Entry lines between GLOSSARY OF ABBREVIATIONS and LIST OF LORD LAMING'S SECRETARIAT (SOLACE runs over two).
    ("laming-2009", "abbreviation"): 30,
    # grep -cP '^\s*\d{1,2} [A-Z‘“(]' before "Annex A: The Government’s Response": 1 to 93.
    ("action-plan-2010", "paragraph"): 93,
    # Distinct row numbers opening a line in Annex A (dates such as "17 March 2010" left out): 1 to 58.
    ("action-plan-2010", "recommendation"): 58,
    # grep -cP '^\s*\d\t\s*[A-Z]' after "GO Children and Learner Teams have": Annex C's three numbered areas.
    ("action-plan-2010", "role"): 3,
    # grep -cP '^(- )?\d\.\d{1,2} ': 1.1-1.6, 2.1-2.2, 3.1-3.53.
    ("wt-consultation-response-2010", "paragraph"): 61,
    # grep -cP '^## Chapter \d+': Chapter 2 to Chapter 12.
    ("wt-consultation-response-2010", "chapter"): 11,
    # grep -cP '^#+ \**Recommendation \d+' in Annex A.
    ("wt-consultation-response-2010", "recommendation"): 17,
    # The "The Protection of Children in England: Action Plan" heading closing Annex A.
    ("wt-consultation-response-2010", "commitment"): 1,
    # The contents list's entries other than "Question N" and "Government response".
    ("wt-consultation-response-2015", "section"): 9,
    # grep -cP '^Question \d\s*$'.
    ("wt-consultation-response-2015", "question"): 5,
    # Annex A table rows ending in a tab and a number.
    ("wt-consultation-response-2015", "respondent"): 15,
    # Tab-separated lines of the Annex B table other than its (repeated) "Policy Area" heading row.
    ("wt-consultation-response-2015", "clarification"): 16,
    # grep -cP '^[1-4]\. [A-Z].*[a-z]\s*$' (the contents lines end in a page number).
    ("carlile-response-2013", "section"): 4,
    # grep -c '^Recommendation [0-9]*:'.
    ("carlile-response-2013", "recommendation"): 20,
}


@pytest.mark.parametrize(("key", "count"), EXPECTED_COUNTS.items(), ids=[f"{s}-{k}" for s, k in EXPECTED_COUNTS])
def test_every_numbered_item_of_the_real_sources_is_found(key: tuple[str, str], count: int) -> None:
    """The real documents split into as many recommendations, questions and table rows as they contain."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT)
    source_id, kind = key
    assert problems == []
    assert sum(passage.kind == kind for passage in corpus.sources[source_id].passages.values()) == count


def test_the_real_sources_are_split_cleanly() -> None:
    """Spot checks of the cleaning on the real documents: no page furniture, footnotes or back matter in passages."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT)
    laming = corpus.sources["laming-2009"].passages
    assert laming["paragraph 7.7"].text.startswith(
        "7.7 There is particular pressure on safeguarding budgets as a result of funding arrangements"
    )
    assert "CHAPTER 9 83" not in laming["paragraph 8.11"].text
    assert "Recommendation" not in laming["paragraph 3.12"].text.splitlines()
    assert laming["paragraph 5.2"].text.startswith("5.2 The issues facing all the staff")
    assert "Leadership and accountability" not in laming["recommendation 2"].text
    assert "PSA Delivery Agreement" not in laming["paragraph 1.6"].text
    plan = corpus.sources["action-plan-2010"].passages
    assert not {"nnex A", "overnm", "Ref", "31"} & set(plan["recommendation 1"].text.splitlines())
    assert "Government’s Response May 2009" not in plan["recommendation 44"].text
    assert "CQC has recruited a specialist team" in plan["recommendation 38"].text
    assert "http://" not in plan["paragraph 5"].text
    assert "Case study" not in plan["paragraph 60"].text
    consultation = corpus.sources["wt-consultation-response-2010"].passages
    assert "Public consultation on a revised Chapter 8" not in consultation["recommendation 11"].text
    assert "lay members" in consultation["commitment Action Plan"].text
    response = corpus.sources["wt-consultation-response-2015"].passages
    assert "Crown copyright" not in response["clarification Channel panels"].text
    assert "Policy Area" not in response["clarification Probation"].text
    assert "Government response" in response["question 5"].text
    carlile = corpus.sources["carlile-response-2013"].passages
    assert carlile["recommendation 20"].text.splitlines()[-1].startswith("We recognise that more needs to be done.")


def test_footnotes_are_kept_with_their_numbers_where_they_were_printed() -> None:
    """Each footnote keeps its number, text, notes and broken URL, and the line of the passage it came before."""
    lines = [
        "1.1 Children were looked after¹ by councils and",
        "",
        "¹ Children in Need Census, February 2005",
        "- (1) Figures are for April to September 2008",
        "",
        "in their homes.",
        "1.2 Referrals rose by 2%.",
        "4\t http://www.dcsf.gov.uk/rsgateway/DB/SFR/",
        "s000873/index.shtml",
    ]
    passages = split_passages("\n".join(lines), [PARAGRAPH])
    first = passages["paragraph 1.1"]
    assert first.text == f"1.1 Children were looked after{footnote_mark('1')} by councils and\nin their homes."
    assert [(note.number, note.text, note.line, note.source_lines) for note in first.footnotes] == [
        ("1", "Children in Need Census, February 2005\n- (1) Figures are for April to September 2008", 1, [2, 3])
    ]
    second = passages["paragraph 1.2"].footnotes
    assert [(note.number, note.text) for note in second] == [
        ("4", "http://www.dcsf.gov.uk/rsgateway/DB/SFR/\ns000873/index.shtml")
    ]


def test_a_footnote_number_run_on_to_a_figure_becomes_a_marker() -> None:
    """'by 15%1.' with footnote 1 below and no superscript: the 1 is the marker, not part of the figure."""
    lines = [
        "1.1 Core assessments rose by 15%1. Children on a plan rose by 17%2, as the Green",
        "Paper3 showed; 24 of them were under 1.",
        "",
        "1\t http://www.dcsf.gov.uk/one",
        "2\t http://www.dcsf.gov.uk/two",
        "3\t http://www.dcsf.gov.uk/three",
    ]
    text = split_passages("\n".join(lines), [PARAGRAPH])["paragraph 1.1"].text
    mark = footnote_mark
    assert text == (
        f"1.1 Core assessments rose by 15%{mark('1')}. Children on a plan rose by 17%{mark('2')}, as the Green\n"
        f"Paper{mark('3')} showed; 24 of them were under 1."
    )


def test_text_outside_numbered_passages_is_kept_as_parts_named_by_heading_or_place() -> None:
    """Introductions, boxes and annexes become parts in reading order; a repeated name gets a number."""
    lines = [
        "INTRODUCTION",
        "",
        "'Please keep me safe'. This simple hope matters.",
        "1.1 Every child needs to be protected from harm.",
        "Recommendation",
        "",
        "Local authorities must act.",
        "1.2 Trusts must work together.",
        "",
        '"It seems like they have to do all this form filling."',
        "Boy, 16",
        "Young people found the forms too long.",
        "Recommendation",
        "",
        "Boards should report.",
    ]
    assert parts(lines, PARAGRAPH) == {
        "part INTRODUCTION": ("INTRODUCTION\n'Please keep me safe'. This simple hope matters.", [0]),
        "part Recommendation": ("Recommendation\nLocal authorities must act.", [0]),
        # After a quotation a short line is its attribution, not a heading; a heading follows a sentence.
        "part after paragraph 1.2": (
            '"It seems like they have to do all this form filling."\nBoy, 16\nYoung people found the forms too long.',
            [],
        ),
        "part Recommendation (2)": ("Recommendation\nBoards should report.", [0]),
    }
    passages = split_passages("\n".join(lines), [PARAGRAPH])
    assert list(passages)[:3] == ["part INTRODUCTION", "paragraph 1.1", "part Recommendation"]
    assert passages["part Recommendation (2)"].anchor == "part-recommendation-2"


def test_a_heading_broken_over_lines_is_one_heading() -> None:
    """'Annex B: Serious Case Review' / 'template for executive' / 'summaries' names one part."""
    lines = [
        "1.1 Every child needs to be protected from harm.",
        " Annex B: Serious Case Review ",
        "template for executive ",
        "summaries",
        "",
        "Format of serious case review executive summary",
    ]
    assert parts(lines, PARAGRAPH) == {
        "part Annex B: Serious Case Review template for executive summaries": (
            "Annex B: Serious Case Review template for executive summaries\n"
            "Format of serious case review executive summary",
            [0, 1],
        )
    }


def test_sub_headings_inside_a_passage_that_opens_with_a_heading_are_marked() -> None:
    """'Government response' and the heading under it are headings, so they do not run into the next sentence."""
    question = LocationRule("question", re.compile(r"^Question (?P<number>\d) *$"))
    lines = [
        "Question 5",
        "Do you agree that the addition to Chapter 4 on the definition of serious harm is helpful?",
        "",
        "Government response",
        "",
        "Issues relating to the definition of serious harm",
        "",
        "The majority of respondents thought that the definition was helpful.",
    ]
    assert split_passages("\n".join(lines), [question])["question 5"].headings == [0, 2, 3]


def test_a_question_printed_between_paragraphs_is_also_shown_where_it_was_printed() -> None:
    """The chapter's passage holds it for quotes; a part named after the chapter puts it in reading order."""
    chapter = LocationRule("chapter", re.compile(r"^#+ *Chapter (?P<number>\d+) *$"))
    lines = ["## Chapter 3", "- 3.9 72% agreed.", "**Is the guidance clear enough?**", "- 3.10 Responses were mixed."]
    passages = split_passages("\n".join(lines), [PARAGRAPH, chapter])
    assert passages["chapter 3"].text == "Chapter 3\nIs the guidance clear enough?"
    assert passages["chapter 3"].moved == [1]
    assert passages["part chapter 3 question 1"].text == "Is the guidance clear enough?"
    assert list(passages) == ["chapter 3", "paragraph 3.9", "part chapter 3 question 1", "paragraph 3.10"]


def test_column_headings_repeated_inside_a_table_are_page_furniture() -> None:
    """A table's heading row printed again after a row is furniture; 'Total<tab>Percent' over each question's is not."""
    lines = [
        "Policy Area\tClarification/Update",
        "Schools\tClarified.",
        "",
        "Policy Area\tClarification/Update",
        "Health\tUpdated.",
        "Question 2",
        "\tTotal\tPercent",
        "Yes\t139\t46%",
        "Question 3",
        "\tTotal\tPercent",
    ]
    assert page_furniture(lines) == {3}
