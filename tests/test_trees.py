"""Decision trees: soundness checks with positions, and every path of every real tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance, write_small_tree
from working_together.check import check
from working_together.load import load_corpus
from working_together.model import follow
from working_together.render.tree import tree_page


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
            "decision_trees/worried.yml:18:5: worried.refer: node 'refer' cannot be reached from the start"
            " — add an answer that leads to it, or remove it",
        ],
    ),
    (
        "a loop",
        ("        next: refer\n", "        next: seen\n"),
        [
            "decision_trees/worried.yml:11:15: worried.seen: answer 'Yes' loops back to 'seen', so this path never ends"
            " — point it to a later question or an outcome",
            "decision_trees/worried.yml:18:5: worried.refer: node 'refer' cannot be reached from the start"
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
            "decision_trees/worried.yml:17:13: worried.see-child: unknown provision 'child-seen'"
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
            "decision_trees/worried.yml:18:17: worried.see-child: deadline 'referral-decision' is not among"
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
            "decision_trees/worried.yml:23:17: worried.refer: provision 'child-seen-alone' sets no time limit in"
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
        "an outcome firmer than what it cites",
        (
            "    outcome: See the child alone\n    strength: should\n",
            "    outcome: See the child alone\n    strength: must\n",
        ),
        [
            "decision_trees/worried.yml:16:15: worried.see-child: the outcome says 'must' but the strongest provision"
            " it cites is 'should' in the 2010 edition"
            " — lower it to strength: should (or weaker), or cite a must provision that supports it"
        ],
    ),
    (
        "an outcome without its own strength",
        ("    outcome: See the child alone\n    strength: should\n", "    outcome: See the child alone\n"),
        ["decision_trees/worried.yml:14:5: nodes[1]: missing field 'strength' — add 'strength:' to this item"],
    ),
    (
        "a link to a tree that does not exist",
        (
            "    strength: should\n    cites: [child-seen-alone]\n",
            "    strength: should\n    see_tree: woried\n    cites: [child-seen-alone]\n",
        ),
        [
            "decision_trees/worried.yml:17:15: worried.see-child: unknown tree 'woried' (did you mean 'worried'?)"
            " — use the id of a decision tree"
        ],
    ),
    (
        "a link back into the same tree",
        (
            "    strength: should\n    cites: [child-seen-alone]\n",
            "    strength: should\n    see_tree: worried\n    cites: [child-seen-alone]\n",
        ),
        [
            "decision_trees/worried.yml:17:15: worried.see-child: see_tree points to this same tree"
            " — link to another tree, or remove it"
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


REAL, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")

NO_HARM = [
    "No",
    "No",
    "No",
    "No",
]  # worried-about-a-child: no danger, no death or serious harm, not staff, not adult services
S17 = [*NO_HARM, "A child in need (section 17)"]
S47 = [*NO_HARM, "Reasonable cause to suspect significant harm (section 47)"]
ENQUIRIES = "A strategy discussion and section 47 enquiries"

# For every question of every real tree: each answer and the node it leads to (smart-answers style).
FLOWS: dict[str, dict[str, dict[str, str]]] = {
    "worried-about-a-child": {
        "immediate-danger": {"Yes": "call-999", "No": "died-or-seriously-harmed"},
        "died-or-seriously-harmed": {
            "The child has died": "child-has-died",
            "The child has been seriously harmed, and abuse or neglect is known or suspected": "serious-incident",
            "No": "someone-who-works-with-children",
        },
        "someone-who-works-with-children": {"Yes": "allegation", "No": "adult-you-work-with"},
        "adult-you-work-with": {"Yes": "adult-services", "No": "level-of-need"},
        "level-of-need": {
            "Early help": "early-help",
            "A child in need (section 17)": "referral-decision",
            "Reasonable cause to suspect significant harm (section 47)": "referral-decision",
            "I am not sure": "check-thresholds",
        },
        "referral-decision": {
            "No further action": "no-further-action",
            "Early help": "early-help-after-referral",
            "An assessment": "assessment",
            ENQUIRIES: "immediate-protection",
        },
        "immediate-protection": {"Yes": "emergency-protection", "No": "conference"},
        "conference": {"Yes": "child-protection-conference", "No": "no-conference"},
    },
    "allegation-against-someone-who-works-with-children": {
        "immediate-danger": {"Yes": "call-999", "No": "child-welfare-concern"},
        "child-welfare-concern": {"Yes": "coordinate", "No, only the allegation": "designated-officer"},
    },
    "adult-services-worried-about-a-parent": {
        "immediate-danger": {"Yes": "call-999", "No": "risk"},
        "risk": {"Yes": "refer", "No": "other-worry", "Not sure": "thresholds"},
    },
    "notifying-a-serious-incident": {
        "incident": {"Yes": "notify", "Not yet known": "notify-on-what-is-known", "No": "not-notifiable"},
    },
    "deciding-on-a-serious-case-review": {
        "abuse-or-neglect": {"Yes": "died-or-seriously-harmed", "No": "other-review"},
        "died-or-seriously-harmed": {"Yes": "lscb-decides", "No": "other-review", "Unsure": "seek-advice"},
        "lscb-decides": {"Yes": "review", "No": "other-review", "Not yet decided": "seek-advice"},
    },
    "child-death": {
        "secure-childrens-home": {"Yes": "ombudsman", "No": "abuse-or-neglect"},
        "abuse-or-neglect": {"Yes": "notify", "No": "review"},
    },
    "referral-and-initial-assessment-2010": {
        "believe-harm": {"Yes": "initial-assessment", "Not sure": "talk-it-through"},
        "initial-assessment": {"Yes": "assessment-within-ten-days", "No": "no-initial-assessment"},
    },
}

# Every path of every real tree: the answers from the first question, and the outcome they reach.
PATHS: dict[str, list[tuple[list[str], str]]] = {
    "worried-about-a-child": [
        (["Yes"], "call-999"),
        (["No", "The child has died"], "child-has-died"),
        (["No", "The child has been seriously harmed, and abuse or neglect is known or suspected"], "serious-incident"),
        (["No", "No", "Yes"], "allegation"),
        (["No", "No", "No", "Yes"], "adult-services"),
        ([*NO_HARM, "Early help"], "early-help"),
        ([*S17, "No further action"], "no-further-action"),
        ([*S17, "Early help"], "early-help-after-referral"),
        ([*S17, "An assessment"], "assessment"),
        ([*S17, ENQUIRIES, "Yes"], "emergency-protection"),
        ([*S17, ENQUIRIES, "No", "Yes"], "child-protection-conference"),
        ([*S17, ENQUIRIES, "No", "No"], "no-conference"),
        ([*S47, "No further action"], "no-further-action"),
        ([*S47, "Early help"], "early-help-after-referral"),
        ([*S47, "An assessment"], "assessment"),
        ([*S47, ENQUIRIES, "Yes"], "emergency-protection"),
        ([*S47, ENQUIRIES, "No", "Yes"], "child-protection-conference"),
        ([*S47, ENQUIRIES, "No", "No"], "no-conference"),
        ([*NO_HARM, "I am not sure"], "check-thresholds"),
    ],
    "allegation-against-someone-who-works-with-children": [
        (["Yes"], "call-999"),
        (["No", "Yes"], "coordinate"),
        (["No", "No, only the allegation"], "designated-officer"),
    ],
    "adult-services-worried-about-a-parent": [
        (["Yes"], "call-999"),
        (["No", "Yes"], "refer"),
        (["No", "No"], "other-worry"),
        (["No", "Not sure"], "thresholds"),
    ],
    "notifying-a-serious-incident": [
        (["Yes"], "notify"),
        (["Not yet known"], "notify-on-what-is-known"),
        (["No"], "not-notifiable"),
    ],
    "deciding-on-a-serious-case-review": [
        (["Yes", "Yes", "Yes"], "review"),
        (["Yes", "Yes", "No"], "other-review"),
        (["Yes", "Yes", "Not yet decided"], "seek-advice"),
        (["Yes", "No"], "other-review"),
        (["Yes", "Unsure"], "seek-advice"),
        (["No"], "other-review"),
    ],
    "child-death": [
        (["Yes"], "ombudsman"),
        (["No", "Yes"], "notify"),
        (["No", "No"], "review"),
    ],
    "referral-and-initial-assessment-2010": [
        (["Yes", "Yes"], "assessment-within-ten-days"),
        (["Yes", "No"], "no-initial-assessment"),
        (["Not sure"], "talk-it-through"),
    ],
}

# What each outcome must tell the reader: its own strength, the tree it carries on into, and phrases its
# wording must contain (asserted present, not matched word for word).
OUTCOMES: dict[str, dict[str, tuple[str, str, list[str]]]] = {
    "worried-about-a-child": {
        "call-999": ("editorial", "", ["999", "statutory powers"]),
        "child-has-died": ("should", "child-death", ["child death overview panel"]),
        "serious-incident": (
            "should",
            "notifying-a-serious-incident",
            ["five working days", "only the information known"],
        ),
        "allegation": ("should", "allegation-against-someone-who-works-with-children", ["coordinated"]),
        "adult-services": ("editorial", "adult-services-worried-about-a-parent", ["referral processes"]),
        "early-help": ("should", "", ["early help", "before it escalates"]),
        "check-thresholds": ("editorial", "", ["threshold document", "our suggestion"]),
        "no-further-action": ("editorial", "", ["do not say", "one working day"]),
        "early-help-after-referral": ("should", "", ["early help"]),
        "assessment": ("should", "", ["45 working days", "flexibility", "do not say from when"]),
        "emergency-protection": ("should", "", ["statutory powers"]),
        "child-protection-conference": ("should", "", ["15 working days of the strategy discussion"]),
        "no-conference": ("editorial", "", ["do not say"]),
    },
    "allegation-against-someone-who-works-with-children": {
        "call-999": ("editorial", "", ["999", "our step"]),
        "coordinate": ("should", "worried-about-a-child", ["coordinated"]),
        "designated-officer": ("editorial", "", ["do not reproduce the procedure", "designated officer"]),
    },
    "adult-services-worried-about-a-parent": {
        "call-999": ("editorial", "", ["999"]),
        "refer": ("should", "", ["referral process", "one working day"]),
        "other-worry": ("editorial", "worried-about-a-child", ["mental health"]),
        "thresholds": ("editorial", "", ["threshold document"]),
    },
    "notifying-a-serious-incident": {
        "notify": (
            "should",
            "deciding-on-a-serious-case-review",
            ["five working days", "Ofsted", "every Local Safeguarding"],
        ),
        "notify-on-what-is-known": (
            "should",
            "deciding-on-a-serious-case-review",
            ["Do not wait", "only the information known"],
        ),
        "not-notifiable": ("editorial", "worried-about-a-child", ["nothing to notify", "our reading"]),
    },
    "deciding-on-a-serious-case-review": {
        "review": ("should", "", ["national panel", "publication", "public interest"]),
        "other-review": ("guidance", "", ["near misses", "appropriate reviews"]),
        "seek-advice": ("guidance", "", ["national panel"]),
    },
    "child-death": {
        "ombudsman": ("should", "", ["Prisons and Probation Ombudsman", "secure children's home"]),
        "notify": ("should", "notifying-a-serious-incident", ["five working days", "serious case review"]),
        "review": ("should", "", ["child death overview panel", "modifiable", "rapid response"]),
    },
    "referral-and-initial-assessment-2010": {
        "talk-it-through": ("editorial", "", ["our suggestion"]),
        "assessment-within-ten-days": ("should", "", ["ten working days"]),
        "no-initial-assessment": ("should", "", ["feedback within one working day"]),
    },
}


def test_the_tables_cover_every_real_tree() -> None:
    """Each real tree has a flow table, a paths table and an outcomes table, and no table names a lost tree."""
    assert set(FLOWS) == set(PATHS) == set(OUTCOMES) == set(REAL.trees)


@pytest.mark.parametrize("tree_id", sorted(FLOWS))
def test_every_answer_of_every_question_leads_to_its_node(tree_id: str) -> None:
    """The YAML's questions and answers are exactly the flow table: no answer added, lost or redirected."""
    tree = REAL.trees[tree_id]
    actual = {node.id: {a.answer: a.next for a in node.answers} for node in tree.nodes.values() if node.answers}
    assert actual == FLOWS[tree_id]


