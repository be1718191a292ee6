"""Maintainers' command line, without building the site.

validate          every check the build runs, over everything the build reads (the folders and overlay named in
                  mkdocs.yml, and docs/ as rendered), all problems of all files in one run, with positioned
                  messages; exit status 1 if anything is wrong
diff OLD NEW      provisions added, updated, amended, withdrawn and moved from edition OLD to the later edition NEW
ids               every published id and whether it is live or retired
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .changes import compare
from .check import load_and_check
from .load.settings import ConfigurationError, build_settings
from .model import CHANGE_GRADES, Corpus


def main(argv: list[str] | None = None) -> int:
    """Run a maintainer command; return the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m working_together", description=__doc__)
    parser.add_argument("command", choices=["validate", "diff", "ids"], help="what to do (see above)")
    parser.add_argument("editions", nargs="*", help="for diff: the old and the new edition, such as 2010 2015")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"), help="the build's configuration")
    parser.add_argument("--guidance", type=Path, help="the guidance folder (default: as in mkdocs.yml)")
    parser.add_argument("--trees", type=Path, help="the decision trees folder (default: as in mkdocs.yml)")
    parser.add_argument("--overlay", type=Path, help="a local overlay to check (default: the one in mkdocs.yml)")
    parser.add_argument("--docs", type=Path, help="the hand-written pages' folder (default: as in mkdocs.yml)")
    arguments = parser.parse_args(argv)
    try:
        settings = build_settings(arguments.config_file.absolute())
    except ConfigurationError as error:
        print(f"{arguments.config_file}:1:1: {error} — correct mkdocs.yml")
        print("1 problem(s).", file=sys.stderr)
        return 1
    overlay = arguments.overlay or settings.overlay
    corpus, problems = load_and_check(
        Path.cwd(),
        arguments.guidance or settings.guidance_dir,
        arguments.trees or settings.trees_dir,
        overlay,
        arguments.docs or settings.docs_dir,
        (settings.markdown_extensions, settings.extension_configs),
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
        checked = f", local overlay {overlay.as_posix()}" if overlay else ""
        print(
            f"OK: {len(corpus.editions)} editions, {len(corpus.provisions)} provisions, "
            f"{len(corpus.sources)} sources, {len(corpus.trees)} decision trees{checked}."
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
        strength = (
            f"; strength {amendment.old.strength} -> {amendment.new.strength}" if amendment.strength_changed else ""
        )
        print(
            f"amended    {amendment.provision.id} (from the {amendment.old.edition} wording:"
            f" {', then '.join(grades)}{strength})"
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
            provision = corpus.provisions.get(identifier)
            withdrawn = [v.edition for v in provision.versions if v.withdrawn] if provision else []
            # A withdrawal is part of an id's story: trainers' links to it now show the withdrawal.
            ended = f"; withdrawn in {', '.join(withdrawn)}" if withdrawn else ""
            print(f"{identifier}\tlive in {editions}{ended}")


if __name__ == "__main__":
    sys.exit(main())
