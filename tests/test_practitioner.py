"""Practitioner summary, time limits, role pages and training modules: checks with positions, and renderers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROJECT
from small_guidance import (
    AS_LEGAL_DUTY,
    REFERRAL_LAW,
    SMALL_MODULE,
    replace_in,
    write_small_guidance,
    write_small_module,
)
from working_together.check import check
from working_together.load import load_corpus
from working_together.model import Corpus
from working_together.render.module import module_page
from working_together.render.provision import provision_in_chapter, provision_page
from working_together.render.role import role_page
from working_together.render.summary import summary_page

TIMESCALE = (
    "        timescale:\n"
    "          what: Decide on the referral\n"
    "          within: one working day\n"
    "          by: [social-worker]\n"
    "          from: the referral\n"
    "          quote: within one working day\n"
)


def small(tmp_path: Path, edits: list[tuple[str, str, str]] = (), module: bool = False) -> tuple[Corpus, list[str]]:
    """The small corpus (with its tree and module if asked) after some edits, and its problems as text."""
    guidance = write_small_guidance(tmp_path)
    if module:
        write_small_module(tmp_path)
    for file, old, new in edits:
        replace_in(guidance / file, old, new)
    corpus, problems = load_corpus(guidance, tmp_path, tmp_path / "decision_trees" if module else None)
    return corpus, [str(problem) for problem in problems or check(corpus)]


WITH_TIMESCALE = [
    ("provisions/cases.yml", "    terms: [lscb]\n", "    roles: [social-worker]\n    terms: [lscb]\n"),
    (
        "provisions/cases.yml",
        "        strength: should\n        text: Referrals",
        "        strength: should\n" + TIMESCALE + "        text: Referrals",
    ),
]


def test_the_small_corpus_with_a_module_and_a_timescale_is_valid(tmp_path: Path) -> None:
    """The baseline for the cases below: a summary, a timescale and a three-step module, all sound."""
    corpus, problems = small(tmp_path, WITH_TIMESCALE, module=True)
    assert problems == []
    assert [stage.provisions for stage in corpus.summary.stages] == [["referral-decision", "child-seen-alone"]]
    timescale = corpus.provisions["referral-decision"].versions[0].timescale
    assert (timescale.period, timescale.by, timescale.start) == ("one working day", ["social-worker"], "the referral")
    assert [step.provision or step.tree for step in corpus.modules["first-steps"].steps] == [
        "referral-decision",
        "worried",
        "child-seen-alone",
    ]


SUMMARY_CASES = [
    (
        "a must in no stage",
        [
            *AS_LEGAL_DUTY,
            ("summary.yml", "      - referral-decision\n", ""),
        ],
        "guidance/summary.yml:2:3: stages: the legal duty 'referral-decision' (2010 edition 5.2, written at "
        "guidance/provisions/cases.yml:19:9) is in no stage, so the summary would leave it out"
        " — add its id to the provisions of the stage of a case where it applies",
    ),
    (
        "unknown provision",
        [("summary.yml", "      - referral-decision\n", "      - referal-decision\n")],
        "guidance/summary.yml:6:9: stages[0].provisions[0]: unknown provision 'referal-decision'"
        " (did you mean 'referral-decision'?) — correct the id",
    ),
    (
        "listed in two stages",
        [
            (
                "summary.yml",
                "      - child-seen-alone\n",
                "      - child-seen-alone\n  - id: again\n    title: Again\n    label: Again.\n"
                "    provisions: [referral-decision]\n",
            )
        ],
        "guidance/summary.yml:11:18: stages[1].provisions[0]: provision 'referral-decision' is already in the summary"
        " (at guidance/summary.yml:6:9) — list each provision in one stage only",
    ),
    (
        "unknown tree",
        [("summary.yml", "    provisions:\n", "    trees: [woried]\n    provisions:\n")],
        "guidance/summary.yml:5:13: stages[0].trees[0]: unknown tree 'woried' (did you mean 'worried'?) — fix it",
    ),
    (
        "a stage without provisions",
        [
            (
                "summary.yml",
                "    provisions:\n      - referral-decision\n      - child-seen-alone\n",
                "    provisions: []\n",
            )
        ],
        "guidance/summary.yml:5:17: stages[0].provisions: the list is empty"
        " — add at least one item or remove the field",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), [case[1:] for case in SUMMARY_CASES], ids=[c[0] for c in SUMMARY_CASES])
def test_each_summary_mistake_is_reported_at_its_position(
    tmp_path: Path, edits: list[tuple[str, str, str]], expected: str
) -> None:
    """A duty left out of the summary, or a wrong id in it, fails with file, line, column and fix."""
    assert small(tmp_path, edits, module=True)[1] == [expected]


TIMESCALE_CASES = [
    (
        "quote not in the evidence",
        ("quote: within one working day", "quote: decided within one working day"),
        [
            "guidance/provisions/cases.yml:23:11: referral-decision (2010).timescale.quote: the quote is not part of"
            " any evidence quote of this version, so nothing backs the time limit — copy the words that state the time"
            " limit from one of this version's evidence quotes",
        ],
    ),
    (
        "limit not in the quote",
        ("within: one working day", "within: two working days"),
        [
            "guidance/provisions/cases.yml:23:11: referral-decision (2010).timescale.within: 'two working days' is not"
            " in the timescale's quote — write the time limit in the quote's own words",
        ],
    ),
    (
        "role the provision does not name",
        ("by: [social-worker]", "by: [lscb]"),
        [
            "guidance/provisions/cases.yml:25:16: referral-decision (2010).timescale.by: unknown role 'lscb' — fix it",
        ],
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in TIMESCALE_CASES], ids=[c[0] for c in TIMESCALE_CASES])
def test_each_unbacked_timescale_is_reported_at_its_position(
    tmp_path: Path, edit: tuple[str, str], expected: list[str]
) -> None:
    """A time limit must be named by its own evidence and fall to a role of its provision."""
    assert small(tmp_path, [*WITH_TIMESCALE, ("provisions/cases.yml", *edit)])[1] == expected


def test_a_timescale_for_a_role_the_provision_does_not_name_is_reported(tmp_path: Path) -> None:
    """'By whom' must be one of the provision's own roles, so the role pages and the table agree."""
    edits = [WITH_TIMESCALE[1]]
    assert small(tmp_path, edits)[1] == [
        "guidance/provisions/cases.yml:24:16: referral-decision (2010).timescale.by: role 'social-worker' is not"
        " among the provision's roles (none) — name a role the provision applies to, or add it to the provision's"
        " roles"
    ]