@pytest.mark.parametrize("tree_id", sorted(PATHS))
def test_the_all_paths_table_lists_every_path(tree_id: str) -> None:
    """The tree's own paths, in order, are the ones listed: no path missing from the table, none invented."""
    paths = [([a.answer for _, a in path if a], path[-1][0].id) for path in REAL.trees[tree_id].paths()]
    assert paths == PATHS[tree_id]


@pytest.mark.parametrize(
    ("tree_id", "answers", "outcome_id"),
    [(tree_id, answers, outcome) for tree_id, paths in PATHS.items() for answers, outcome in paths],
)
def test_each_listed_path_reaches_its_outcome(tree_id: str, answers: list[str], outcome_id: str) -> None:
    """Following the answers by their words reaches the outcome, which cites provisions of the tree's edition."""
    tree = REAL.trees[tree_id]
    state = follow(tree, answers)
    assert state.stopped_at == len(answers) and state.node.id == outcome_id and state.node.is_outcome
    edition = REAL.edition(tree.edition)
    assert state.node.cites and all(cited in edition.placements for cited in state.node.cites)


@pytest.mark.parametrize(
    ("tree_id", "outcome_id"), [(tree_id, outcome) for tree_id, table in OUTCOMES.items() for outcome in table]
)
def test_each_outcome_says_what_it_should_with_its_own_strength(tree_id: str, outcome_id: str) -> None:
    """An outcome's strength, onward tree and key words; the table lists every outcome of the tree."""
    tree = REAL.trees[tree_id]
    node = tree.nodes[outcome_id]
    strength, see_tree, phrases = OUTCOMES[tree_id][outcome_id]
    assert (node.strength, node.see_tree) == (strength, see_tree)
    wording = " ".join([node.outcome, node.text, node.timescale, node.contact])
    missing = [phrase for phrase in phrases if phrase.lower() not in wording.lower()]
    assert not missing, missing
    assert {n.id for n in tree.nodes.values() if n.is_outcome} == set(OUTCOMES[tree_id])


