"""A tree as an SVG flowchart, laid out by Graphviz at build time so no diagram library is sent to readers.

`flowchart_dot` writes the tree as DOT; Graphviz's `dot` lays it out (edge labels are placed as part of the
layout, so they never sit on one another); `flowchart_svg` then keeps only the shapes and text of Graphviz's
SVG, through an allow-list, and gives them our CSS classes. Colours and fonts come from the stylesheet
(`currentColor`, so forced colours keep every line), the drawing is sized in `em` so it grows with the
reader's text size, and tree text only ever reaches the page as escaped character data.
"""

from __future__ import annotations

import html
import re
import textwrap
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator

import graphviz

from ..model import ACTIONS, Tree, TreeNode

NODE_WRAP = 26  # characters per line in a box
LABEL_WRAP = 22  # characters per line of an answer on an arrow
NODE_FONT_SIZE = 15
LABEL_FONT_SIZE = 14
# Graphviz measures text in this face; Liberation Sans (Debian's fonts-liberation2) has Arial's metrics, and the
# stylesheet draws the chart in Arial or Liberation Sans, so the browser's text fits the boxes Graphviz drew.
FONT = "Arial"
EM = 16  # user units per em: at the default text size one unit is one CSS pixel

SVG = "{http://www.w3.org/2000/svg}"
# Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF): Graphviz's label parser
# would reject them, so they are dropped from labels (the text itself is shown in full in the steps above).
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
POINTS = re.compile(r"(-?[0-9]+(\.[0-9]+)?,-?[0-9]+(\.[0-9]+)? ?)+")
PATH = re.compile(r"[MCLZmclz0-9.,\- ]+")
TRANSFORM = re.compile(r"(scale\([0-9. ]+\) )?rotate\(0\) translate\([0-9. -]+\)")


class FlowchartError(RuntimeError):
    """Graphviz is missing or failed: the build cannot draw the flowcharts."""


def flowchart_svg(tree: Tree) -> str:
    """Inline SVG of the tree in a keyboard-scrollable region, as one line of raw HTML."""
    dot, lines = _graph(tree)
    try:
        raw = graphviz.Source(dot, engine="dot").pipe(format="svg", encoding="utf-8")
    except graphviz.ExecutableNotFound as error:
        raise FlowchartError(
            "Graphviz's `dot` was not found: install it with `make install` (apt-get install graphviz)"
        ) from error
    except graphviz.CalledProcessError as error:
        raise FlowchartError(f"Graphviz could not lay out tree '{tree.id}': {error.stderr!r}") from error
    title = html.escape(f"Flowchart: {tree.title}")
    return (
        f'<div class="wt-flowchart" tabindex="0" role="region" aria-label="{title} (scrolls if wider than the page)">'
        + _clean_svg(raw, lines, f"flowchart-title-{tree.id}", title)
        + "</div>"
    )


def flowchart_dot(tree: Tree) -> str:
    """The tree as a Graphviz graph, top to bottom; node ids are their places in reading order, so stable."""
    return _graph(tree)[0]


def _graph(tree: Tree) -> tuple[str, dict[str, list[str]]]:
    """The DOT, and the lines of text of each node and answer by its id in the drawing."""
    names = {node_id: f"n{index}" for index, node_id in enumerate(_reading_order(tree))}
    lines: dict[str, list[str]] = {}
    dot = [
        "digraph tree {",
        f'  graph [rankdir=TB, nodesep=0.5, ranksep=0.4, pad=0.1, fontname="{FONT}"];',
        f'  node [shape=box, style=rounded, margin="0.14,0.08", fontname="{FONT}", fontsize={NODE_FONT_SIZE}];',
        f'  edge [fontname="{FONT}", fontsize={LABEL_FONT_SIZE}, arrowsize=0.8];',
    ]
    for node_id, name in names.items():
        node = tree.nodes[node_id]
        kind = "outcome" if node.is_outcome else "question"
        lines[f"{kind}-{name}"] = _wrap(_outcome_label(node) if node.is_outcome else node.question, NODE_WRAP)
        dot.append(f'  {name} [id="{kind}-{name}", label=<{_html_label(lines[f"{kind}-{name}"])}>];')
    for node_id, name in names.items():
        for index, answer in enumerate(tree.nodes[node_id].answers):
            edge = f"edge-{name}-{index}"
            lines[edge] = _wrap(answer.answer, LABEL_WRAP)
            dot.append(f'  {name} -> {names[answer.next]} [id="{edge}", label=<<B>{_html_label(lines[edge])}</B>>];')
    dot.append("}")
    return "\n".join(dot) + "\n", lines