MODULE_CASES = [
    (
        "unknown provision",
        ("  - provision: referral-decision\n", "  - provision: referal-decision\n"),
        "guidance/modules/first-steps.yml:6:16: steps[0].provision: unknown provision 'referal-decision'"
        " (did you mean 'referral-decision'?) — fix it",
    ),
    (
        "unknown edition",
        ('    edition: "2010"\n', '    edition: "2009"\n'),
        "guidance/modules/first-steps.yml:13:14: steps[2].edition: unknown edition '2009' — use one of: 2010",
    ),
    (
        "unknown tree",
        ("  - tree: worried\n", "  - tree: woried\n"),
        "guidance/modules/first-steps.yml:9:11: steps[1].tree: unknown decision tree 'woried'"
        " (did you mean 'worried'?) — use a tree's id",
    ),
    (
        "an answer the question does not have",
        ("path: ['No', 'No']", "path: ['No', 'Maybe']"),
        "guidance/modules/first-steps.yml:10:18: steps[1].path[1]: 'Maybe' is not an answer to"
        " 'Has the child been seen alone?' (node 'seen' of worried) — use one of: 'Yes', 'No'",
    ),
    (
        "answers after the outcome",
        ("path: ['No', 'No']", "path: ['No', 'No', 'Yes']"),
        "guidance/modules/first-steps.yml:10:24: steps[1].path[2]: the path has already reached the outcome"
        " 'see-child', so answer 'Yes' has no question — remove the answers after the outcome",
    ),
    (
        "a path that reaches another node",
        ("node: see-child", "node: refer"),
        "guidance/modules/first-steps.yml:11:11: steps[1].node: the path reaches node 'see-child', not 'refer'"
        " — correct the path or the node",
    ),
    (
        "unknown node",
        ("node: see-child", "node: see-chld"),
        "guidance/modules/first-steps.yml:11:11: steps[1].node: tree worried has no node 'see-chld'"
        " (did you mean 'see-child'?) — fix it",
    ),
    (
        "a step that is both",
        ("  - tree: worried\n", "  - tree: worried\n    provision: referral-decision\n"),
        "guidance/modules/first-steps.yml:9:5: steps[1]: a step is either a provision or a tree state, not both"
        " — split it into two steps",
    ),
    (
        "a step that is neither",
        ('  - provision: child-seen-alone\n    edition: "2010"\n', "  - discuss: [Why not]\n"),
        "guidance/modules/first-steps.yml:12:5: steps[2]: the step names neither a provision nor a tree"
        " — add 'provision:' or 'tree:'",
    ),
    (
        "a tree step without a path",
        ("    path: ['No', 'No']\n    node: see-child\n", ""),
        "guidance/modules/first-steps.yml:9:5: steps[1]: a tree step needs the answers that lead to the state to show"
        " — add 'path:', a list of answers ([] for the first question)",
    ),
    (
        "an empty discussion point",
        ("      - What does <b>one working day</b> mean to you?\n", "      - ''\n"),
        "guidance/modules/first-steps.yml:8:9: steps[0].discuss[0]: text is empty — write non-empty text",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in MODULE_CASES], ids=[c[0] for c in MODULE_CASES])
