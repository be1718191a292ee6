"""The published-id registry: an id once published never silently disappears and is never reused."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Corpus
from ..problems import Problem

REGISTRY_FILE = "guidance/published-ids.yml"


def registry_problems(corpus: Corpus) -> list[Problem]:
    """New ids not yet registered, registered ids that vanished, and retirements that do not add up."""
    if corpus.registry is None:
        return []  # the loader has already reported the missing or broken file
    return list(_problems(corpus))


def _problems(corpus: Corpus) -> Iterator[Problem]:
    registry = corpus.registry
    assert registry is not None
    published = set(registry.published)
    retired = {retirement.id: retirement for retirement in registry.retired}
    seen: set[str] = set()
    for identifier, position in zip(registry.published, registry.published_positions, strict=True):
        if identifier in seen:
            yield Problem(position, "published", f"'{identifier}' is listed twice", "remove one")
        seen.add(identifier)
        if (
            identifier not in corpus.provisions
            and identifier not in retired
            and not corpus.unloaded.may_define("provision", identifier)
        ):
            yield Problem(
                position,
                "published",
                f"published provision '{identifier}' has disappeared; trainers' links to it would break",
                "restore the provision, or add a retirement entry (id, replaced_by, reason) under 'retired'",
            )
    for provision in corpus.provisions.values():
        if provision.id in retired:
            yield Problem(
                provision.position,
                provision.id,
                f"id '{provision.id}' was retired and must not be reused",
                "choose a new id and add it to 'published'",
            )
        elif provision.id not in published:
            yield Problem(
                provision.position,
                provision.id,
                f"new provision '{provision.id}' is not in {REGISTRY_FILE}",
                "add it under 'published' so its link is kept for good",
            )
    for retirement in registry.retired:
        if retirement.id not in published:
            yield Problem(
                retirement.position, "retired", f"'{retirement.id}' was never published", "remove the retirement entry"
            )
        if retirement.replaced_by not in corpus.provisions and not corpus.unloaded.may_define(
            "provision", retirement.replaced_by
        ):
            yield Problem(
                retirement.position,
                "retired",
                f"replaced_by '{retirement.replaced_by}' is not a provision",
                "name the provision that replaced it",
            )
