"""Helpers shared by the store tests (imported by name: the directory is on sys.path)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

PIN = "24680"


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)
