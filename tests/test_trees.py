"""Decision trees: soundness checks with positions, and every path of every real tree."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from conftest import PROJECT
from small_guidance import replace_in, write_small_guidance, write_small_tree
from working_together.check import check
from working_together.load import load_corpus
from working_together.model import follow
from working_together.publish.stamp import page_edition
from working_together.render.deadline import step_deadline
from working_together.render.tree import tree_page, trees_index


def tree_problems_after(tmp_path: Path, old: str = "", new: str = "") -> list[str]:
    """Every problem, as text, after one edit of the small tree."""
    guidance = write_small_guidance(tmp_path)
    tree = write_small_tree(tmp_path)
    if old:
        replace_in(tree, old, new)
    corpus, problems = load_corpus(guidance, tmp_path, tree.parent)
    return [str(problem) for problem in problems or check(corpus)]


def test_the_small_tree_is_sound_and_has_three_paths(tmp_path: Path) -> None:
    """The baseline tree passes every check and walks to each outcome, asking about danger first."""
    assert tree_problems_after(tmp_path) == []
    corpus, _ = load_corpus(write_small_guidance(tmp_path), tmp_path, write_small_tree(tmp_path).parent)
    paths = corpus.trees["worried"].paths()
    assert [[(node.id, answer.answer if answer else None) for node, answer in path] for path in paths] == [
        [("danger", "Yes"), ("call-999", None)],
        [("danger", "No"), ("seen", "Yes"), ("refer", None)],
        [("danger", "No"), ("seen", "No"), ("see-child", None)],
    ]


CASES = [
    (
        "next does not exist (the node it misspells is not also called unreachable)",
        ("        next: refer\n", "        next: refr\n"),
        [
            "decision_trees/worried.yml:20:15: worried.seen: next node 'refr' does not exist (did you mean"
            " 'refer'?) — fix it"
        ],
    ),
    (
        "next does not exist, and nothing like it",
        ("        next: refer\n", "        next: xyz\n"),
        [
            "decision_trees/worried.yml:20:15: worried.seen: next node 'xyz' does not exist — fix it",
            "decision_trees/worried.yml:30:5: worried.refer: node 'refer' cannot be reached from the start —"
            " add an answer that leads to it, or remove it",
        ],
    ),
    (
        "a loop",
        ("        next: refer\n", "        next: seen\n"),
        [
            "decision_trees/worried.yml:20:15: worried.seen: answer 'Yes' loops back to 'seen', so this path"
            " never ends — point it to a later question or an outcome",
            "decision_trees/worried.yml:30:5: worried.refer: node 'refer' cannot be reached from the start —"
            " add an answer that leads to it, or remove it",
        ],
    ),
    (
        "only one answer",
        ("      - answer: 'No'\n        next: see-child\n", ""),
        [
            "decision_trees/worried.yml:19:7: nodes[1].answers: the list has 1 item; at least 2 are needed —"
            " write at least two answers"
        ],
    ),
    (
        "an outcome without what the reader does now",
        (
            "    you_do:\n      action: none\n      strength: should\n      text: See the child alone when"
            " appropriate.\n      cites: [child-seen-alone]\n",
            "",
        ),
        ["decision_trees/worried.yml:23:5: nodes[2]: missing field 'you_do' — add 'you_do:' to this item"],
    ),
    (
        "a step citing an unknown provision",
        ("      cites: [child-seen-alone]\n", "      cites: [child-seen]\n"),
        [
            "decision_trees/worried.yml:29:15: worried.see-child: unknown provision 'child-seen' (did you mean"
            " 'child-seen-alone'?) — cite a provision id"
        ],
    ),
    (
        "a node both question and outcome",
        (
            "    question: Has the child been seen alone?\n",
            "    question: Has the child been seen alone?\n    outcome: Refer\n",
        ),
        [
            "decision_trees/worried.yml:16:5: worried.seen: a node cannot be both a question and an outcome —"
            " split it: a question has question and answers; an outcome has outcome and you_do"
        ],
    ),
    (
        "a deadline the step does not cite",
        (
            "        cites: [referral-decision]\n",
            "        cites: [referral-decision]\n        deadline: child-seen-alone\n",
        ),
        [
            "decision_trees/worried.yml:42:19: worried.refer.then[0]: deadline 'child-seen-alone' is not among"
            " the provisions this step cites — cite it too"
        ],
    ),
    (
        "a deadline whose provision sets no working-day time limit in the tree's edition",
        (
            "        cites: [referral-decision]\n",
            "        cites: [referral-decision, child-seen-alone]\n        deadline: child-seen-alone\n",
        ),
        [
            "decision_trees/worried.yml:42:19: worried.refer.then[0]: provision 'child-seen-alone' sets no"
            " time limit in working days in the 2010 edition (no timescale) — remove the deadline, or give"
            " that version a timescale 'within: N working days'"
        ],
    ),
    (
        "unknown edition",
        ('edition: "2010"', 'edition: "2011"'),
        ["decision_trees/worried.yml:3:10: worried: unknown edition '2011' — use one of: 2010"],
    ),
    (
        "a step firmer than what it cites",
        ("      action: none\n      strength: should\n", "      action: none\n      strength: must\n"),
        [
            "decision_trees/worried.yml:27:17: worried.see-child.you_do: the step says 'must' but the"
            " strongest provision it cites is 'should' in the 2010 edition — lower it to strength: should (or"
            " weaker), or cite a must provision that supports it"
        ],
    ),
    (
        "a step without its own strength",
        ("      action: none\n      strength: should\n", "      action: none\n"),
        ["decision_trees/worried.yml:26:7: nodes[2].you_do: missing field 'strength' — add 'strength:' to this item"],
    ),
    (
        "a link to a tree that does not exist",
        ("    outcome: See the child alone\n", "    outcome: See the child alone\n    see_tree: woried\n"),
        [
            "decision_trees/worried.yml:25:15: worried.see-child: unknown tree 'woried' (did you mean"
            " 'worried'?) — use the id of a decision tree"
        ],
    ),
    (
        "a link back into the same tree",
        ("    outcome: See the child alone\n", "    outcome: See the child alone\n    see_tree: worried\n"),
        [
            "decision_trees/worried.yml:25:15: worried.see-child: see_tree points to this same tree — link to"
            " another tree, or remove it"
        ],
    ),
    (
        "start missing",
        ("start: danger", "start: dangr"),
        [
            "decision_trees/worried.yml:5:8: worried: start node 'dangr' does not exist (did you mean"
            " 'danger'?) — correct it"
        ],
    ),
    (
        "a step by an unknown role",
        ("      - who: social-worker\n", "      - who: social-wrker\n"),
        [
            "decision_trees/worried.yml:38:14: worried.refer.then[0]: unknown role 'social-wrker' (did you"
            " mean 'social-worker'?) — use a role id from guidance/roles.yml or one of:"
            " child-death-overview-panel, prisons-and-probation-ombudsman, national-panel"
        ],
    ),
    (
        "a step by someone else that cites nothing",
        ("        cites: [referral-decision]\n", ""),
        ["decision_trees/worried.yml:38:9: nodes[3].then[0]: missing field 'cites' — add 'cites:' to this item"],
    ),
    (
        "resume_at without see_tree",
        ("    outcome: See the child alone\n", "    outcome: See the child alone\n    resume_at: seen\n"),
        ["decision_trees/worried.yml:25:16: worried.see-child: resume_at without see_tree — add see_tree"],
    ),
    (
        "INVARIANT: harm said, not referred, and the first action is not refer or 999",
        ("      action: call-999\n", "      action: none\n"),
        [
            "decision_trees/worried.yml:45:15: worried.call-999: after answer 'Yes' (says: harm) the reader"
            " has not referred, but the outcome's first action is 'none' (path 'Yes') — make you_do's action"
            " refer or call-999, or mark an earlier answer says: [referred] if they have"
        ],
    ),
    (
        "INVARIANT: a section 47 path without the conference deadline",
        (
            "      - answer: 'Yes'\n        next: refer\n",
            "      - answer: 'Yes'\n        says: [section-47]\n        next: refer\n",
        ),
        [
            "decision_trees/worried.yml:31:5: worried.refer: the outcome is on a section 47 path ('No' →"
            " 'Yes') but does not carry the conference deadline — add a then: step citing"
            " conference-within-15-working-days with deadline: conference-within-15-working-days"
        ],
    ),
    (
        "INVARIANT: the first question does not ask about immediate danger",
        ("    asks: immediate-danger\n", ""),
        [
            "decision_trees/worried.yml:5:8: worried: the first question, 'Is the child in immediate danger?',"
            " is not marked as asking whether the child is in immediate danger — start with that question,"
            " marked asks: immediate-danger, its 'Yes' leading to calling 999"
        ],
    ),
    (
        "INVARIANT: only a superseded tree may say why it does not ask about danger",
        ("start: danger\n", "no_danger_question: Not needed.\nstart: danger\n"),
        [
            "decision_trees/worried.yml:5:21: worried: no_danger_question is set on a tree of the current"
            " edition — remove it, and start the tree with a question marked asks: immediate-danger"
        ],
    ),
    (
        "INVARIANT: a notification with no abuse-or-neglect question on the path",
        ("      - who: social-worker\n", "      - who: social-worker\n        action: notify\n"),
        [
            "decision_trees/worried.yml:39:17: worried.refer: the step 'notify' decides notification or"
            " review, but the path ('No' → 'Yes') never asks whether abuse or neglect is known or suspected —"
            " ask it first, with a question marked asks: abuse-or-neglect"
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

NO_HARM = ["No", "No", "No", "No"]  # worried-about-a-child: no danger, no death or harm, not staff, not adult services
HARMED_NO_ABUSE = ["No", "The child has been seriously harmed", "No", "No", "No"]  # then the same questions
REFERRED = [*NO_HARM, "Yes"]
NOT_REFERRED = [*NO_HARM, "No"]
ENQUIRIES = "A strategy discussion and section 47 enquiries"
S17 = "A child in need (section 17)"
S47 = "Reasonable cause to suspect significant harm (section 47)"

# For every question of every real tree: each answer and the node it leads to (smart-answers style).
FLOWS: dict[str, dict[str, dict[str, str]]] = {
    "worried-about-a-child": {
        "immediate-danger": {"Yes": "call-999", "No": "died-or-seriously-harmed"},
        "died-or-seriously-harmed": {
            "The child has died": "death-abuse-or-neglect",
            "The child has been seriously harmed": "harm-abuse-or-neglect",
            "No": "someone-who-works-with-children",
        },
        "death-abuse-or-neglect": {"Yes": "death-refer", "No": "child-has-died"},
        "harm-abuse-or-neglect": {"Yes": "refer-serious-harm", "No": "someone-who-works-with-children"},
        "someone-who-works-with-children": {"Yes": "allegation", "No": "adult-you-work-with"},
        "adult-you-work-with": {"Yes": "adult-services", "No": "already-referred"},
        "already-referred": {"Yes": "referral-decision", "No": "level-of-need"},
        "level-of-need": {
            "Early help": "early-help",
            S17: "refer-child-in-need",
            S47: "refer-significant-harm",
            "I am not sure": "check-thresholds",
        },
        "referral-decision": {
            "No further action": "no-further-action",
            "Early help": "early-help-after-referral",
            "An assessment": "assessment",
            ENQUIRIES: "immediate-protection",
        },
        "immediate-protection": {"Yes": "emergency-protection", "No": "section-47-enquiries"},
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
        "immediate-danger": {"Yes": "call-999", "No": "incident"},
        "incident": {"Yes": "notify", "Not yet known": "notify-on-what-is-known", "No": "not-notifiable"},
    },
    "deciding-on-a-serious-case-review": {
        "immediate-danger": {"Yes": "call-999", "No": "abuse-or-neglect"},
        "abuse-or-neglect": {"Yes": "died-or-seriously-harmed", "No": "other-review"},
        "died-or-seriously-harmed": {"Yes": "lscb-decides", "No": "other-review", "Unsure": "seek-advice"},
        "lscb-decides": {"Yes": "review", "No": "other-review", "Not yet decided": "seek-advice"},
    },
    "child-death": {
        "immediate-danger": {"Yes": "call-999", "No": "abuse-or-neglect"},
        "abuse-or-neglect": {"Yes": "notify", "No": "secure-childrens-home"},
        "secure-childrens-home": {"Yes": "ombudsman", "No": "review"},
    },
    "referral-and-initial-assessment-2010": {
        "believe-harm": {"Yes": "already-referred", "Not sure": "talk-it-through", "No": "child-in-need"},
        "child-in-need": {"Yes": "already-referred", "No, the family needs other support": "common-assessment"},
        "already-referred": {"Yes": "initial-assessment", "No": "refer"},
        "initial-assessment": {"Yes": "assessment-within-ten-days", "No": "no-initial-assessment"},
    },
}


def _general_journey(before: list[str]) -> list[tuple[list[str], str]]:
    """The paths of the worried tree from its question about someone who works with children."""
    staff, adult = before[:-2], before[:-1]
    return [
        ([*staff, "Yes"], "allegation"),
        ([*adult, "Yes"], "adult-services"),
        ([*before, "Yes", "No further action"], "no-further-action"),
        ([*before, "Yes", "Early help"], "early-help-after-referral"),
        ([*before, "Yes", "An assessment"], "assessment"),
        ([*before, "Yes", ENQUIRIES, "Yes"], "emergency-protection"),
        ([*before, "Yes", ENQUIRIES, "No"], "section-47-enquiries"),
        ([*before, "No", "Early help"], "early-help"),
        ([*before, "No", S17], "refer-child-in-need"),
        ([*before, "No", S47], "refer-significant-harm"),
        ([*before, "No", "I am not sure"], "check-thresholds"),
    ]


# Every path of every real tree: the answers from the first question, and the outcome they reach.
PATHS: dict[str, list[tuple[list[str], str]]] = {
    "worried-about-a-child": [
        (["Yes"], "call-999"),
        (["No", "The child has died", "Yes"], "death-refer"),
        (["No", "The child has died", "No"], "child-has-died"),
        (["No", "The child has been seriously harmed", "Yes"], "refer-serious-harm"),
        *_general_journey(HARMED_NO_ABUSE),
        *_general_journey(NO_HARM),
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
        (["Yes"], "call-999"),
        (["No", "Yes"], "notify"),
        (["No", "Not yet known"], "notify-on-what-is-known"),
        (["No", "No"], "not-notifiable"),
    ],
    "deciding-on-a-serious-case-review": [
        (["Yes"], "call-999"),
        (["No", "Yes", "Yes", "Yes"], "review"),
        (["No", "Yes", "Yes", "No"], "other-review"),
        (["No", "Yes", "Yes", "Not yet decided"], "seek-advice"),
        (["No", "Yes", "No"], "other-review"),
        (["No", "Yes", "Unsure"], "seek-advice"),
        (["No", "No"], "other-review"),
    ],
    "child-death": [
        (["Yes"], "call-999"),
        (["No", "Yes"], "notify"),
        (["No", "No", "Yes"], "ombudsman"),
        (["No", "No", "No"], "review"),
    ],
    "referral-and-initial-assessment-2010": [
        (["Yes", "Yes", "Yes"], "assessment-within-ten-days"),
        (["Yes", "Yes", "No"], "no-initial-assessment"),
        (["Yes", "No"], "refer"),
        (["Not sure"], "talk-it-through"),
        (["No", "Yes", "Yes", "Yes"], "assessment-within-ten-days"),
        (["No", "Yes", "Yes", "No"], "no-initial-assessment"),
        (["No", "Yes", "No"], "refer"),
        (["No", "No, the family needs other support"], "common-assessment"),
    ],
}

# What each outcome must tell the reader: their own action first, the strength of that step, the tree it carries
# on into, the working-day deadlines it shows, and phrases its wording must contain (asserted present, not matched
# word for word).
OUTCOMES: dict[str, dict[str, tuple[str, str, str, list[int], list[str]]]] = {
    "worried-about-a-child": {
        "call-999": ("call-999", "editorial", "", [], ["999", "statutory powers"]),
        "death-refer": ("refer", "should", "", [1, 5], ["by phone", "notifies Ofsted", "serious case review"]),
        "child-has-died": ("none", "editorial", "child-death", [], ["child death overview panel"]),
        "refer-serious-harm": (
            "refer",
            "should",
            "",
            [1, 45, 15, 5],
            ["by phone", "section 47", "strategy discussion", "notifies Ofsted", "serious case review"],
        ),
        "allegation": ("none", "editorial", "allegation-against-someone-who-works-with-children", [], ["coordinated"]),
        "adult-services": ("none", "editorial", "adult-services-worried-about-a-parent", [], ["referral processes"]),
        "early-help": ("early-help", "should", "", [], ["early help", "before it escalates"]),
        "check-thresholds": (
            "tell-dsl",
            "editorial",
            "",
            [],
            ["threshold document", "early help", "safeguarding lead", "if you are"],
        ),
        "refer-child-in-need": ("refer", "should", "", [1, 45], ["section 17", "section 20", "come back"]),
        "refer-significant-harm": (
            "refer",
            "should",
            "",
            [1, 45, 15],
            ["by phone", "section 47", "strategy discussion"],
        ),
        "no-further-action": ("none", "editorial", "", [1], ["do not say", "tell children's social care again"]),
        "early-help-after-referral": ("early-help", "should", "", [45], ["early help", "follows an assessment"]),
        "assessment": ("none", "should", "", [45], ["flexibility", "do not say from when"]),
        "emergency-protection": ("none", "should", "", [15], ["statutory powers", "strategy discussion"]),
        "section-47-enquiries": ("none", "should", "", [15], ["strategy discussion", "do not give the criteria"]),
    },
    "allegation-against-someone-who-works-with-children": {
        "call-999": ("call-999", "editorial", "", [], ["999"]),
        "coordinate": ("refer", "should", "worried-about-a-child", [1], ["coordinated", "by phone"]),
        "designated-officer": (
            "contact-designated-officer",
            "editorial",
            "",
            [],
            ["do not reproduce the procedure", "does not require", "local discretion"],
        ),
    },
    "adult-services-worried-about-a-parent": {
        "call-999": ("call-999", "editorial", "", [], ["999"]),
        "refer": (
            "refer",
            "should",
            "",
            [1, 45],
            ["referral processes", "by phone", "misplaced fears", "refuses consent", "our examples"],
        ),
        "other-worry": ("none", "editorial", "worried-about-a-child", [], ["Worried about a child"]),
        "thresholds": ("tell-dsl", "editorial", "", [], ["threshold document"]),
    },
    "notifying-a-serious-incident": {
        "call-999": ("call-999", "editorial", "", [], ["999"]),
        "notify": (
            "notify",
            "should",
            "deciding-on-a-serious-case-review",
            [5],
            ["Ofsted", "every Local Safeguarding", "Prisons and Probation Ombudsman"],
        ),
        "notify-on-what-is-known": (
            "notify",
            "should",
            "deciding-on-a-serious-case-review",
            [5],
            ["Do not wait", "only the information known"],
        ),
        "not-notifiable": ("none", "editorial", "worried-about-a-child", [], ["nothing to notify", "our reading"]),
    },
    "deciding-on-a-serious-case-review": {
        "call-999": ("call-999", "editorial", "", [], ["999"]),
        "review": (
            "decide-review",
            "should",
            "",
            [],
            ["national panel", "publication", "public interest", "Prisons and Probation Ombudsman"],
        ),
        "other-review": ("decide-review", "guidance", "", [], ["near misses", "appropriate reviews"]),
        "seek-advice": (
            "decide-review",
            "guidance",
            "",
            [],
            ["national panel", "sexual abuse", "Prisons and Probation Ombudsman"],
        ),
    },
    "child-death": {
        "call-999": ("call-999", "editorial", "", [], ["999"]),
        "notify": (
            "refer",
            "should",
            "notifying-a-serious-incident",
            [1, 5],
            ["notifies Ofsted", "serious case review", "secure children's home"],
        ),
        "ombudsman": ("none", "editorial", "", [], ["Prisons and Probation Ombudsman", "secure children's home"]),
        "review": ("none", "editorial", "", [], ["child death overview panel", "modifiable", "rapid response"]),
    },
    "referral-and-initial-assessment-2010": {
        "talk-it-through": ("tell-dsl", "editorial", "", [], ["safeguarding lead"]),
        "refer": (
            "refer",
            "should",
            "",
            [1, 10],
            ["should refer their concerns", "domestic violence", "mental health", "initial assessment", "section 17"],
        ),
        "common-assessment": ("early-help", "editorial", "", [], ["Common Assessment Framework"]),
        "assessment-within-ten-days": ("none", "editorial", "", [10, 1], ["ten working days"]),
        "no-initial-assessment": ("none", "editorial", "", [1], ["feedback"]),
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
    """An outcome's own action and its strength, onward tree, deadlines and key words; the table lists every
    outcome of the tree."""
    tree = REAL.trees[tree_id]
    node = tree.nodes[outcome_id]
    action, strength, see_tree, days, phrases = OUTCOMES[tree_id][outcome_id]
    assert (node.you_do.action, node.you_do.strength, node.see_tree) == (action, strength, see_tree)
    assert [step_deadline(REAL, tree, step).days for step in node.steps if step.deadline] == days
    wording = " ".join([node.outcome, node.contact, *(step.text + " " + step.ours for step in node.steps)])
    missing = [phrase for phrase in phrases if phrase.lower() not in wording.lower()]
    assert not missing, missing
    assert {n.id for n in tree.nodes.values() if n.is_outcome} == set(OUTCOMES[tree_id])


def test_the_worried_about_a_child_journey_is_deep() -> None:
    """Its longest path asks at least five questions, reaching the section 47 decisions after the referral."""
    longest = max(REAL.trees["worried-about-a-child"].paths(), key=len)
    assert len(longest) - 1 >= 5
    assert "immediate-protection" in {node.id for node, _ in longest}


def test_the_journey_links_into_the_other_trees_and_back_at_a_named_question() -> None:
    """Worried-about-a-child branches into the allegation, adult-services and child-death trees; links back into
    it name the question they resume at, never its start."""
    tree = REAL.trees["worried-about-a-child"]
    linked = {node.see_tree for node in tree.nodes.values() if node.see_tree}
    assert linked == {
        "allegation-against-someone-who-works-with-children",
        "adult-services-worried-about-a-parent",
        "child-death",
    }
    assert REAL.trees["notifying-a-serious-incident"].nodes["notify"].see_tree == "deciding-on-a-serious-case-review"
    back = {
        (other.id, node.id): node.resume_at
        for other in REAL.trees.values()
        for node in other.nodes.values()
        if node.see_tree == tree.id
    }
    assert back == {
        ("adult-services-worried-about-a-parent", "other-worry"): "already-referred",
        ("allegation-against-someone-who-works-with-children", "coordinate"): "referral-decision",
        ("notifying-a-serious-incident", "not-notifiable"): "someone-who-works-with-children",
    }


def test_not_yet_known_does_not_invite_waiting() -> None:
    """'Not yet known' leads to notifying on what is known within five working days, never to keeping under review."""
    tree = REAL.trees["notifying-a-serious-incident"]
    node = follow(tree, ["No", "Not yet known"]).node
    assert node.you_do.action == "notify" and step_deadline(REAL, tree, node.you_do).days == 5
    words = [n.outcome + " " + " ".join(step.text for step in n.steps) for n in tree.nodes.values()]
    assert all("under review" not in text.lower() for text in words)


def test_no_tree_makes_automatic_referral_a_step_or_calls_laming_s_triggers_the_guidance_s() -> None:
    """The invented 'automatic referral' is nowhere in a tree's words, nor 'the risks the guidance names'."""
    for tree in REAL.trees.values():
        for node in tree.nodes.values():
            words = " ".join([node.question, node.help, node.outcome, *(s.text + s.ours for s in node.steps)]).lower()
            assert "automatic" not in words, (tree.id, node.id)
            assert "the guidance names" not in words, (tree.id, node.id)