def test_each_module_mistake_is_reported_at_its_position(tmp_path: Path, edit: tuple[str, str], expected: str) -> None:
    """A step pointing at no provision, edition, tree or tree state fails with file, line, column and fix."""
    write_small_guidance(tmp_path)
    replace_in(write_small_module(tmp_path), *edit)
    corpus, problems = load_corpus(tmp_path / "guidance", tmp_path, tmp_path / "decision_trees")
    assert [str(problem) for problem in problems or check(corpus)] == [expected]


def test_an_empty_module_is_reported_at_its_position(tmp_path: Path) -> None:
    """A module with no steps teaches nothing and fails the build."""
    write_small_guidance(tmp_path)
    module = write_small_module(tmp_path)
    module.write_text(SMALL_MODULE.split("steps:")[0] + "steps: []\n", encoding="utf-8")
    corpus, problems = load_corpus(tmp_path / "guidance", tmp_path, tmp_path / "decision_trees")
    assert [str(problem) for problem in problems] == [
        "guidance/modules/first-steps.yml:5:8: steps: the list is empty — add at least one item or remove the field"
    ]


def _visible(markdown: str) -> str:
    """Markdown without inline SVG icons, to read what a test asserts on."""
    return re.sub(r"<svg.*?</svg>", "", markdown)


def test_the_summary_lists_each_stage_with_one_line_per_provision_and_the_time_limits(tmp_path: Path) -> None:
    """Stage heading, editorial label, a badge, number and permanent link per provision, then the timescale row."""
    corpus, _ = small(tmp_path, WITH_TIMESCALE)
    page = _visible(summary_page(corpus))
    assert "### 1. First contact { #stage-first-contact }" in page
    assert "*Editorial note:* When a concern first reaches children's social care\\." in page
    assert (
        '- <span class="wt-badge wt-strength--should"><strong>Should</strong>'
        '<span class="wt-badge__meaning"> — statutory guidance</span></span> 5.2 '
        "[Deciding on a referral](provisions/referral-decision.md)"
    ) in page
    assert page.index("referral-decision.md") < page.index("child-seen-alone.md")
    assert (
        "| [Decide on the referral](provisions/referral-decision.md) | **one working day** from the referral | "
        "[Social worker](roles/social-worker.md) | 2010 (latest in these sources) 5.2: "
        "[A report, paragraph 1\\.2](sources/report.md#paragraph-1-2) |"
    ) in page
    assert (
        "| [Social worker](roles/social-worker.md) | — | "
        '[5.2](provisions/referral-decision.md "Deciding on a referral"), '
        '[5.1](provisions/child-seen-alone.md "Seeing the child alone") |'
    ) in page


