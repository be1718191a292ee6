"""Blind practitioner vignettes walked through the decision-tree navigator in Chromium (issue 21, item 4).

tests/tree_vignettes.yml was written from the sources and roles by someone who never saw the trees; its
expectations are never edited to fit a tree. tests/tree_vignette_paths.yml maps each vignette onto the trees:
the tree the practitioner starts from and the answer they would give at each question, from the scenario's
facts. Each test walks that journey in the real navigator and checks the outcome against the expectation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, open_page
from playwright.sync_api import Browser, Locator, Page

VIGNETTES = yaml.safe_load((PROJECT / "tests" / "tree_vignettes.yml").read_text(encoding="utf-8"))
JOURNEYS = yaml.safe_load((PROJECT / "tests" / "tree_vignette_paths.yml").read_text(encoding="utf-8"))
# Sub-checks the sources do not support, each with its passage; set aside, and each checked to still fail.
DISPUTES = yaml.safe_load((PROJECT / "tests" / "tree_vignette_disputes.yml").read_text(encoding="utf-8"))
SEEDS = Path("/work/shared/seeds")

# How the trees write small numbers of working days ("within five working days"), besides digits.
NUMBER_WORDS = {
    1: "one",
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    7: "seven",
    10: "ten",
    15: "fifteen",
    45: "forty-five",
}

# The outcome's own content: the trail of answers and the navigator's buttons are left out, because the trail
# repeats the reader's answers (which could otherwise "mention" what the outcome never says).
OUTCOME_TEXT = """(view) => Array.from(view.children)
  .filter((child) => child.tagName !== 'NAV' && child.tagName !== 'BUTTON')
  .map((child) => child.innerText).join('\\n')"""

# Whether the reader's action comes straight after the outcome's heading, before what others do next.
ACTION_FIRST = """(view) => {
  const next = view.querySelector('.wt-navigator__step').nextElementSibling;
  return next !== null && next === view.querySelector('[data-you-do]');
}"""


@pytest.fixture
def navigator_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh page on the real site."""
    page, _ = open_page(browser, base_url)
    yield page
    page.context.close()


def view(page: Page, tree: str) -> Locator:
    """The navigator's current step on `tree`'s page, once the script has drawn it."""
    page.locator(f'.wt-navigator--ready[data-tree="{tree}"] .wt-navigator__step').wait_for()
    return page.locator(".wt-navigator__view")


def walk(page: Page, journey: dict) -> Locator:
    """Walk `journey` from its start tree, answer by answer, and return the navigator's view at the outcome."""
    tree = journey["start"]
    page.goto(f"/trees/{tree}/")
    current = view(page, tree)
    answered: set[tuple[str, str]] = set()
    for number, step in enumerate(journey["path"], start=1):
        if "follow" in step:
            link = current.locator(f'a[data-wt-href^="/trees/{step["follow"]}/"]')
            if not link.count():
                pytest.fail(f"step {number}: the outcome on {tree} has no link to the tree {step['follow']!r}")
            with page.expect_navigation():
                link.first.click()
            tree = step["follow"]
            current = view(page, tree)
            resumes(page, current, number)
            continue
        heading = current.locator(".wt-navigator__step").inner_text().strip()
        if heading != step["question"]:
            pytest.fail(f"step {number} on {tree}: expected the question {step['question']!r}, shown {heading!r}")
        if (tree, heading) in answered:
            pytest.fail(f"step {number}: the journey loops: {heading!r} on {tree} was already answered")
        answered.add((tree, heading))
        buttons = current.locator(".wt-navigator__answers button")
        offered = [text.strip() for text in buttons.all_inner_texts()]
        if step["answer"] not in offered:
            pytest.fail(f"step {number} on {tree}: no answer {step['answer']!r} to {heading!r}; offered: {offered}")
        buttons.nth(offered.index(step["answer"])).click()
    if current.locator(".wt-navigator__answers").count():
        question = current.locator(".wt-navigator__step").inner_text().strip()
        pytest.fail(f"the path ends at a question, not an outcome: {question!r} on {tree}")
    return current


