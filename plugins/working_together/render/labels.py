"""What each strength and chapter status looks like: a text label, an icon, a CSS class and what it means.

Colour is never the only signal: every badge carries its words and an icon. Every page that explains a label
(the home legend, a role page's headings) takes the words from here, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Label:
    """The visible name, its short meaning, the icon, the CSS modifier and the full explanation of a label."""

    name: str
    meaning: str
    icon: str  # a Material Design icon name, bundled with mkdocs-material
    css: str
    explanation: str  # one or two sentences for the legend


STRENGTHS = {
    "must": Label(
        "Must",
        "legal duty",
        "gavel",
        "must",
        "A legal duty: the sources say the law (an Act, regulations or a statutory duty) requires it, "
        "and name who holds the duty.",
    ),
    "law": Label(
        "Law",
        "the sources do not say who holds the duty",
        "book-open-page-variant-outline",
        "law",
        "The law: the sources say an Act or regulations set this, but do not say who holds the duty, "
        "so we name no role as its holder. It is a legal requirement all the same.",
    ),
    "should": Label(
        "Should",
        "statutory guidance",
        "scale-balance",
        "should",
        "Statutory guidance: what Working Together says should be done, including what it itself requires "
        "or calls a 'must'.",
    ),
    "guidance": Label(
        "Guidance",
        "describes what Working Together covers",
        "lightbulb-on-outline",
        "guidance",
        "What Working Together describes or explains, as the sources report it; they report no requirement "
        "in these words.",
    ),
    "editorial": Label(
        "Editorial note",
        "our note, not from the sources",
        "pencil-outline",
        "editorial",
        "Our own note to help you use the guidance; it is not from the sources and has no statutory force.",
    ),
}

CHAPTER_STATUSES = {
    "statutory": Label(
        "Statutory guidance",
        "this chapter is statutory guidance",
        "shield-check",
        "statutory",
        "A chapter of statutory guidance.",
    ),
    "non-statutory": Label(
        "Non-statutory practice guidance",
        "this chapter is advice on practice",
        "book-open-variant",
        "practice",
        "A chapter of non-statutory practice guidance.",
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
