"""The guidance as typed objects: editions, chapters, provisions and their evidence.

Every object keeps the Position it was written at, so any check can point an
editor at the exact line to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from .problems import Position

STRENGTHS = ("must", "should", "guidance", "editorial")
CHAPTER_STATUSES = ("statutory", "non-statutory")
# What an amendment means for practice, graded as Scotland's national child-protection guidance grades its changes.
CHANGE_GRADES = {
    "new-duty-or-expectation": "New duty or expectation",
    "changed-practice": "Changed practice",
    "clarification": "Clarification or wording",
    "reference-update": "Reference or link update",
}

# A cross-reference to a provision inside guidance text or a hand-written page: [[child-seen-alone]].
CROSS_REFERENCE = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]")


NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"),
        start=1,
    )
}  # fmt: skip
WORKING_DAYS = re.compile(r"(?:a maximum of )?(?P<count>[0-9]+|[a-z]+) working days?", re.IGNORECASE)
EDITORIAL_NOTE = "Editorial note"  # what a note of ours shows where a provision shows its number


@dataclass
class Footnote:
    """A footnote printed at the foot of a source's page: its number as printed and its cleaned text."""

    number: str
    text: str
    line: int = 0  # the line of its passage's text that followed it in the source: where it was printed
    source_lines: list[int] = field(default_factory=list)  # its lines in the extracted text file (from 0)


