"""The decision-tree navigator in headless Chromium, on a small site built from the test tree."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from conftest import PROJECT, axe_violations, build_site, open_page, serve
from playwright.sync_api import Browser, Page, expect
from small_guidance import write_small_guidance, write_small_tree


@pytest.fixture(scope="module")
def small_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small corpus and its tree built with the real configuration, served over HTTP."""
    project = tmp_path_factory.mktemp("small")
    write_small_guidance(project)
    write_small_tree(project)
    shutil.copy(PROJECT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs").mkdir()
    for page in (PROJECT / "docs").glob("*.md"):
        (project / "docs" / page.name).write_text(f"# {page.stem}\n", encoding="utf-8")
    build_site(project, project / "site")
    yield from serve(project / "site")


@pytest.fixture
def tree(browser: Browser, small_url: str) -> Iterator[Page]:
    """The tree page, with printing stubbed out so a test can inspect the record instead of a dialog."""
    page, requested = open_page(browser, small_url)
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; };")
    page.goto("/trees/worried/#path=1")  # past "Is the child in immediate danger?" (No), at the question tested
    yield page
    assert all(url.startswith(small_url) for url in requested), requested
    page.context.close()


def navigator_heading(page: Page):  # noqa: ANN201 - a Playwright Locator
    return page.locator(".wt-navigator .wt-navigator__step")


def test_answering_by_mouse_reaches_the_outcome_with_its_citations(tree: Page) -> None:
    """One question at a time; the outcome shows its strength label and links to the provisions it rests on."""
    expect(navigator_heading(tree)).to_have_text("Has the child been seen alone?")
    tree.locator(".wt-navigator").get_by_role("button", name="Yes", exact=True).click()
    expect(navigator_heading(tree)).to_have_text("Decide on the referral")
    assert tree.url.endswith("#path=1.0")
    navigator = tree.locator(".wt-navigator")
    expect(navigator.locator(".wt-badge").first).to_contain_text("Should")
    expect(navigator.get_by_role("link", name="5.2 Deciding on a referral")).to_be_visible()
    expect(navigator.get_by_role("navigation", name="Your answers so far")).to_contain_text(
        "Has the child been seen alone? Yes"
    )


def test_an_earlier_answer_can_be_changed_and_the_tree_restarted(tree: Page) -> None:
    """'Change' returns to that question; 'Start again' returns to the first."""
    tree.locator(".wt-navigator").get_by_role("button", name="No", exact=True).click()
    expect(navigator_heading(tree)).to_have_text("See the child alone")
    tree.get_by_role("button", name="Change answer to: Has the child been seen alone?").click()
    expect(navigator_heading(tree)).to_have_text("Has the child been seen alone?")
    tree.locator(".wt-navigator").get_by_role("button", name="Yes", exact=True).click()
    tree.locator(".wt-navigator").get_by_role("button", name="Start again").click()
    expect(navigator_heading(tree)).to_have_text("Is the child in immediate danger?")


def test_keyboard_only_use_moves_focus_to_each_new_step(tree: Page) -> None:
    """Tab to an answer, press Enter, and focus lands on the new heading, which is what a screen reader reads."""
    tree.locator(".wt-navigator").get_by_role("button", name="No", exact=True).focus()
    tree.keyboard.press("Enter")
    expect(navigator_heading(tree)).to_be_focused()
    expect(navigator_heading(tree)).to_have_text("See the child alone")


# Every text the page's live regions are given, in order, from page load on: what a screen reader would speak
# besides the focused element.
LIVE_LOG = """() => {
  window.spoken = [];
  new MutationObserver(() => document.querySelectorAll('[aria-live]').forEach((region) => {
    const text = region.textContent.trim();
    if (text && region.dataset.said !== text) window.spoken.push(text);
    region.dataset.said = text;
  })).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_each_new_step_is_announced_once(tree: Page) -> None:
    """An answer moves focus to the new heading and the live region stays silent; so does Back when focus was in
    the step it removes (focus moves to the new heading, not to <body>); Back with focus elsewhere on the page,
    which stays there, is spoken by the live region instead. Page load speaks nothing."""
    tree.evaluate(LIVE_LOG)
    tree.locator(".wt-navigator").get_by_role("button", name="No", exact=True).click()
    expect(navigator_heading(tree)).to_be_focused()
    tree.get_by_role("button", name="Start again").click()
    expect(navigator_heading(tree)).to_have_text("Is the child in immediate danger?")
    assert tree.evaluate("window.spoken") == []
    tree.go_back()
    expect(navigator_heading(tree)).to_have_text("See the child alone")
    expect(navigator_heading(tree)).to_be_focused()
    assert tree.evaluate("window.spoken") == []
    tree.locator("h1").first.evaluate("h1 => { h1.tabIndex = -1; h1.focus(); }")
    tree.go_forward()  # back to where "Start again" led: the tree's first question
    expect(navigator_heading(tree)).to_have_text("Is the child in immediate danger?")
    assert tree.evaluate("window.spoken") == ["Question 1: Is the child in immediate danger?"]


def test_screen_reader_only_text_is_not_shown(tree: Page) -> None:
    """The live region and the hidden part of 'Change' are read by screen readers but take no room on screen."""
    tree.locator(".wt-navigator").get_by_role("button", name="No", exact=True).click()
    change = tree.get_by_role("button", name="Change answer to: Has the child been seen alone?")
    expect(change).to_be_visible()
    hidden = tree.locator(".wt-navigator .wt-visually-hidden")
    expect(hidden).to_have_count(3)  # the live region and the rest of each "Change" button's name
    for box in (element.bounding_box() for element in hidden.all()):
        assert box is not None and box["width"] <= 1 and box["height"] <= 1


def test_the_answers_are_grouped_under_the_question(tree: Page) -> None:
    """'Yes' and 'No' keep their question in a screen reader's list of controls."""
    expect(tree.get_by_role("group", name="Has the child been seen alone?")).to_have_count(1)


