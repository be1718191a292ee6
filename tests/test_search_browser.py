"""Search as a person uses it: queries typed into Material's real search box in Chromium, results read from the page."""

from __future__ import annotations

import re

from browser_search import count_search_messages, material_search, measure, open_search
from playwright.sync_api import Page, expect
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


def test_the_result_count_is_announced_as_a_status_message(page: Page, base_url: str) -> None:
    """WCAG 4.1.3 (accessibility review N3): the count, "No matching documents" too, is in a status region."""
    count_search_messages(page)
    page.goto("/")
    open_search(page)
    meta = page.locator(".md-search-result__meta")
    assert meta.get_attribute("role") == "status"
    material_search(page, base_url, "referral")
    expect(meta).to_have_text(re.compile(r"\d+ matching documents"))
    expect(page.get_by_role("status").filter(has_text="matching documents")).to_have_count(1)


def test_a_query_the_editions_do_not_cover_says_so_above_the_results(page: Page, base_url: str) -> None:
    """A plain link to the guidance in force above the results, counted out of them; nothing leaves the browser."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    count_search_messages(page)
    page.goto("/")
    open_search(page)
    assert material_search(page, base_url, "MASH") == []  # the notice is not a result
    notice = page.locator(".md-search-result .wt-search-notice")
    expect(notice).to_contain_text("These editions do not cover this")
    link = notice.get_by_role("link", name="see the guidance in force on GOV.UK")
    assert link.get_attribute("href").startswith("https://www.gov.uk/")
    assert "?" not in link.get_attribute("href")
    expect(page.locator(".md-search-result__meta")).to_have_text("These editions do not cover this")
    # Covered again: the notice goes.
    assert material_search(page, base_url, "LADO")
    expect(notice).to_have_count(0)
    assert all(url.startswith(base_url.rstrip("/")) for url in requests), [u for u in requests if "gov.uk" in u]


def test_common_words_alone_do_not_make_a_query_covered(page: Page, base_url: str) -> None:
    """Cause A: "children", "social", "checks" match everywhere; the worker weighs the query's words by how few
    sections have them, as tests/material_search.py does (tests/test_search.py runs the rest of the table there)."""
    count_search_messages(page)
    page.goto("/")
    open_search(page)
    notice = page.locator(".md-search-result .wt-search-notice")
    for query in ("teenagers involved in gangs", "grooming on social media"):
        assert material_search(page, base_url, query)  # weaker matches are still listed
        expect(notice).to_have_count(1)
    for query in ("whistle blowing", "Social Work Task Force", "what goes in the LSCB annual report"):
        assert material_search(page, base_url, query)
        expect(notice).to_have_count(0)


def test_results_name_their_edition_and_show_the_pages_words(page: Page, base_url: str) -> None:
    """A replaced edition's chapter says so in its result title; a provision shows its own words, not boilerplate."""
    count_search_messages(page)
    page.goto("/")
    open_search(page)
    material_search(page, base_url, "early help referral assessment")
    titles = page.locator(".md-search-result__article h1").all_inner_texts()
    assert any(title.endswith("— 2013, replaced") for title in titles), titles
    assert any(title.endswith("— 2015, latest in these sources") for title in titles), titles
    latest = next(
        i for i, t in enumerate(titles) if t.startswith("Chapter 1") and t.endswith("latest in these sources")
    )
    replaced = next(i for i, t in enumerate(titles) if t.startswith("Chapter 1") and t.endswith("2013, replaced"))
    assert latest < replaced
    texts = page.locator(".md-search-result__article").all_inner_texts()
    assert not [text for text in texts if "Permanent page of provision" in text]
