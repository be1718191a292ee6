"""Maintainers' command line, without building the site.

validate          every check the build runs (citations in docs/ included), all problems of all files in one run,
                  with positioned messages; exit status 1 if anything is wrong
diff OLD NEW      provisions added, updated, amended, withdrawn and moved from edition OLD to the later edition NEW
ids               every published id and whether it is live or retired
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .changes import compare
from .check import load_and_check
from .model import CHANGE_GRADES, Corpus


def main(argv: list[str] | None = None) -> int:
    """Run a maintainer command; return the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m working_together", description=__doc__)
    parser.add_argument("command", choices=["validate", "diff", "ids"], help="what to do (see above)")
    parser.add_argument("editions", nargs="*", help="for diff: the old and the new edition, such as 2010 2015")
    parser.add_argument("--guidance", type=Path, default=Path("guidance"), help="the guidance folder")
    parser.add_argument("--trees", type=Path, default=Path("decision_trees"), help="the decision trees folder")
    parser.add_argument("--overlay", type=Path, help="a local overlay to check too")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the hand-written pages' folder")
    arguments = parser.parse_args(argv)
    corpus, problems = load_and_check(
        Path.cwd(), arguments.guidance, arguments.trees, arguments.overlay, arguments.docs
    )
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s).", file=sys.stderr)
        return 1
    if arguments.command == "diff":
        if len(arguments.editions) != 2 or not all(corpus.edition(e) for e in arguments.editions):
            known = ", ".join(edition.id for edition in corpus.editions)
            parser.error(f"diff needs two editions out of: {known}")
        if not arguments.editions[0] < arguments.editions[1]:
            parser.error(
                f"diff OLD NEW: OLD must be the earlier edition (try: diff {' '.join(arguments.editions[::-1])})"
            )
        _print_diff(corpus, *arguments.editions)
    elif arguments.command == "ids":
        _print_ids(corpus)
    else:
        print(
            f"OK: {len(corpus.editions)} editions, {len(corpus.provisions)} provisions, "
            f"{len(corpus.sources)} sources, {len(corpus.trees)} decision trees."
        )
    return 0


def _print_diff(corpus: Corpus, old: str, new: str) -> None:
    changes = compare(corpus, old, new)
    for provision in changes.added:
        print(f"added      {provision.id}")
    for provision in changes.updated:
        print(f"updated    {provision.id}")
    for amendment in changes.amended:
        grades = [
            f"{CHANGE_GRADES[v.change].lower()} in {v.edition}"
            for v in amendment.provision.versions
            if old < v.edition <= new and v.change
        ]
        print(
            f"amended    {amendment.provision.id} (from the {amendment.old.edition} wording: {', then '.join(grades)})"
        )
    for provision in changes.withdrawn:
        print(f"withdrawn  {provision.id}")
    for move in changes.moved:
        print(f"moved      {move.provision.id} ({move.old_number} -> {move.new_number})")
    for provision in changes.not_described:
        print(f"not described in {new}: {provision.id}")


def _print_ids(corpus: Corpus) -> None:
    assert corpus.registry is not None
    retired = {retirement.id: retirement for retirement in corpus.registry.retired}
    for identifier in corpus.registry.published:
        if identifier in retired:
            print(f"{identifier}\tretired, replaced by {retired[identifier].replaced_by}")
        else:
            editions = ", ".join(e.id for e in corpus.editions if identifier in e.placements)
            print(f"{identifier}\tlive in {editions}")


if __name__ == "__main__":
    sys.exit(main())
