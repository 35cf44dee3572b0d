"""Answer terms: one month after receipt (AVG art. 12(3)), plus two when extended in time.

Months are counted as in EU Regulation 1182/71 on periods: the term ends on the same day of
the month; when that month is shorter, on its last day (31 January → 28 or 29 February). An
extension makes the whole term three months from receipt, and counts only when the
organisation announced it within the first month.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from privacyapp.rights.errors import DeadlineError
from privacyapp.rights.kinds import DeadlineRule
from privacyapp.rights.messages import Code

__all__ = [
    "OBJECTION_WEEKS",
    "REMINDER_DAYS",
    "REPLY_TO_REMINDER_DAYS",
    "Deadline",
    "add_months",
    "compute_deadline",
    "objection_due",
]

#: How many days before the end of the term the app starts to remind.
REMINDER_DAYS = 5
#: The extra time a reminder letter gives the organisation.
REPLY_TO_REMINDER_DAYS = 14
#: The term to object to a municipality's decision on an AVG request (Awb art. 6:7).
OBJECTION_WEEKS = 6


def objection_due(decided: date) -> date:
    """The last day to object to a decision sent (made known) on ``decided``.

    The six weeks of Awb art. 6:7 start the day after the decision was made known (art. 6:8
    lid 1), so they end six weeks after that day. When the last day falls on a weekend or a
    public holiday the Algemene termijnenwet gives a little more time; the app does not count on
    that and shows the earlier date.
    """
    return decided + timedelta(weeks=OBJECTION_WEEKS)


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the end of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    """The term for one request."""

    received: date
    due: date
    """The last day on which the organisation can answer in time."""
    first_due: date
    """The end of the first month (the latest date to announce an extension)."""
    extended: bool
    """True when an extension was announced in time and counts."""
    explanation: str
    """In words for the user."""

    def remind_from(self) -> date:
        """The first day of the reminder window."""
        return self.due - timedelta(days=REMINDER_DAYS)


def compute_deadline(
    received: date,
    *,
    extension_announced: date | None = None,
    rule: DeadlineRule = DeadlineRule.AVG,
) -> Deadline:
    """The term for a request received on ``received``.

    Args:
        received: the day the organisation got the request (for e-mail: the day it was sent).
        extension_announced: the day the organisation said it needs more time, if it did.
        rule: which term applies.

    Raises:
        DeadlineError: the extension date is before the request, or there is no term to track.
    """
    if rule is DeadlineRule.NONE:
        raise DeadlineError(Code.NO_TERM_AP)
    if extension_announced is not None and extension_announced < received:
        raise DeadlineError(Code.EXTENSION_BEFORE)
    if rule is DeadlineRule.THREE_MONTHS:
        due = add_months(received, 3)
        return Deadline(
            received,
            due,
            due,
            False,
            "De organisatie moet je dossier binnen drie maanden na je verzoek vernietigen.",
        )
    if rule is DeadlineRule.SIX_WEEKS:
        due = received + timedelta(weeks=6)
        return Deadline(
            received,
            due,
            due,
            False,
            "Een gemeente moet een klacht binnen zes weken afhandelen (Algemene wet "
            "bestuursrecht, artikel 9:11). Voor andere organisaties is dat een redelijke termijn.",
        )
    first = add_months(received, 1)
    if extension_announced is None:
        return Deadline(
            received, first, first, False, "De organisatie moet binnen één maand reageren."
        )
    if extension_announced > first:
        return Deadline(
            received,
            first,
            first,
            False,
            "De organisatie meldde de verlenging te laat: dat moest binnen één maand. De "
            "verlenging telt daarom niet, en de termijn van één maand blijft gelden.",
        )
    due = add_months(received, 3)
    return Deadline(
        received,
        due,
        first,
        True,
        "De organisatie heeft op tijd gemeld dat zij meer tijd nodig heeft. De termijn is "
        "daarom drie maanden in totaal.",
    )
