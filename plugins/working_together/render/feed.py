"""The Atom changes feed: one entry per provision added, amended or withdrawn by each edition.

The site has no fixed address, so links are relative to the feed (which sits at the
site root) unless a base URL is configured; entry ids are tag: URIs made only of the
edition and the provision id, so they never change when the site moves or is rebuilt.
"""

from __future__ import annotations

import html
import re
from itertools import pairwise
from xml.etree import ElementTree

from ..changes import Amendment, Changes, compare
from ..model import CHANGE_GRADES, CROSS_REFERENCE, Corpus, Evidence, Provision, Version
from .changes import strength_change
from .labels import STRENGTHS

ATOM = "http://www.w3.org/2005/Atom"
# RFC 4151 tag URIs: a name and a date fixed once, so ids stay the same wherever the site is hosted.
TAG = "tag:working-together.reference-edition,2025:"
GRADE_SCHEME = f"{TAG}change-grade"


def feed_id() -> str:
    """The feed's own permanent id."""
    return f"{TAG}changes"


def entry_id(edition_id: str, provision_id: str) -> str:
    """The permanent id of the entry for one provision's change in one edition."""
    return f"{TAG}edition/{edition_id}/provision/{provision_id}"


def changes_feed(corpus: Corpus, title: str, rights: str, base_url: str = "") -> str:
    """The whole feed as an XML document, newest edition first."""
    feed = ElementTree.Element("feed", {"xmlns": ATOM})  # plain tags in the default namespace
    if base_url:
        feed.set("{http://www.w3.org/XML/1998/namespace}base", base_url)
    link = _linker(base_url)
    _text(feed, "id", feed_id())
    _text(feed, "title", f"{title}: what changed")
    _text(feed, "subtitle", "Provisions added, updated, amended and withdrawn by each edition, with their sources.")
    _text(feed, "updated", _timestamp(corpus.current_edition.published))
    _add_link(feed, link(""), "alternate", "text/html")
    _add_link(feed, link("feed.xml"), "self", "application/atom+xml")
    author = ElementTree.SubElement(feed, "author")
    _text(author, "name", title)
    _text(feed, "rights", rights)
    for older, newer in reversed(list(pairwise(corpus.editions))):
        changes = compare(corpus, older.id, newer.id)
        for provision, kind, old, new in _entries(changes):
            feed.append(_entry(corpus, changes, provision, kind, old, new, link))
    ElementTree.indent(feed)
    # The loader refuses these characters; a feed reader rejects the whole feed for one, so never write them.
    return _NOT_XML.sub("", ElementTree.tostring(feed, encoding="unicode", xml_declaration=True)) + "\n"


# Characters XML 1.0 does not allow: C0 controls but tab and line breaks, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _entries(changes: Changes) -> list[tuple[Provision, str, Version | None, Version | None]]:
    """(provision, kind of change, earlier wording, new wording) for every change, in the page's order."""
    rows: list[tuple[Provision, str, Version | None, Version | None]] = []
    for provision in changes.added:
        rows.append((provision, "Added", None, provision.version_in(changes.new_edition)))
    for provision in changes.updated:
        rows.append((provision, "Updated", None, provision.version_in(changes.new_edition)))
    for amendment in changes.amended:
        rows.append((amendment.provision, "Amended", amendment.old, amendment.new))
    for provision in changes.withdrawn:
        withdrawal = provision.version_of(changes.new_edition)
        rows.append((provision, "Withdrawn", None, withdrawal))
    return rows


