"""Decision trees: every answer leads somewhere, every node is reachable, no loops, outcomes rest on provisions."""

from __future__ import annotations

from collections.abc import Iterator
from difflib import get_close_matches

from ..model import BODIES, STRENGTHS, Corpus, Step, Tree, TreeNode
from ..problems import Problem
from .suggest import did_you_mean
from .tree_safety import safety_problems


def tree_problems(corpus: Corpus) -> list[Problem]:
    """Every structural or citation problem in every tree; once all are sound, every breach of the safety checks."""
    problems = [problem for tree in corpus.trees.values() for problem in _problems(corpus, tree)]
    if problems or not corpus.editions or corpus.unloaded.any("tree") or corpus.unloaded.any("edition"):
        return problems  # the safety checks walk every path, so they need every tree whole
    return safety_problems(corpus)


def _problems(corpus: Corpus, tree: Tree) -> Iterator[Problem]:
    edition = corpus.edition(tree.edition)
    if edition is None and not corpus.unloaded.may_define("edition", tree.edition):
        known = ", ".join(e.id for e in corpus.editions)
        yield Problem(tree.edition_position, tree.id, f"unknown edition '{tree.edition}'", f"use one of: {known}")
    yield from _superseded_problems(corpus, tree)
    if tree.start not in tree.nodes:
        hint = did_you_mean(tree.start, tree.nodes)
        yield Problem(tree.start_position, tree.id, f"start node '{tree.start}' does not exist{hint}", "correct it")
        return
    if tree.nodes[tree.start].is_outcome:
        yield Problem(tree.start_position, tree.id, "the tree starts with an outcome", "start with a question")
    for node in tree.nodes.values():
        where = f"{tree.id}.{node.id}"
        if node.answers and (node.outcome or node.cites):
            yield Problem(
                node.position,
                where,
                "a node cannot be both a question and an outcome",
                "split it: a question has question and answers; an outcome has outcome and you_do",
            )
        for answer in node.answers:
            if answer.next not in tree.nodes:
                hint = did_you_mean(answer.next, tree.nodes)
                yield Problem(answer.next_position, where, f"next node '{answer.next}' does not exist{hint}", "fix it")
        for cited, position in zip(node.cites, node.cite_positions, strict=True):
            provision = corpus.provisions.get(cited)
            if provision is None and corpus.unloaded.may_define("provision", cited):
                pass  # its file has a problem of its own
            elif provision is None:
                hint = did_you_mean(cited, corpus.provisions)
                yield Problem(position, where, f"unknown provision '{cited}'{hint}", "cite a provision id")
            elif edition and cited not in edition.placements:
                yield Problem(
                    position,
                    where,
                    f"provision '{cited}' is not in the {tree.edition} edition",
                    f"cite a provision of the {tree.edition} edition",
                )
        if node.is_outcome:
            yield from _strength_problems(corpus, tree, node)
            yield from _see_tree_problems(corpus, tree, node)
    yield from _reachability_problems(tree)


def misspelt_nodes(tree: Tree) -> set[str]:
    """Nodes that an answer's broken `next` probably means: they are reported as the typo, not as unreachable."""
    return {
        close[0]
        for node in tree.nodes.values()
        for answer in node.answers
        if answer.next not in tree.nodes
        and (close := get_close_matches(answer.next, list(tree.nodes), n=1, cutoff=0.6))
    }


def has_broken_next(tree: Tree) -> bool:
    """Whether an answer leads to a node that does not exist (the tree check reports it)."""
    return any(answer.next not in tree.nodes for node in tree.nodes.values() for answer in node.answers)


def _strength_problems(corpus: Corpus, tree: Tree, node: TreeNode) -> Iterator[Problem]:
    """Each step may not tell the reader more firmly than the provisions it cites support in the tree's edition."""
    for index, step in enumerate(node.steps):
        where = f"{tree.id}.{node.id}." + ("you_do" if step is node.you_do else f"then[{index - bool(node.you_do)}]")
        yield from _step_problems(corpus, tree, step, where)


def _step_problems(corpus: Corpus, tree: Tree, step: Step, where: str) -> Iterator[Problem]:
    """One step: who acts exists, it cites what it rests on unless it is ours, no firmer than that, and its
    deadline is one of its own citations."""
    if step.who != "you" and step.who not in corpus.roles and step.who not in BODIES:
        hint = did_you_mean(step.who, [*corpus.roles, *BODIES])
        yield Problem(
            step.field_positions.get("who", step.position),
            where,
            f"unknown role '{step.who}'{hint}",
            f"use a role id from guidance/roles.yml or one of: {', '.join(BODIES)}",
        )
    if step.strength != "editorial" and not step.cites:
        yield Problem(
            step.position, where, f"a '{step.strength}' step cites nothing", "cite the provisions it rests on"
        )
    yield from _deadline_problems(corpus, tree, step, where)
    supported = [
        version.strength
        for cited in step.cites
        if cited in corpus.provisions and (version := corpus.provisions[cited].version_in(tree.edition))
    ]
    if step.strength not in STRENGTHS or not supported:
        return  # the schema has reported a bad strength, or each citation has its own problem
    strongest = min(supported, key=STRENGTHS.index)
    if STRENGTHS.index(step.strength) < STRENGTHS.index(strongest):
        yield Problem(
            step.field_positions.get("strength", step.position),
            where,
            f"the step says '{step.strength}' but the strongest provision it cites is '{strongest}' "
            f"in the {tree.edition} edition",
            f"lower it to strength: {strongest} (or weaker), or cite a {step.strength} provision that supports it",
        )


