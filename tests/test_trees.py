"""Decision trees: soundness checks with positions, and every path of every real tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance, write_small_tree
from working_together.check import check
from working_together.load import load_corpus


def tree_problems_after(tmp_path: Path, old: str = "", new: str = "") -> list[str]:
    """Every problem, as text, after one edit of the small tree."""
    guidance = write_small_guidance(tmp_path)
    tree = write_small_tree(tmp_path)
    if old:
        replace_in(tree, old, new)
    corpus, problems = load_corpus(guidance, tmp_path, tree.parent)
    return [str(problem) for problem in problems or check(corpus)]


def test_the_small_tree_is_sound_and_has_two_paths(tmp_path: Path) -> None:
    """The baseline tree passes every check and walks to both outcomes."""
    assert tree_problems_after(tmp_path) == []
    corpus, _ = load_corpus(write_small_guidance(tmp_path), tmp_path, write_small_tree(tmp_path).parent)
    paths = corpus.trees["worried"].paths()
    assert [[(node.id, answer.answer if answer else None) for node, answer in path] for path in paths] == [
        [("seen", "Yes"), ("refer", None)],
        [("seen", "No"), ("see-child", None)],
    ]


CASES = [
    (
        "next does not exist (the node it misspells is not also called unreachable)",
        ("        next: refer\n", "        next: refr\n"),
        [
            "decision_trees/worried.yml:11:15: worried.seen: next node 'refr' does not exist (did you mean 'refer'?)"
            " — fix it",
        ],
    ),
    (
        "next does not exist, and nothing like it",
        ("        next: refer\n", "        next: xyz\n"),
        [
            "decision_trees/worried.yml:11:15: worried.seen: next node 'xyz' does not exist — fix it",
            "decision_trees/worried.yml:17:5: worried.refer: node 'refer' cannot be reached from the start"
            " — add an answer that leads to it, or remove it",
        ],
    ),
    (
        "a loop",
        ("        next: refer\n", "        next: seen\n"),
        [
            "decision_trees/worried.yml:11:15: worried.seen: answer 'Yes' loops back to 'seen', so this path never ends"
            " — point it to a later question or an outcome",
            "decision_trees/worried.yml:17:5: worried.refer: node 'refer' cannot be reached from the start"
            " — add an answer that leads to it, or remove it",
        ],
    ),
    (
        "only one answer",
        ("      - answer: 'No'\n        next: see-child\n", ""),
        [
            "decision_trees/worried.yml:10:7: nodes[0].answers: the list has 1 item; at least 2 are needed"
            " — write at least two answers",
        ],
    ),
    (
        "outcome citing nothing",
        ("    cites: [child-seen-alone]\n", ""),
        ["decision_trees/worried.yml:14:5: nodes[1]: missing field 'cites' — add 'cites:' to this item"],
    ),
    (
        "outcome citing an unknown provision",
        ("    cites: [child-seen-alone]\n", "    cites: [child-seen]\n"),
        [
            "decision_trees/worried.yml:16:13: worried.see-child: unknown provision 'child-seen'"
            " (did you mean 'child-seen-alone'?) — cite a provision id"
        ],
    ),
    (
        "a node both question and outcome",
        (
            "    question: Has the child been seen alone?\n",
            "    question: Has the child been seen alone?\n    outcome: Refer\n",
        ),
        [
            "decision_trees/worried.yml:7:5: worried.seen: a node cannot be both a question and an outcome"
            " — split it: a question has question and answers; an outcome has outcome and cites"
        ],
    ),
    (
        "a deadline the outcome does not cite",
        ("    cites: [child-seen-alone]\n", "    cites: [child-seen-alone]\n    deadlines: [referral-decision]\n"),
        [
            "decision_trees/worried.yml:17:17: worried.see-child: deadline 'referral-decision' is not among"
            " the provisions this outcome cites — cite it too"
        ],
    ),
    (
        "a deadline whose provision sets no working-day time limit",
        (
            "    cites: [referral-decision, child-seen-alone]\n",
            "    cites: [referral-decision, child-seen-alone]\n    deadlines: [child-seen-alone]\n",
        ),
        [
            "decision_trees/worried.yml:21:17: worried.refer: provision 'child-seen-alone' sets no time limit in"
            " working days in the 2010 edition (no timescale) — remove it from 'deadlines', or give that version"
            " a timescale 'within: N working days'"
        ],
    ),
    (
        "unknown edition",
        ('edition: "2010"', 'edition: "2011"'),
        [
            "decision_trees/worried.yml:3:10: worried: unknown edition '2011' — use one of: 2010",
        ],
    ),
    (
        "start missing",
        ("start: seen", "start: sen"),
        [
            "decision_trees/worried.yml:5:8: worried: start node 'sen' does not exist (did you mean 'seen'?)"
            " — correct it"
        ],
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_unsound_tree_is_reported_at_its_position(
    tmp_path: Path, edit: tuple[str, str], expected: list[str]
) -> None:
    """Dangling answers, loops, unreachable nodes, bare outcomes and bad citations are all caught."""
    assert tree_problems_after(tmp_path, *edit) == expected


def _real_paths() -> list[tuple[str, int]]:
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    return [(tree.id, index) for tree in corpus.trees.values() for index in range(len(tree.paths()))]


REAL, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")


@pytest.mark.parametrize(("tree_id", "index"), _real_paths())
def test_every_path_of_every_real_tree_reaches_an_outcome_whose_citations_resolve(tree_id: str, index: int) -> None:
    """Generated from the YAML: each path ends at an outcome citing provisions of the tree's edition."""
    tree = REAL.trees[tree_id]
    path = tree.paths()[index]
    outcome = path[-1][0]
    assert outcome.is_outcome and outcome.cites
    assert all(answer is not None for _, answer in path[:-1])
    edition = REAL.edition(tree.edition)
    assert all(cited in edition.placements for cited in outcome.cites)


def test_the_real_decision_trees_are_loaded_without_problems() -> None:
    """The per-path tests above are generated from these trees, so there must be some and they must be sound."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    assert problems == [] and check(corpus) == []
    assert len(corpus.trees) >= 2
