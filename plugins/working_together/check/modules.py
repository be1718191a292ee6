"""Training modules: every step names a provision in an edition, or a reachable state of a decision tree."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Corpus, Module, ModuleStep, follow
from ..problems import Problem
from .suggest import did_you_mean
from .trees import has_broken_next


def module_problems(corpus: Corpus) -> list[Problem]:
    """Every step of every module that points at nothing, or at a tree state its answers do not reach."""
    return [
        problem
        for module in corpus.modules.values()
        for index, step in enumerate(module.steps)
        for problem in _step_problems(corpus, module, step, f"steps[{index}]")
    ]


def _step_problems(corpus: Corpus, module: Module, step: ModuleStep, where: str) -> Iterator[Problem]:
    at = step.field_positions
    if step.provision and step.tree:
        yield Problem(
            step.position,
            where,
            "a step is either a provision or a tree state, not both",
            "split it into two steps",
        )
    elif step.provision:
        yield from _provision_problems(corpus, step, where)
    elif step.tree:
        yield from _tree_problems(corpus, step, where)
    else:
        yield Problem(
            step.position, where, "the step names neither a provision nor a tree", "add 'provision:' or 'tree:'"
        )
    if step.tree and "path" not in at:
        yield Problem(
            step.position,
            where,
            "a tree step needs the answers that lead to the state to show",
            "add 'path:', a list of answers ([] for the first question)",
        )
    if step.provision and not step.tree and {"path", "node"} & set(at):
        key = "path" if "path" in at else "node"
        yield Problem(at[key], f"{where}.{key}", f"'{key}' belongs to a tree step", "remove it or add 'tree:'")
    if step.tree and "edition" in at:
        yield Problem(at["edition"], f"{where}.edition", "a tree belongs to one edition already", "remove 'edition:'")


def _provision_problems(corpus: Corpus, step: ModuleStep, where: str) -> Iterator[Problem]:
    at = step.field_positions
    if corpus.unloaded.may_define("provision", step.provision):
        return  # its file has a problem of its own
    if step.provision not in corpus.provisions:
        hint = did_you_mean(step.provision, corpus.provisions)
        yield Problem(at["provision"], f"{where}.provision", f"unknown provision '{step.provision}'{hint}", "fix it")
        return
    if corpus.unloaded.any("edition"):
        return  # which edition is current, and what it holds, is known once the edition files load
    if step.edition:
        edition = corpus.edition(step.edition)
        if edition is None:
            known = ", ".join(e.id for e in corpus.editions)
            yield Problem(
                at["edition"], f"{where}.edition", f"unknown edition '{step.edition}'", f"use one of: {known}"
            )
            return
        if edition is not corpus.current_edition and not step.superseded_ok:
            yield Problem(
                at["edition"],
                f"{where}.edition",
                f"the step shows the {edition.id} edition, which the {corpus.current_edition.id} edition has replaced",
                "remove 'edition:' to show the current edition, or say why with superseded_ok: \"reason\", "
                "which the page shows",
            )
    else:
        edition = corpus.current_edition
    if step.superseded_ok and edition is corpus.current_edition:
        yield Problem(
            at["superseded_ok"], f"{where}.superseded_ok", "the step shows the current edition", "remove superseded_ok"
        )
    if step.provision not in edition.placements:
        editions = [e.id for e in corpus.editions if step.provision in e.placements]
        yield Problem(
            at["edition" if step.edition else "provision"],
            f"{where}.provision",
            f"provision '{step.provision}' is not in the {edition.id} edition",
            f"name an edition it is in with 'edition:' ({', '.join(editions) or 'none'})",
        )


def _tree_problems(corpus: Corpus, step: ModuleStep, where: str) -> Iterator[Problem]:
    at = step.field_positions
    tree = corpus.trees.get(step.tree)
    if tree is None and corpus.unloaded.may_define("tree", step.tree):
        return  # its file has a problem of its own
    if tree is None:
        hint = did_you_mean(step.tree, corpus.trees)
        yield Problem(at["tree"], f"{where}.tree", f"unknown decision tree '{step.tree}'{hint}", "use a tree's id")
        return
    if tree.start not in tree.nodes or has_broken_next(tree):
        return  # the tree check reports it; a path through a broken answer would only repeat it
    state = follow(tree, step.path)
    if state.stopped_at < len(step.path):
        position = step.path_positions[state.stopped_at]
        wording = step.path[state.stopped_at]
        path_where = f"{where}.path[{state.stopped_at}]"
        if state.node.is_outcome:
            yield Problem(
                position,
                path_where,
                f"the path has already reached the outcome '{state.node.id}', so answer '{wording}' has no question",
                "remove the answers after the outcome",
            )
        else:
            options = ", ".join(f"'{answer.answer}'" for answer in state.node.answers)
            yield Problem(
                position,
                path_where,
                f"'{wording}' is not an answer to '{state.node.question}' (node '{state.node.id}' of {tree.id})",
                f"use one of: {options}",
            )
        return
    if step.node and step.node not in tree.nodes:
        hint = did_you_mean(step.node, tree.nodes)
        yield Problem(at["node"], f"{where}.node", f"tree {tree.id} has no node '{step.node}'{hint}", "fix it")
    elif step.node and step.node != state.node.id:
        yield Problem(
            at["node"],
            f"{where}.node",
            f"the path reaches node '{state.node.id}', not '{step.node}'",
            "correct the path or the node",
        )
