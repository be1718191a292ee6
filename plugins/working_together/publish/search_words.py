"""The words practitioners search with for what the guidance says in other words, added to the search index.

Each group is a set of words or phrases that mean the same to someone searching. A section of the index that
uses one of them gets all of them in a hidden field, `keywords` (Material's search indexes every field the
index's config lists, and its result template shows only the title and text), so a query for any one finds the
sections that use another: "LADO" finds "local authority designated officer", "died" finds "child death".
Abbreviations come from the glossary (each term with its expansion); `EVERYDAY` holds only what the glossary
cannot: ordinary words the sources never define, and forms lunr's stemmer does not join ("died" is "di",
"death" is "death"; "decide" is "decid", "decision" is "decis"). A hyphen is a word boundary ("Counter-Terrorism").
"""

from __future__ import annotations

import html
import re

from ..model import Corpus

EVERYDAY: tuple[tuple[str, ...], ...] = (
    ("died", "dies", "dying", "death", "deaths"),
    ("decide", "decides", "decided", "decision", "decisions"),
    ("disagree", "disagrees", "disagreement", "disagreements"),
    (
        "teacher",
        "teachers",
        "school staff",
        "schools",
        "people who work with children",
        "someone who works with children",
    ),
    ("GP", "GPs", "doctor", "doctors", "health professionals", "health organisations"),
    ("accused", "allegation", "allegations"),
    ("abroad", "foreign national"),
    ("hear back", "feedback"),
    ("how long", "how quickly", "timescale", "deadline", "working day", "working days"),
    ("radicalisation", "radicalised", "extremism", "terrorism"),
    ("drinking", "drug and alcohol", "alcohol"),
)
_TAG = re.compile(r"<[^>]*>")
FIELD = "keywords"


def synonym_groups(corpus: Corpus) -> list[tuple[str, ...]]:
    """Every group: each glossary abbreviation with its expansion, then the everyday ones."""
    glossary = [(term.term, term.expansion) for term in corpus.terms.values() if term.expansion]
    return glossary + list(EVERYDAY)


def with_keywords(index: dict, groups: list[tuple[str, ...]]) -> dict:
    """Material's search index with a `keywords` field: for each section, the groups it uses, every word of each."""
    patterns = [(group, [_whole(phrase) for phrase in group]) for group in groups]
    for doc in index["docs"]:
        text = html.unescape(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
        used = [group for group, found in patterns if any(pattern.search(text) for pattern in found)]
        if used:
            doc[FIELD] = " ".join(dict.fromkeys(phrase for group in used for phrase in group))
    index["config"]["fields"][FIELD] = {"boost": 1}
    return index


def _whole(phrase: str) -> re.Pattern[str]:
    """The phrase as whole words; an abbreviation in its own case (so "SEN" is not "sen" in "sentence")."""
    flags = 0 if phrase.isupper() else re.IGNORECASE
    return re.compile(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)", flags)
