"""A decision tree page: navigator placeholder, step-by-step static tree, flowchart and every path.

The static step-by-step HTML is the single rendering of the tree: it works with
JavaScript off (answers are links to the next step's anchor), and the navigator
script builds its one-question-at-a-time view from it, so the two cannot drift.
"""

from __future__ import annotations

from ..model import ACTIONS, BODIES, STRENGTHS, Corpus, Step, Tree, TreeNode
from . import paths
from .abbreviations import abbreviated_html
from .currency import edition_status, replacement
from .deadline import deadline_calculator, step_deadline
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
        currency_notice(corpus, tree.edition),
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


def currency_notice(corpus: Corpus, edition_id: str) -> str:
    """At the top of a tree page: the edition the tree follows, and that it is not the guidance in force."""
    edition = corpus.edition(edition_id) or corpus.current_edition
    later = replacement(corpus)
    return (
        '<p class="wt-tree-currency"><strong>Edition:</strong> '
        f"{escape_html(edition.title)}, {escape_html(edition_status(corpus, edition))}."
        + (f" <strong>Editorial note (ours):</strong> {escape_html(later)}" if later else "")
        + "</p>"
    )


def _superseded_notice(corpus: Corpus, tree: Tree) -> str:
    """A warning on a tree kept on a replaced edition, with the reason written in its YAML."""
    if tree.edition == corpus.current_edition.id:
        return ""
    current = corpus.current_edition
    notice = (
        f'!!! warning "Rests on the superseded {tree.edition} edition"\n\n'
        f"    This tree follows the {tree.edition} edition, not the {escape(current.title)}. "
        f"Why: {escape(tree.superseded_ok)}"
    )
    if tree.no_danger_question:
        notice += (
            f"\n\n    **Why it does not ask first whether a child is in danger:** {escape(tree.no_danger_question)}"
        )
    return notice


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
    notice = currency_notice(corpus, corpus.current_edition.id)
    return "# What to do if you're worried\n\n" + notice + "\n\n" + intro + "\n\n" + "\n".join(lines) + "\n"


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
    edition = corpus.edition(tree.edition)
    parts = [
        f'<div class="wt-node wt-node--outcome" data-node="node-{node.id}" markdown="1">',
        f"### {escape(node.outcome)} {{ #node-{node.id} }}",
    ]
    if node.you_do:
        parts.append(you_do_html(corpus, tree, node.you_do))
    if node.then:
        parts.append(then_html(corpus, tree, node.then))
    # The calculators stand as blocks of their own after the steps: nested inside a step, Python-Markdown's
    # md_in_html loses its place in the markup and leaves stray closing tags in the page.
    edition_id = edition.id if edition else tree.edition
    parts += [
        deadline_calculator(deadline, currency_notice(corpus, edition_id))
        for step in node.steps
        if (deadline := step_deadline(corpus, tree, step))
    ]
    if node.see_tree:
        other = corpus.trees[node.see_tree]
        target = paths.link(page, paths.tree_page(other.id))
        if node.resume_at:
            resume = other.nodes[node.resume_at]
            parts.append(
                f"**Go on to:** [{escape(other.title)}, at the question “{escape(resume.question)}”]"
                f"({target}#node-{resume.id})"
            )
        else:
            parts.append(f"**Go on to:** [{escape(other.title)}]({target})")
    if node.contact:
        parts.append(f"**Who to contact:** {escape(node.contact)}")
    citations = []
    for cited in dict.fromkeys(node.cites):
        placement = edition.placements[cited]
        link = paths.link(page, paths.chapter_page(edition.id, placement.chapter.number), cited)
        citations.append(f"- [{placement.titled(escape(corpus.provisions[cited].title))}]({link})")
    parts.append(outcome_local_notes(corpus, tree.id, node.id))
    if citations:
        parts.append(f"**This rests on ({escape(edition.title)}):**\n\n" + "\n".join(citations))
    parts.append(f"[Start again](#node-{tree.start}){{ .wt-start-again }}")
    parts.append("</div>")
    return "\n\n".join(part for part in parts if part)