@dataclass
class Passage:
    """One passage of a source document: a numbered paragraph, recommendation or annex row, or an unnumbered part
    (kind `part`) such as an introduction, a box or a letter."""

    kind: str
    number: str
    text: str  # cleaned text, as shown on the source page; footnote markers are FOOTNOTE_MARK sentinels
    breaks: list[int] = field(default_factory=list)  # indexes of text lines that followed a blank line in the source
    headings: list[int] = field(default_factory=list)  # indexes of text lines that are headings
    footnotes: list[Footnote] = field(default_factory=list)  # footnotes printed while this passage was being read
    moved: list[int] = field(default_factory=list)  # indexes of text lines printed further on, shown there as parts

    @property
    def location(self) -> str:
        return f"{self.kind} {self.number}"

    @property
    def anchor(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", f"{self.kind} {self.number}".lower()).strip("-")


@dataclass
class Source:
    """A source document with its publication details and its numbered passages."""

    id: str
    title: str
    publisher: str
    published: str
    reference: str
    licence: str
    attribution: str
    cleaning: list[str]
    passages: dict[str, Passage]  # keyed by location, like "paragraph 3.26"
    position: Position


@dataclass
class Evidence:
    """Where a statement comes from: a source, a location in it and a verbatim quote."""

    source: str
    at: str
    quote: str
    position: Position
    at_position: Position | None = None  # where 'at' and 'quote' were written, for messages about them
    quote_position: Position | None = None
    shows: str = ""  # on provision versions: working-together, law, recommendation or views
    duty_holder: str = ""  # with shows: law, the role id the law puts the duty on


@dataclass
class Version:
    """Words a provision took in one edition (or its withdrawal there); they stand in later editions until replaced."""

    edition: str
    strength: str
    text: str
    evidence: list[Evidence]
    note: str
    withdrawn: bool
    position: Position
    text_position: Position
    timescale: Timescale | None = None
    updated: bool = False  # the sources call it an update of earlier wording they do not give
    change: str = ""  # one of CHANGE_GRADES on a version that amends an earlier one

    @property
    def cited_ids(self) -> list[str]:
        """Provision ids cross-referenced in the text."""
        return CROSS_REFERENCE.findall(self.text)


@dataclass
class Provision:
    """A unit of guidance with a stable id that never changes and is never reused."""

    id: str
    title: str
    roles: list[str]
    refs: list[str]
    terms: list[str]
    versions: list[Version]
    position: Position
    ref_positions: list[Position] = field(default_factory=list)
    role_positions: list[Position] = field(default_factory=list)
    term_positions: list[Position] = field(default_factory=list)

    def version_in(self, edition: str) -> Version | None:
        """The wording standing in one edition: the latest version taking effect in it or earlier, unless withdrawn.

        Whether the edition places the provision at all is for its table of contents to say.
        """
        earlier = [v for v in self.versions if v.edition <= edition]
        latest = max(earlier, key=lambda version: version.edition, default=None)
        return None if latest is None or latest.withdrawn else latest

    def amended(self, version: Version) -> Version | None:
        """The earlier wording `version` amends, if it changes the wording or strength that stood before it."""
        earlier = [v for v in self.versions if v.edition < version.edition and not v.withdrawn]
        old = max(earlier, key=lambda v: v.edition, default=None)
        if old is None or version.withdrawn:
            return None
        return old if (old.text.split(), old.strength) != (version.text.split(), version.strength) else None

    def version_of(self, edition: str) -> Version | None:
        """The version that takes effect in exactly this edition (wording or withdrawal), if there is one."""
        return next((v for v in self.versions if v.edition == edition), None)


@dataclass
class Section:
    """A titled group of provisions within a chapter."""

    title: str
    provisions: list[str]
    provision_positions: list[Position]
    position: Position


@dataclass
class Chapter:
    """A chapter of one edition, statutory guidance or non-statutory practice guidance."""

    number: str
    title: str
    status: str
    status_evidence: list[Evidence]
    status_note: str
    sections: list[Section]
    position: Position

    @property
    def provision_ids(self) -> list[str]:
        return [pid for section in self.sections for pid in section.provisions]


@dataclass(frozen=True)
class Placement:
    """Where a provision sits in one edition, and its number there (chapter.position)."""

    chapter: Chapter
    section: Section
    number: str  # "1.4"; a note of ours takes no number (EDITORIAL_NOTE), so it never reads as Working Together's

    @property
    def editorial(self) -> bool:
        return self.number == EDITORIAL_NOTE

    def titled(self, title: str) -> str:
        """The number before a title ("1.4 Early help"), or "Editorial note: …" for a note of ours."""
        return f"{self.number}: {title}" if self.editorial else f"{self.number} {title}"


@dataclass
class NotDescribed:
    """Provisions of an earlier edition that the sources neither place in this edition nor say were withdrawn."""

    reason: str
    provisions: list[str]
    provision_positions: list[Position]
    position: Position


@dataclass
class Addition:
    """A provision an extending edition adds to a section of the contents it inherits."""

    provision: str
    chapter: str
    section: str
    after: str  # the provision it follows; empty: the end of the section
    position: Position


@dataclass
class Edition:
    """One published edition of Working Together with its own table of contents."""

    id: str
    title: str
    published: str
    evidence: list[Evidence]
    chapters: list[Chapter]
    position: Position
    not_described: list[NotDescribed] = field(default_factory=list)
    # An edition may start from an earlier edition's contents and say only what differs (load/extends.py).
    extends: str = ""
    extends_position: Position | None = None
    removals: list[str] = field(default_factory=list)
    removal_positions: list[Position] = field(default_factory=list)
    additions: list[Addition] = field(default_factory=list)
    editorial: frozenset[str] = frozenset()  # provisions whose words in this edition are ours, not the sources'

    def undescribed(self, provision_id: str) -> NotDescribed | None:
        """The entry saying the sources do not describe this provision in this edition, if there is one."""
        return next((entry for entry in self.not_described if provision_id in entry.provisions), None)

    @cached_property
    def placements(self) -> dict[str, Placement]:
        """Each provision id in this edition with its chapter, section and number, in reading order; our editorial
        notes (`editorial`, set once every provision is loaded) are placed without a number."""
        placed: dict[str, Placement] = {}
        for chapter in self.chapters:
            index = 0
            for section in chapter.sections:
                for identifier in section.provisions:
                    if identifier in self.editorial:
                        placed.setdefault(identifier, Placement(chapter, section, EDITORIAL_NOTE))
                        continue
                    index += 1
                    placed.setdefault(identifier, Placement(chapter, section, f"{chapter.number}.{index}"))
        return placed


@dataclass
class Role:
    """Someone a provision applies to, such as a teacher or a social worker."""

    id: str
    name: str
    description: str
    position: Position


@dataclass
class Term:
    """A glossary entry: an abbreviation or a defined term."""

    id: str
    term: str
    expansion: str
    definition: str
    evidence: list[Evidence]
    position: Position


@dataclass
class Retirement:
    """A published id that no longer exists, and what replaced it."""

    id: str
    replaced_by: str
    reason: str
    position: Position


@dataclass
class Registry:
    """Every provision id ever published, and the ids retired since."""

    published: list[str]
    published_positions: list[Position]
    retired: list[Retirement]
    position: Position


# What an answer can tell the tree about the child and the reader, so the safety checks can follow every path
# (check/trees.py): the child is or may be harmed, abused or neglected; children's social care or the police
# already know (the reader has referred, or is the local authority itself); section 47 enquiries are under way.
ANSWER_SAYS = ("harm", "referred", "section-47")
# What a question asks, for the same checks: every tree asks about immediate danger first, and every path asks
# about abuse or neglect before an outcome that notifies or decides on a review.
QUESTION_ASKS = ("immediate-danger", "abuse-or-neglect")
# What the reader (or, in `then`, someone else) does at an outcome: a fixed vocabulary, so tests and the vignette
# runner can ask "does this journey tell them to refer?" without reading prose.
ACTIONS = {
    "call-999": "Call 999",
    "refer": "Refer to children's social care or the police",
    "tell-dsl": "Tell your designated safeguarding lead",
    "contact-designated-officer": "Contact the designated officer",
    "early-help": "Provide early help",
    "notify": "Notify",
    "decide-review": "Decide on a review",
    "none": "Nothing more is asked of you here",
}

# Bodies that act in a tree's `then` steps but are not roles (no provision applies to them as a reader's role, so
# they have no role page); `who:` takes a role id or one of these.
BODIES = {
    "child-death-overview-panel": "The child death overview panel",
    "prisons-and-probation-ombudsman": "The Prisons and Probation Ombudsman",
    "national-panel": "The national panel of independent experts",
}


@dataclass
class Answer:
    """One answer to a question, leading to the next node."""

    answer: str
    next: str
    position: Position
    next_position: Position
    says: list[str] = field(default_factory=list)  # from ANSWER_SAYS


@dataclass
class Step:
    """One statement of an outcome: who acts, what they do, how firmly the sources say so, and on what."""

    who: str  # a role id; "you" for the reader's own step
    action: str  # from ACTIONS; "" where a `then` step names none
    text: str
    strength: str
    cites: list[str]
    cite_positions: list[Position]
    position: Position
    deadline: str = ""  # a cited provision whose working-day time limit this step carries
    ours: str = ""  # our own advice added to the step, labelled once as ours
    field_positions: dict[str, Position] = field(default_factory=dict)


@dataclass
class TreeNode:
    """A question (with answers) or an outcome (with the provisions it cites)."""

    id: str
    question: str
    help: str
    answers: list[Answer]
    outcome: str
    text: str
    contact: str
    timescale: str
    cites: list[str]
    cite_positions: list[Position]
    position: Position
    deadlines: list[str] = field(default_factory=list)  # cited provisions whose working-day time limit applies
    deadline_positions: list[Position] = field(default_factory=list)
    strength: str = ""  # an outcome's own strength: what it tells the reader to do
    see_tree: str = ""  # an outcome that carries the reader on into another tree
    field_positions: dict[str, Position] = field(default_factory=dict)
    asks: str = ""  # a question's subject, from QUESTION_ASKS
    you_do: Step | None = None  # an outcome's first statement: what the reader does now
    then: list[Step] = field(default_factory=list)  # what others do next, and by when
    resume_at: str = ""  # with see_tree: the node of the other tree the reader goes on from (else its start)

    @property
    def is_outcome(self) -> bool:
        return not self.answers

    @property
    def steps(self) -> list[Step]:
        """An outcome's statements in the order a reader meets them: their own step, then everyone else's."""
        return ([self.you_do] if self.you_do else []) + self.then


@dataclass
class Tree:
    """A 'what to do' decision tree for one edition: a start question and a graph of nodes."""

    id: str
    title: str
    edition: str
    summary: str
    start: str
    nodes: dict[str, TreeNode]
    position: Position
    start_position: Position
    edition_position: Position
    superseded_ok: str = ""  # why the tree deliberately rests on an edition that has been replaced
    no_danger_question: str = ""  # a superseded tree's reason, shown on its page, for not asking about danger first
    field_positions: dict[str, Position] = field(default_factory=dict)

    def paths(self) -> list[list[tuple[TreeNode, Answer | None]]]:
        """Every path from the start to an outcome, as (node, answer taken) steps; assumes a checked tree."""
        found: list[list[tuple[TreeNode, Answer | None]]] = []

        def walk(node_id: str, path: list[tuple[TreeNode, Answer | None]]) -> None:
            node = self.nodes[node_id]
            if node.is_outcome:
                found.append([*path, (node, None)])
                return
            for answer in node.answers:
                walk(answer.next, [*path, (node, answer)])

        walk(self.start, [])
        return found


@dataclass
class Unloaded:
    """What the files and items that failed to load may have defined, so checks do not call references to it
    unknown: a schema error in one file must not hide, or fake, a problem in another."""

    ids: dict[str, set[str]] = field(default_factory=dict)  # kind of thing ("provision") -> ids that failed
    unreadable: set[str] = field(default_factory=set)  # kinds with a file not read at all: any id may be in it

    def may_define(self, kind: str, identifier: str) -> bool:
        """Whether a thing of this kind with this id may exist in content that failed to load."""
        return kind in self.unreadable or identifier in self.ids.get(kind, ())

    def any(self, kind: str) -> bool:
        """Whether anything of this kind failed to load."""
        return kind in self.unreadable or bool(self.ids.get(kind))


@dataclass
class Corpus:
    """Everything loaded from `guidance/`, ready to check and render."""

    sources: dict[str, Source] = field(default_factory=dict)
    editions: list[Edition] = field(default_factory=list)  # oldest first
    provisions: dict[str, Provision] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    registry: Registry | None = None
    trees: dict[str, Tree] = field(default_factory=dict)
    traceability: dict[str, Traceability] = field(default_factory=dict)  # keyed by source id
    summary: Summary | None = None
    modules: dict[str, Module] = field(default_factory=dict)
    overlay: Overlay | None = None  # a partnership's local contacts and notes, if configured
    unloaded: Unloaded = field(default_factory=Unloaded)  # empty unless files had problems

    @property
    def current_edition(self) -> Edition:
        return self.editions[-1]

    def edition(self, edition_id: str) -> Edition | None:
        return next((e for e in self.editions if e.id == edition_id), None)


@dataclass
class Tie:
    """Source items that the sources themselves tie to Working Together, with the evidence that says so."""

    items: list[str]
    item_positions: list[Position]
    evidence: list[Evidence]
    position: Position


@dataclass
class Implementation:
    """A source item implemented by provisions or glossary terms that do not quote it themselves."""

    item: str
    item_position: Position
    by: list[str]
    by_positions: list[Position]
    note: str
    position: Position


@dataclass
class Exclusion:
    """Source items that Working Together does not implement, and why."""

    reason: str
    items: list[str]
    item_positions: list[Position]
    position: Position


@dataclass
class Traceability:
    """Where each item of one source went: implemented (derived from evidence or listed) or out of scope."""

    source: str
    source_position: Position
    traced: list[str]
    traced_positions: list[Position]
    working_together: list[Tie]
    implemented: list[Implementation]
    out_of_scope: list[Exclusion]
    position: Position


@dataclass
class Timescale:
    """A time limit a provision version sets: what, by whom, within how long, from when, and the words that say so."""

    what: str
    period: str  # as the source words it, like "one working day"
    by: list[str]  # role ids
    start: str  # the event the clock starts from; empty when the source does not say
    quote: str  # part of one of the version's evidence quotes that states the time limit
    position: Position
    by_positions: list[Position] = field(default_factory=list)

    @property
    def working_days(self) -> int | None:
        """The number of working days the period counts ("one working day", "45 working days"), else None."""
        match = WORKING_DAYS.fullmatch(" ".join(self.period.split()))
        if not match:
            return None
        count = match["count"].lower()
        return int(count) if count.isdigit() else NUMBER_WORDS.get(count)


@dataclass
class Stage:
    """A stage of a case in the practitioner summary, with the provisions that belong to it."""

    id: str
    title: str
    label: str  # editorial words introducing the stage
    provisions: list[str]
    provision_positions: list[Position]
    position: Position
    trees: list[str] = field(default_factory=list)
    tree_positions: list[Position] = field(default_factory=list)


@dataclass
class Summary:
    """The practitioner summary: the stages of a case in order."""

    stages: list[Stage]
    position: Position
    stages_position: Position


@dataclass
class ModuleStep:
    """One step of a training module: a provision (in an edition) or a tree state, with discussion points."""

    provision: str
    edition: str  # empty: the current edition
    tree: str
    path: list[str]  # answers given, in order, from the tree's first question
    node: str  # the node the path is expected to reach; empty: not stated
    discuss: list[str]
    position: Position
    superseded_ok: str = ""  # why the step deliberately shows an edition that has been replaced
    field_positions: dict[str, Position] = field(default_factory=dict)
    path_positions: list[Position] = field(default_factory=list)


@dataclass
class Module:
    """A training module: an ordered set of steps for a trainer to work through."""

    id: str
    title: str
    audience: str
    aim: str
    steps: list[ModuleStep]
    position: Position


@dataclass(frozen=True)
class TreeState:
    """Where a list of answers leads in a tree: the answer indices taken and the node reached."""

    indices: tuple[int, ...]
    node: TreeNode
    stopped_at: int  # index of the first answer that could not be followed; len(answers) if all were


def follow(tree: Tree, answers: list[str]) -> TreeState:
    """Walk a tree from its start by answer wording, stopping at the first answer that does not fit or lead on."""
    node = tree.nodes[tree.start]
    indices: list[int] = []
    for step, wording in enumerate(answers):
        index = next((i for i, answer in enumerate(node.answers) if answer.answer == wording), None)
        if index is None or node.answers[index].next not in tree.nodes:
            return TreeState(tuple(indices), node, step)
        indices.append(index)
        node = tree.nodes[node.answers[index].next]
    return TreeState(tuple(indices), node, len(answers))


@dataclass
class LocalContact:
    """A partnership's own contact, such as its children's social care front door."""

    id: str
    name: str
    phone: str
    hours: str
    note: str
    position: Position


@dataclass
class LocalNote:
    """A partnership's note beside a provision, or beside an outcome of a decision tree."""

    text: str
    provision: str
    tree: str
    node: str
    contacts: list[str]
    position: Position
    target_position: Position
    node_position: Position
    contact_positions: list[Position]


@dataclass
class Overlay:
    """A partnership's local contacts and notes, kept apart from the national text and always marked as local."""

    partnership: str
    contacts: dict[str, LocalContact]
    notes: list[LocalNote]
    position: Position

    def provision_notes(self, provision_id: str) -> list[LocalNote]:
        """The local notes beside one provision."""
        return [note for note in self.notes if note.provision == provision_id]

    def outcome_notes(self, tree_id: str, node_id: str) -> list[LocalNote]:
        """The local notes beside one outcome of one tree."""
        return [note for note in self.notes if (note.tree, note.node) == (tree_id, node_id)]
