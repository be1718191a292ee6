"""A tiny, valid guidance folder that tests copy and then break in one precise way."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "sources/report.txt": (
        "# A report\n\n"
        "- 1.1 The child should be seen alone when appropriate.\n"
        "- 1.2 Referrals should be decided within one working day.\n"
        "\tand feedback given to the referrer<sup>3</sup>.\n"
    ),
    "sources/report.yml": (
        "id: report\n"
        "file: report.txt\n"
        "title: A report\n"
        "publisher: A department\n"
        'published: "2010-03"\n'
        "reference: REF-1\n"
        "licence: Crown copyright\n"
        "attribution: © Crown copyright 2010\n"
        "locations:\n"
        "  - kind: paragraph\n"
        "    pattern: '^(?:- )?(?P<number>\\d+\\.\\d+) '\n"
    ),
    "editions/2010.yml": (
        'id: "2010"\n'
        "title: Working Together 2010\n"
        'published: "2010-03"\n'
        "evidence:\n"
        "  - source: report\n"
        "    at: paragraph 1.1\n"
        "    quote: seen alone when appropriate\n"
        "chapters:\n"
        '  - number: "5"\n'
        "    title: Individual cases\n"
        "    status: statutory\n"
        "    status_note: The sources call the whole document statutory guidance.\n"
        "    sections:\n"
        "      - title: Seeing the child\n"
        "        provisions:\n"
        "          - child-seen-alone\n"
        "          - referral-decision\n"
    ),
    "provisions/cases.yml": (
        "provisions:\n"
        "  - id: child-seen-alone\n"
        "    title: Seeing the child alone\n"
        "    roles: [social-worker]\n"
        "    refs: [referral-decision]\n"
        "    versions:\n"
        '      - edition: "2010"\n'
        "        strength: should\n"
        "        text: The child should be seen alone when appropriate. See [[referral-decision]].\n"
        "        evidence:\n"
        "          - source: report\n"
        "            at: paragraph 1.1\n"
        "            quote: The child should be seen alone when appropriate.\n"
        "            shows: working-together\n"
        "  - id: referral-decision\n"
        "    title: Deciding on a referral\n"
        "    terms: [lscb]\n"
        "    versions:\n"
        '      - edition: "2010"\n'
        "        strength: should\n"
        "        text: Referrals should be decided within one working day.\n"
        "        evidence:\n"
        "          - source: report\n"
        "            at: paragraph 1.2\n"
        "            quote: within one working day. and feedback given to the referrer.\n"
        "            shows: working-together\n"
    ),
    "roles.yml": "roles:\n  - id: social-worker\n    name: Social worker\n    description: Social workers.\n",
    "glossary.yml": (
        "terms:\n"
        "  - id: lscb\n"
        "    term: LSCB\n"
        "    expansion: Local Safeguarding Children Board\n"
        "    evidence:\n"
        "      - source: report\n"
        "        at: paragraph 1.2\n"
        "        quote: Referrals should be decided\n"
    ),
    "published-ids.yml": "published:\n  - child-seen-alone\n  - referral-decision\nretired: []\n",
    # Traces nothing, so that mistakes made elsewhere by other tests do not also leave items unaccounted for.
    "traceability/report.yml": "source: report\ntraced: []\n",
    "summary.yml": (
        "stages:\n"
        "  - id: first-contact\n"
        "    title: First contact\n"
        "    label: When a concern first reaches children's social care.\n"
        "    provisions:\n"
        "      - referral-decision\n"
        "      - child-seen-alone\n"
    ),
}


REFERRAL_EVIDENCE_END = (
    "quote: within one working day. and feedback given to the referrer.\n            shows: working-together\n"
)

# Edits that make referral-decision a Must the claims rule accepts: a law naming its duty-holder, who is its role.
# The new lines go at the end of the file so that the positions other tests expect do not move.
REFERRAL_LAW = (
    "provisions/cases.yml",
    REFERRAL_EVIDENCE_END,
    REFERRAL_EVIDENCE_END + "          - source: report\n            at: paragraph 1.2\n"
    "            quote: Referrals should be decided\n            shows: law\n            duty_holder: social-worker\n",
)
AS_LEGAL_DUTY = [
    (
        "provisions/cases.yml",
        "        strength: should\n        text: Referrals",
        "        strength: must\n        text: Referrals",
    ),
    (REFERRAL_LAW[0], REFERRAL_LAW[1], REFERRAL_LAW[2] + "    roles: [social-worker]\n"),
]


def write_small_guidance(folder: Path) -> Path:
    """Write the tiny corpus into folder/guidance and return that path."""
    guidance = folder / "guidance"
    for name, text in FILES.items():
        path = guidance / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return guidance


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a file of the tiny corpus; fail loudly if the text to replace is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


SMALL_TREE = (
    "id: worried\n"
    "title: Worried about a child\n"
    'edition: "2010"\n'
    "summary: For anyone worried about a child.\n"
    "start: danger\n"
    "nodes:\n"
    "  - id: danger\n"
    "    question: Is the child in immediate danger?\n"
    "    asks: immediate-danger\n"
    "    answers:\n"
    "      - answer: 'Yes'\n"
    "        says: [harm]\n"
    "        next: call-999\n"
    "      - answer: 'No'\n"
    "        next: seen\n"
    "  - id: seen\n"
    "    question: Has the child been seen alone?\n"
    "    answers:\n"
    "      - answer: 'Yes'\n"
    "        next: refer\n"
    "      - answer: 'No'\n"
    "        next: see-child\n"
    "  - id: see-child\n"
    "    outcome: See the child alone\n"
    "    you_do:\n"
    "      action: none\n"
    "      strength: should\n"
    "      text: See the child alone when appropriate.\n"
    "      cites: [child-seen-alone]\n"
    "  - id: refer\n"
    "    outcome: Decide on the referral\n"
    "    you_do:\n"
    "      action: refer\n"
    "      strength: should\n"
    "      text: Refer the child.\n"
    "      cites: [child-seen-alone]\n"
    "    then:\n"
    "      - who: social-worker\n"
    "        strength: should\n"
    "        text: The social worker decides on the referral.\n"
    "        cites: [referral-decision]\n"
    "  - id: call-999\n"
    "    outcome: Call 999\n"
    "    you_do:\n"
    "      action: call-999\n"
    "      strength: editorial\n"
    "      text: Call 999.\n"
)


def write_small_tree(folder: Path) -> Path:
    """Write a two-outcome tree over the tiny corpus into folder/decision_trees and return its path."""
    path = folder / "decision_trees" / "worried.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SMALL_TREE, encoding="utf-8")
    return path


SMALL_MODULE = (
    "id: first-steps\n"
    "title: First steps\n"
    "audience: new social workers\n"
    "aim: Know what to do first.\n"
    "steps:\n"
    "  - provision: referral-decision\n"
    "    discuss:\n"
    "      - What does <b>one working day</b> mean to you?\n"
    "  - tree: worried\n"
    "    path: ['No', 'No']\n"
    "    node: see-child\n"
    "  - provision: child-seen-alone\n"
    '    edition: "2010"\n'
)


def write_small_module(folder: Path) -> Path:
    """Write the tree and a three-step module over the tiny corpus; return the module's path."""
    write_small_tree(folder)
    path = folder / "guidance" / "modules" / "first-steps.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(SMALL_MODULE, encoding="utf-8")
    return path
