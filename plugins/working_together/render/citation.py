"""The "Copy citation" button: edition, web number, title and sources in the HTML; the URL is added at click time."""

from __future__ import annotations

from ..model import Corpus, Edition, Placement, Provision
from .markdown import escape_html

WEB_NUMBER = "the number in this web edition, not a printed paragraph number"


def citation_text(corpus: Corpus, edition: Edition, placement: Placement, provision: Provision) -> str:
    """How a provision is cited, without its URL: edition, unofficial web number, title and the passages it rests on."""
    version = provision.version_in(edition.id)
    places: dict[str, list[str]] = {}
    for item in version.evidence if version else []:
        if item.at not in places.setdefault(item.source, []):
            places[item.source].append(item.at)
    passages = [f"{_source_name(corpus, source)}, {', '.join(ats)}" for source, ats in places.items()]
    rests_on = f" Rests on: {'; '.join(passages)}." if passages else " Rests on no source passage: an editorial note."
    where = (
        "editorial note (ours, not Working Together's)"
        if placement.editorial
        else f"provision {placement.number} ({WEB_NUMBER})"
    )
    return f'{edition.title}, unofficial web edition, {where} "{provision.title}".{rests_on}'


def _source_name(corpus: Corpus, source_id: str) -> str:
    source = corpus.sources.get(source_id)
    return f"{source.title} ({source.published[:4]})" if source else source_id


def citation_button(corpus: Corpus, edition: Edition, placement: Placement, provision: Provision) -> str:
    """A hidden button that the page script shows and wires up; the script appends the permanent URL."""
    return (
        f'<button type="button" class="wt-copy-citation md-button" hidden '
        f'data-citation="{escape_html(citation_text(corpus, edition, placement, provision))}" '
        f'aria-label="Copy citation for {escape_html(provision.title)}">Copy citation</button>'
    )
