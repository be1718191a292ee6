"""Working-day deadline calculators: the periods they read, the bank holidays they know, dates typed in Chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import PROJECT
from playwright.sync_api import Browser, Locator, Page, expect
from working_together.load import load_corpus
from working_together.model import Timescale
from working_together.problems import Position
from working_together.render.deadline import (
    FIRST_YEAR,
    LAST_YEAR,
    bank_holidays,
    bank_holidays_script,
    step_deadline,
)
from working_together.render.tree import tree_page

REAL, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
WORRIED = "/trees/worried-about-a-child/"
# The outcome of the worried-about-a-child tree that carries each working-day deadline.
NODE = {1: "no-further-action", 15: "section-47-enquiries", 45: "assessment"}


def _path_to(node_id: str) -> str:
    """The navigator's #path= fragment (answer indexes) that ends at the outcome."""
    tree = REAL.trees["worried-about-a-child"]
    path = next(p for p in tree.paths() if p[-1][0].id == node_id)
    return ".".join(str(node.answers.index(answer)) for node, answer in path[:-1])


@pytest.mark.parametrize(
    ("period", "days"),
    [
        ("one working day", 1),
        ("five working days", 5),
        ("ten working days", 10),
        ("15 working days", 15),
        ("45 working days", 45),
        ("a maximum of ten working days", 10),
        ("annual", None),
        ("15 days", None),
        ("eventually working days", None),
    ],
)
def test_a_period_is_read_as_a_number_of_working_days_or_not_at_all(period: str, days: int | None) -> None:
    """Numbers in figures or words count; anything not in working days gets no calculator."""
    assert Timescale("x", period, [], "", "", Position("x", 1, 1)).working_days == days


def test_every_deadline_a_tree_shows_counts_working_days_in_its_edition_with_its_count_in_figures() -> None:
    """Each step's deadline is a time limit in working days in the tree's edition, shown as "within N working
    days" with its calculator, and with the edition's currency beside the calculator's result."""
    shown = 0
    for tree in REAL.trees.values():
        markdown = tree_page(REAL, tree)
        for node in tree.nodes.values():
            for step in node.steps:
                if step.deadline:
                    deadline = step_deadline(REAL, tree, step)
                    assert deadline is not None, (tree.id, node.id)
                    days = f"within {deadline.days} working day{'s' if deadline.days != 1 else ''}"
                    assert days in markdown, (tree.id, node.id, days)
                    shown += 1
        for result in markdown.split('<p class="wt-deadline__result" aria-live="polite"></p>')[1:]:
            assert result.startswith('<p class="wt-tree-currency">'), tree.id
            assert f"({tree.edition})" in result[:400].replace("&#40;", "(").replace("&#41;", ")")
            assert "2018 and again in 2023" in result[:600]
    assert shown >= 15


@pytest.mark.parametrize(
    ("day", "name"),
    [
        ("2024-12-25", "Christmas Day"),
        ("2024-03-29", "Good Friday"),
        ("2024-04-01", "Easter Monday"),
        ("2021-12-28", "Boxing Day (observed)"),
        ("2022-09-19", "State Funeral of Queen Elizabeth II"),
        ("2023-05-08", "Coronation of Charles III"),
        (f"{LAST_YEAR}-12-25", "Christmas Day"),
    ],
)
def test_the_bank_holidays_of_england_come_from_the_library(day: str, name: str) -> None:
    """Substitute days and one-off holidays are included, for every year of the stated range."""
    assert bank_holidays()[day] == name


def test_the_bank_holidays_script_is_the_same_on_every_build_and_covers_only_its_years() -> None:
    """A fixed range of years (not today's date), so two builds of one commit write the same file."""
    assert bank_holidays_script() == bank_holidays_script()
    years = {int(day[:4]) for day in bank_holidays()}
    assert years == set(range(FIRST_YEAR, LAST_YEAR + 1))
    assert "2018-08-06" not in bank_holidays()  # Scotland's summer holiday, not England's


@pytest.fixture
def uk_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """The real site in a British browser; every request it makes is listed, to prove none leaves the site."""
    context = browser.new_context(base_url=base_url, locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.requested = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requested.append(request.url))  # type: ignore[attr-defined]
    yield page
    assert all(url.startswith(base_url) for url in page.requested), page.requested  # type: ignore[attr-defined]
    context.close()


def calculator(page: Page, node: str, days: int) -> Locator:
    """The static step's calculator for a limit of `days` working days."""
    return page.locator(f'[data-node="node-{node}"] .wt-deadline[data-working-days="{days}"]')


def type_date(block: Locator, iso: str) -> None:
    """Type a date with the keyboard into the calculator's day, month and year fields, tabbing between them."""
    year, month, day = iso.split("-")
    block.get_by_label("Day").focus()
    keyboard = block.page.keyboard
    keyboard.type(str(int(day)))
    keyboard.press("Tab")
    keyboard.type(str(int(month)))
    keyboard.press("Tab")
    keyboard.type(year)


