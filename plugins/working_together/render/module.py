"""Training module pages: steps through provisions and decision-tree states, with the trainer's discussion points.

Discussion points are the trainer's words: they are escaped and shown in their own labelled
box, never styled as guidance.
"""

from __future__ import annotations

from ..model import Corpus, Module, ModuleStep, follow
from . import paths
from .citation import citation_button
from .labels import strength_badge
from .markdown import escape, render_text
from .tree import outcome_strength


def modules_index(corpus: Corpus) -> str:
    """Every training module with its audience and number of steps."""
    page = paths.MODULES_INDEX
    lines = [
        f"- [{escape(module.title)}]({paths.link(page, paths.module_page(module.id))}): for {escape(module.audience)} "
        f"({len(module.steps)} steps)"
        for module in corpus.modules.values()
    ]
    intro = (
        "Ready-made sessions for trainers: each walks through provisions and decision-tree steps in order, "
        "with questions for discussion. Every step links to the provision's permanent page or to the exact "
        "point in a decision tree, so the links can go straight into course material."
    )
    return "# Training modules\n\n" + intro + "\n\n" + "\n".join(lines) + "\n"


def module_page(corpus: Corpus, module: Module) -> str:
    """The module: audience, aim, then each step with its discussion points."""
    page = paths.module_page(module.id)
    parts = [
        f"# {escape(module.title)}",
        f"**For:** {escape(module.audience)}",
        _trainer("Aim of this module", [module.aim]),
    ]
    for number, step in enumerate(module.steps, start=1):
        body = _provision_step(corpus, step, number, page) if step.provision else _tree_step(corpus, step, number, page)
        parts.append(body)
        if step.discuss:
            parts.append(_trainer("For discussion", step.discuss))
    return "\n\n".join(parts) + "\n"


def tree_state_link(corpus: Corpus, step: ModuleStep, page: str) -> str:
    """The navigator's deep link to the state a step's answers reach (#path=0.1 as navigator.js reads it)."""
    state = follow(corpus.trees[step.tree], step.path)
    return paths.url_link(page, paths.tree_page(step.tree), "path=" + ".".join(map(str, state.indices)))


def _trainer(label: str, points: list[str]) -> str:
    """A box of the trainer's words, labelled as such."""
    items = "\n".join(f"- {escape(point)}" for point in points)
    return (
        f'<div class="wt-trainer" markdown="1">\n\n<p class="wt-trainer__label">{label} '
        "(the trainer's words, not guidance)</p>\n\n"
        f"{items}\n\n</div>"
    )


def _provision_step(corpus: Corpus, step: ModuleStep, number: int, page: str) -> str:
    provision = corpus.provisions[step.provision]
    edition = corpus.edition(step.edition) if step.edition else corpus.current_edition
    placement = edition.placements[provision.id]
    version = provision.version_in(edition.id)
    chapter = paths.link(page, paths.chapter_page(edition.id, placement.chapter.number), provision.id)
    permanent = paths.link(page, paths.provision_page(provision.id))

    def link_for(identifier: str) -> str:
        return f"[{escape(corpus.provisions[identifier].title)}]({paths.link(page, paths.provision_page(identifier))})"

    parts = [
        f'<div class="wt-provision wt-provision--{version.strength}" markdown="1">',
        f"## Step {number}: {escape(provision.title)} {{ #step-{number} }}",
        f'<p class="wt-strength">{strength_badge(version.strength)}</p>',
    ]
    if edition is not corpus.current_edition:
        parts.append(
            f'!!! warning "From the superseded {edition.id} edition"\n\n'
            f"    This step shows the {edition.id} wording. Why: {escape(step.superseded_ok)}"
        )
    parts += [
        render_text(version.text, link_for),
        f"[{edition.id} edition, {placement.number}: read it in its chapter]({chapter}) · "
        f"[Permanent page]({permanent}){{ .wt-permalink }} "
        f"{citation_button(corpus, edition, placement, provision)}",
        "</div>",
    ]
    return "\n\n".join(parts)


def _tree_step(corpus: Corpus, step: ModuleStep, number: int, page: str) -> str:
    tree = corpus.trees[step.tree]
    state = follow(tree, step.path)
    node = state.node
    tree_link = paths.link(page, paths.tree_page(tree.id))
    parts = [f"## Step {number}: {escape(tree.title)} {{ #step-{number} }}"]
    if step.path:
        answered = []
        current = tree.nodes[tree.start]
        for index in state.indices:
            answer = current.answers[index]
            answered.append(f"1. {escape(current.question)} **{escape(answer.answer)}**")
            current = tree.nodes[answer.next]
        parts.append(f"In the decision tree [{escape(tree.title)}]({tree_link}), after these answers:")
        parts.append("\n".join(answered))
    else:
        parts.append(f"The first question of the decision tree [{escape(tree.title)}]({tree_link}).")
    if node.is_outcome:
        strength = outcome_strength(corpus, tree, node)
        parts.append(f"**Outcome:** {escape(node.outcome)} {strength_badge(strength)}")
    else:
        parts.append(f"**Question:** {escape(node.question)}")
    static = paths.link(page, paths.tree_page(tree.id), f"node-{node.id}")
    parts.append(
        f'<a class="md-button md-button--primary wt-tree-state" href="{tree_state_link(corpus, step, page)}">'
        f"Open the navigator at this step</a> [Read this step on the tree page]({static})"
    )
    return "\n\n".join(parts)
