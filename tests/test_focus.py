"""Keyboard focus as a person sees it, in Chromium: every Tab and Shift+Tab stop on each page type is visible,
on screen and not under the sticky header (WCAG 2.4.7, 2.4.11), and Material's header controls work by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

# One page of each type: home, chapter, provision, tree, source, summary, role, module, what-changed, glossary.
PAGE_TYPES = {
    "home": "/",
    "chapter": "/editions/2015/chapter-1/",
    "provision": "/provisions/threshold-document/",
    "tree": "/trees/worried-about-a-child/",
    "source": "/sources/wt-consultation-response-2015/",
    "summary": "/summary/",
    "role": "/roles/social-worker/",
    "module": "/modules/making-a-referral/",
    "what-changed": "/editions/2015/changes/",
    "glossary": "/glossary/",
}
WIDTHS = (390, 1280)
HEIGHT = {390: 844, 1280: 900}
LIMIT = 900  # more stops than any page has; the walk stops when focus leaves the page or comes round again
STOPS_CHECKED: dict[str, int] = {}

# Resolves once no CSS transition or animation is running (Material fades the skip link and the "Back to top"
# pill in and out), so each stop is judged as a person sees it once the page has settled.
SETTLE = """() => new Promise(resolve => {
    const start = performance.now();
    const tick = () => {
        const running = document.getAnimations().some(a => a.playState === 'running'
            && !/color$/.test(a.transitionProperty || ''));  // a colour fading in moves and hides nothing
        if (!running || performance.now() - start > 1500) resolve();
        else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
})"""

# The focused element, and what is wrong with how it is shown (an empty list when nothing is).
JUDGE = (
    """async () => {
    await ("""
    + SETTLE
    + """)();
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const describe = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} `
        + `"${(el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 50)}"`;
    const problems = [];
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
        || (style.boxShadow && style.boxShadow !== 'none');
    if (!ring) problems.push('no focus indicator (outline or box shadow)');
    if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) problems.push('invisible');
    const width = innerWidth, height = innerHeight;
    // Sample each of the element's boxes (one per line of a wrapped link) in a 3 x 3 grid, clipped to the
    // viewport; a point counts as seen if the element itself (or something inside it) is what is drawn there.
    let inside = 0, seen = 0, underHeader = 0, over = null;
    const boxes = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!boxes.length) problems.push('no size');
    for (const r of boxes) {
        const left = Math.max(r.left, 0), right = Math.min(r.right, width);
        const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, height);
        if (left >= right || top >= bottom) continue;
        for (const fx of [0.15, 0.5, 0.85]) for (const fy of [0.2, 0.5, 0.8]) {
            const x = left + (right - left) * fx, y = top + (bottom - top) * fy;
            inside++;
            const hit = document.elementFromPoint(x, y);
            // The element, something inside it, or an ancestor (whose box cannot paint over its child) is drawn.
            if (hit && (hit === el || el.contains(hit) || hit.contains(el))) seen++;
            else if (hit && (hit.closest('.md-header') || hit.closest('.md-top'))) underHeader++;
            else over = hit;
        }
    }
    const where = boxes.map(r => [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
    if (boxes.length && !inside) problems.push(`off screen at ${where.join(' ')} in ${width}x${height}`);
    else if (inside && !seen) problems.push(underHeader ? 'covered by the sticky header'
        : `covered by ${over && over.tagName.toLowerCase()}.${over && [...over.classList].join('.')}`);
    // Mark each stop once, so a walk knows when focus has come round to where it started.
    const stop = el.dataset.wtStop || (el.dataset.wtStop = String(document.querySelectorAll('[data-wt-stop]').length));
    return {describe, problems, stop};
}"""
)


def _walk(page: Page, key: str) -> tuple[int, list[str]]:
    """Press `key` until focus leaves the page or returns to the first stop; each stop's problems, described."""
    first = None
    stops = 0
    failures = []
    for _ in range(LIMIT):
        page.keyboard.press(key)
        judged = page.evaluate(JUDGE)
        if judged is None:
            if stops:
                break
            continue
        if judged["stop"] == first:
            break
        # A transition Material starts a moment after focus (the search opening), or a smooth scroll that a busy
        # machine draws slowly: look again until it settles, for up to two seconds.
        for _ in range(5):
            if not judged["problems"]:
                break
            page.wait_for_timeout(400)
            judged = page.evaluate(JUDGE)
        first = first or judged["stop"]
        stops += 1
        failures += [f"{key} stop {stops}: {judged['describe']}: {problem}" for problem in judged["problems"]]
    else:
        raise AssertionError(f"{LIMIT} presses of {key} never left the page")
    return stops, failures


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_tab_stop_forwards_and_backwards_is_seen(page: Page, page_type: str, width: int) -> None:
    """Tab from the top to the end, then Shift+Tab back to the top: no stop is invisible, off screen or covered."""
    page.set_viewport_size({"width": width, "height": HEIGHT[width]})
    page.goto(PAGE_TYPES[page_type])
    forward, failures = _walk(page, "Tab")
    # Back from the last stop, as a reader who has gone too far does: the page scrolls up under the header.
    page.evaluate("() => { const last = [...document.querySelectorAll('[data-wt-stop]')].pop(); last.focus(); }")
    backward, failures_back = _walk(page, "Shift+Tab")
    STOPS_CHECKED[f"{page_type}@{width}"] = forward + backward
    print(f"{page_type} at {width}px: {forward} stops forwards, {backward} backwards")
    assert forward > 3
    assert backward >= forward - 1  # the same stops, less the one the walk back started from
    assert failures + failures_back == []


def test_the_judge_fails_a_control_under_the_header(page: Page) -> None:
    """The check can fail: a link scrolled under the sticky header is reported as covered, one below it is not."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(PAGE_TYPES["chapter"])
    page.locator(".md-content a.wt-permalink").nth(2).focus()
    assert page.evaluate(JUDGE)["problems"] == []
    page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); scrollBy(0, r.top - 10); }")
    assert "covered by the sticky header" in page.evaluate(JUDGE)["problems"]


@pytest.mark.parametrize("width", [390, 768])
def test_the_menu_button_opens_the_drawer_from_the_keyboard(page: Page, width: int) -> None:
    """Below 1220px the menu is a named button: Enter opens the drawer with focus inside, Escape closes it."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(PAGE_TYPES["chapter"])
    menu = page.get_by_role("button", name="Menu")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.locator(".md-sidebar--primary a[href]").first.is_hidden()  # closed: no hidden stops
    for key in ("Enter", "Space"):
        menu.focus()
        page.keyboard.press(key)
        expect(page.locator(".md-sidebar--primary :focus")).to_have_count(1)  # no eval: the policy forbids it
        assert menu.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
        assert menu.get_attribute("aria-expanded") == "false"


def _open_drawer(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(PAGE_TYPES["chapter"])
    page.get_by_role("button", name="Menu").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-sidebar--primary :focus")).to_have_count(1)


@pytest.mark.parametrize("key", ["Tab", "Shift+Tab"])
@pytest.mark.parametrize("width", [390, 768])
def test_every_stop_in_the_open_drawer_is_seen_and_leaving_closes_it(page: Page, width: int, key: str) -> None:
    """Inside the open drawer focus reaches only what is drawn: the open section's panel, not the list it slides
    over; going past either end closes the drawer, so focus never lands on the page its overlay hides."""
    _open_drawer(page, width)
    if key == "Shift+Tab":  # from the drawer's last link back up
        page.locator(".md-sidebar--primary a[href]:visible").last.focus()
    stops, failures = 0, []
    while page.locator(".md-sidebar--primary :focus").count():
        judged = page.evaluate(JUDGE)
        for _ in range(5):  # the drawer slides in: look again until it has settled
            if not judged["problems"]:
                break
            page.wait_for_timeout(400)
            judged = page.evaluate(JUDGE)
        failures += [f"{key} stop {stops}: {judged['describe']}: {problem}" for problem in judged["problems"]]
        stops += 1
        assert stops < 100, "focus never left the drawer"
        page.keyboard.press(key)
    assert stops >= 3
    assert failures == []
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
    assert page.evaluate(JUDGE)["problems"] == []  # the stop after the drawer, on the page itself


@pytest.mark.parametrize("width", [390, 768])
def test_a_section_in_the_drawer_opens_and_closes_from_the_keyboard(page: Page, width: int) -> None:
    """Each section is a button: Enter or Space opens its panel with focus on the panel's Back button, which
    closes it and returns focus to the section; what a panel covers is hidden from the keyboard."""
    _open_drawer(page, width)
    drawer = page.locator(".md-sidebar--primary")
    home = drawer.get_by_role("link", name="Home", exact=True)
    expect(home).to_be_hidden()  # under the current section's panel
    drawer.locator("button[aria-label^='Back from']:visible").focus()
    page.keyboard.press("Enter")
    expect(home).to_be_visible()
    section = drawer.locator(":focus")
    expect(section).to_have_role("button")
    expect(section).to_have_attribute("aria-expanded", "false")
    worried = drawer.locator("button.md-nav__link", has_text="What to do if you're worried")
    expect(worried).to_have_accessible_name("What to do if you're worried")
    worried.focus()
    page.keyboard.press("Space")
    expect(worried).to_have_attribute("aria-expanded", "true")
    expect(drawer.get_by_role("button", name="Back from What to do if you're worried")).to_be_focused()
    expect(drawer.get_by_role("link", name="Worried about a child", exact=False).first).to_be_visible()
    expect(home).to_be_hidden()
    page.keyboard.press("Enter")
    expect(worried).to_be_focused()
    expect(worried).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("width", [390, 768])
def test_every_drawer_section_opened_from_the_keyboard_shows_its_focused_back_button(page: Page, width: int) -> None:
    """Enter on each section of the drawer leaves its panel in view, the focused Back button on screen and
    visible (the review's N1: the drawer scrolled sideways while the panel slid in, leaving it blank)."""
    page.set_viewport_size({"width": width, "height": 844})
    page.goto("/about/")  # a top-level page: no section is open when the drawer opens
    page.get_by_role("button", name="Menu").focus()
    page.keyboard.press("Enter")
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer.locator(":focus")).to_have_count(1)
    sections = drawer.locator("button.md-nav__link[aria-expanded]")
    names = [name for name in sections.all_inner_texts() if name.strip()]
    assert len(names) >= 5
    failures = []
    for name in names:
        section = drawer.get_by_role("button", name=name.strip(), exact=True)
        section.focus()
        page.keyboard.press("Enter")
        back = drawer.get_by_role("button", name=f"Back from {name.strip()}")
        expect(back).to_be_focused()
        judged = page.evaluate(JUDGE)
        scrolled = drawer.locator(".md-sidebar__scrollwrap").evaluate("wrap => wrap.scrollLeft")
        failures += [f"{name}: {problem}" for problem in judged["problems"]]
        if scrolled:
            failures.append(f"{name}: the drawer scrolled {scrolled}px sideways")
        page.keyboard.press("Enter")  # Back: focus returns to the section
        expect(section).to_be_focused()
    assert failures == []


def test_tab_through_the_longest_source_never_leaves_focus_off_screen(page: Page) -> None:
    """Every Tab stop on Lord Laming's report, the longest source, is on screen at a phone's width (the review's N2:
    passages laid out only near the screen grew as focus passed them, pushing the focused link off the bottom)."""
    page.set_viewport_size({"width": 390, "height": HEIGHT[390]})
    page.goto("/sources/laming-2009/")
    stops, failures = _walk(page, "Tab")
    assert stops > 150
    assert failures == []


# Where focus is: the hidden "Back to top" button, another control, or nowhere (<body>).
FOCUS_PLACE = """() => { const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.matches('.md-top') ? (el.hidden ? 'hidden back-to-top' : 'back-to-top') : 'control'; }"""


def test_the_hidden_back_to_top_button_is_not_a_tab_stop(page: Page) -> None:
    """Material's "Back to top" pill, hidden while the reader is not scrolling up, is invisible: Tab from the top of
    a page to its end never stops on it (the review's N7)."""
    page.set_viewport_size({"width": 1280, "height": HEIGHT[1280]})
    page.goto("/about/")
    places = []
    for _ in range(LIMIT):
        page.keyboard.press("Tab")
        places.append(page.evaluate(FOCUS_PLACE))
        if places[-1] == "body" and "control" in places:
            break
    assert places.count("control") > 5
    assert "hidden back-to-top" not in places


def test_browser_back_and_forward_in_the_navigator_keep_focus_on_the_question(page: Page) -> None:
    """Back and Forward redraw the navigator's step: focus, which was on the answer just removed, moves to the
    step's question rather than falling to <body> (the review's advisory, §2a)."""
    page.goto(PAGE_TYPES["tree"])
    navigator = page.locator(".wt-navigator")
    step = page.locator("#wt-navigator-step")
    questions = [step.inner_text()]
    for _ in range(2):
        navigator.locator(".wt-navigator__answers button").last.click()
        questions.append(step.inner_text())
    assert page.locator(".wt-navigator__answers button").count(), "the walk reached an outcome too soon"
    page.locator(".wt-navigator__answers button").first.focus()
    page.go_back()
    expect(step).to_have_text(questions[1])
    expect(step).to_be_focused()
    page.go_forward()
    expect(step).to_have_text(questions[2])
    expect(step).to_be_focused()


def test_escape_in_search_returns_focus_to_where_the_reader_was(page: Page) -> None:
    """Escape closes the search and puts focus back on the control the reader left for it, not on <body>."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(PAGE_TYPES["chapter"])
    link = page.locator(".md-content a.wt-permalink").first
    link.focus()
    page.keyboard.press("/")
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("referral")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("Escape")
    expect(link).to_be_focused()
    expect(page.locator(".md-search-result__item").first).to_be_hidden()
