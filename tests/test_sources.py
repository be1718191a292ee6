"""Source documents: reproducible cleaning, quote normalisation and the split into numbered passages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from working_together.load import load_corpus
from working_together.load.sources import LocationRule, clean_line, normalise, split_passages

PROJECT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("- 3.26 As\tagreed\t in *Parliament*", "- 3.26 As agreed in Parliament"),
        ("## **Recommendation 22**", "Recommendation 22"),
        ("the report<sup>1</sup> on", "the report on"),
        ("Working Together⁶ states", "Working Together states"),
    ],
)
def test_cleaning_removes_only_extraction_artefacts(raw: str, clean: str) -> None:
    """Tabs, emphasis marks, heading marks and footnote markers go; the words stay."""
    assert clean_line(raw) == clean


def test_quotes_are_compared_ignoring_only_whitespace_bullets_and_footnote_markers() -> None:
    """Normalising a passage and a quote the same way lets a quote span a line break or a bullet."""
    passage = "must ensure:\n- all referrals<sup>2</sup> lead to\tan initial assessment"
    assert normalise("must ensure: all referrals lead to an initial assessment") in normalise(passage)
    assert normalise("must ensure: all referrals lead to AN initial assessment") not in normalise(passage)


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
    assert {location: passage.text for location, passage in passages.items()} == {
        "paragraph 1.1": "1.1 First paragraph\ncontinues here.",
        "paragraph 1.2": "1.2 Second paragraph",
        "recommendation 1": "1. A recommendation\n1.1 Quoted again later",
    }
    assert passages["paragraph 1.2"].anchor == "paragraph-1-2"


EXPECTED_COUNTS = {
    ("laming-2009", "recommendation"): 58,
    ("carlile-response-2013", "recommendation"): 20,
    ("wt-consultation-response-2010", "recommendation"): 17,
    ("wt-consultation-response-2015", "question"): 5,
    ("wt-consultation-response-2015", "clarification"): 16,
}


@pytest.mark.parametrize(("key", "count"), EXPECTED_COUNTS.items(), ids=[f"{s}-{k}" for s, k in EXPECTED_COUNTS])
def test_every_numbered_item_of_the_real_sources_is_found(key: tuple[str, str], count: int) -> None:
    """The real documents split into as many recommendations, questions and table rows as they contain."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT)
    source_id, kind = key
    assert problems == []
    assert sum(passage.kind == kind for passage in corpus.sources[source_id].passages.values()) == count