def _deadline_problems(corpus: Corpus, tree: Tree, step: Step, where: str) -> Iterator[Problem]:
    """A step's deadline is one of its citations whose timescale in the tree's edition counts working days, so
    every deadline a tree shows exists in that tree's edition."""
    if not step.deadline:
        return
    position = step.field_positions["deadline"]
    provision = corpus.provisions.get(step.deadline)
    version = provision.version_in(tree.edition) if provision else None
    if step.deadline not in step.cites:
        yield Problem(
            position, where, f"deadline '{step.deadline}' is not among the provisions this step cites", "cite it too"
        )
    elif version is None or version.timescale is None or version.timescale.working_days is None:
        found = f"'{version.timescale.period}'" if version and version.timescale else "no timescale"
        yield Problem(
            position,
            where,
            f"provision '{step.deadline}' sets no time limit in working days in the {tree.edition} edition ({found})",
            "remove the deadline, or give that version a timescale 'within: N working days'",
        )


def _see_tree_problems(corpus: Corpus, tree: Tree, node: TreeNode) -> Iterator[Problem]:
    """A link from one tree into another is a reference like any other: it must name a tree that exists."""
    if node.resume_at and not node.see_tree:
        yield Problem(
            node.field_positions["resume_at"], f"{tree.id}.{node.id}", "resume_at without see_tree", "add see_tree"
        )
    if not node.see_tree:
        return
    where, position = f"{tree.id}.{node.id}", node.field_positions.get("see_tree", node.position)
    if node.see_tree == tree.id:
        yield Problem(position, where, "see_tree points to this same tree", "link to another tree, or remove it")
    elif node.see_tree not in corpus.trees:
        hint = did_you_mean(node.see_tree, corpus.trees)
        yield Problem(position, where, f"unknown tree '{node.see_tree}'{hint}", "use the id of a decision tree")
    elif node.resume_at and node.resume_at not in (other := corpus.trees[node.see_tree]).nodes:
        hint = did_you_mean(node.resume_at, other.nodes)
        yield Problem(
            node.field_positions["resume_at"],
            where,
            f"resume_at: '{node.resume_at}' is not a node of {other.id}{hint}",
            f"name a question of {other.id}",
        )
    elif node.resume_at and other.nodes[node.resume_at].is_outcome:
        yield Problem(
            node.field_positions["resume_at"], where, f"resume_at: '{node.resume_at}' is an outcome", "name a question"
        )


def _reachability_problems(tree: Tree) -> Iterator[Problem]:
    """Unreachable nodes and loops, found by one depth-first walk from the start."""
    state: dict[str, str] = {}  # node id -> "open" while on the current path, "done" after

    def walk(node_id: str) -> Iterator[Problem]:
        state[node_id] = "open"
        for answer in tree.nodes[node_id].answers:
            if answer.next not in tree.nodes:
                continue
            if state.get(answer.next) == "open":
                yield Problem(
                    answer.next_position,
                    f"{tree.id}.{node_id}",
                    f"answer '{answer.answer}' loops back to '{answer.next}', so this path never ends",
                    "point it to a later question or an outcome",
                )
            elif answer.next not in state:
                yield from walk(answer.next)
        state[node_id] = "done"

    yield from walk(tree.start)
    misspelt = misspelt_nodes(tree)
    for node in tree.nodes.values():
        if node.id not in state and node.id not in misspelt:
            yield Problem(
                node.position,
                f"{tree.id}.{node.id}",
                f"node '{node.id}' cannot be reached from the start",
                "add an answer that leads to it, or remove it",
            )


def _superseded_problems(corpus: Corpus, tree: Tree) -> Iterator[Problem]:
    """A tree resting on a replaced edition is a problem unless the YAML says why (superseded_ok)."""
    if not corpus.editions or corpus.unloaded.any("edition"):
        return  # which edition is current is known once the edition files load
    current = corpus.current_edition.id
    if tree.edition == current and tree.superseded_ok:
        yield Problem(
            tree.edition_position,
            tree.id,
            f"superseded_ok is set but the tree rests on the current ({current}) edition",
            "remove superseded_ok",
        )
    elif tree.edition != current and corpus.edition(tree.edition) and not tree.superseded_ok:
        yield Problem(
            tree.edition_position,
            tree.id,
            f"the tree rests on the {tree.edition} edition, which the {current} edition has replaced",
            f'move it to edition: "{current}" (checking each outcome\'s provisions), '
            'or say why it stays with superseded_ok: "reason", which the page shows',
        )