def _outcome_label(node: TreeNode) -> str:
    """An outcome's box: the reader's own action first, as on the page, then the outcome."""
    action = ACTIONS.get(node.you_do.action, "") if node.you_do else ""
    return f"You now: {action}. Outcome: {node.outcome}" if action else f"Outcome: {node.outcome}"


def _wrap(text: str, width: int) -> list[str]:
    """Text in lines of about `width` characters, never cut short; characters XML cannot carry are dropped."""
    return textwrap.wrap(" ".join(NOT_XML.sub("", text).split()), width) or [""]


def _html_label(lines: list[str]) -> str:
    """Lines as a Graphviz HTML-like label, escaped so no markup survives. Graphviz would still read `\\N` as
    the node's name, so a word joiner follows each backslash; the SVG text is replaced by our own lines anyway."""
    return "<BR/>".join(html.escape(line).replace("\\", "\\&#8288;") for line in lines) or " "


def _reading_order(tree: Tree) -> list[str]:
    """Node ids breadth-first from the start, as on the page; unreachable nodes (refused by checks) last."""
    order, queue = [], [tree.start]
    while queue:
        node_id = queue.pop(0)
        if node_id in order or node_id not in tree.nodes:
            continue
        order.append(node_id)
        queue += [answer.next for answer in tree.nodes[node_id].answers]
    return order + sorted(set(tree.nodes) - set(order))


def _clean_svg(raw: str, lines: dict[str, list[str]], title_id: str, title: str) -> str:
    """Graphviz's SVG rebuilt from an allow-list: its shapes and text, our classes, no colours, fonts or ids."""
    root = ElementTree.fromstring(raw)
    view_box = [float(number) for number in root.get("viewBox", "0 0 0 0").split()]
    width, height = view_box[2], view_box[3]
    graph = root.find(f"{SVG}g")
    transform = graph.get("transform", "") if graph is not None else ""
    parts = [
        f'<svg role="img" aria-labelledby="{title_id}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width / EM:.2f}em" height="{height / EM:.2f}em">'
        f'<title id="{title_id}">{title}</title>',
        f'<g transform="{transform}">' if TRANSFORM.fullmatch(transform) else "<g>",
    ]
    for group in graph if graph is not None else []:
        group_id = group.get("id") or ""
        if group.tag != f"{SVG}g" or group_id not in lines:
            continue  # the white page Graphviz paints behind the graph, and anything unexpected
        kind = group_id.split("-")[0]
        css = "wt-flow-edge" if kind == "edge" else f"wt-flow-node wt-flow-{kind}"
        texts = iter(lines[group_id])  # our own lines, in Graphviz's order, whatever Graphviz made of them
        parts.append(f'<g class="{css}">{"".join(_shape(element, kind, texts) for element in group)}</g>')
    parts.append("</g></svg>")
    return "".join(parts)


def _shape(element: ElementTree.Element, kind: str, texts: Iterator[str]) -> str:
    """One of Graphviz's shapes or texts with only its geometry; anything else (titles, links) is dropped."""
    tag = element.tag.removeprefix(SVG)
    if tag == "text":
        anchor = element.get("text-anchor", "middle")
        size = element.get("font-size", "")
        x, y = element.get("x", ""), element.get("y", "")
        if anchor not in ("start", "middle", "end") or not all(NUMBER.fullmatch(v) for v in (x, y, size)):
            return ""
        # The size stays a number of user units, which the em-sized drawing scales with the reader's text size.
        return f'<text x="{x}" y="{y}" text-anchor="{anchor}" font-size="{size}">{html.escape(next(texts, ""))}</text>'
    role = (
        "wt-flow-arrow" if kind == "edge" and tag == "polygon" else "wt-flow-line" if kind == "edge" else "wt-flow-box"
    )
    if tag in ("polygon", "polyline") and POINTS.fullmatch(element.get("points", "")):
        return f'<{tag} class="{role}" points="{element.get("points")}"/>'
    if tag == "path" and PATH.fullmatch(element.get("d", "")):
        return f'<path class="{role}" d="{element.get("d")}"/>'
    return ""