def resumes(page: Page, current: Locator, number: int) -> None:
    """Fail unless the navigator shows the question a link into the middle of a tree (#node-...) resumes at."""
    fragment = page.evaluate("location.hash")
    if not fragment.startswith("#node-"):
        return
    wanted = page.locator(f'.wt-node[data-node="{fragment[1:]}"] > h3').inner_text().strip()
    shown = current.locator(".wt-navigator__step").inner_text().strip()
    if shown != wanted:
        pytest.fail(f"step {number}: the link resumes at {wanted!r} ({fragment}), but the navigator shows {shown!r}")


def shows_deadline(text: str, days: int) -> bool:
    """Whether `text` says "N working day(s)", N in digits or in the words the trees use."""
    number = "|".join(re.escape(way) for way in (str(days), NUMBER_WORDS.get(days, str(days))))
    return re.search(rf"(?<![\w-])(?:{number}) working days?\b", text, re.IGNORECASE) is not None


def problems(outcome: Locator, expected: dict) -> dict[str, str]:
    """What the outcome fails to tell the practitioner, by sub-check ("first_action", "deadline 45", "mentions 0"):
    (a) their action first, (b) deadlines, (c) mentions."""
    found: dict[str, str] = {}
    actions = outcome.locator("[data-you-do]")
    if not actions.count():
        found["first_action"] = "(a) the outcome marks no action of the reader's ([data-you-do])"
    elif (first := actions.first.get_attribute("data-you-do")) != expected["first_action"]:
        found["first_action"] = f"(a) the first action shown is {first!r}, expected {expected['first_action']!r}"
    elif not outcome.evaluate(ACTION_FIRST):
        found["first_action"] = "(a) the reader's action is not the first thing the outcome shows under its heading"
    text = outcome.evaluate(OUTCOME_TEXT)
    for days in expected["deadlines"]:
        if not shows_deadline(text, days):
            found[f"deadline {days}"] = f"(b) no '{days} working day(s)' in the outcome"
    for index, phrases in enumerate(expected["mentions"]):
        if not any(phrase.lower() in text.lower() for phrase in phrases):
            found[f"mentions {index}"] = f"(c) none of {phrases} in the outcome"
    return found


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[vignette["id"] for vignette in VIGNETTES])
def test_vignette(navigator_page: Page, vignette: dict) -> None:
    """The practitioner's journey ends at an outcome that shows their action first, the deadlines and the words."""
    outcome = walk(navigator_page, JOURNEYS[vignette["id"]])
    heading = outcome.locator(".wt-navigator__step").inner_text().strip()
    found = problems(outcome, vignette["expect"])
    disputed = {dispute_key(dispute) for dispute in DISPUTES.get(vignette["id"], [])}
    undisputed = [message for key, message in found.items() if key not in disputed]
    assert not undisputed, f"outcome {heading!r} on {navigator_page.url}:\n" + "\n".join(undisputed)
    no_longer = sorted(disputed - set(found))
    assert not no_longer, f"the disputed {no_longer} now pass on {navigator_page.url}: remove the dispute"


def dispute_key(dispute: dict) -> str:
    """The sub-check a dispute sets aside, named as problems() names it."""
    if dispute["check"] == "first_action":
        return "first_action"
    return f"{dispute['check']} {dispute['days'] if dispute['check'] == 'deadline' else dispute['index']}"


def normalised(text: str) -> str:
    """Text with runs of whitespace as one space and curly apostrophes straight, for comparing quotes."""
    return re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()


@pytest.mark.parametrize(
    ("vignette_id", "dispute"),
    [(vignette_id, dispute) for vignette_id, disputes in DISPUTES.items() for dispute in disputes],
    ids=[f"{vignette_id}-{dispute_key(d)}" for vignette_id, disputes in DISPUTES.items() for d in disputes],
)
def test_each_dispute_quotes_its_source_and_names_a_real_sub_check(vignette_id: str, dispute: dict) -> None:
    """A dispute's quote is in its source document, and the sub-check it sets aside exists in the vignette."""
    vignette = next(v for v in VIGNETTES if v["id"] == vignette_id)
    expect = vignette["expect"]
    assert dispute["check"] in {"first_action", "deadline", "mentions"}
    if dispute["check"] == "deadline":
        assert dispute["days"] in expect["deadlines"]
    if dispute["check"] == "mentions":
        assert 0 <= dispute["index"] < len(expect["mentions"])
    assert dispute["why"].strip()
    (source,) = SEEDS.glob(f"{dispute['document']}_*.txt")
    assert normalised(dispute["quote"]) in normalised(source.read_text(encoding="utf-8"))
