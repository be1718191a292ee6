"""The page `mkdocs serve` shows in place of every page while the guidance has problems."""

from __future__ import annotations

from ..problems import Problem
from .markdown import escape


def problems_page(problems: list[Problem]) -> str:
    """Markdown listing every positioned problem (escaped), so an editor sees what to fix instead of a stale page."""
    count = len(problems)
    items = "\n".join(f"1. {escape(str(problem))}" for problem in sorted(problems))
    return (
        f"# The guidance has {count} problem{'s' if count != 1 else ''}\n\n"
        '<div class="wt-problems" role="alert" markdown="1">\n\n'
        "Nothing from the guidance is shown until these are fixed. Each line gives the file, line and column, "
        "what is wrong and how to fix it. Save the file and this page reloads.\n\n"
        f"{items}\n\n</div>\n"
    )
