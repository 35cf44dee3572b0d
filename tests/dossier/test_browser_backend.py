"""The browser backend: the same encrypted envelopes in localStorage, and a cleared storage."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import pytest

from privacyapp.dossier import (
    BROWSER_PREFIX as PREFIX,
)
from privacyapp.dossier import (
    AppLock,
    BrowserBackend,
    KdfParams,
    MissingKeysError,
    StorageClearedError,
    StoreError,
    StoreWriteError,
)

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


class FakePrefs:
    """What ``ft.SharedPreferences`` does on web: string values in localStorage."""

    def __init__(self) -> None:
        self.store: dict[str, Any] = {}

    async def get(self, key: str) -> Any:
        return self.store.get(key)

    async def set(self, key: str, value: Any) -> bool:
        assert isinstance(value, str)
        self.store[key] = value
        return True

    async def remove(self, key: str) -> bool:
        return self.store.pop(key, None) is not None

    async def get_keys(self, key_prefix: str) -> list[str]:
        return [k for k in self.store if k.startswith(key_prefix)]

    async def contains_key(self, key: str) -> bool:
        return key in self.store


def load(prefs: FakePrefs, **kwargs: Any) -> BrowserBackend:
    return asyncio.run(BrowserBackend.load(prefs, **kwargs))


def test_round_trip_through_browser_storage_without_plaintext() -> None:
    prefs = FakePrefs()
    backend = load(prefs)
    vault = AppLock(backend, kdf=FAST).set_pin("24680")
    vault.create("path", "Delen met de huisarts", {"x": "geheim"}, reference="KENMERK-9")
    asyncio.run(backend.flush())
    assert backend.pending == 0
    everything = " ".join(str(v) for v in prefs.store.values())
    for text in ("huisarts", "KENMERK-9", "geheim"):
        assert text not in everything
        assert text.encode() not in b"".join(
            base64.b64decode(v) for v in prefs.store.values() if not str(v).startswith("{")
        )
    assert all(k.startswith(PREFIX) for k in prefs.store)
    # "Reload the page": a new backend from the same browser storage.
    reopened = AppLock(load(prefs), kdf=FAST).unlock("24680")
    assert reopened.list()[0].title == "Delen met de huisarts"


def test_writes_are_flushed_in_order_by_the_scheduler() -> None:
    prefs = FakePrefs()
    scheduled: list[Any] = []
    backend = load(prefs, schedule=scheduled.append)
    AppLock(backend, kdf=FAST).set_pin("24680").create("path", "Een")
    assert scheduled and backend.pending > 0
    asyncio.run(scheduled[-1]())
    assert backend.pending == 0
    assert f"{PREFIX}keys.json" in prefs.store


def test_storage_cleared_while_open_stops_writing_with_a_message() -> None:
    prefs = FakePrefs()
    errors: list[StorageClearedError] = []
    backend = load(prefs, on_error=errors.append)
    vault = AppLock(backend, kdf=FAST).set_pin("24680")
    vault.create("path", "Een")
    asyncio.run(backend.flush())
    prefs.store.clear()  # the user clears site data in the browser
    vault.create("path", "Twee")
    asyncio.run(backend.flush())
    assert len(errors) == 1 and isinstance(errors[0], StoreError)  # typed, not a UI string
    assert "Herlaad de pagina" in str(errors[0])
    assert prefs.store == {}  # no half store rebuilt
    with pytest.raises(StoreWriteError, match="Herlaad de pagina"):
        vault.create("path", "Drie")


def test_storage_cleared_before_start_is_explained() -> None:
    lock = AppLock(load(FakePrefs()), kdf=FAST)
    assert not lock.has_store()
    with pytest.raises(MissingKeysError, match="browsergegevens gewist"):
        lock.unlock("24680")


def test_partly_cleared_storage_is_reported_not_reset() -> None:
    prefs = FakePrefs()
    backend = load(prefs)
    AppLock(backend, kdf=FAST).set_pin("24680").create("path", "Een")
    asyncio.run(backend.flush())
    del prefs.store[f"{PREFIX}keys.json"]
    with pytest.raises(MissingKeysError, match="Er is niets gewist"):
        AppLock(load(prefs), kdf=FAST).unlock("24680")
    assert any(k.startswith(f"{PREFIX}rec-") for k in prefs.store)


def test_value_that_is_not_base64_is_reported() -> None:
    prefs = FakePrefs()
    prefs.store[f"{PREFIX}rec-0000000000000001.bin"] = "not base64 !!"
    backend = load(prefs)
    assert backend.unreadable == ["rec-0000000000000001.bin"]
    assert prefs.store[f"{PREFIX}rec-0000000000000001.bin"] == "not base64 !!"


class CountingPrefs(FakePrefs):
    """Counts browser round trips: a call that starts while none is under way starts a new one.

    Every call yields to the event loop once before it answers, as a real browser call does, so
    calls made together overlap and calls made one after another do not.
    """

    def __init__(self) -> None:
        super().__init__()
        self.round_trips = 0
        self.in_flight: set[str] = set()
        self.sets: list[tuple[str, frozenset[str]]] = []  # (key, what was under way with it)

    async def _call(self, key: str) -> None:
        if not self.in_flight:
            self.round_trips += 1
        self.in_flight.add(key)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        self.in_flight.discard(key)

    async def get(self, key: str) -> Any:
        await self._call(key)
        return await super().get(key)

    async def set(self, key: str, value: Any) -> bool:
        self.sets.append((key, frozenset(self.in_flight)))
        await self._call(key)
        return await super().set(key, value)

    async def remove(self, key: str) -> bool:
        await self._call(key)
        return await super().remove(key)

    async def get_keys(self, key_prefix: str) -> list[str]:
        await self._call(key_prefix)
        return await super().get_keys(key_prefix)

    async def contains_key(self, key: str) -> bool:
        await self._call(key)
        return await super().contains_key(key)


def _store_with(prefs: FakePrefs, count: int) -> None:
    backend = load(prefs)
    vault = AppLock(backend, kdf=FAST).set_pin("24680")
    for i in range(count):
        vault.create("path", f"Item {i}", {"n": i})
    asyncio.run(backend.flush())


def test_opening_costs_the_same_round_trips_for_few_and_many_items() -> None:
    trips = []
    for count in (1, 60):
        prefs = CountingPrefs()
        _store_with(prefs, count)
        prefs.round_trips = 0
        backend = load(prefs)
        trips.append(prefs.round_trips)
        assert len(AppLock(backend, kdf=FAST).unlock("24680").list()) == count
        prefs.round_trips = 0
        asyncio.run(backend.flush())
        unlock_trips = prefs.round_trips
    assert trips == [2, 2]  # the key list, then every value at once
    assert unlock_trips == 2  # storage check, then the PIN-try file once (two writes queued)


def test_a_save_is_three_round_trips_and_keeps_the_commit_order() -> None:
    prefs = CountingPrefs()
    _store_with(prefs, 5)
    backend = load(prefs)
    vault = AppLock(backend, kdf=FAST).unlock("24680")
    asyncio.run(backend.flush())
    prefs.round_trips, prefs.sets = 0, []
    vault.create("path", "Nieuw")
    asyncio.run(backend.flush())
    assert prefs.round_trips == 3  # storage check, record + journal together, then the anchor
    keys = [key for key, _ in prefs.sets]
    assert keys[-1] == f"{PREFIX}state.bin" and len(keys) == 3
    assert prefs.sets[-1][1] == frozenset()  # the anchor is sent when nothing else is under way
    reopened = AppLock(load(prefs), kdf=FAST).unlock("24680")
    assert "Nieuw" in {r.title for r in reopened.list()}


def test_writes_queued_for_one_name_land_in_order() -> None:
    prefs = CountingPrefs()
    backend = load(prefs)
    for value in (b"een", b"twee", b"drie"):
        backend.write("rec-0000000000000001.bin", value)
    asyncio.run(backend.flush())
    assert base64.b64decode(prefs.store[f"{PREFIX}rec-0000000000000001.bin"]) == b"drie"


def test_data_stored_by_the_one_trip_per_item_version_still_opens() -> None:
    # The stored format did not change: one base64 value per blob under privacyapp.v1.<name>.
    prefs = FakePrefs()
    _store_with(prefs, 3)
    assert all(k.startswith(PREFIX) and not k.endswith("pack") for k in prefs.store)
    assert len(AppLock(load(prefs), kdf=FAST).unlock("24680").list()) == 3


def test_two_tabs_of_one_browser_see_each_others_saves_after_refresh() -> None:
    prefs = FakePrefs()
    tab_a = load(prefs)
    vault_a = AppLock(tab_a, kdf=FAST).set_pin("24680")
    vault_a.create("path", "Van tab A")
    asyncio.run(tab_a.flush())
    tab_b = load(prefs)
    vault_b = AppLock(tab_b, kdf=FAST).unlock("24680")

    vault_a.create("path", "Nog een van A")
    asyncio.run(tab_a.flush())
    assert asyncio.run(tab_b.refresh()) is True  # what the UI calls before a save
    vault_b.create("path", "Van tab B")  # sync() now sees A's entry: one history, no fork
    asyncio.run(tab_b.flush())

    assert asyncio.run(tab_a.refresh()) is True
    vault_a.sync()
    titles = {"Van tab A", "Nog een van A", "Van tab B"}
    assert {r.title for r in vault_a.list()} == titles
    assert {r.title for r in vault_b.list()} == titles
    assert asyncio.run(tab_a.refresh()) is False  # nothing new: the mirror stays as it is
    vault_a.verify()
    assert {r.title for r in AppLock(load(prefs), kdf=FAST).unlock("24680").list()} == titles


def test_without_refresh_the_second_tab_forks_and_stops_writing() -> None:
    # Why the UI must call refresh(): the stale tab's sync() cannot see the other tab's save.
    prefs = FakePrefs()
    tab_a = load(prefs)
    vault_a = AppLock(tab_a, kdf=FAST).set_pin("24680")
    vault_a.create("path", "Een")
    asyncio.run(tab_a.flush())
    tab_b = load(prefs)
    vault_b = AppLock(tab_b, kdf=FAST).unlock("24680")
    vault_a.create("path", "Twee")
    asyncio.run(tab_a.flush())
    vault_b.create("path", "Drie")  # no refresh: B writes over A's anchor
    asyncio.run(tab_b.flush())
    assert asyncio.run(tab_a.refresh()) is True
    with pytest.raises(StoreError):
        vault_a.sync()


def test_refresh_keeps_writes_still_queued_and_notices_a_cleared_storage() -> None:
    prefs = FakePrefs()
    errors: list[StorageClearedError] = []
    scheduled: list[Any] = []
    backend = load(prefs, on_error=errors.append, schedule=scheduled.append)
    vault = AppLock(backend, kdf=FAST).set_pin("24680")
    vault.create("path", "Een")
    assert backend.pending > 0
    assert asyncio.run(backend.refresh()) is False  # flushed first, then nothing changed
    assert backend.pending == 0 and f"{PREFIX}state.bin" in prefs.store
    prefs.store.clear()
    assert asyncio.run(backend.refresh()) is False
    assert backend.cleared and len(errors) == 1
    assert vault.list()[0].title == "Een"  # what was open stays readable
