"""Maintainers' command line: `python -m working_together validate` checks the guidance without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check
from .load import load_corpus


def main(argv: list[str] | None = None) -> int:
    """Run a maintainer command; return the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m working_together", description=__doc__)
    parser.add_argument("command", choices=["validate"], help="validate: run every check and list the problems")
    parser.add_argument("--guidance", type=Path, default=Path("guidance"), help="the guidance folder")
    parser.add_argument("--trees", type=Path, default=Path("decision_trees"), help="the decision trees folder")
    arguments = parser.parse_args(argv)
    corpus, problems = load_corpus(arguments.guidance, Path.cwd(), arguments.trees)
    if not problems:
        problems = check(corpus)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s).", file=sys.stderr)
        return 1
    provisions = len(corpus.provisions)
    print(
        f"OK: {len(corpus.editions)} editions, {provisions} provisions, {len(corpus.sources)} sources, "
        f"{len(corpus.trees)} decision trees."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
