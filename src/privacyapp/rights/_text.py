"""Cleaning user text before it goes into a letter, a mail link, a PDF or a calendar file.

User text is never trusted: it may hold control characters (NUL), invisible direction marks
that make a name look different from what it is, Windows or old-Mac line breaks, or be far too
long. Cleaning keeps what a person meant (letters of any script, emoji) and drops the rest.
"""

from __future__ import annotations

import re
import unicodedata

from privacyapp.rights.errors import InputTooLongError
from privacyapp.rights.messages import Label

__all__ = ["MAX_LINE", "MAX_TEXT", "clean_line", "clean_text", "one_line"]

#: Longest single-line value (a name, an e-mail address, an organisation).
MAX_LINE = 200
#: Longest multi-line value (a description of what is wrong).
MAX_TEXT = 4000
#: What a cleaned text is called in an error when the caller names nothing better.
_TEXT = Label("label.text")

# The zero-width joiner glues emoji sequences (family, flags); every other format character
# (direction marks and overrides, BOM, soft hyphen) is invisible and can only mislead.
_KEEP_FORMAT = {"\u200d"}
_SPACES = re.compile(r"[ \t\u00a0]+")


def _drop_invisible(text: str) -> str:
    kept: list[str] = []
    for ch in text:
        category = unicodedata.category(ch)
        if ch == "\n":
            kept.append(ch)
        elif ch == "\t":
            kept.append(" ")
        elif category in ("Cc", "Cs", "Co", "Cn") or (category == "Cf" and ch not in _KEEP_FORMAT):
            continue
        elif category in ("Zl", "Zp"):
            kept.append("\n")
        else:
            kept.append(ch)
    return "".join(kept)


def one_line(text: str) -> str:
    """Join all lines into one line with single spaces."""
    return _SPACES.sub(" ", " ".join(part.strip() for part in text.splitlines())).strip()


def clean_text(text: str, *, label: Label = _TEXT, limit: int = MAX_TEXT) -> str:
    """Clean multi-line user text: NFC, ``\\n`` line breaks, no control or invisible characters.

    Raises:
        InputTooLongError: when the cleaned text is longer than ``limit`` characters.
    """
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _drop_invisible(unicodedata.normalize("NFC", unified))
    lines = [_SPACES.sub(" ", line).strip() for line in cleaned.split("\n")]
    # At most one empty line in a row, none at the start or end.
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    result = "\n".join(out).strip("\n")
    if len(result) > limit:
        raise InputTooLongError(label, limit, len(result))
    return result


def clean_line(text: str, *, label: Label = _TEXT, limit: int = MAX_LINE) -> str:
    """Clean single-line user text (line breaks become spaces).

    Raises:
        InputTooLongError: when the cleaned text is longer than ``limit`` characters.
    """
    result = one_line(_drop_invisible(unicodedata.normalize("NFC", text)))
    if len(result) > limit:
        raise InputTooLongError(label, limit, len(result))
    return result
