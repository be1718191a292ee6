"""Read every YAML file under `guidance/` into a Corpus, collecting every problem on the way.

Each file is checked against its schema before anything is built from it, so the
objects in a Corpus are always well formed; files with problems (or, in lists of
provisions, roles and terms, the items with problems) are left out and their problems
returned, and the caller stops before rendering.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import (
    Addition,
    Answer,
    Chapter,
    Corpus,
    Edition,
    Evidence,
    Exclusion,
    Implementation,
    LocalContact,
    LocalNote,
    Module,
    ModuleStep,
    NotDescribed,
    Overlay,
    Provision,
    Registry,
    Retirement,
    Role,
    Section,
    Source,
    Stage,
    Step,
    Summary,
    Term,
    Tie,
    Timescale,
    Traceability,
    Tree,
    TreeNode,
    Version,
)
from ..problems import Position, Problem
from .cache import cached_passages, read_and_validate
from .extends import resolve_extensions
from .files import Unreadable, boundary, check_link, content_files, read_text
from .partial import loadable_part, thing
from .sources import STANDARD_CLEANING, LocationRule, PatternTooSlow, compile_location
from .yaml_positions import Mapping, YamlProblem, forbidden_character

# Where each kind of file lives under guidance/.
SINGLE_FILES = {
    "roles.yml": "roles",
    "glossary.yml": "glossary",
    "published-ids.yml": "registry",
    "summary.yml": "summary",
}
FOLDERS = {
    "sources": "source",
    "editions": "edition",
    "provisions": "provisions",
    "traceability": "traceability",
    "modules": "module",
}


def load_corpus(
    guidance_dir: Path, project_dir: Path, trees_dir: Path | None = None, overlay: Path | None = None
) -> tuple[Corpus, list[Problem]]:
    """Load all guidance (and decision trees, and a local overlay); return the corpus and every problem met."""
    loader = _CorpusLoader(project_dir, boundary(project_dir, guidance_dir, trees_dir, overlay))
    if overlay:
        loader.load_file(overlay, "overlay")
    found = loader.content_files(guidance_dir, recursive=True)
    for path in found or []:
        loader.load_file(path, _kind(guidance_dir, path))
    for path in (loader.content_files(trees_dir, recursive=False) or []) if trees_dir else []:
        loader.load_file(path, "tree")
    for name in SINGLE_FILES if found is not None else []:
        if guidance_dir / name not in found:
            loader.problems.append(
                Problem(
                    Position(loader.display(guidance_dir / name), 1, 1), "", "file is missing", "restore it from git"
                )
            )
    loader.corpus.editions.sort(key=lambda edition: edition.id)
    loader.problems.extend(resolve_extensions(loader.corpus.editions))
    _mark_editorial(loader.corpus)
    return loader.corpus, loader.problems


def _mark_editorial(corpus: Corpus) -> None:
    """Tell each edition which of its provisions are our editorial notes, before anything asks for its numbers."""
    for edition in corpus.editions:
        edition.editorial = frozenset(
            identifier
            for identifier, provision in corpus.provisions.items()
            if (version := provision.version_in(edition.id)) and version.strength == "editorial"
        )
        edition.__dict__.pop("placements", None)  # numbered before the notes were known: number again


def _kind(guidance_dir: Path, path: Path) -> str | None:
    relative = path.relative_to(guidance_dir)
    if len(relative.parts) == 1:
        return SINGLE_FILES.get(relative.name)
    if len(relative.parts) == 2:
        return FOLDERS.get(relative.parts[0])
    return None


class _CorpusLoader:
    """Builds a Corpus file by file and keeps the problems found."""

    def __init__(self, project_dir: Path, roots: tuple[Path, ...]) -> None:
        self.project_dir = project_dir
        self.roots = roots  # the real folders files may be read from (see files.boundary)
        self.corpus = Corpus()
        self.problems: list[Problem] = []
        self.first_seen: dict[tuple[str, str], Position] = {}

    def display(self, path: Path) -> str:
        # The path as written, not where a symbolic link leads.
        try:
            return Path(os.path.abspath(path)).relative_to(os.path.abspath(self.project_dir)).as_posix()
        except ValueError:
            pass
        try:
            return path.resolve().relative_to(self.project_dir.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return path.as_posix()

    def content_files(self, folder: Path, recursive: bool) -> list[Path] | None:
        """The YAML files in a content folder; a folder that cannot be used is a problem (and None)."""
        try:
            check_link(folder, self.roots)
        except Unreadable as error:
            self._unreadable(folder, error)
            return None
        found, refused = content_files(folder, recursive)
        for path, error in refused:
            self._unreadable(path, error)
        return None if any(path == folder for path, _ in refused) else found

    def _unreadable(self, path: Path, error: Unreadable) -> None:
        self.problems.append(
            Problem(Position(self.display(path), error.line, error.column), "", error.message, error.fix)
        )

    def load_file(self, path: Path, kind: str | None) -> None:
        name = self.display(path)
        if path.suffix == ".yaml":
            self.problems.append(Problem(Position(name, 1, 1), "", "guidance files end in .yml", "rename it to .yml"))
            return
        if kind is None:
            self.problems.append(
                Problem(
                    Position(name, 1, 1),
                    "",
                    "not a known kind of guidance file, so it would be ignored",
                    "move it into guidance/editions/, guidance/provisions/ or guidance/sources/",
                )
            )
            return
        try:
            data, problems = read_and_validate(path, name, kind, self.roots)
        except YamlProblem as error:
            self.problems.append(error.problem)
            self.corpus.unloaded.unreadable.add(thing(kind))
            return
        if problems:
            # Load what has no problem, so the checks still run on it and every problem shows in one run.
            self.problems.extend(problems)
            data = loadable_part(data, kind, problems, self.corpus.unloaded)
            if data is None:
                return
        getattr(self, f"_add_{kind}")(data, path)

    def _unique(self, kind: str, identifier: str, position: Position, where: str) -> bool:
        """Record an id; report it if the same kind of thing already has it."""
        first = self.first_seen.setdefault((kind, identifier), position)
        if first == position:
            return True
        # Which id the duplicate was meant to have is unknown, so references of its kind cannot be judged.
        self.corpus.unloaded.unreadable.add(thing(kind))
        self.problems.append(
            Problem(
                position, where, f"duplicate {kind} id '{identifier}' (first defined at {first})", "give it a new id"
            )
        )
        return False

    def _add_source(self, data: Mapping, path: Path) -> None:
        name = self.display(path)
        text_path = path.with_name(data["file"])
        if not os.path.lexists(text_path):
            self.problems.append(
                Problem(data.value_positions["file"], "file", f"no file '{data['file']}' beside {path.name}", "add it")
            )
            return
        try:
            text = read_text(text_path, self.roots)
        except Unreadable as error:
            self.problems.append(
                Problem(data.value_positions["file"], "file", f"'{data['file']}' {error.message}", error.fix)
            )
            return
        if problem := forbidden_character(text, self.display(text_path)):
            self.problems.append(problem)
            return
        rules = []
        for index, location in enumerate(data["locations"]):
            rule = self._rule(location, f"locations[{index}]")
            if rule:
                rules.append(rule)
        if not self._unique("source", data["id"], data.value_positions["id"], "id"):
            return
        try:
            passages = cached_passages(text, rules, str(text_path))
        except PatternTooSlow as error:
            index = next(i for i, rule in enumerate(rules) if rule.pattern.pattern == error.pattern)
            self.problems.append(
                Problem(
                    data["locations"][index].value_positions["pattern"],
                    f"locations[{index}].pattern",
                    f"matching the pattern against {data['file']} took more than {error.limit:g} s",
                    "simplify it: no nested repeats such as (\\w+\\s?)+ and no runs such as .*.*",
                )
            )
            return
        self.corpus.sources[data["id"]] = Source(
            id=data["id"],
            title=data["title"],
            publisher=data["publisher"],
            published=data["published"],
            reference=data["reference"],
            licence=data["licence"],
            attribution=data["attribution"],
            cleaning=STANDARD_CLEANING + list(data.get("cleaning", [])),
            passages=passages,
            position=Position(name, 1, 1),
        )

    def _rule(self, location: Mapping, where: str) -> LocationRule | None:
        position = location.value_positions["pattern"]
        try:
            pattern = compile_location(location["pattern"])
        except ValueError as error:
            self.problems.append(Problem(position, f"{where}.pattern", str(error), "correct it"))
            return None
        if "number" not in pattern.groupindex:
            self.problems.append(
                Problem(position, f"{where}.pattern", "the pattern has no (?P<number>...) group", "add one")
            )
            return None
        return LocationRule(location["kind"], pattern, location.get("from", ""), location.get("until", ""))

    def _add_edition(self, data: Mapping, path: Path) -> None:
        if not self._unique("edition", data["id"], data.value_positions["id"], "id"):
            return
        self.corpus.editions.append(
            Edition(
                id=data["id"],
                title=data["title"],
                published=data["published"],
                evidence=_evidence(data["evidence"]),
                chapters=[_chapter(chapter) for chapter in data.get("chapters", [])],
                position=data.position,
                extends=data.get("extends", ""),
                extends_position=data.value_positions.get("extends"),
                removals=list(data.get("remove", [])),
                removal_positions=_item_positions(data, "remove"),
                additions=[
                    Addition(item["provision"], item["chapter"], item["section"], item.get("after", ""), item.position)
                    for item in data.get("add", [])
                ],
                not_described=[
                    NotDescribed(
                        reason=entry["reason"],
                        provisions=list(entry["provisions"]),
                        provision_positions=list(entry["provisions"].item_positions),
                        position=entry.position,
                    )
                    for entry in data.get("not_described", [])
                ],
            )
        )

    def _add_provisions(self, data: Mapping, path: Path) -> None:
        for index, item in enumerate(data["provisions"]):
            if not self._unique("provision", item["id"], item.value_positions["id"], f"provisions[{index}].id"):
                continue
            self.corpus.provisions[item["id"]] = Provision(
                id=item["id"],
                title=item["title"],
                roles=list(item.get("roles", [])),
                refs=list(item.get("refs", [])),
                terms=list(item.get("terms", [])),
                versions=[_version(version) for version in item["versions"]],
                position=item.position,
                ref_positions=_item_positions(item, "refs"),
                role_positions=_item_positions(item, "roles"),
                term_positions=_item_positions(item, "terms"),
            )

    def _add_roles(self, data: Mapping, path: Path) -> None:
        for index, item in enumerate(data["roles"]):
            if self._unique("role", item["id"], item.value_positions["id"], f"roles[{index}].id"):
                self.corpus.roles[item["id"]] = Role(item["id"], item["name"], item["description"], item.position)

    def _add_glossary(self, data: Mapping, path: Path) -> None:
        for index, item in enumerate(data["terms"]):
            if self._unique("glossary term", item["id"], item.value_positions["id"], f"terms[{index}].id"):
                self.corpus.terms[item["id"]] = Term(
                    id=item["id"],
                    term=item["term"],
                    expansion=item.get("expansion", ""),
                    definition=item.get("definition", ""),
                    evidence=_evidence(item["evidence"]),
                    position=item.position,
                )

    def _add_tree(self, data: Mapping, path: Path) -> None:
        if not self._unique("decision tree", data["id"], data.value_positions["id"], "id"):
            return
        nodes: dict[str, TreeNode] = {}
        for index, item in enumerate(data["nodes"]):
            if self._unique(f"node of tree {data['id']}", item["id"], item.value_positions["id"], f"nodes[{index}].id"):
                nodes[item["id"]] = _tree_node(item)
        self.corpus.trees[data["id"]] = Tree(
            id=data["id"],
            title=data["title"],
            edition=data["edition"],
            summary=data["summary"],
            start=data["start"],
            nodes=nodes,
            position=data.position,
            start_position=data.value_positions["start"],
            edition_position=data.value_positions["edition"],
            superseded_ok=data.get("superseded_ok", ""),
            no_danger_question=data.get("no_danger_question", ""),
            field_positions=dict(data.value_positions),
        )

    def _add_registry(self, data: Mapping, path: Path) -> None:
        self.corpus.registry = Registry(
            published=list(data["published"]),
            published_positions=list(data["published"].item_positions),
            retired=[
                Retirement(item["id"], item["replaced_by"], item["reason"], item.position) for item in data["retired"]
            ],
            position=data.position,
        )

    def _add_traceability(self, data: Mapping, path: Path) -> None:
        if not self._unique("traceability file for source", data["source"], data.value_positions["source"], "source"):
            return
        self.corpus.traceability[data["source"]] = Traceability(
            source=data["source"],
            source_position=data.value_positions["source"],
            traced=list(data["traced"]),
            traced_positions=list(data["traced"].item_positions),
            working_together=[
                Tie(list(tie["items"]), list(tie["items"].item_positions), _evidence(tie["evidence"]), tie.position)
                for tie in data.get("working_together", [])
            ],
            implemented=[
                Implementation(
                    item=entry["item"],
                    item_position=entry.value_positions["item"],
                    by=list(entry["by"]),
                    by_positions=list(entry["by"].item_positions),
                    note=entry.get("note", ""),
                    position=entry.position,
                )
                for entry in data.get("implemented", [])
            ],
            out_of_scope=[
                Exclusion(group["reason"], list(group["items"]), list(group["items"].item_positions), group.position)
                for group in data.get("out_of_scope", [])
            ],
            position=data.position,
        )

    def _add_summary(self, data: Mapping, path: Path) -> None:
        stages = []
        for index, item in enumerate(data["stages"]):
            if self._unique("summary stage", item["id"], item.value_positions["id"], f"stages[{index}].id"):
                stages.append(_stage(item))
        self.corpus.summary = Summary(stages, data.position, data.value_positions["stages"])

    def _add_module(self, data: Mapping, path: Path) -> None:
        if not self._unique("training module", data["id"], data.value_positions["id"], "id"):
            return
        self.corpus.modules[data["id"]] = Module(
            id=data["id"],
            title=data["title"],
            audience=data["audience"],
            aim=data["aim"],
            steps=[_module_step(step) for step in data["steps"]],
            position=data.position,
        )

    def _add_overlay(self, data: Mapping, path: Path) -> None:
        contacts: dict[str, LocalContact] = {}
        for index, item in enumerate(data.get("contacts", [])):
            if self._unique("local contact", item["id"], item.value_positions["id"], f"contacts[{index}].id"):
                contacts[item["id"]] = LocalContact(
                    item["id"], item["name"], item["phone"], item.get("hours", ""), item.get("note", ""), item.position
                )
        notes = [
            LocalNote(
                text=item["text"],
                provision=item.get("provision", ""),
                tree=item.get("tree", ""),
                node=item.get("node", ""),
                contacts=list(item.get("contacts", [])),
                position=item.position,
                target_position=item.value_positions.get("provision", item.value_positions.get("tree", item.position)),
                node_position=item.value_positions.get("node", item.position),
                contact_positions=_item_positions(item, "contacts"),
            )
            for item in data.get("notes", [])
        ]
        self.corpus.overlay = Overlay(data["partnership"], contacts, notes, data.position)


def _item_positions(item: Mapping, key: str) -> list[Position]:
    return list(item[key].item_positions) if key in item else []


def _evidence(items: list[Mapping]) -> list[Evidence]:
    return [
        Evidence(
            item["source"],
            item["at"],
            item["quote"],
            item.position,
            item.value_positions["at"],
            item.value_positions["quote"],
            shows=item.get("shows", ""),
            duty_holder=item.get("duty_holder", ""),
        )
        for item in items
    ]


def _chapter(data: Mapping) -> Chapter:
    return Chapter(
        number=data["number"],
        title=data["title"],
        status=data["status"],
        status_evidence=_evidence(data.get("status_evidence", [])),
        status_note=data.get("status_note", ""),
        sections=[
            Section(
                title=section["title"],
                provisions=list(section["provisions"]),
                provision_positions=list(section["provisions"].item_positions),
                position=section.position,
            )
            for section in data["sections"]
        ],
        position=data.position,
    )


def _version(data: Mapping) -> Version:
    return Version(
        edition=data["edition"],
        strength=data.get("strength", "editorial"),
        text=data.get("text", ""),
        evidence=_evidence(data.get("evidence", [])),
        note=data.get("note", ""),
        withdrawn=data.get("withdrawn", False),
        position=data.position,
        text_position=data.value_positions.get("text", data.position),
        timescale=_timescale(data["timescale"]) if "timescale" in data else None,
        updated=data.get("updated", False),
        change=data.get("change", ""),
    )


def _timescale(data: Mapping) -> Timescale:
    return Timescale(
        what=data["what"],
        period=data["within"],
        by=list(data["by"]),
        start=data.get("from", ""),
        quote=data["quote"],
        position=data.position,
        by_positions=list(data["by"].item_positions),
    )


def _stage(data: Mapping) -> Stage:
    return Stage(
        id=data["id"],
        title=data["title"],
        label=data["label"],
        provisions=list(data["provisions"]),
        provision_positions=list(data["provisions"].item_positions),
        position=data.position,
        trees=list(data.get("trees", [])),
        tree_positions=_item_positions(data, "trees"),
    )


def _module_step(data: Mapping) -> ModuleStep:
    return ModuleStep(
        provision=data.get("provision", ""),
        edition=data.get("edition", ""),
        tree=data.get("tree", ""),
        path=list(data.get("path", [])),
        node=data.get("node", ""),
        discuss=list(data.get("discuss", [])),
        superseded_ok=data.get("superseded_ok", ""),
        position=data.position,
        field_positions=dict(data.value_positions),
        path_positions=_item_positions(data, "path"),
    )


def _tree_node(item: Mapping) -> TreeNode:
    answers = [
        Answer(
            answer["answer"],
            answer["next"],
            answer.position,
            answer.value_positions["next"],
            says=list(answer.get("says", [])),
        )
        for answer in item.get("answers", [])
    ]
    you_do = _step(item["you_do"], "you") if "you_do" in item else None
    then = [_step(step, step["who"]) for step in item.get("then", [])]
    steps = ([you_do] if you_do else []) + then
    with_deadline = [step for step in steps if step.deadline]
    return TreeNode(
        id=item["id"],
        question=item.get("question", ""),
        help=item.get("help", ""),
        answers=answers,
        outcome=item.get("outcome", ""),
        text="",
        contact=item.get("contact", ""),
        timescale="",
        # An outcome rests on everything its steps cite, in the order a reader meets them.
        cites=[cited for step in steps for cited in step.cites],
        cite_positions=[position for step in steps for position in step.cite_positions],
        position=item.position,
        deadlines=[step.deadline for step in with_deadline],
        deadline_positions=[step.field_positions["deadline"] for step in with_deadline],
        strength=you_do.strength if you_do else "",
        see_tree=item.get("see_tree", ""),
        field_positions=dict(item.value_positions),
        asks=item.get("asks", ""),
        you_do=you_do,
        then=then,
        resume_at=item.get("resume_at", ""),
    )


def _step(item: Mapping, who: str) -> Step:
    """One statement of an outcome: the reader's own (`you_do`) or someone else's (an item of `then`)."""
    return Step(
        who=who,
        action=item.get("action", ""),
        text=item["text"],
        strength=item["strength"],
        cites=list(item.get("cites", [])),
        cite_positions=_item_positions(item, "cites"),
        position=item.position,
        deadline=item.get("deadline", ""),
        ours=item.get("ours", ""),
        field_positions=dict(item.value_positions),
    )
