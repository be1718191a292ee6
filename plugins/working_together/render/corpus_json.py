"""The corpus as open data: every provision with its versions, edition placements, strength, roles and evidence.

Plain dicts, so a partnership's own tools can build on the guidance without scraping pages; the build
writes them to /data/ beside a JSON Schema that describes them (schema/provisions-data.schema.json).
"""

from __future__ import annotations

import json
from importlib import resources

from ..model import CHANGE_GRADES, Corpus, Evidence, Provision, Version
from . import paths
from .currency import LATEST, replacement
from .labels import STRENGTHS

FORMAT = 1  # raised when a field changes meaning or disappears; new fields may be added without raising it


def corpus_document(corpus: Corpus) -> dict:
    """The whole corpus: editions, roles, sources and every provision (the content of /data/provisions.json)."""
    return {
        "format": FORMAT,
        "current_edition": corpus.current_edition.id,
        # "current" means the latest edition in the sources, never "in force": say so in the data itself.
        "currency": {"current_means": LATEST, "replaced": replacement(corpus) or None},
        "editions": [
            {"id": e.id, "title": e.title, "published": e.published, "current": e is corpus.current_edition}
            for e in corpus.editions
        ],
        "roles": {role.id: role.name for role in corpus.roles.values()},
        "sources": {
            source.id: {"title": source.title, "publisher": source.publisher, "attribution": source.attribution}
            for source in corpus.sources.values()
        },
        "provisions": [provision_document(corpus, p) for p in sorted(corpus.provisions.values(), key=_by_id)],
    }


def provision_document(corpus: Corpus, provision: Provision) -> dict:
    """One provision: its stable id, every version, and where (or whether) each edition places it."""
    current = provision.version_in(corpus.current_edition.id)
    return {
        "id": provision.id,
        "title": provision.title,
        "page": paths.page_url(paths.provision_page(provision.id)),
        "roles": list(provision.roles),
        "refs": list(provision.refs),
        "current": {
            "edition": corpus.current_edition.id,
            "placed": provision.id in corpus.current_edition.placements,
            # A version not placed in the latest edition does not stand in it, so it has no current strength.
            "strength": current.strength if current and provision.id in corpus.current_edition.placements else None,
        },
        "versions": [_version(version) for version in sorted(provision.versions, key=lambda v: v.edition)],
        "editions": [row for edition in corpus.editions if (row := _in_edition(corpus, provision, edition.id))],
    }


def data_files(corpus: Corpus) -> dict[str, str]:
    """Every file under /data/, keyed by its path in the site: the whole corpus, one file per provision, the schema."""
    files = {paths.DATA_PROVISIONS: _dump(corpus_document(corpus))}
    for provision in corpus.provisions.values():
        files[paths.data_provision(provision.id)] = _dump(provision_document(corpus, provision))
    files[paths.DATA_SCHEMA] = data_schema_text()
    return files


def data_schema_text() -> str:
    """The JSON Schema of the published data, as shipped in the package."""
    return resources.files("working_together.schema").joinpath("provisions-data.schema.json").read_text()


def _version(version: Version) -> dict:
    if version.withdrawn:
        return {"edition": version.edition, "withdrawn": True, "note": version.note}
    return {
        "edition": version.edition,
        "withdrawn": False,
        "strength": version.strength,
        "strength_label": f"{STRENGTHS[version.strength].name}: {STRENGTHS[version.strength].meaning}",
        "text": " ".join(version.text.split()),
        "note": " ".join(version.note.split()),
        "change": version.change or None,
        "change_label": CHANGE_GRADES.get(version.change),
        "evidence": [_evidence(corpus_item) for corpus_item in version.evidence],
    }


def _evidence(item: Evidence) -> dict:
    return {"source": item.source, "at": item.at, "quote": item.quote}


def _in_edition(corpus: Corpus, provision: Provision, edition_id: str) -> dict | None:
    """Placed (chapter, section, number, wording in force), not described, withdrawn, or None before it exists."""
    edition = corpus.edition(edition_id)
    assert edition is not None
    placement = edition.placements.get(provision.id)
    standing = provision.version_in(edition_id)
    if placement is not None and standing is not None:
        return {
            "edition": edition_id,
            "status": "placed",
            "chapter": placement.chapter.number,
            "chapter_title": placement.chapter.title,
            "section": placement.section.title,
            "number": None if placement.editorial else placement.number,
            "version": standing.edition,
            "strength": standing.strength,
        }
    undescribed = edition.undescribed(provision.id)
    if undescribed is not None:
        return {"edition": edition_id, "status": "not described", "reason": " ".join(undescribed.reason.split())}
    if standing is None and any(v.withdrawn and v.edition <= edition_id for v in provision.versions):
        return {"edition": edition_id, "status": "withdrawn"}
    return None


def _dump(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _by_id(provision: Provision) -> str:
    return provision.id
