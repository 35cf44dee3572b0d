"""Diagnostics: one problem in a content file, with its place and a hint.

A diagnostic prints as ``path:line:col: severity[code] message`` followed by an indented
``hint:`` line, the form compilers use, so editors and CI logs can jump to the spot.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

__all__ = ["Diagnostic", "Loc", "Severity", "did_you_mean", "sort_diagnostics"]


class Severity(StrEnum):
    """How bad a problem is: errors block publishing, warnings block only ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


class Loc(NamedTuple):
    """A place in a file; line and column count from 1 (a tuple: cheap, made for every value)."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found while loading or checking flows."""

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    hint: str | None = None

    @classmethod
    def at(
        cls,
        loc: Loc,
        severity: Severity,
        code: str,
        message: str,
        hint: str | None = None,
    ) -> Diagnostic:
        """Build a diagnostic at ``loc``."""
        return cls(loc.path, loc.line, loc.col, severity, code, message, hint)

    @property
    def is_error(self) -> bool:
        """True for errors (not warnings)."""
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """Render as ``path:line:col: severity[code] message`` plus an indented hint line."""
        head = (
            f"{self.path}:{self.line}:{self.col}: {self.severity.value}[{self.code}] {self.message}"
        )
        return head if self.hint is None else f"{head}\n    hint: {self.hint}"

    def to_dict(self) -> dict[str, str | int | None]:
        """A JSON-safe form, used by ``flows check --format json``."""
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, then position, then code and message (stable output)."""
        return (self.path, self.line, self.col, self.code, self.message)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Sort and drop exact duplicates."""
    return sorted(set(diagnostics), key=Diagnostic.sort_key)


def did_you_mean(
    word: str, candidates: Iterable[str], *, fallback: str | None = None
) -> str | None:
    """A ``did you mean "x"?`` hint for the closest candidate, or ``fallback``."""
    matches = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    if matches:
        return f'did you mean "{matches[0]}"?'
    return fallback
