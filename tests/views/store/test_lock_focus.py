"""The PIN lock screen: every failed try moves keyboard focus to its error summary again."""

from __future__ import annotations

import inspect
from datetime import UTC, datetime
from typing import Any

import flet as ft
import pytest
from viewkit import find, texts

from privacyapp.dossier import AppLock, KdfParams, MemoryBackend
from privacyapp.views.store.lock import LockScreen, lock_view, set_pin_view

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


class FocusPage:
    """Stands in for ``ft.Page``: records the control each focus request is for (the kit asks
    for focus with a page task that awaits ``control.focus()``)."""

    def __init__(self) -> None:
        self.focused: list[ft.Control] = []

    def run_task(self, handler: Any, *args: Any) -> None:
        work = inspect.unwrap(handler)  # kit.tasks.run_task wraps the work it is given
        self.focused.append(inspect.getclosurevars(work).nonlocals["control"])


@pytest.fixture
def lock() -> AppLock:
    made = AppLock(MemoryBackend(), kdf=FAST, clock=lambda: datetime(2026, 3, 2, tzinfo=UTC))
    made.set_pin("24680")
    made.lock()
    return made


def test_the_same_wrong_pin_twice_moves_focus_to_the_summary_both_times(lock: AppLock) -> None:
    page = FocusPage()
    s = LockScreen(lock, refresh=lambda: None, on_unlocked=lambda _v: None)

    def show() -> Any:
        return lock_view(s.state, on_unlock=s.unlock, on_forgot=lambda: None, page=page)  # type: ignore[arg-type]

    s.unlock("11111")
    first = show()
    assert page.focused == [find(first, "lock-problem-link-0")]
    s.unlock("11111")  # the same PIN again: the same message, and still a new try
    second = show()
    assert len(page.focused) == 2 and page.focused[-1] is find(second, "lock-problem-link-0")
    message = " ".join(texts(find(second, "lock-problem-message")))
    assert "De pincode klopt niet." in message
    assert "2 keer" in message  # the text shows it is another try
    show()  # shown again without a try (a re-render): focus stays where the user is
    assert len(page.focused) == 2


def test_each_mismatch_when_setting_a_pin_moves_focus_again() -> None:
    page = FocusPage()
    fresh = AppLock(MemoryBackend(), kdf=FAST)
    s = LockScreen(fresh, refresh=lambda: None, on_unlocked=lambda _v: None)
    s.set_understood(True)
    for tries in (1, 2):
        s.set_pin("24680", "13579")
        view = set_pin_view(
            s.state,
            on_set=s.set_pin,
            on_understood=s.set_understood,
            page=page,  # type: ignore[arg-type]
        )
        assert len(page.focused) == tries
        assert page.focused[-1] is find(view, "lock-problem-link-0")