def test_a_role_page_lists_the_strongest_first_with_badges_numbers_and_links(tmp_path: Path) -> None:
    """A 'must' comes before a 'should' for the same role, each with its number and permanent link."""
    must_with_timescale = (
        "provisions/cases.yml",
        "        strength: should\n        text: Referrals",
        "        strength: must\n" + TIMESCALE + "        text: Referrals",
    )
    corpus, problems = small(tmp_path, [WITH_TIMESCALE[0], must_with_timescale, REFERRAL_LAW])
    page = _visible(role_page(corpus, corpus.roles["social-worker"]))
    assert problems == []
    must = page.index("### Must: legal duty { #must }")
    should = page.index("### Should: statutory guidance { #should }")
    assert must < page.index("5.2 [Deciding on a referral](../provisions/referral-decision.md)") < should
    assert should < page.index("5.1 [Seeing the child alone](../provisions/child-seen-alone.md)")
    assert "## Time limits { #timescales }" in page
    assert "Earlier editions only" not in page


def test_a_role_page_lists_earlier_editions_items_after_the_current_ones_marked_superseded() -> None:
    """Provisions the current edition dropped come last, under a warning, each marked superseded."""
    corpus, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
    current = corpus.current_edition
    dropped = next(p for p in corpus.provisions.values() if "lscb" in p.roles and p.id not in current.placements)
    page = role_page(corpus, corpus.roles["lscb"])
    earlier = page.index("## Earlier editions only { #earlier }")
    assert earlier > page.index(f"## In the {current.id} edition {{ #current }}")
    line = next(line for line in page.splitlines() if f"../provisions/{dropped.id}.md" in line)
    assert page.index(line) > earlier and line.endswith("(superseded)")
    assert '!!! warning "Earlier editions only: superseded"' in page


def test_a_module_page_shows_steps_deep_links_and_escaped_trainer_words(tmp_path: Path) -> None:
    """Each step is numbered; tree states link to the navigator and the static step; discussion is the trainer's."""
    corpus, problems = small(tmp_path, module=True)
    assert problems == []
    page = _visible(module_page(corpus, corpus.modules["first-steps"]))
    assert "## Step 1: Deciding on a referral { #step-1 }" in page
    assert "## Step 2: Worried about a child { #step-2 }" in page
    assert "1. Is the child in immediate danger? **No**\n1. Has the child been seen alone? **No**" in page
    assert "**Outcome:** See the child alone" in page
    assert 'href="../../trees/worried/#path=1.1">Open the navigator at this step</a>' in page
    assert "[Read this step on the tree page](../trees/worried.md#node-see-child)" in page
    trainer = page.split('<div class="wt-trainer" markdown="1">')[2].split("</div>")[0]
    assert "For discussion (the trainer's words, not guidance)" in trainer
    assert "What does &lt;b&gt;one working day&lt;/b&gt; mean to you?" in trainer
    assert "<b>" not in page
    assert (
        "Working Together 2010, unofficial web edition, provision 5.2 (the number in this web edition, not a"
        ' printed paragraph number) "Deciding on a referral". Rests on: A report (2010), paragraph 1.2.'
    ) in citations(page)


def test_every_provision_in_a_chapter_and_on_its_permanent_page_has_a_citation_button(tmp_path: Path) -> None:
    """The button says the number is the web edition's, not the printed one, and names the passages cited."""
    corpus, _ = small(tmp_path)
    edition = corpus.current_edition
    provision = corpus.provisions["child-seen-alone"]
    expected = (
        "Working Together 2010, unofficial web edition, provision 5.1 (the number in this web edition, not a"
        ' printed paragraph number) "Seeing the child alone". Rests on: A report (2010), paragraph 1.1.'
    )
    assert expected in citations(provision_in_chapter(corpus, provision, edition, "editions/2010/chapter-5.md"))
    assert expected in citations(provision_page(corpus, provision))
    assert "are this web edition's provision numbers, not the printed paragraph numbers" in provision_page(
        corpus, provision
    )


