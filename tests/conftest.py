"""Shared test configuration, and the fixtures of the engine and command tests: the example
flows (a frozen copy, so content edits never move their assertions) and a clock that ticks."""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Callable, Generator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privacyapp.engine import Library, checks, load_flows


def pytest_collection_modifyitems(items: list) -> None:  # type: ignore[type-arg]
    """Run the browser tests last: Playwright's sync API keeps an asyncio loop running in the
    main thread until the session ends, so tests after it that call asyncio.run() would fail."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


#: A test still running this long after its setup began is stuck where pytest-timeout's signal
#: cannot reach it (Playwright's event loop catches what a signal raises inside one of its
#: callbacks): the interpreter's own watchdog then prints every thread's stack and ends the run,
#: instead of a CI run that hangs until its time limit with nothing to show for it.
HARD_LIMIT_S = 420.0
_TERMINAL: list[int] = []  # the terminal's stderr, not the file pytest captures a test's into


def pytest_configure(config: pytest.Config) -> None:
    _TERMINAL.append(os.dup(sys.stderr.fileno()))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, object, object]:
    """Armed at each try's setup (a browser test's second try gets its own time)..."""
    faulthandler.dump_traceback_later(HARD_LIMIT_S, exit=True, file=_TERMINAL[0])
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item) -> Generator[None, object, object]:
    """... and cancelled when its teardown is done."""
    try:
        return (yield)
    finally:
        faulthandler.cancel_dump_traceback_later()


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
