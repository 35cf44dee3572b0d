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
