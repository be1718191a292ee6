"""What changed between two editions, worked out from each provision's versions and each edition's contents."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Corpus, Provision, Version


@dataclass
class Amendment:
    """A provision in both editions whose wording or strength differs."""

    provision: Provision
    old: Version
    new: Version

    @property
    def strength_changed(self) -> bool:
        """Whether the amendment changes how binding the provision is (should to practice guidance, say)."""
        return self.old.strength != self.new.strength


@dataclass
class Move:
    """A provision placed in both editions under different numbers."""

    provision: Provision
    old_number: str
    new_number: str


@dataclass
class Changes:
    """Provisions added, updated, amended, withdrawn, moved (and left undescribed) going from one edition to another."""

    old_edition: str
    new_edition: str
    added: list[Provision] = field(default_factory=list)
    updated: list[Provision] = field(default_factory=list)  # earlier wording the sources do not give
    amended: list[Amendment] = field(default_factory=list)
    withdrawn: list[Provision] = field(default_factory=list)
    moved: list[Move] = field(default_factory=list)
    not_described: list[Provision] = field(default_factory=list)  # placed in the old edition, undescribed in the new


@dataclass(frozen=True)
class Concordance:
    """One provision's number in the old edition and in the new ('' where it is not placed there)."""

    provision_id: str
    old_number: str
    new_number: str
    fate: str  # what happened where the new edition does not place it: withdrawn or not described; else ''


def compare(corpus: Corpus, old_edition: str, new_edition: str) -> Changes:
    """The changes from `old_edition` to the later `new_edition`, each list in provision id order.

    A version stands until a later one replaces it, so each provision placed in the new
    edition is compared with the wording standing in the old one, whether or not the
    old edition's (partly described) contents place it. Added means no wording stood in
    the old edition; only an explicit `withdrawn` version counts as a withdrawal.
    A first version the sources call an update (`updated: true`) is "updated", not
    "added"; a first editorial version is our note, not a change.
    """
    if not old_edition < new_edition:
        raise ValueError(f"edition {old_edition} is not earlier than edition {new_edition}")
    old_places = _edition(corpus, old_edition).placements
    new_edition_ = _edition(corpus, new_edition)
    changes = Changes(old_edition, new_edition)
    for provision in sorted(corpus.provisions.values(), key=lambda provision: provision.id):
        old, new = provision.version_in(old_edition), provision.version_in(new_edition)
        before, after = old_places.get(provision.id), new_edition_.placements.get(provision.id)
        if after is None:
            if _withdrawn_between(provision, old_edition, new_edition):
                changes.withdrawn.append(provision)
            elif before is not None:
                changes.not_described.append(provision)
            continue
        if old is None and new is not None and new.strength == "editorial":
            pass  # our own note: the edition did not add it
        elif old is None:
            (changes.updated if new is not None and new.updated else changes.added).append(provision)
        elif new is not None and (old.text.split(), old.strength) != (new.text.split(), new.strength):
            changes.amended.append(Amendment(provision, old, new))
        if before is not None and before.number != after.number:
            changes.moved.append(Move(provision, before.number, after.number))
    return changes


def concordance(corpus: Corpus, old_edition: str, new_edition: str) -> list[Concordance]:
    """Old number against new number for every provision either edition places, in the new edition's order."""
    old_places = _edition(corpus, old_edition).placements
    new = _edition(corpus, new_edition)
    rows = [
        Concordance(pid, old_places[pid].number if pid in old_places else "", placement.number, "")
        for pid, placement in new.placements.items()
    ]
    for pid, placement in old_places.items():
        if pid not in new.placements:
            withdrawn = _withdrawn_between(corpus.provisions[pid], old_edition, new_edition)
            rows.append(Concordance(pid, placement.number, "", "withdrawn" if withdrawn else "not described"))
    return rows


def _withdrawn_between(provision: Provision, old_edition: str, new_edition: str) -> bool:
    return any(v.withdrawn and old_edition < v.edition <= new_edition for v in provision.versions)


def _edition(corpus: Corpus, edition_id: str):  # noqa: ANN202 - an Edition
    edition = corpus.edition(edition_id)
    if edition is None:
        raise ValueError(f"unknown edition {edition_id}")
    return edition