def test_the_allegation_outcome_leaves_children_s_social_care_to_local_discretion() -> None:
    """003 removed a requirement to route allegations through children's social care; it did not forbid it."""
    node = REAL.trees["allegation-against-someone-who-works-with-children"].nodes["designated-officer"]
    words = " ".join(step.text for step in node.steps)
    assert "are not routed through" not in words
    assert "does not require allegations to be routed" in words and "local discretion" in words


def test_the_2010_process_is_its_own_superseded_tree() -> None:
    """Initial assessment in ten working days and feedback to the referrer stand on the 2010 edition, marked; it
    claims no 'single assessment', and says on the page why it does not ask about danger first."""
    tree = REAL.trees["referral-and-initial-assessment-2010"]
    assert tree.edition == "2010" and tree.superseded_ok and tree.no_danger_question
    markdown = tree_page(REAL, tree)
    assert 'warning "Rests on the superseded 2010 edition"' in markdown
    assert tree.superseded_ok.split()[0] in markdown
    assert "does not ask first whether a child is in danger" in markdown
    assert "single assessment" not in markdown


@pytest.mark.parametrize("tree_id", sorted(FLOWS))
def test_every_tree_page_says_its_edition_and_its_replacement_at_the_top(tree_id: str) -> None:
    """The edition, and that 2015 was replaced in 2018 and 2023, stand above the tree, not only in the footer."""
    markdown = tree_page(REAL, REAL.trees[tree_id])
    top = markdown[: markdown.index('<div class="wt-navigator"')]
    assert f"({REAL.trees[tree_id].edition})" in top.replace("&#40;", "(").replace("&#41;", ")")
    assert "2018 and again in 2023" in top