def _entry(corpus, changes, provision, kind, old, new, link) -> ElementTree.Element:  # noqa: ANN001 - see _entries
    edition = corpus.edition(changes.new_edition)
    entry = ElementTree.Element("entry")
    _text(entry, "id", entry_id(edition.id, provision.id))
    _text(entry, "title", f"{kind} in the {edition.id} edition: {provision.title}")
    _text(entry, "updated", _timestamp(edition.published))
    _text(entry, "published", _timestamp(edition.published))
    _add_link(entry, link(f"provisions/{provision.id}/#edition-{edition.id}"), "alternate", "text/html")
    _add_link(entry, link(f"editions/{edition.id}/changes/"), "related", "text/html")
    _text(entry, "category", "").set("term", kind.lower())
    grade = CHANGE_GRADES.get(new.change, "") if kind == "Amended" and new else ""
    if grade:
        # A second category, in its own scheme, so feed readers can filter amendments by what they mean for practice.
        _text(entry, "category", "").attrib.update({"term": new.change, "scheme": GRADE_SCHEME, "label": grade})
    graded = f" ({grade.lower()})" if grade else ""
    # A change of strength is named in words: the two badges over identical wording were the only sign of it.
    amendment = Amendment(provision, old, new) if kind == "Amended" and old and new else None
    strength = f"strength changed {strength_change(amendment)}" if amendment and amendment.strength_changed else ""
    summary = f"{kind}{graded} in the {edition.id} edition ({edition.title}): {provision.title}"
    _text(entry, "summary", f"{summary}; {strength}." if strength else f"{summary}.")
    content = _text(
        entry,
        "content",
        (f"<p>What it means for practice: {grade}.</p>" if grade else "")
        + (f"<p>{html.escape(strength[0].upper() + strength[1:])}.</p>" if strength else "")
        + _content_html(corpus, kind, old, new),
    )
    content.set("type", "html")
    sources = {e.source for e in new.evidence} if new else set()
    attributions = [corpus.sources[source].attribution for source in sorted(sources)]
    if attributions:
        _text(entry, "rights", " ".join(attributions))
    return entry


def _content_html(corpus: Corpus, kind: str, old: Version | None, new: Version | None) -> str:
    """The change as escaped HTML for a feed reader: earlier and new wording, then the evidence."""
    parts = []
    if old is not None:
        parts.append(_wording(corpus, f"Before ({old.edition} edition)", old))
    if new is not None and not new.withdrawn:
        parts.append(_wording(corpus, f"Now ({new.edition} edition)", new))
    if new is not None and new.withdrawn:
        parts.append(f"<p><strong>Withdrawn.</strong> {html.escape(new.note, quote=False)}</p>")
    if new is not None and new.evidence:
        items = "".join(f"<li>{_evidence(corpus, item)}</li>" for item in new.evidence)
        parts.append(f"<p>Evidence for the change:</p><ul>{items}</ul>")
    return "".join(parts)


def _wording(corpus: Corpus, heading: str, version: Version) -> str:
    strength = STRENGTHS[version.strength]
    # A cross-reference reads as the cited provision's title: a feed reader cannot follow [[id]].
    text = CROSS_REFERENCE.sub(lambda match: corpus.provisions[match[1]].title, " ".join(version.text.split()))
    text = html.escape(text, quote=False)
    return f"<p><strong>{html.escape(heading)}, {strength.name} ({strength.meaning}):</strong> {text}</p>"


def _evidence(corpus: Corpus, item: Evidence) -> str:
    title = corpus.sources[item.source].title
    return html.escape(f"{title}, {item.at}: “{item.quote}”", quote=False)


def _timestamp(published: str) -> str:
    """An RFC 3339 time for an edition's 'YYYY-MM' (or 'YYYY-MM-DD') publication date: its first day."""
    parts = published.split("-") + ["01", "01"]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _linker(base_url: str):  # noqa: ANN202 - a str -> str function
    """Links are absolute under `base_url` when it is set, else relative to the feed at the site root."""
    base = base_url.rstrip("/") + "/" if base_url else ""
    return lambda path: f"{base}{path}" if base or path else "./"


def _text(parent: ElementTree.Element, tag: str, text: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag)
    if text:
        element.text = text
    return element


def _add_link(parent: ElementTree.Element, href: str, rel: str, media_type: str) -> None:
    ElementTree.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})
