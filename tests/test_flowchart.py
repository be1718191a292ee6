"""The Graphviz flowchart: escaped, deterministic, and in Chromium no label overlaps another at any width."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from playwright.sync_api import Browser, Page
from working_together.model import Answer, Tree, TreeNode
from working_together.problems import Position
from working_together.render.flowchart import flowchart_dot, flowchart_svg

HERE = Position("decision_trees/x.yml", 1, 1)
CSS = (PROJECT / "plugins/working_together/assets/working-together.css").read_text(encoding="utf-8")
TREES = sorted(path.stem for path in (PROJECT / "decision_trees").glob("*.yml"))
LONG = "A practitioner's very long answer that goes on and on, well past any sensible width for one line of a chart"

# Every text (node text or answer) in the drawing, as the union of its lines' boxes in page pixels, and the
# pairs that intersect or come within 3 px; plus answers that sit on a box they do not belong to.
OVERLAPS = """(svg) => {
  const groups = [...svg.querySelectorAll('g.wt-flow-node, g.wt-flow-edge')];
  const labels = groups.map((g) => {
    const boxes = [...g.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
    return {g, text: [...g.querySelectorAll('text')].map((t) => t.textContent).join(' '),
      left: Math.min(...boxes.map((b) => b.left)), right: Math.max(...boxes.map((b) => b.right)),
      top: Math.min(...boxes.map((b) => b.top)), bottom: Math.max(...boxes.map((b) => b.bottom))};
  });
  const shapes = [...svg.querySelectorAll('.wt-flow-box')]
    .map((b) => ({g: b.parentNode, r: b.getBoundingClientRect()}));
  // Closer than GAP pixels counts too: answers that touch read as one phrase.
  const GAP = 3;
  const hit = (a, b) =>
    a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;
  const found = [];
  labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => { if (hit(a, b)) found.push([a.text, b.text]); }));
  labels.filter((l) => l.g.matches('.wt-flow-edge')).forEach((l) => shapes.forEach((s) => {
    if (hit(l, s.r)) found.push([l.text, 'box: ' + s.g.textContent]);
  }));
  labels.filter((l) => l.g.matches('.wt-flow-node')).forEach((l) => {
    const box = shapes.find((s) => s.g === l.g).r;
    if (l.left < box.left || l.right > box.right || l.top < box.top || l.bottom > box.bottom)
      found.push([l.text, 'outside its box']);
  });
  return found;
}"""


def node(node_id: str, text: str, answers: list[tuple[str, str]] = ()) -> TreeNode:  # type: ignore[assignment]
    """A question (with answers) or, without answers, an outcome."""
    return TreeNode(
        id=node_id,
        question=text if answers else "",
        help="",
        answers=[Answer(answer, nxt, HERE, HERE) for answer, nxt in answers],
        outcome="" if answers else text,
        text="",
        contact="",
        timescale="",
        cites=[],
        cite_positions=[],
        position=HERE,
    )


def tree_of(nodes: list[TreeNode]) -> Tree:
    """A tree starting at the first node."""
    return Tree("shape", "A shape", "2015", "", nodes[0].id, {n.id: n for n in nodes}, HERE, HERE, HERE)


def deep_tree(depth: int = 8) -> Tree:
    """A chain of questions, each with a side exit."""
    nodes = [
        node(f"q{i}", f"Question {i}: {LONG}", [("Yes", f"q{i + 1}" if i + 1 < depth else "end"), ("No", f"o{i}")])
        for i in range(depth)
    ]
    return tree_of(nodes + [node(f"o{i}", f"Outcome {i}") for i in range(depth)] + [node("end", "The end")])


def wide_tree(width: int = 7) -> Tree:
    """One question with many long answers, every answer to its own outcome."""
    answers = [(f"{LONG} ({i})", f"o{i}") for i in range(width)]
    return tree_of([node("q", "Which applies?", answers)] + [node(f"o{i}", f"{LONG} {i}") for i in range(width)])


def shared_tree() -> Tree:
    """Answers that meet again: two questions leading to one outcome, and a long jump past a level."""
    return tree_of(
        [
            node("a", "First?", [("Yes", "b"), ("No", "c"), ("I am not sure, and this answer is long", "end")]),
            node("b", "Second?", [("Yes", "c"), ("No", "end")]),
            node("c", "Third?", [("Yes, the child may be suffering significant harm", "end"), ("No", "other")]),
            node("end", "Refer to children's social care now"),
            node("other", "Offer early help"),
        ]
    )


HOSTILE = [
    "<script>alert(1)</script>",
    '"] ; evil -> x [label="',
    "} digraph { a -> b",
    "\\N \\G \\l \\n backslashes",
    "&amp; &lt;b&gt; &#60;i&#62; entities",
    "<B>bold</B><BR/><TABLE>",
    "bidi \u202e reversed \u200b zero width, astral \U0001f600 and a NUL\x00 and \x1b escape",
    "]]> <!-- comment --> <?pi ?>",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_tree_text_reaches_the_svg_as_plain_text_only(text: str) -> None:
    """Markup, DOT syntax and escapes in tree text are drawn as text: no element or attribute comes from content."""
    svg = flowchart_svg(tree_of([node("q", text, [(text, "o")]), node("o", text)]))
    soup = BeautifulSoup(svg, "html.parser")
    tags = {tag.name for tag in soup.find_all(True)}
    assert tags <= {"div", "svg", "title", "g", "path", "polygon", "text"}, tags
    for tag in soup.find_all(True):
        assert set(tag.attrs) <= {"class", "tabindex", "role", "aria-label", "aria-labelledby", "id", "xmlns",
                                  "viewbox", "width", "height", "transform", "d", "points", "x", "y",
                                  "text-anchor", "font-size"}, tag.attrs  # fmt: skip
    drawn = " ".join(
        " ".join(t.get_text() for t in g.find_all("text")) for g in soup.find_all("g", class_="wt-flow-node")
    )
    expected = " ".join(re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text).split())
    assert " ".join(drawn.split()) == f"{expected} Outcome: {expected}"


def test_the_dot_and_the_svg_are_the_same_on_every_build() -> None:
    """Stable node ids and no Graphviz comments or version: two renderings are byte for byte equal."""
    tree = shared_tree()
    assert flowchart_dot(tree) == flowchart_dot(tree)
    assert flowchart_svg(tree) == flowchart_svg(tree)
    assert "graphviz" not in flowchart_svg(tree).lower()


def test_long_labels_are_wrapped_never_cut() -> None:
    """Every word of a long answer is in the chart, over several lines, with no ellipsis."""
    soup = BeautifulSoup(flowchart_svg(wide_tree(2)), "html.parser")
    edge = soup.find("g", class_="wt-flow-edge")
    lines = [text.get_text() for text in edge.find_all("text")]
    assert len(lines) > 3 and " ".join(lines) == f"{LONG} (0)"
    assert "…" not in soup.get_text()


@pytest.fixture(scope="module")
def chart_page(browser: Browser) -> Iterator[Page]:
    """A blank page with our stylesheet, into which each test puts a chart."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def show(page: Page, svg: str, width: int, root_font: str = "100%") -> None:
    """Put one chart on a page `width` pixels wide, with our CSS and a root font size (text-only zoom)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.set_content(
        f"<!doctype html><html><head><style>{CSS} html {{ font-size: {root_font}; }}</style></head>"
        f'<body><main class="md-typeset">{svg}</main></body></html>'
    )


@pytest.mark.parametrize("shape", [deep_tree, wide_tree, shared_tree])
@pytest.mark.parametrize("width", [390, 1280])
def test_no_label_overlaps_another_in_any_tree_shape(chart_page: Page, shape, width: int) -> None:  # noqa: ANN001
    """Deep, wide and re-joining trees with long labels: no text overlaps another text or a box, none leaves its box."""
    show(chart_page, flowchart_svg(shape()), width)
    assert chart_page.locator("svg").evaluate(OVERLAPS) == []


@pytest.mark.parametrize("tree", TREES)
@pytest.mark.parametrize("width", [390, 1280])
def test_no_label_overlaps_another_on_the_real_tree_pages(page: Page, tree: str, width: int) -> None:
    """On each built tree page, at phone and desktop width, the flowchart's labels and boxes are all apart."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"/trees/{tree}/")
    assert page.locator(".wt-flowchart svg").evaluate(OVERLAPS) == []