def test_the_page_shows_the_reader_s_action_first_and_labels_editorial_steps_once() -> None:
    """An outcome shows the reader's own action (data-you-do) before what happens next; an editorial step says it
    is ours once, by its badge; an outcome with see_tree links to the other tree's page."""
    markdown = tree_page(REAL, REAL.trees["worried-about-a-child"])
    call = markdown[markdown.index("{ #node-call-999 }") :]
    call = call[: call.index("[Start again]")]
    assert call.index('data-you-do="call-999"') < call.index("What happens next")
    you_do = call[call.index('<div class="wt-you-do') : call.index('<div class="wt-then')]
    assert you_do.count("Editorial note") == 1 and "our step" not in call and "Must" not in call
    harm = markdown[markdown.index("{ #node-refer-serious-harm }") :]
    harm = harm[: harm.index("[Start again]")]
    assert harm.index('data-you-do="refer"') < harm.index("What happens next")
    assert "within 15 working days" in harm and "within 5 working days" in harm
    assert "**Go on to:** [An allegation against someone who works with children]" in markdown
    assert "(allegation-against-someone-who-works-with-children.md)" in markdown


def test_the_real_decision_trees_are_loaded_without_problems() -> None:
    """The tables above are checked against these trees, so they must load and pass every check."""
    corpus, problems = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    assert problems == [] and check(corpus) == []
    assert len(corpus.trees) == 7


