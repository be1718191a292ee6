"""A partnership's local contacts and notes, shown beside the national text and always marked as local.

Every local block carries the words "Local information", the partnership's name, a map-marker
icon and its own style (a double border on a warm tint), so it cannot be mistaken for national
guidance even without colour. All text is escaped; phone numbers become tel: links.
"""

from __future__ import annotations

from ..model import Corpus, LocalContact, LocalNote
from . import paths
from .labels import icon
from .markdown import escape, escape_html


def local_label(partnership: str) -> str:
    """The label at the top of every local block: words, icon and the partnership's name."""
    return (
        f'<p class="wt-local__label">{icon("map-marker-radius-outline")}<strong>Local information</strong>'
        f'<span class="wt-local__meaning"> — added by {escape_html(partnership)}, not national guidance</span></p>'
    )


def provision_local_notes(corpus: Corpus, provision_id: str) -> str:
    """The local block beside a provision, or nothing."""
    if corpus.overlay is None:
        return ""
    return _block(corpus, corpus.overlay.provision_notes(provision_id))


def outcome_local_notes(corpus: Corpus, tree_id: str, node_id: str) -> str:
    """The local block beside a decision tree outcome, or nothing."""
    if corpus.overlay is None:
        return ""
    return _block(corpus, corpus.overlay.outcome_notes(tree_id, node_id))


def local_home_block(corpus: Corpus, page: str) -> str:
    """For the home page: the partnership's contacts and a link to all its local notes, or nothing."""
    if corpus.overlay is None:
        return ""
    contacts = "\n".join(f"- {_contact(contact)}" for contact in corpus.overlay.contacts.values())
    more = f"[All local information from {escape(corpus.overlay.partnership)}]({paths.link(page, paths.LOCAL)})"
    return _aside(corpus, "\n\n".join(part for part in (contacts, more) if part))


def local_page(corpus: Corpus) -> str:
    """Markdown for /local/: every local contact and note, each linked to what it sits beside."""
    overlay = corpus.overlay
    assert overlay is not None
    page = paths.LOCAL
    parts = [
        f"# Local information: {escape(overlay.partnership)}",
        f"Contacts and notes added by {escape(overlay.partnership)}. They are not part of the national guidance "
        "and are always shown in a box marked Local information.",
        "## Local contacts",
        "\n".join(f"- {_contact(contact)}" for contact in overlay.contacts.values()) or "None.",
        "## Local notes",
    ]
    for note in overlay.notes:
        parts.append(f"### Beside {_target_link(corpus, note, page)}")
        parts.append(_block(corpus, [note]))
    if not overlay.notes:
        parts.append("None.")
    return "\n\n".join(parts) + "\n"


def _block(corpus: Corpus, notes: list[LocalNote]) -> str:
    if not notes:
        return ""
    overlay = corpus.overlay
    assert overlay is not None
    parts = []
    for note in notes:
        parts.append(escape(note.text))
        contacts = [overlay.contacts[identifier] for identifier in note.contacts]
        if contacts:
            parts.append("\n".join(f"- {_contact(contact)}" for contact in contacts))
    return _aside(corpus, "\n\n".join(parts))


def _aside(corpus: Corpus, body: str) -> str:
    partnership = escape_html(corpus.overlay.partnership)  # type: ignore[union-attr]
    return (
        f'<aside class="wt-local" aria-label="Local information from {partnership}" markdown="1">\n\n'
        f"{local_label(corpus.overlay.partnership)}\n\n{body}\n\n</aside>"  # type: ignore[union-attr]
    )


def _contact(contact: LocalContact) -> str:
    """Name, phone number as a tel: link, and hours."""
    number = contact.phone.replace(" ", "")
    line = f"**{escape(contact.name)}:** [{escape(contact.phone)}](tel:{number}){{ .wt-local__phone }}"
    if contact.hours:
        line += f" ({escape(contact.hours)})"
    if contact.note:
        line += f". {escape(contact.note)}"
    return line


def _target_link(corpus: Corpus, note: LocalNote, page: str) -> str:
    if note.provision:
        title = escape(corpus.provisions[note.provision].title)
        return f"[{title}]({paths.link(page, paths.provision_page(note.provision))})"
    tree = corpus.trees[note.tree]
    outcome = escape(tree.nodes[note.node].outcome)
    return f"[{escape(tree.title)}: {outcome}]({paths.link(page, paths.tree_page(tree.id), f'node-{note.node}')})"