@pytest.mark.parametrize(
    ("days", "start", "due"),
    [
        (1, "2024-02-28", "Thursday 29 February 2024"),  # a leap day
        (1, "2024-12-24", "Friday 27 December 2024"),  # Christmas Day and Boxing Day
        (1, "2024-12-31", "Thursday 2 January 2025"),  # the year's end and New Year's Day
        (1, "2025-04-17", "Tuesday 22 April 2025"),  # Good Friday, the weekend and Easter Monday
        (1, "2024-03-02", "Monday 4 March 2024"),  # a Saturday start: day 1 is the next working day
        (1, "2022-09-16", "Tuesday 20 September 2022"),  # a one-off bank holiday
        (15, "2024-12-20", "Wednesday 15 January 2025"),  # across Christmas and the new year
        (45, "2024-02-28", "Friday 3 May 2024"),  # across Easter
    ],
)
def test_typing_a_start_date_shows_the_working_day_it_is_due(uk_page: Page, days: int, start: str, due: str) -> None:
    """Weekends and bank holidays in England are skipped; day 1 is the first working day after the start date."""
    uk_page.goto(f"{WORRIED}#node-{NODE[days]}")
    block = calculator(uk_page, NODE[days], days)
    type_date(block, start)
    expect(block.locator(".wt-deadline__result")).to_contain_text(f"Due by {due}")


def test_five_working_days_across_the_new_year_lists_the_bank_holidays_skipped(uk_page: Page) -> None:
    """A notification from 22 December 2023 is due on 3 January 2024, passing three bank holidays."""
    uk_page.goto("/trees/notifying-a-serious-incident/#node-notify")
    block = calculator(uk_page, "notify", 5)
    type_date(block, "2023-12-22")
    result = block.locator(".wt-deadline__result")
    expect(result).to_contain_text("Due by Wednesday 3 January 2024")
    expect(result).to_contain_text("Christmas Day (Monday 25 December 2023)")
    expect(result).to_contain_text("Boxing Day (Tuesday 26 December 2023); New Year's Day (Monday 1 January 2024).")


def test_the_calculator_is_labelled_announced_and_says_what_it_is(uk_page: Page) -> None:
    """A named date field, a polite live region for the answer, the years covered and 'not guidance'."""
    uk_page.goto(f"{WORRIED}#node-{NODE[15]}")
    step = uk_page.locator(f'[data-node="node-{NODE[15]}"]')
    date = step.get_by_role("group", name="Date to count from (the strategy discussion)")
    for part in ("Day", "Month", "Year"):
        expect(date.get_by_label(part)).to_have_attribute("inputmode", "numeric")
    expect(calculator(uk_page, NODE[15], 15).locator(".wt-deadline__result")).to_have_attribute("aria-live", "polite")
    expect(step).to_contain_text(f"bank holidays in England from {FIRST_YEAR} to {LAST_YEAR}")
    expect(step).to_contain_text("A calculation aid, not guidance")


def test_a_date_outside_the_known_years_is_refused_in_words(uk_page: Page) -> None:
    """No answer is guessed where the bank holidays are not known."""
    uk_page.goto(f"{WORRIED}#node-{NODE[1]}")
    block = calculator(uk_page, NODE[1], 1)
    type_date(block, f"{LAST_YEAR + 2}-01-05")
    expect(block.locator(".wt-deadline__result")).to_contain_text("only knows the bank holidays")


def test_an_impossible_date_is_refused_and_nothing_is_said_while_typing(uk_page: Page) -> None:
    """29 February 2023 does not exist; a half-typed year gives no answer yet."""
    uk_page.goto(f"{WORRIED}#node-{NODE[1]}")
    block = calculator(uk_page, NODE[1], 1)
    type_date(block, "2023-02-29")
    expect(block.locator(".wt-deadline__result")).to_have_text(re.compile("^Enter a real date"))
    block.get_by_label("Year").fill("202")
    expect(block.locator(".wt-deadline__result")).to_have_text("")


def test_the_calculator_works_inside_the_navigator(uk_page: Page) -> None:
    """The navigator's copy of an outcome carries a working calculator of its own."""
    uk_page.goto(f"{WORRIED}#path={_path_to(NODE[1])}")
    navigator = uk_page.locator(".wt-navigator")
    expect(navigator.locator(".wt-navigator__step")).to_have_text("No further action by children's social care")
    block = navigator.locator('.wt-deadline[data-working-days="1"]')
    expect(block.get_by_role("group", name="Date to count from (a referral being received)")).to_be_visible()
    type_date(block, "2024-02-28")
    expect(block.locator(".wt-deadline__result")).to_contain_text("Due by Thursday 29 February 2024")


def test_without_javascript_the_rule_is_given_in_words(browser: Browser, base_url: str) -> None:
    """With scripts off there is no dead form: the counting rule is written out instead."""
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{WORRIED}#node-{NODE[15]}")
        block = calculator(page, NODE[15], 15)
        expect(block.locator(".wt-deadline__rule")).to_contain_text(
            "within 15 working days from the strategy discussion. Counting 15 working days: day 1 is the first "
            "working day after that date, and Saturdays, Sundays and bank holidays in England are not working days."
        )
        expect(block.get_by_label("Day")).to_be_hidden()
    finally:
        context.close()
