"""Lock screen and set-PIN screen, driven through their controls without a client."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from store_view_helpers import click, find, texts

from privacyapp.dossier import AppLock, KdfParams, MemoryBackend, Vault
from privacyapp.views.store.lock import LockScreen, forgot_pin_dialog, lock_view, set_pin_view

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def lock(clock: Clock) -> AppLock:
    return AppLock(MemoryBackend(), clock=clock, kdf=FAST)


def screen(lock: AppLock) -> tuple[LockScreen, list[Vault]]:
    opened: list[Vault] = []
    return LockScreen(lock, refresh=lambda: None, on_unlocked=opened.append), opened


def build(s: LockScreen) -> object:
    return lock_view(s.state, on_unlock=s.unlock, on_forgot=lambda: None)


def test_set_pin_shows_the_warning_before_anything_else(lock: AppLock) -> None:
    s, opened = screen(lock)
    view = set_pin_view(s.state, on_set=s.set_pin, on_understood=s.set_understood)
    assert "Dan kan niemand je bewaarde gegevens nog openen" in find(view, "lock-warning").value
    assert find(view, "lock-set-pin").disabled  # not before the warning is confirmed
    # The user ticks the box, types the PIN twice and saves.
    find(view, "lock-understood").value = True
    find(view, "lock-understood").on_change(None)
    view = set_pin_view(s.state, on_set=s.set_pin, on_understood=s.set_understood)
    assert not find(view, "lock-set-pin").disabled
    find(view, "lock-new-pin").value = "24680"
    find(view, "lock-new-pin-again").value = "24680"
    click(find(view, "lock-set-pin"))
    assert len(opened) == 1 and lock.has_pin()


def test_set_pin_mismatch_and_too_short(lock: AppLock) -> None:
    s, opened = screen(lock)
    s.set_understood(True)
    s.set_pin("24680", "24681")
    view = set_pin_view(s.state, on_set=s.set_pin, on_understood=s.set_understood)
    assert find(view, "lock-new-pin-again").error == "De twee pincodes zijn niet gelijk."
    s.set_pin("12", "12")
    assert "minstens 5" in (s.state.set_pin_error or "")
    assert opened == [] and not lock.has_store()


def test_wrong_pin_then_delay_then_right_pin(lock: AppLock, clock: Clock) -> None:
    lock.set_pin("24680")
    lock.lock()
    s, opened = screen(lock)
    for _ in range(3):
        view = build(s)
        find(view, "lock-pin").value = "11111"
        click(find(view, "lock-open"))
    view = build(s)
    assert find(view, "lock-pin").error == "De pincode klopt niet."
    assert "Probeer het over 30 seconden" in find(view, "lock-message").value
    assert find(view, "lock-open").disabled
    clock.now += timedelta(seconds=31)
    s.state.retry_after = lock.retry_after()
    view = build(s)
    find(view, "lock-pin").value = "24680"
    find(view, "lock-pin").on_submit(None)  # Enter works like the button
    assert len(opened) == 1


def test_forgot_pin_explains_and_wipe_starts_over(lock: AppLock) -> None:
    lock.set_pin("24680").create("path", "Weg")
    lock.lock()
    s, _ = screen(lock)
    dialog = forgot_pin_dialog(on_wipe=s.wipe, on_close=lambda: None)
    assert "Zonder pincode kan niemand je bewaarde gegevens openen" in texts(dialog)
    click(find(dialog, "lock-forgot-wipe"))
    assert not lock.has_store()
    assert "Alles is gewist" in texts(build(s))


def test_empty_storage_says_earlier_data_may_be_gone(lock: AppLock) -> None:
    s, _ = screen(lock)
    assert "browsergegevens gewist" in texts(build(s))


def test_damaged_key_file_gives_a_message_not_a_crash(lock: AppLock) -> None:
    lock.set_pin("24680")
    lock.lock()
    lock.backend.write("keys.json", b"{broken")
    s, opened = screen(lock)
    s.unlock("24680")
    assert opened == []
    assert "sleutelbestand is beschadigd" in (s.state.error or "")


def test_missing_key_file_is_explained_before_any_pin_is_typed(lock: AppLock) -> None:
    lock.set_pin("24680").create("path", "Zonder sleutel")
    lock.lock()
    lock.backend.delete("keys.json")
    s, _ = screen(lock)
    view = build(s)
    assert "sleutel van je bewaarde gegevens ontbreekt" in find(view, "lock-error").value
    assert find(view, "lock-forgot").on_click is not None  # the way out: wipe and start over
