"""Working-day deadline calculators on tree outcomes, and the bank holidays they count around.

An outcome's time limits are the timescales of the provisions it cites (checked against the sources), so a
calculator never states a limit the guidance does not. The counting itself runs in the reader's browser
(`assets/deadline.js`) over a list of bank holidays in England written at build time by the `holidays` library.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import holidays

from ..model import Corpus, Provision, Step, Timescale, Tree, TreeNode
from .markdown import escape_html

# The years whose bank holidays are written into the site. Fixed, not taken from today's date, so that two builds
# of one commit are identical; widen the range (and rebuild) as years pass.
FIRST_YEAR = 2010
LAST_YEAR = 2035
HOLIDAYS_SCRIPT = "bank-holidays.js"


@dataclass
class Deadline:
    """A time limit counted in working days, from a provision an outcome cites."""

    provision: Provision
    timescale: Timescale
    days: int


def outcome_deadlines(corpus: Corpus, tree: Tree, node: TreeNode) -> list[Deadline]:
    """The working-day time limits an outcome names in `deadlines` (cited provisions' timescales), in that order."""
    found = []
    for cited in node.deadlines:
        provision = corpus.provisions.get(cited)
        version = provision.version_in(tree.edition) if provision else None
        if provision and version and version.timescale:
            days = version.timescale.working_days
            if days:
                found.append(Deadline(provision, version.timescale, days))
    return found


def step_deadline(corpus: Corpus, tree: Tree, step: Step) -> Deadline | None:
    """The working-day time limit one step of an outcome carries, if any."""
    provision = corpus.provisions.get(step.deadline) if step.deadline else None
    version = provision.version_in(tree.edition) if provision else None
    days = version.timescale.working_days if version and version.timescale else None
    return Deadline(provision, version.timescale, days) if provision and version and days else None


def deadline_calculator(deadline: Deadline, currency: str = "") -> str:
    """One calculator as raw HTML: the rule in words (all a reader without JavaScript needs), then the form, with
    the edition's currency beside the result, so no one counts a deadline without seeing which edition set it."""
    timescale = deadline.timescale
    days = f"{deadline.days} working day{'s' if deadline.days != 1 else ''}"
    start = escape_html(timescale.start) if timescale.start else ""
    counted_from = f"from {start}" if start else "(the guidance quoted here does not say from when)"
    label = f"Date to count from ({start})" if start else "Date to count from"
    rule = (
        f"<strong>{escape_html(timescale.what)}</strong> within <strong>{escape_html(timescale.period)}</strong> "
        f"{counted_from}. Counting {days}: day 1 is the first working day after that date, and Saturdays, Sundays "
        "and bank holidays in England are not working days."
    )
    return (
        f'<div class="wt-deadline" data-working-days="{deadline.days}">'
        f'<p class="wt-deadline__rule">{rule}</p>'
        '<div class="wt-deadline__form">'
        # GOV.UK's date pattern: three labelled number fields in a fieldset. It types the same in every browser
        # (a type=date control orders its parts by the browser's language) and costs far less to lay out.
        f'<fieldset class="wt-deadline__date"><legend>{label}</legend>'
        + "".join(
            f'<label>{part} <input class="wt-deadline__{part.lower()}" type="text" inputmode="numeric" '
            f'maxlength="{size}" size="{size}" autocomplete="off"></label>'
            for part, size in (("Day", 2), ("Month", 2), ("Year", 4))
        )
        + "</fieldset>"
        '<p class="wt-deadline__result" aria-live="polite"></p>' + currency + ""
        f'<p class="wt-deadline__note">A calculation aid, not guidance: it counts bank holidays in England from '
        f"{FIRST_YEAR} to {LAST_YEAR}, and nothing you enter leaves this page. Local arrangements may differ.</p>"
        "</div></div>"
    )


def bank_holidays() -> dict[str, str]:
    """Every bank holiday in England from FIRST_YEAR to LAST_YEAR, ISO date to name, in date order."""
    found = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    return {day.isoformat(): name for day, name in sorted(found.items()) if FIRST_YEAR <= day.year <= LAST_YEAR}


def bank_holidays_script() -> str:
    """The script that gives the calculators their bank holidays: data only, generated at each build."""
    data = {"first": FIRST_YEAR, "last": LAST_YEAR, "holidays": bank_holidays()}
    return (
        f"/* Bank holidays in England, {FIRST_YEAR} to {LAST_YEAR}, from the Python `holidays` library "
        f"{holidays.__version__} at build time. Data only: read by deadline.js. */\n"
        f"window.wtBankHolidays = {json.dumps(data, ensure_ascii=True, sort_keys=True)};\n"
    )
