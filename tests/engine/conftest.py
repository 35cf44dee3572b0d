"""Fixtures for engine tests: the shipped flows and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privacyapp.engine import Library, load_flows

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"


@pytest.fixture(scope="session")
def library() -> Library:
    result = load_flows([FLOWS], display_base=REPO)
    assert result.library is not None, "\n".join(d.format() for d in result.diagnostics)
    return result.library


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """A clock that ticks one minute per call, from 2026-11-22 09:00 UTC."""
    times: Iterator[datetime] = (
        datetime(2026, 11, 22, 9, 0, tzinfo=UTC) + timedelta(minutes=n) for n in range(10_000)
    )
    return lambda: next(times)