OTHER_TREE = (
    "id: other\n"
    "title: Another journey\n"
    'edition: "2010"\n'
    "summary: For a test.\n"
    "start: danger\n"
    "nodes:\n"
    "  - id: danger\n"
    "    question: Is the child in immediate danger?\n"
    "    asks: immediate-danger\n"
    "    answers:\n"
    "      - answer: 'Yes'\n"
    "        next: call\n"
    "      - answer: 'No'\n"
    "        next: back\n"
    "  - id: call\n"
    "    outcome: Call 999\n"
    "    you_do:\n"
    "      action: call-999\n"
    "      strength: editorial\n"
    "      text: Call 999.\n"
    "  - id: back\n"
    "    outcome: Go back\n"
    "    you_do:\n"
    "      action: none\n"
    "      strength: editorial\n"
    "      text: Go back.\n"
    "    see_tree: worried\n"
)


def test_a_journey_between_trees_that_loops_is_reported_at_the_link_and_resume_at_breaks_it(tmp_path: Path) -> None:
    """worried → other → worried's start → other ... never ends; naming the node it resumes at ends it."""
    guidance = write_small_guidance(tmp_path)
    tree = write_small_tree(tmp_path)
    replace_in(tree, "    outcome: Call 999\n", "    outcome: Call 999\n    see_tree: other\n")
    other = tree.parent / "other.yml"
    other.write_text(OTHER_TREE, encoding="utf-8")

    def problems_now() -> list[str]:
        corpus, problems = load_corpus(guidance, tmp_path, tree.parent)
        return [str(problem) for problem in problems or check(corpus)]

    assert problems_now() == [
        "decision_trees/worried.yml:44:15: worried.call-999: see_tree leads the reader round in a loop that never"
        " ends: other.danger → other.back → worried.danger → worried.call-999 → other.danger"
        " — add resume_at: naming a node of other past the question that sent the reader here"
    ]
    other.write_text(OTHER_TREE + "    resume_at: seen\n", encoding="utf-8")
    assert problems_now() == []
    replace_in(other, "    resume_at: seen\n", "    resume_at: sen\n")
    assert problems_now() == [
        "decision_trees/other.yml:28:16: other.back: resume_at: 'sen' is not a node of worried (did you mean"
        " 'seen'?) — name a question of worried"
    ]


