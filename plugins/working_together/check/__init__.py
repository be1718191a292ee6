"""Check: everything about a loaded corpus that a schema cannot see, as positioned problems."""

from __future__ import annotations

from pathlib import Path

from ..load import load_corpus
from ..model import Corpus
from ..problems import Problem
from .claims import claim_problems
from .docs import docs_problems
from .evidence import evidence_problems
from .modules import module_problems
from .overlay import overlay_problems
from .practitioner import summary_problems, timescale_problems
from .references import reference_problems
from .registry import registry_problems
from .traceability import traceability_problems
from .trees import tree_problems
from .values import value_problems


def check(corpus: Corpus) -> list[Problem]:
    """Every problem in the corpus, sorted by file and line."""
    return sorted(
        [
            *reference_problems(corpus),
            *evidence_problems(corpus),
            *claim_problems(corpus),
            *registry_problems(corpus),
            *tree_problems(corpus),
        ]
        + traceability_problems(corpus)
        + [*summary_problems(corpus), *timescale_problems(corpus), *module_problems(corpus)]
        + overlay_problems(corpus)
        + value_problems(corpus)
    )


def load_and_check(
    project_dir: Path,
    guidance_dir: Path,
    trees_dir: Path | None = None,
    overlay: Path | None = None,
    docs_dir: Path | None = None,
    markdown_settings: tuple[list, dict] | None = None,
) -> tuple[Corpus, list[Problem]]:
    """Every check the build runs, in one run: `validate` and the plugin both call this, so they cannot drift.

    The checks run on whatever loaded, so a schema error in one file hides no problem in another."""
    corpus, problems = load_corpus(guidance_dir, project_dir, trees_dir, overlay)
    problems = problems + check(corpus)
    if docs_dir is not None:
        # The pages are rendered only over a sound corpus, as the build renders them only then.
        problems += docs_problems(corpus, docs_dir, project_dir, None if problems else markdown_settings)
    return corpus, sorted(set(problems))