def you_do_html(corpus: Corpus, tree: Tree, step: Step) -> str:
    """The reader's own step, first and set apart: its action (data-you-do, for tests), strength and words.
    An editorial step is labelled once, by its badge; our added advice once, by its own label."""
    ours = (
        '<p class="wt-you-do__ours"><strong>Our advice (not from the sources):</strong> '
        f"{abbreviated_html(corpus, step.ours)}</p>"
        if step.ours
        else ""
    )
    action = step.action if step.action in ACTIONS else "none"
    return (
        # The action is one of ACTIONS (the schema allows no other), so it goes into the attribute as written.
        f'<div class="wt-you-do wt-provision--{_strength(step)}" data-you-do="{action}">'
        f'<p class="wt-you-do__label">What you do now: <strong>{escape_html(ACTIONS[step.action])}</strong></p>'
        f'<p class="wt-strength">{strength_badge(_strength(step))}</p>'
        f"<p>{abbreviated_html(corpus, step.text)}</p>{ours}{_deadline(corpus, tree, step)}</div>"
    )


def then_html(corpus: Corpus, tree: Tree, steps: list[Step]) -> str:
    """What others do next, in order: who, how firmly, what, and by when."""
    # Divs with list roles, not <ol>: Python-Markdown's md_in_html breaks an <ol> whose items hold block elements
    # (the deadline calculators) inside a markdown="1" block, leaving stray </ol> in the page.
    items = "".join(
        f'<div role="listitem" class="wt-then__step wt-provision--{_strength(step)}">'
        f"<strong>{abbreviated_html(corpus, who_name(corpus, step.who))}:</strong> "
        f"{abbreviated_html(corpus, step.text)} "
        f"{strength_badge(_strength(step))}{_deadline(corpus, tree, step)}</div>"
        for step in steps
    )
    return f'<div class="wt-then"><p class="wt-then__label">What happens next</p><div role="list">{items}</div></div>'


def who_name(corpus: Corpus, who: str) -> str:
    """The name of a role or body that acts in a step."""
    role = corpus.roles.get(who)
    return role.name if role else BODIES.get(who, who)


def _strength(step: Step) -> str:
    return step.strength if step.strength in STRENGTHS else "editorial"


def _deadline(corpus: Corpus, tree: Tree, step: Step) -> str:
    """A step's time limit in words with its count in figures ("within 15 working days"); its calculator follows
    the steps."""
    deadline = step_deadline(corpus, tree, step)
    if deadline is None:
        return ""
    days = f"{deadline.days} working day{'s' if deadline.days != 1 else ''}"
    start = deadline.timescale.start
    counted = f"of {escape_html(start)}" if start else "(the sources do not say from when)"
    due = f"<strong>By when: within {days}</strong> {counted}"
    return f'<p class="wt-due" data-working-days="{deadline.days}">{due}</p>'


def _paths_table(corpus: Corpus, tree: Tree, page: str) -> str:
    rows = [
        "| Path | Answers | What you do now | Outcome | What happens next | Rests on |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    edition = corpus.edition(tree.edition)
    for number, path in enumerate(tree.paths(), start=1):
        steps = "; ".join(f"{escape(node.question)} **{escape(answer.answer)}**" for node, answer in path if answer)
        outcome = path[-1][0]
        you = escape(ACTIONS.get(outcome.you_do.action, "")) if outcome.you_do else ""
        then = "; ".join(_who_and_when(corpus, tree, step) for step in outcome.then)
        cited = ", ".join(edition.placements[pid].number for pid in dict.fromkeys(outcome.cites))
        rows.append(
            f"| {number} | {steps} | **{you}** | [{escape(outcome.outcome)}](#node-{outcome.id}) | {then} | {cited} |"
        )
    return "\n".join(rows)


def _who_and_when(corpus: Corpus, tree: Tree, step: Step) -> str:
    """One step of 'what happens next' in a table cell: who acts, and within how many working days."""
    deadline = step_deadline(corpus, tree, step)
    when = f" (within {deadline.days} working day{'s' if deadline.days != 1 else ''})" if deadline else ""
    return escape(who_name(corpus, step.who)) + when
