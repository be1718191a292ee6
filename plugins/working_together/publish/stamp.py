"""The "valid as of" stamp: which edition a page shows, when the site was built and from which commit.

The stamp goes into the HTML of every page (at the end of the article, so the home page shows when the
site was built) and into a print-only `@page` margin box, which Chromium repeats on every printed sheet.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..model import Corpus, Edition
from ..render.currency import NOTE_TITLE, coverage, edition_status, replacement
from ..render.markdown import escape_html

COMMIT_VARIABLE = "WORKING_TOGETHER_COMMIT"
UNKNOWN_COMMIT = "unknown commit"


@dataclass(frozen=True)
class Build:
    """What identifies one build of the site: the day it was built and the commit it was built from."""

    built: date
    commit: str  # a short hash, or UNKNOWN_COMMIT
    modified: bool  # built from a working tree with uncommitted changes

    @property
    def commit_text(self) -> str:
        """'commit 1a2b3c4d5e6f', with a warning when the working tree differed from it."""
        if self.commit == UNKNOWN_COMMIT:
            return UNKNOWN_COMMIT
        return f"commit {self.commit}" + (" with uncommitted changes" if self.modified else "")


def this_build(project_dir: Path, environ: Mapping[str, str] = os.environ) -> Build:
    """The build date (SOURCE_DATE_EPOCH for reproducible builds, else today) and the project's git commit."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    built = datetime.fromtimestamp(int(epoch), UTC).date() if epoch else datetime.now(UTC).date()
    commit = _git(project_dir, "rev-parse", "--short=12", "HEAD")
    if commit is None:
        # No git (a tarball, a container without git): the deployer may say which commit this is.
        return Build(built, environ.get(COMMIT_VARIABLE, "").strip() or UNKNOWN_COMMIT, modified=False)
    return Build(built, commit, modified=bool(_git(project_dir, "status", "--porcelain")))


def _git(project_dir: Path, *args: str) -> str | None:
    """Output of a git command run in the project, or None when git or the repository is missing."""
    try:
        done = subprocess.run(["git", "-C", str(project_dir), *args], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip()


def page_edition(corpus: Corpus, page_url: str) -> Edition:
    """The edition a page belongs to (pages under editions/<id>/, or a tree's page: its tree's edition), else the
    current edition."""
    parts = page_url.split("/")
    if len(parts) > 1 and parts[0] == "editions":
        for edition in corpus.editions:
            if edition.id == parts[1]:
                return edition
    tree = corpus.trees.get(parts[1]) if len(parts) > 1 and parts[0] == "trees" else None
    return (corpus.edition(tree.edition) if tree else None) or corpus.current_edition


def stamp_text(corpus: Corpus, edition: Edition, build: Build) -> str:
    """One line for the foot of every printed sheet."""
    later = replacement(corpus)
    note = f" Editorial note: {later}" if later else ""
    return (
        f"Valid as of {_day(build.built)}: {edition.title}, {edition_status(corpus, edition)}. {coverage(corpus)}"
        f"{note} Built from {build.commit_text}."
    )


def stamp_html(corpus: Corpus, edition: Edition, build: Build) -> str:
    """The stamp as a paragraph at the end of the page's content, with a machine-readable date."""
    later = replacement(corpus)
    note = f' <strong class="wt-editorial">{escape_html(NOTE_TITLE)}:</strong> {escape_html(later)}' if later else ""
    return (
        f'<p class="wt-stamp">Valid as of <time datetime="{build.built.isoformat()}">{_day(build.built)}</time>: '
        f"this page shows {escape_html(edition.title)}, {escape_html(edition_status(corpus, edition))}. "
        f"{escape_html(coverage(corpus))}{note} Built from {escape_html(build.commit_text)}.</p>"
    )


def print_style(text: str) -> str:
    """A print-only style that puts `text` and the page number in the bottom margin of every sheet."""
    return (
        '<style media="print">@page { @bottom-left { content: "'
        + _css_string(text)
        + '"; } @bottom-right { content: "Page " counter(page) " of " counter(pages); } }</style>'
    )


def add_stamp(html: str, stamp: str, style: str) -> str:
    """The page with the style at the end of <head> and the stamp at the end of the article (or body)."""
    html = html.replace("</head>", f"{style}\n</head>", 1)
    at = html.rfind("</article>")
    if at == -1:
        at = html.rfind("</body>")
    return html[:at] + stamp + "\n" + html[at:]


def _day(day: date) -> str:
    """'3 May 2025', the GOV.UK way of writing a date."""
    return f"{day.day} {day:%B %Y}"


def _css_string(text: str) -> str:
    """Text inside a double-quoted CSS string: anything but letters, digits and spaces as a hex escape."""
    return "".join(
        char if char.isascii() and (char.isalnum() or char == " ") else f"\\{ord(char):06x}" for char in text
    )
