"""A decision tree page: navigator placeholder, step-by-step static tree, flowchart and every path.

The static step-by-step HTML is the single rendering of the tree: it works with
JavaScript off (answers are links to the next step's anchor), and the navigator
script builds its one-question-at-a-time view from it, so the two cannot drift.
"""

from __future__ import annotations

from ..model import STRENGTHS, Corpus, Tree, TreeNode
from . import paths
from .deadline import deadline_calculator, outcome_deadlines
from .flowchart import flowchart_svg
from .labels import strength_badge
from .markdown import escape, escape_html
from .overlay import outcome_local_notes


def tree_page(corpus: Corpus, tree: Tree) -> str:
    """The whole page for one tree."""
    page = paths.tree_page(tree.id)
    start = tree.nodes[tree.start]
    parts = [
        f"# {escape(tree.title)}",
        escape(tree.summary),
        _superseded_notice(corpus, tree),
        f'<div class="wt-navigator" data-tree="{tree.id}" data-start="node-{tree.start}" '
        f'data-edition="{escape_html(tree.edition)}" data-title="{escape_html(tree.title)}"></div>',
        "## Step by step { #step-by-step }",
        f"Start with the first question: [{escape(start.question)}](#node-{start.id}). Each answer takes you to "
        "the next step on this page.",
    ]
    parts += [_node(corpus, tree, node, page) for node in _reading_order(tree)]
    parts += [
        "## Flowchart { #flowchart }",
        "The same steps as a diagram. Every step is also written out in words above.",
        _scrollable(flowchart_svg(tree)),
        "## Every path { #every-path }",
        "Each row is one route from the first question to an outcome, for checking the tree against the guidance.",
        _paths_table(corpus, tree, page),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"


def _scrollable(flowchart: str) -> str:
    """A flowchart wider than the screen scrolls, so keyboard users can focus the region to scroll it (axe)."""
    return flowchart.replace(
        '<div class="wt-flowchart">',
        '<div class="wt-flowchart" tabindex="0" role="region" aria-label="Flowchart, scrollable">',
        1,
    )


def _superseded_notice(corpus: Corpus, tree: Tree) -> str:
    """A warning on a tree kept on a replaced edition, with the reason written in its YAML."""
    if tree.edition == corpus.current_edition.id:
        return ""
    current = corpus.current_edition
    return (
        f'!!! warning "Rests on the superseded {tree.edition} edition"\n\n'
        f"    This tree follows the {tree.edition} edition, not the {escape(current.title)}. "
        f"Why: {escape(tree.superseded_ok)}"
    )


def trees_index(corpus: Corpus) -> str:
    """The entry page: 'What to do if you're worried', listing every tree."""
    lines = [
        f"- [{escape(tree.title)}]({paths.link(paths.TREES_INDEX, paths.tree_page(tree.id))}): {escape(tree.summary)}"
        for tree in corpus.trees.values()
    ]
    intro = (
        "Answer a few questions to find the next step and the guidance it rests on. Nothing you choose "
        "leaves your browser."
    )
    return "# What to do if you're worried\n\n" + intro + "\n\n" + "\n".join(lines) + "\n"


def outcome_strength(corpus: Corpus, tree: Tree, node: TreeNode) -> str:
    """An outcome's own strength, written in its YAML; the checks keep it no firmer than the provisions it cites."""
    return node.strength if node.strength in STRENGTHS else "editorial"


def _reading_order(tree: Tree) -> list[TreeNode]:
    """Nodes breadth-first from the start, so the page reads in the order a person meets the questions."""
    order, queue = [], [tree.start]
    while queue:
        node_id = queue.pop(0)
        if node_id in order:
            continue
        order.append(node_id)
        queue += [answer.next for answer in tree.nodes[node_id].answers]
    return [tree.nodes[node_id] for node_id in order]


def _node(corpus: Corpus, tree: Tree, node: TreeNode, page: str) -> str:
    if node.is_outcome:
        return _outcome(corpus, tree, node, page)
    answers = "\n".join(f"- [{escape(answer.answer)}](#node-{answer.next})" for answer in node.answers)
    help_text = f"\n\n{escape(node.help)}" if node.help else ""
    return (
        f'<div class="wt-node wt-node--question" data-node="node-{node.id}" markdown="1">\n\n'
        f"### {escape(node.question)} {{ #node-{node.id} }}{help_text}\n\n"
        f'<p class="wt-answers-label">Answer:</p>\n\n{answers}\n\n</div>'
    )


def _outcome(corpus: Corpus, tree: Tree, node: TreeNode, page: str) -> str:
    strength = outcome_strength(corpus, tree, node)
    edition = corpus.edition(tree.edition)
    parts = [
        f'<div class="wt-node wt-node--outcome wt-provision--{strength}" data-node="node-{node.id}" markdown="1">',
        f"### {escape(node.outcome)} {{ #node-{node.id} }}",
        f'<p class="wt-strength">{strength_badge(strength)}</p>',
    ]
    if strength == "editorial":
        parts.append(
            '<p class="wt-editorial-note">Editorial: this step is ours, not a requirement of Working Together. '
            "The provisions below are the nearest the guidance comes to it.</p>"
        )
    if node.text:
        parts.append(escape(node.text))
    if node.see_tree:
        other = corpus.trees[node.see_tree]
        parts.append(f"**Go on to:** [{escape(other.title)}]({paths.link(page, paths.tree_page(other.id))})")
    if node.contact:
        parts.append(f"**Who to contact:** {escape(node.contact)}")
    if node.timescale:
        parts.append(f"**By when:** {escape(node.timescale)}")
    parts += [deadline_calculator(deadline) for deadline in outcome_deadlines(corpus, tree, node)]
    citations = []
    for cited in node.cites:
        placement = edition.placements[cited]
        link = paths.link(page, paths.chapter_page(edition.id, placement.chapter.number), cited)
        citations.append(f"- [{placement.titled(escape(corpus.provisions[cited].title))}]({link})")
    parts.append(outcome_local_notes(corpus, tree.id, node.id))
    parts.append(f"**This rests on ({escape(edition.title)}):**\n\n" + "\n".join(citations))
    parts.append(f"[Start again](#node-{tree.start}){{ .wt-start-again }}")
    parts.append("</div>")
    return "\n\n".join(parts)


def _paths_table(corpus: Corpus, tree: Tree, page: str) -> str:
    rows = ["| Path | Answers | Outcome | Rests on |", "| --- | --- | --- | --- |"]
    edition = corpus.edition(tree.edition)
    for number, path in enumerate(tree.paths(), start=1):
        steps = "; ".join(f"{escape(node.question)} **{escape(answer.answer)}**" for node, answer in path if answer)
        outcome = path[-1][0]
        cited = ", ".join(edition.placements[pid].number for pid in outcome.cites)
        rows.append(f"| {number} | {steps} | [{escape(outcome.outcome)}](#node-{outcome.id}) | {cited} |")
    return "\n".join(rows)
