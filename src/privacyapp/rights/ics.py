"""A deadline as an iCalendar event (RFC 5545) the user can add to their own calendar.

Rules that matter here: lines end in CRLF; lines longer than 75 octets are folded (CRLF plus a
space), never inside a UTF-8 character; ``\\``, ``;``, ``,`` and line breaks in text are escaped;
every event has a UID and a DTSTAMP (from an injected clock, so output is reproducible); an
all-day event uses ``DTSTART;VALUE=DATE``; a VALARM reminds some days before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from privacyapp.rights._text import clean_text
from privacyapp.rights.deadline import REMINDER_DAYS
from privacyapp.rights.messages import Label

__all__ = ["deadline_event", "escape_text", "fold_line"]

_PRODID = "-//PrivacyApp ondersteuning en zorg//Verzoeken//NL"


def escape_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545 section 3.3.11)."""
    out = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold one content line at 75 octets (RFC 5545 section 3.1), CRLF-terminated."""
    parts: list[str] = []
    current = b""
    limit = 75
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = 74  # continuation lines start with one space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts) + "\r\n"


def _date(day: date) -> str:
    return day.strftime("%Y%m%d")


def deadline_event(
    *,
    uid: str,
    due: date,
    summary: str,
    description: str,
    now: datetime,
    remind_days: int = REMINDER_DAYS,
) -> str:
    """One VCALENDAR with an all-day VEVENT on ``due`` and a reminder ``remind_days`` before.

    Args:
        uid: stable id of the request; the UID becomes ``<uid>@privacyapp``.
        due: the last day of the term.
        summary: event title; user text is cleaned and escaped.
        description: longer text; line breaks are kept (escaped as ``\\n``).
        now: the DTSTAMP (from the caller's clock).
        remind_days: days before ``due`` for the alarm.
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    safe_uid = "".join(ch for ch in uid if ch.isalnum() or ch in "-_.") or "verzoek"
    title = escape_text(clean_text(summary, label=Label("label.title"), limit=500))
    text = escape_text(clean_text(description, label=Label("label.description"), limit=8000))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{safe_uid}@privacyapp",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_date(due)}",
        f"DTEND;VALUE=DATE:{_date(due + timedelta(days=1))}",
        f"SUMMARY:{title}",
        f"DESCRIPTION:{text}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{title}",
        f"TRIGGER:-P{remind_days}D",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold_line(line) for line in lines)
