"""Check: everything about a loaded corpus that a schema cannot see, as positioned problems."""

from __future__ import annotations

from ..model import Corpus
from ..problems import Problem
from .claims import claim_problems
from .evidence import evidence_problems
from .modules import module_problems
from .overlay import overlay_problems
from .practitioner import summary_problems, timescale_problems
from .references import reference_problems
from .registry import registry_problems
from .traceability import traceability_problems
from .trees import tree_problems


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
    )