def test_the_worried_about_a_child_journey_is_deep() -> None:
    """Its longest path asks at least five questions, reaching the decisions after the referral."""
    longest = max(REAL.trees["worried-about-a-child"].paths(), key=len)
    assert len(longest) - 1 >= 5
    assert "conference" in {node.id for node, _ in longest}


def test_the_journey_links_into_the_other_trees() -> None:
    """Worried-about-a-child branches into the allegation, adult-services, notification and child-death trees."""
    tree = REAL.trees["worried-about-a-child"]
    linked = {node.see_tree for node in tree.nodes.values() if node.see_tree}
    assert linked == {
        "allegation-against-someone-who-works-with-children",
        "adult-services-worried-about-a-parent",
        "notifying-a-serious-incident",
        "child-death",
    }
    notify = REAL.trees["notifying-a-serious-incident"].nodes["notify"]
    assert notify.see_tree == "deciding-on-a-serious-case-review"


def test_not_yet_known_does_not_invite_waiting() -> None:
    """'Not yet known' leads to notifying on what is known within five working days, never to keeping under review."""
    tree = REAL.trees["notifying-a-serious-incident"]
    node = follow(tree, ["Not yet known"]).node
    assert node.timescale == "Within five working days"
    assert all("under review" not in (n.outcome + n.text).lower() for n in tree.nodes.values())


