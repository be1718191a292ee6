"""The maintainers' coverage page: per source, each traced item and where it went, with totals; editorial items."""

from __future__ import annotations

from ..coverage import SourceCoverage, source_coverage
from ..model import Corpus
from . import paths
from .markdown import escape


def coverage_page(corpus: Corpus) -> str:
    """Totals per source and overall, each item with its implementers or reason, and every editorial provision."""
    page = paths.COVERAGE
    coverages = [source_coverage(corpus, source_id) for source_id in corpus.sources]
    parts = [
        "# Coverage of the sources",
        "For maintainers: where each item of each source document went. An item is implemented by the provisions "
        "and glossary terms whose evidence cites it, and by those its source's traceability file "
        "(`guidance/traceability/<source>.yml`) lists; otherwise that file says why it is out of scope. Items the "
        "sources tie to Working Together must all be implemented. The build fails if any item is unaccounted for.",
        "## Totals",
        _totals(corpus, coverages),
    ]
    for coverage in coverages:
        parts.append(_source_section(corpus, coverage, page))
    parts.append(_editorial(corpus, page))
    return "\n\n".join(parts) + "\n"


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def _totals(corpus: Corpus, coverages: list[SourceCoverage]) -> str:
    rows = [
        "| Source | Items | Implemented | Out of scope | Not accounted for | Tied to Working Together "
        "| Tied and implemented |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for coverage in coverages:
        link = paths.link(paths.COVERAGE, paths.source_page(coverage.source_id))
        rows.append(_totals_row(f"[{escape(corpus.sources[coverage.source_id].title)}]({link})", coverage))
    overall = SourceCoverage("", [item for coverage in coverages for item in coverage.items])
    rows.append(_totals_row("**All sources**", overall))
    return "\n".join(rows)


def _totals_row(name: str, coverage: SourceCoverage) -> str:
    tied = f"{coverage.tied_implemented} ({_share(coverage.tied_implemented, coverage.tied)})"
    return (
        f"| {name} | {len(coverage.items)} | {coverage.implemented} | {coverage.out_of_scope} "
        f"| {coverage.unaccounted} | {coverage.tied} | {tied} |"
    )


def _source_section(corpus: Corpus, coverage: SourceCoverage, page: str) -> str:
    source = corpus.sources[coverage.source_id]
    trace = corpus.traceability.get(source.id)
    source_link = paths.link(page, paths.source_page(source.id))
    traced = ", ".join(trace.traced) if trace and trace.traced else "no kind of passage"
    lines = [
        f"## {escape(source.title)}",
        f"[The source page]({source_link}) · traced: {escape(traced)} · {len(coverage.items)} items, "
        f"{coverage.implemented} implemented, {coverage.out_of_scope} out of scope; tied to Working Together: "
        f"{coverage.tied_implemented} of {coverage.tied} implemented.",
    ]
    if not coverage.items:
        return "\n\n".join(lines)
    rows = ["| Item | Where it went |", "| --- | --- |"]
    for item in coverage.items:
        name = item.passage.location[0].upper() + item.passage.location[1:]
        link = f"[{escape(name)}]({paths.link(page, paths.source_page(source.id), item.passage.anchor)})"
        if item.tied:
            link += " (tied to Working Together)"
        if item.implemented_by:
            went = "Implemented by " + ", ".join(
                f"[{escape(implementer.title)}]({paths.link(page, paths.GLOSSARY, implementer.id)}) (glossary)"
                if implementer.kind == "term"
                else f"[{escape(implementer.title)}]({paths.link(page, paths.provision_page(implementer.id))})"
                for implementer in item.implemented_by
            )
        elif item.out_of_scope:
            went = f"Out of scope: {escape(item.out_of_scope)}"
        else:
            went = "**Not accounted for**"
        rows.append(f"| {link} | {went} |")
    lines.append("\n".join(rows))
    return "\n\n".join(lines)


def _editorial(corpus: Corpus, page: str) -> str:
    """Every provision with editorial wording in some edition: ours, not the sources'."""
    rows = ["| Provision | Editions with editorial wording |", "| --- | --- |"]
    for provision in sorted(corpus.provisions.values(), key=lambda provision: provision.title.lower()):
        editions = [v.edition for v in provision.versions if v.strength == "editorial" and not v.withdrawn]
        if editions:
            link = paths.link(page, paths.provision_page(provision.id))
            rows.append(f"| [{escape(provision.title)}]({link}) | {', '.join(editions)} |")
    intro = (
        "Editorial notes are ours, not the sources': each is labelled as such wherever it appears. "
        f"There are {len(rows) - 2}."
    )
    return "## Editorial provisions\n\n" + intro + ("\n\n" + "\n".join(rows) if len(rows) > 2 else "")
