"""Invalid markup that Material's templates print, corrected in each built page (found by the Nu Html Checker)."""

from __future__ import annotations

# partials/nav-item.html prints `tabindex=""` on section labels whose level sets no tab index; browsers ignore it.
_EMPTY_TABINDEX = ' tabindex=""'
# partials/toc.html titles the table of contents with a label for the `__toc` checkbox, which Material writes
# only for pages in the nav: on provision, role and print pages the label pointed at nothing.
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def corrected(html: str) -> str:
    """The page without empty tabindex attributes, and without a label `for` a table-of-contents toggle it lacks."""
    html = html.replace(_EMPTY_TABINDEX, "")
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_TITLE, '<label class="md-nav__title">')
    return html
