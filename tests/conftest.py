"""Shared test configuration, and the fixtures of the engine and command tests: the example
flows (a frozen copy, so content edits never move their assertions) and a clock that ticks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privacyapp.engine import Library, checks, load_flows


def pytest_collection_modifyitems(items: list) -> None:  # type: ignore[type-arg]
    """Run the browser tests last: Playwright's sync API keeps an asyncio loop running in the
    main thread until the session ends, so tests after it that call asyncio.run() would fail."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "tests" / "fixtures" / "examples"


@pytest.fixture(scope="session")
def library() -> Library:
    with pytest.MonkeyPatch.context() as patch:  # the examples are frozen; plug-in checks are not
        patch.setattr(checks, "PLUGIN_MODULES", ())
        result = load_flows([EXAMPLES], display_base=REPO)
    assert result.library is not None, "\n".join(d.format() for d in result.diagnostics)
    return result.library


@pytest.fixture
def clock() -> Callable[[], datetime]:
    """A clock that ticks one minute per call, from 2026-11-22 09:00 UTC."""
    times: Iterator[datetime] = (
        datetime(2026, 11, 22, 9, 0, tzinfo=UTC) + timedelta(minutes=n) for n in range(10_000)
    )
    return lambda: next(times)
