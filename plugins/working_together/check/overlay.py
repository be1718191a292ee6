"""The local overlay: every note points at a real provision or tree outcome, and at real local contacts."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Corpus, LocalNote
from ..problems import Problem
from .suggest import did_you_mean


def overlay_problems(corpus: Corpus) -> list[Problem]:
    """Every local note that points at nothing, or at something other than a provision or an outcome."""
    if corpus.overlay is None:
        return []
    return [problem for index, note in enumerate(corpus.overlay.notes) for problem in _note(corpus, note, index)]


def _note(corpus: Corpus, note: LocalNote, index: int) -> Iterator[Problem]:
    where = f"notes[{index}]"
    if bool(note.provision) == bool(note.tree or note.node):
        yield Problem(
            note.position,
            where,
            "a local note needs either 'provision:' or both 'tree:' and 'node:'",
            "say which provision or which tree outcome it sits beside",
        )
    elif note.provision and corpus.unloaded.may_define("provision", note.provision):
        pass  # its file has a problem of its own
    elif note.tree and corpus.unloaded.may_define("tree", note.tree):
        pass
    elif note.provision and note.provision not in corpus.provisions:
        message = f"unknown provision '{note.provision}'{did_you_mean(note.provision, corpus.provisions)}"
        yield Problem(note.target_position, f"{where}.provision", message, "use an id from guidance/provisions/")
    elif note.tree and note.tree not in corpus.trees:
        message = f"unknown decision tree '{note.tree}'{did_you_mean(note.tree, corpus.trees)}"
        yield Problem(note.target_position, f"{where}.tree", message, "use an id from decision_trees/")
    elif note.tree and not note.node:
        yield Problem(note.position, where, "missing field 'node'", "add the id of the outcome the note sits beside")
    elif note.node and not note.tree:
        yield Problem(
            note.node_position, f"{where}.node", "missing field 'tree'", "add tree: with the id of the node's tree"
        )
    elif note.provision and (problem := _withdrawn(corpus, note, where)):
        yield problem
    elif note.tree:
        nodes = corpus.trees[note.tree].nodes
        if note.node not in nodes:
            message = f"unknown node '{note.node}' in tree '{note.tree}'{did_you_mean(note.node, nodes)}"
            yield Problem(note.node_position, f"{where}.node", message, "use the id of one of its outcomes")
        elif not nodes[note.node].is_outcome:
            message = f"'{note.node}' is a question, not an outcome"
            yield Problem(note.node_position, f"{where}.node", message, "attach local notes to outcomes")
    for identifier, position in zip(note.contacts, note.contact_positions, strict=True):
        if identifier not in corpus.overlay.contacts:
            message = f"unknown local contact '{identifier}'{did_you_mean(identifier, corpus.overlay.contacts)}"
            yield Problem(position, f"{where}.contacts", message, "add it under contacts: or correct the id")


def _withdrawn(corpus: Corpus, note: LocalNote, where: str) -> Problem | None:
    """A note beside a provision the latest edition withdrew (or no longer has) would hang on stale guidance."""
    if not corpus.editions:
        return None
    current = corpus.current_edition
    provision = corpus.provisions[note.provision]
    if note.provision in current.placements and provision.version_in(current.id) is not None:
        return None
    gone = "withdrawn" if provision.version_in(current.id) is None else "no longer placed"
    return Problem(
        note.target_position,
        f"{where}.provision",
        f"provision '{note.provision}' is {gone} in the {current.id} edition, so the note sits beside guidance"
        " that is no longer current",
        "move the note beside the provision that replaced it, or remove it",
    )
