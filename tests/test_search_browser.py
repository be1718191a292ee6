"""Search as a person uses it: queries typed into Material's real search box in Chromium, results read from the page."""

from __future__ import annotations

from browser_search import count_search_messages, material_search, measure, open_search
from playwright.sync_api import Page
from search_queries import NATURAL_QUERIES, rank

RECALL_FLOOR = 0.95  # the answer among the first five pages a phone shows
MRR_FLOOR = 0.8  # and usually first


def test_the_query_table_covers_how_practitioners_ask() -> None:
    """At least 60 queries: questions, partial phrases, plurals and past tenses, abbreviations, misspellings."""
    queries = [query for query, _ in NATURAL_QUERIES]
    assert len(queries) >= 60
    assert (
        sum(query.split()[0] in {"what", "how", "when", "who", "do", "can", "will", "is", "are"} for query in queries)
        >= 15
    )
    assert {"LADO", "CDOP", "refferal", "trafficked child", "children who died"} <= set(queries)


def test_practitioners_questions_find_their_answers_in_material_search(page: Page, base_url: str) -> None:
    """Recall at 5 of at least 0.95 and a mean reciprocal rank of at least 0.8, through the real search box."""
    result = measure(page, base_url, NATURAL_QUERIES)
    print(result)
    assert result["recall_at_5"] >= RECALL_FLOOR, result["missed"]
    assert result["mrr"] >= MRR_FLOOR, result["not_first"]


def test_words_are_stemmed_and_stop_words_ignored_as_typed(page: Page, base_url: str) -> None:
    """ "trafficked" finds "trafficking"; "a", "I", "in", "to" match nothing by themselves; a half-typed word works."""
    count_search_messages(page)
    page.goto("/")
    open_search(page)
    assert rank(material_search(page, base_url, "trafficked"), ("provisions/child-trafficking/",)) == 1
    assert rank(material_search(page, base_url, "referra"), ("#referral-decision-one-working-day",)) is not None
    # Material alone made these "a*", "i*", "in*", "to*": every page with a word starting with those letters.
    for stop_word in ("a", "I", "in", "to"):
        assert material_search(page, base_url, stop_word) == [], stop_word
    danger = ("provisions/immediate-danger-call-999/", "#immediate-danger-call-999")
    assert rank(material_search(page, base_url, "what should I do in danger"), danger) == 1


def test_a_miss_is_measured(page: Page, base_url: str) -> None:
    """The measure can fail: queries whose target no page answers give recall 0 and MRR 0."""
    result = measure(page, base_url, [("zzzunknownword", ("provisions/early-help/",)), ("early help", ("nowhere/",))])
    assert result["recall_at_5"] == 0 and result["mrr"] == 0
