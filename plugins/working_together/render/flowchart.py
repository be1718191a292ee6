"""A tree as an SVG flowchart, laid out at build time so no diagram library is sent to readers.

Layout is deliberately simple: each node sits in the row of its longest distance
from the start, rows are centred, and each answer is a labelled line.
"""

from __future__ import annotations

import html
import textwrap

from ..model import Tree

BOX_WIDTH = 190
GAP_X = 30
GAP_Y = 70
LINE_HEIGHT = 16
PADDING = 10
WRAP = 26


def flowchart_svg(tree: Tree) -> str:
    """Inline SVG of the tree, as one line of raw HTML, described for screen readers by its title."""
    rows = _rows(tree)
    lines = {node_id: textwrap.wrap(_label(tree, node_id), WRAP) or [""] for node_id in tree.nodes}
    heights = {node_id: len(text) * LINE_HEIGHT + 2 * PADDING for node_id, text in lines.items()}
    width = max(len(row) for row in rows) * (BOX_WIDTH + GAP_X) + GAP_X
    boxes: dict[str, tuple[float, float, float]] = {}  # node id -> (x, y, height)
    y = GAP_X
    for row in rows:
        row_width = len(row) * (BOX_WIDTH + GAP_X) - GAP_X
        x = (width - row_width) / 2
        for node_id in row:
            boxes[node_id] = (x, y, heights[node_id])
            x += BOX_WIDTH + GAP_X
        y += max(heights[node_id] for node_id in row) + GAP_Y
    parts = [_edges(tree, boxes), *(_box(tree, node_id, boxes[node_id], lines[node_id]) for node_id in boxes)]
    title = html.escape(f"Flowchart: {tree.title}")
    return (
        f'<div class="wt-flowchart"><svg role="img" aria-labelledby="flowchart-title-{tree.id}" '
        f'viewBox="0 0 {width:.0f} {y - GAP_Y + GAP_X:.0f}" width="{width:.0f}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="flowchart-title-{tree.id}">{title}</title>'
        '<defs><marker id="wt-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>'
        + "".join(parts)
        + "</svg></div>"
    )


def _label(tree: Tree, node_id: str) -> str:
    node = tree.nodes[node_id]
    return node.question if not node.is_outcome else f"Outcome: {node.outcome}"


def _rows(tree: Tree) -> list[list[str]]:
    """Nodes grouped by their longest distance from the start (the tree has no loops once checked)."""
    depth = {tree.start: 0}
    order = [tree.start]
    for node_id in order:  # order grows as nodes are pushed deeper; each node is revisited when its depth rises
        for answer in tree.nodes[node_id].answers:
            if depth.get(answer.next, -1) < depth[node_id] + 1:
                depth[answer.next] = depth[node_id] + 1
                order.append(answer.next)
    rows: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    seen: set[str] = set()
    for node_id in order:
        if node_id not in seen:
            seen.add(node_id)
            rows[depth[node_id]].append(node_id)
    return rows


def _box(tree: Tree, node_id: str, box: tuple[float, float, float], lines: list[str]) -> str:
    x, y, height = box
    kind = "outcome" if tree.nodes[node_id].is_outcome else "question"
    text = "".join(
        f'<tspan x="{x + BOX_WIDTH / 2:.0f}" dy="{LINE_HEIGHT if index else 0}">{html.escape(line)}</tspan>'
        for index, line in enumerate(lines)
    )
    return (
        f'<g class="wt-flow-{kind}"><rect x="{x:.0f}" y="{y:.0f}" width="{BOX_WIDTH}" height="{height:.0f}" rx="6"/>'
        f'<text x="{x + BOX_WIDTH / 2:.0f}" y="{y + PADDING + 12:.0f}" text-anchor="middle">{text}</text></g>'
    )


def _edges(tree: Tree, boxes: dict[str, tuple[float, float, float]]) -> str:
    parts = []
    for node_id, (x, y, height) in boxes.items():
        for answer in tree.nodes[node_id].answers:
            tx, ty, _ = boxes[answer.next]
            x1, y1, x2, y2 = x + BOX_WIDTH / 2, y + height, tx + BOX_WIDTH / 2, ty
            label = html.escape(textwrap.shorten(answer.answer, 24, placeholder="…"))
            parts.append(
                f'<g class="wt-flow-edge"><line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                f'marker-end="url(#wt-arrow)"/><text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2:.0f}" '
                f'text-anchor="middle">{label}</text></g>'
            )
    return "".join(parts)