def test_the_chart_is_a_named_keyboard_scrollable_region_on_a_phone(page: Page) -> None:
    """At 390px the chart scrolls inside a focusable, labelled region, and the arrow keys scroll it."""
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/trees/worried-about-a-child/")
    region = page.get_by_role("region", name=re.compile("^Flowchart: Worried about a child"))
    assert region.get_attribute("tabindex") == "0"
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    region.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.wt-flowchart').scrollLeft > 0")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_chart_text_grows_with_the_text_size(chart_page: Page) -> None:
    """Doubling the root font size (text-only zoom) doubles the drawn text, and still nothing overlaps."""
    svg = flowchart_svg(shared_tree())
    size = "() => document.querySelector('text').getBoundingClientRect().height"
    show(chart_page, svg, 1280)
    normal = chart_page.evaluate(size)
    show(chart_page, svg, 1280, root_font="200%")
    assert chart_page.evaluate(size) == pytest.approx(2 * normal, rel=0.05)
    assert chart_page.locator("svg").evaluate(OVERLAPS) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_lines_arrows_and_boxes_keep_the_text_colour_in_forced_colours(browser: Browser, scheme: str) -> None:
    """In forced colours every line, arrowhead and box edge is painted in the forced text colour, boxes in Canvas."""
    context = browser.new_context(forced_colors="active", color_scheme=scheme)
    page = context.new_page()
    try:
        show(page, flowchart_svg(shared_tree()), 1280)
        paints = page.evaluate(
            """() => {
              const probe = document.body.appendChild(document.createElement('div'));
              probe.style.backgroundColor = 'Canvas';
              const canvas = getComputedStyle(probe);
              const css = (s, p) => [...document.querySelectorAll(s)].map((e) => getComputedStyle(e)[p]);
              return {text: css('.wt-flowchart text', 'fill'), lines: css('.wt-flow-line', 'stroke'),
                arrows: css('.wt-flow-arrow', 'fill'), boxes: css('.wt-flow-box', 'stroke'),
                fills: css('.wt-flow-box', 'fill'), page: canvas.backgroundColor,
                ink: getComputedStyle(document.body).color};
            }"""
        )
    finally:
        context.close()
    assert set(paints["lines"]) == set(paints["arrows"]) == set(paints["boxes"]) == set(paints["text"])
    assert set(paints["lines"]) == {paints["ink"]} != {paints["page"]}
    assert set(paints["fills"]) == {paints["page"]}