def test_the_real_trees_loop_again_if_a_link_back_resumes_at_the_start() -> None:
    """The adult-services tree's link back once sent an adult mental-health worker round for ever."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    corpus.trees["adult-services-worried-about-a-parent"].nodes["other-worry"].resume_at = ""
    problems = [str(problem) for problem in check(corpus)]
    assert len(problems) == 1 and "loop that never ends" in problems[0], problems


def test_the_footer_of_a_superseded_tree_names_its_own_edition() -> None:
    """The 2010 tree's 'valid as of' stamp says it shows the 2010 edition, not 2015."""
    assert page_edition(REAL, "trees/referral-and-initial-assessment-2010/").id == "2010"
    assert page_edition(REAL, "trees/worried-about-a-child/").id == "2015"


@pytest.mark.parametrize("tree_id", sorted(FLOWS))
def test_the_outcome_markup_survives_markdown_whole(tree_id: str) -> None:
    """No stray closing tag (once '<p></ol></div></p>') where md_in_html lost its place in an outcome's steps."""
    html = markdown.markdown(
        tree_page(REAL, REAL.trees[tree_id]), extensions=["md_in_html", "attr_list", "admonition", "tables"]
    )
    assert re.findall(r"<p></\w+>", html) == []


def test_the_trees_index_says_the_edition_and_its_replacement_before_the_list() -> None:
    """'What to do if you're worried' says at the top that 2015 is not the guidance in force."""
    markdown = trees_index(REAL)
    assert markdown.index("2018 and again in 2023") < markdown.index("- [")
