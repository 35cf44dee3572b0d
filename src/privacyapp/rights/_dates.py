"""Dates in Dutch: how letters and messages write them, and how people type them."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["dutch_date", "parse_day"]

_MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


#: English names are read too (the app speaks English as well); never written.
_MONTHS_EN = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def dutch_date(day: date) -> str:
    """``date(2026, 11, 22)`` → ``"22 november 2026"``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


_NUMERIC = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_WRITTEN = re.compile(r"(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})")


def parse_day(text: str) -> date:
    """A date as people write it: ``15-10-2026``, ``15/10/2026``, ``15 oktober 2026``,
    ``15 okt 2026`` or ``2026-10-15``; month names in English too (``15 October 2026``).

    Raises:
        ValueError: when ``text`` is not one of those, or not a real day (31-02-2026).
    """
    plain = " ".join(text.strip().casefold().split())
    if numeric := _NUMERIC.fullmatch(plain):
        day, month, year = (int(part) for part in numeric.groups())
        return date(year, month, day)
    if written := _WRITTEN.fullmatch(plain):
        name = written.group(2)
        months = {
            number
            for names in (_MONTHS, _MONTHS_EN)
            for number, month in enumerate(names, start=1)
            if month.startswith(name) and len(name) >= 3
        }
        if len(months) == 1:
            return date(int(written.group(3)), months.pop(), int(written.group(1)))
        raise ValueError(f"unknown month {name!r}")
    return date.fromisoformat(plain)
