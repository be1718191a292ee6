"""What each strength and chapter status looks like: a text label, an icon and a CSS class.

Colour is never the only signal: every badge carries its words and an icon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Label:
    """The visible name, the explanation, the icon and the CSS modifier of a strength or status."""

    name: str
    meaning: str
    icon: str  # a Material Design icon name, bundled with mkdocs-material
    css: str


STRENGTHS = {
    "must": Label("Must", "legal duty", "gavel", "must"),
    "should": Label("Should", "statutory guidance", "scale-balance", "should"),
    "guidance": Label("Practice guidance", "advice on practice", "lightbulb-on-outline", "guidance"),
    "editorial": Label("Editorial note", "our note, not from the sources", "pencil-outline", "editorial"),
}

CHAPTER_STATUSES = {
    "statutory": Label("Statutory guidance", "this chapter is statutory guidance", "shield-check", "statutory"),
    "non-statutory": Label(
        "Non-statutory practice guidance", "this chapter is advice on practice", "book-open-variant", "practice"
    ),
}


@cache
def icon(name: str) -> str:
    """A Material icon as inline SVG, hidden from screen readers because the text label says it all."""
    svg = resources.files("material").joinpath("templates", ".icons", "material", f"{name}.svg").read_text()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" class="wt-icon" ', 1)


def badge(label: Label, kind: str) -> str:
    """An inline HTML badge: icon, bold name and its meaning, e.g. 'Must — legal duty'."""
    return (
        f'<span class="wt-badge wt-{kind}--{label.css}">{icon(label.icon)}'
        f'<strong>{label.name}</strong><span class="wt-badge__meaning"> — {label.meaning}</span></span>'
    )


def strength_badge(strength: str) -> str:
    """The badge of a provision's strength."""
    return badge(STRENGTHS[strength], "strength")


def status_badge(status: str) -> str:
    """The badge of a chapter's status."""
    return badge(CHAPTER_STATUSES[status], "status")