def test_back_and_forward_and_a_shared_link_restore_the_state(tree: Page, small_url: str) -> None:
    """The answers live in the URL fragment, so history and shared links work."""
    tree.locator(".wt-navigator").get_by_role("button", name="No", exact=True).click()
    expect(navigator_heading(tree)).to_have_text("See the child alone")
    tree.go_back()
    expect(navigator_heading(tree)).to_have_text("Has the child been seen alone?")
    tree.go_forward()
    expect(navigator_heading(tree)).to_have_text("See the child alone")
    tree.goto("/trees/worried/#path=1.0")
    tree.reload()
    expect(navigator_heading(tree)).to_have_text("Decide on the referral")


def test_print_a_record_lists_the_answers_outcome_edition_and_time(tree: Page) -> None:
    """The record is built in the page and printed; nothing is sent anywhere."""
    tree.goto("/trees/worried/#path=1.0")
    tree.reload()
    tree.get_by_role("button", name="Print a record of this path").click()
    assert tree.evaluate("window.printed") == 1
    record = tree.locator(".wt-record")
    expect(record).to_contain_text("Record: Worried about a child")
    expect(record).to_contain_text("Working Together 2010 edition")
    expect(record).to_contain_text("Has the child been seen alone? — Yes")
    expect(record).to_contain_text("Outcome: Decide on the referral")
    expect(record).to_contain_text("What you do now")
    expect(record).to_contain_text("Printed ")


def test_tree_pages_have_no_accessibility_violations_at_the_start_or_an_outcome(tree: Page) -> None:
    """axe-core's WCAG 2.2 A and AA rules pass on the navigator, static tree, flowchart and every-path table."""
    assert axe_violations(tree) == []
    tree.locator(".wt-navigator").get_by_role("button", name="Yes", exact=True).click()
    expect(navigator_heading(tree)).to_have_text("Decide on the referral")
    assert axe_violations(tree) == []


def test_without_javascript_the_static_steps_lead_to_an_outcome(browser: Browser, small_url: str) -> None:
    """With JavaScript off the navigator is absent and the answer links walk the tree on the same page."""
    page, _ = open_page(browser, small_url, javascript=False)
    page.goto("/trees/worried/")
    expect(page.locator(".wt-navigator__step")).to_have_count(0)
    page.locator("#step-by-step ~ .wt-node").first.get_by_role("link", name="No", exact=True).click()
    assert page.url.endswith("#node-seen")
    page.locator(".wt-node[data-node='node-seen']").get_by_role("link", name="No", exact=True).click()
    assert page.url.endswith("#node-see-child")
    expect(page.locator("h3#node-see-child")).to_be_in_viewport()
    page.context.close()


@pytest.mark.parametrize("where", ["navigator", "static"])
def test_the_reader_s_own_action_comes_first_and_stands_apart_on_a_phone(tree: Page, where: str) -> None:
    """At 390 px the outcome's own action (data-you-do, from the fixed list) is above what happens next, in a box
    set apart by a rule as well as a tint, in the navigator and in the static steps alike."""
    tree.set_viewport_size({"width": 390, "height": 844})
    tree.locator(".wt-navigator").get_by_role("button", name="Yes", exact=True).click()
    scope = tree.locator(".wt-navigator" if where == "navigator" else ".wt-node[data-node='node-refer']")
    you = scope.locator("[data-you-do]")
    expect(you).to_have_attribute("data-you-do", "refer")
    expect(you).to_contain_text("What you do now")
    then = scope.locator(".wt-then")
    you_box, then_box = you.bounding_box(), then.bounding_box()
    assert you_box and then_box and you_box["y"] + you_box["height"] <= then_box["y"]
    assert you_box["width"] <= 390
    assert you.evaluate("(e) => parseFloat(getComputedStyle(e).borderLeftWidth)") >= 4
