"""What changed between two editions, worked out from each provision's versions."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Corpus, Provision, Version


@dataclass
class Amendment:
    """A provision in both editions whose wording or strength differs."""

    provision: Provision
    old: Version
    new: Version


@dataclass
class Changes:
    """Provisions added, updated, amended and withdrawn going from one edition to another."""

    old_edition: str
    new_edition: str
    added: list[Provision] = field(default_factory=list)
    updated: list[Provision] = field(default_factory=list)  # earlier wording the sources do not give
    amended: list[Amendment] = field(default_factory=list)
    withdrawn: list[Provision] = field(default_factory=list)


def compare(corpus: Corpus, old_edition: str, new_edition: str) -> Changes:
    """The changes made by `new_edition`, each list in provision id order.

    A version stands until a later one replaces it, so only versions taking effect
    in `new_edition` are changes. The sources describe each edition only in part,
    so a provision missing from `old_edition` is not "added": each new version is
    compared with the provision's latest wording before `new_edition`, and only an
    explicit `withdrawn` version counts as a withdrawal. A first version the sources call an update
    (`updated: true`) is "updated", not "added"; a first editorial version is our note, not a change.
    """
    changes = Changes(old_edition, new_edition)
    for provision in sorted(corpus.provisions.values(), key=lambda provision: provision.id):
        new = provision.version_of(new_edition)  # only a version taking effect in new_edition changes anything
        earlier = [v for v in provision.versions if v.edition < new_edition and not v.withdrawn]
        old = max(earlier, key=lambda version: version.edition) if earlier else None
        if new and new.withdrawn:
            changes.withdrawn.append(provision)
        elif new and not old and new.strength == "editorial":
            continue  # our own note: the edition did not add it
        elif new and not old:
            (changes.updated if new.updated else changes.added).append(provision)
        elif new and old and (old.text.split() != new.text.split() or old.strength != new.strength):
            changes.amended.append(Amendment(provision, old, new))
    return changes