def test_no_tree_makes_automatic_referral_a_step() -> None:
    """The invented 'automatic referral' is nowhere in a tree's words."""
    for tree in REAL.trees.values():
        for node in tree.nodes.values():
            words = " ".join([node.question, node.help, node.outcome, node.text]).lower()
            assert "automatic" not in words, (tree.id, node.id)


def test_the_2010_process_is_its_own_superseded_tree() -> None:
    """Initial assessment in ten working days and feedback to the referrer stand on the 2010 edition, marked."""
    tree = REAL.trees["referral-and-initial-assessment-2010"]
    assert tree.edition == "2010" and tree.superseded_ok
    markdown = tree_page(REAL, tree)
    assert 'warning "Rests on the superseded 2010 edition"' in markdown
    assert tree.superseded_ok.split()[0] in markdown


def test_the_page_labels_editorial_outcomes_and_links_onward_trees() -> None:
    """An editorial outcome says it is ours; an outcome with see_tree links to the other tree's page."""
    markdown = tree_page(REAL, REAL.trees["worried-about-a-child"])
    call = markdown[markdown.index("{ #node-call-999 }") :]
    call = call[: call.index("</div>")]
    assert "Editorial: this step is ours" in call and "Must" not in call
    assert "**Go on to:** [An allegation against someone who works with children]" in markdown
    assert "(allegation-against-someone-who-works-with-children.md)" in markdown


def test_the_real_decision_trees_are_loaded_without_problems() -> None:
    """The tables above are checked against these trees, so they must load and pass every check."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    assert problems == [] and check(corpus) == []
    assert len(corpus.trees) == 7