def citations(markdown: str) -> list[str]:
    """The citations of a page's copy buttons, decoded as a browser reads the attribute."""
    buttons = BeautifulSoup(markdown, "html.parser").select("button.wt-copy-citation")
    return [button["data-citation"] for button in buttons]


CORPUS, _ = load_corpus(PROJECT / "guidance", PROJECT, PROJECT / "decision_trees")
CURRENT = CORPUS.current_edition
CURRENT_MUSTS = [
    identifier
    for identifier in CURRENT.placements
    if CORPUS.provisions[identifier].version_in(CURRENT.id).strength == "must"
]


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("provision_id", CURRENT_MUSTS)
def test_every_current_must_appears_on_the_built_summary(site: Path, provision_id: str) -> None:
    """No legal duty of the current edition can go missing from the practitioner summary."""
    lines = soup(site, "summary").select("#stages ~ ul li")
    wanted = f"../provisions/{provision_id}/"
    line = next(li for li in lines if li.find("a", href=wanted))
    number = CURRENT.placements[provision_id].number
    assert "Must" in line.select_one(".wt-badge").get_text() and f" {number} " in line.get_text()


def test_the_real_summary_has_every_time_limit_and_links_to_every_tree(site: Path) -> None:
    """One table row per timescale, each with a source link; every tree linked from the summary."""
    page = soup(site, "summary")
    rows = page.select("#timescales ~ table tbody tr")
    expected = [  # a version stands in each later edition that places it, so each edition has its own row
        (identifier, edition.id)
        for edition in CORPUS.editions
        for identifier in edition.placements
        if (version := CORPUS.provisions[identifier].version_in(edition.id)) and version.timescale
    ]
    assert len(rows) == len(expected) >= 8
    assert all(row.find("a", href=re.compile(r"^\.\./sources/.+#")) for row in rows)
    assert {"../provisions/notify-serious-incidents/", "../provisions/referral-decision-one-working-day/"} <= {
        row.find("a")["href"] for row in rows
    }
    for tree in CORPUS.trees:
        assert page.find("a", href=f"../trees/{tree}/"), tree


def test_every_role_and_module_has_a_built_page_reachable_from_its_index(site: Path) -> None:
    """Role pages and module pages exist and their indexes link to each."""
    roles = soup(site, "roles")
    for role in CORPUS.roles:
        assert roles.find("a", href=f"{role}/"), role
        assert soup(site, f"roles/{role}").find("h1")
    modules = soup(site, "modules")
    assert len(CORPUS.modules) >= 3
    for module in CORPUS.modules.values():
        assert modules.find("a", href=f"{module.id}/"), module.id
        page = soup(site, f"modules/{module.id}")
        assert len(page.select("h2[id^='step-']")) == len(module.steps)
        assert page.select(".wt-trainer .wt-trainer__label")


def test_the_home_page_offers_the_entry_points(site: Path) -> None:
    """Worried → trees; summary; roles; training modules; what changed in the current edition."""
    home = soup(site, ".")
    for href in ("trees/", "summary/", "roles/", "modules/", f"editions/{CURRENT.id}/changes/"):
        assert home.select_one(f"#start-here ~ ul a[href='{href}']"), href


def test_the_link_check_rejects_a_navigator_state_that_does_not_exist(site: Path) -> None:
    """The deep-link check in test_links can fail: a path with an answer the question lacks is refused."""
    from test_links import navigator_state_exists

    tree = soup(site, "trees/worried-about-a-child")
    assert navigator_state_exists(tree, "path=1.0")
    assert not navigator_state_exists(tree, "path=1.9")
    assert not navigator_state_exists(tree, "path=0.0")  # the first answer reaches an outcome
