"""Safety invariants of the decision trees: what a practitioner who follows any path is sure to be told.

A tree can be well formed and still send a worried reader round in circles, or tell them what the local
authority does while never telling them to refer. These checks walk every path (and every link between trees)
using the markers the YAML carries: a question's `asks`, an answer's `says`, and each step's `action`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Answer, Corpus, Tree, TreeNode
from ..problems import Problem

# The conference deadline that runs through section 47 enquiries. Named by its stable provision id (ids are never
# reused: guidance/published-ids.yml), because "on a section 47 path, the conference deadline shows" is the rule.
CONFERENCE_DEADLINE = "conference-within-15-working-days"
FIRST_ACTIONS_AFTER_HARM = ("refer", "call-999")
DECIDES = ("notify", "decide-review")

Path = list[tuple[TreeNode, Answer | None]]


def safety_problems(corpus: Corpus) -> list[Problem]:
    """Every breach of the safety invariants in every sound tree, and every loop between trees."""
    problems: list[Problem] = []
    for tree in corpus.trees.values():
        problems += _danger_first(corpus, tree)
        for path in tree.paths():
            problems += _path_problems(corpus, tree, path)
    problems += _journey_loops(corpus)
    return sorted(set(problems))


def _danger_first(corpus: Corpus, tree: Tree) -> Iterator[Problem]:
    """Every tree starts by asking whether a child is in immediate danger; a superseded tree may say why not."""
    start = tree.nodes[tree.start]
    superseded = tree.edition != corpus.current_edition.id
    if tree.no_danger_question and not superseded:
        yield Problem(
            tree.field_positions.get("no_danger_question", tree.position),
            tree.id,
            "no_danger_question is set on a tree of the current edition",
            "remove it, and start the tree with a question marked asks: immediate-danger",
        )
    elif start.asks != "immediate-danger" and not tree.no_danger_question:
        yield Problem(
            tree.start_position,
            tree.id,
            f"the first question, '{start.question}', is not marked as asking whether the child is in immediate danger",
            "start with that question, marked asks: immediate-danger, its 'Yes' leading to calling 999"
            + (', or say why not with no_danger_question: "reason" (shown on the page)' if superseded else ""),
        )


def _path_problems(corpus: Corpus, tree: Tree, path: Path) -> Iterator[Problem]:
    """The invariants that depend on what the reader has said on the way to one outcome."""
    outcome = path[-1][0]
    if outcome.you_do is None:
        return  # the schema has reported the missing you_do
    said = [(answer, fact) for _, answer in path if answer for fact in answer.says]
    harm = next((answer for answer, fact in said if fact == "harm"), None)
    referred = any(fact == "referred" for _, fact in said)
    where = f"{tree.id}.{outcome.id}"
    route = " → ".join(f"'{answer.answer}'" for _, answer in path if answer)
    if harm and not referred and outcome.you_do.action not in FIRST_ACTIONS_AFTER_HARM:
        yield Problem(
            outcome.you_do.field_positions.get("action", outcome.you_do.position),
            where,
            f"after answer '{harm.answer}' (says: harm) the reader has not referred, but the outcome's first "
            f"action is '{outcome.you_do.action}' (path {route})",
            "make you_do's action refer or call-999, or mark an earlier answer says: [referred] if they have",
        )
    if any(fact == "section-47" for _, fact in said) and CONFERENCE_DEADLINE not in outcome.deadlines:
        yield Problem(
            outcome.position,
            where,
            f"the outcome is on a section 47 path ({route}) but does not carry the conference deadline",
            f"add a then: step citing {CONFERENCE_DEADLINE} with deadline: {CONFERENCE_DEADLINE}",
        )
    asked = any(node.asks == "abuse-or-neglect" for node, answer in path if answer)
    for step in outcome.steps:
        if step.action in DECIDES and not asked:
            yield Problem(
                step.field_positions.get("action", step.position),
                where,
                f"the step '{step.action}' decides notification or review, but the path ({route}) never asks "
                "whether abuse or neglect is known or suspected",
                "ask it first, with a question marked asks: abuse-or-neglect",
            )


def _journey_loops(corpus: Corpus) -> Iterator[Problem]:
    """No journey loops: the nodes of all trees, joined by answers and by see_tree links, form no cycle."""
    state: dict[tuple[str, str], str] = {}  # (tree, node) -> "open" on the current walk, "done" after
    stack: list[tuple[str, str]] = []
    found: list[Problem] = []

    def onward(tree: Tree, node: TreeNode) -> list[tuple[str, str]]:
        if not node.is_outcome:
            return [(tree.id, answer.next) for answer in node.answers if answer.next in tree.nodes]
        other = corpus.trees.get(node.see_tree)
        if other is None or other is tree:
            return []
        resume = node.resume_at or other.start
        return [(other.id, resume)] if resume in other.nodes else []

    def walk(key: tuple[str, str]) -> None:
        state[key] = "open"
        stack.append(key)
        tree = corpus.trees[key[0]]
        node = tree.nodes[key[1]]
        for following in onward(tree, node):
            if state.get(following) == "open":
                loop = stack[stack.index(following) :]
                if len({tree_id for tree_id, _ in loop}) > 1:  # a loop inside one tree is the tree check's
                    found.append(_loop_problem(corpus, loop))
            elif following not in state:
                walk(following)
        stack.pop()
        state[key] = "done"

    for tree in corpus.trees.values():
        if tree.start in tree.nodes and (tree.id, tree.start) not in state:
            walk((tree.id, tree.start))
    yield from found


def _loop_problem(corpus: Corpus, loop: list[tuple[str, str]]) -> Problem:
    """A journey that comes back to where it was: reported at the link into the tree it comes back to."""
    links = [(tree_id, node_id) for tree_id, node_id in loop if corpus.trees[tree_id].nodes[node_id].see_tree]
    # The link to fix is one that goes to a tree's start (no resume_at); else any link on the loop.
    to_start = [link for link in links if not corpus.trees[link[0]].nodes[link[1]].resume_at]
    tree_id, node_id = (to_start or links)[-1]
    node = corpus.trees[tree_id].nodes[node_id]
    route = " → ".join(f"{tree}.{node}" for tree, node in [*loop, loop[0]])
    return Problem(
        node.field_positions.get("resume_at", node.field_positions.get("see_tree", node.position)),
        f"{tree_id}.{node_id}",
        f"see_tree leads the reader round in a loop that never ends: {route}",
        f"add resume_at: naming a node of {node.see_tree} past the question that sent the reader here",
    )
