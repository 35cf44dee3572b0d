"""A store backend over the browser's own storage (localStorage through Flet on web).

In web mode the Python code runs on the server, so user data must not touch the server's disk
(DESIGN.md §5). ``BrowserBackend`` keeps the store's blobs in the browser through a
:class:`Preferences` object (Flet's ``SharedPreferences``: localStorage on web) as base64 text
under ``privacyapp.v1.<name>``; the blobs are the same encrypted envelopes as on disk, so
localStorage never holds plaintext. The UI makes the ``SharedPreferences`` and injects it; this
module imports no UI code.

``SharedPreferences`` is async and the store is sync, so the backend mirrors the stored values in
memory (loaded once with ``await BrowserBackend.load(prefs)``) and queues writes, which one task
flushes in order. Each localStorage ``setItem`` replaces one value atomically, which is all the
store needs (it orders its own writes: record, journal, anchor).

If the key file disappears from the storage while the app is open, the next flush notices it,
stops writing (so it never rebuilds half a store) and reports a :class:`StorageClearedError`;
later writes raise it. Note: Flutter's shared_preferences keeps its own copy of the values in
memory, so on the web a clear done from outside the app (browser settings, devtools) is only
seen at the next visit; the lock screen then explains that the data (or its key) is gone.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import Callable, Coroutine
from typing import Any, Protocol

from privacyapp.dossier._backend import check_name
from privacyapp.dossier.errors import StorageClearedError

__all__ = ["CLEARED_TEXT", "PREFIX", "BrowserBackend", "Preferences"]

PREFIX = "privacyapp.v1."
#: What a write says once the browser storage was cleared while the app was open.
CLEARED_TEXT = (
    "De opslag van deze browser is gewist terwijl de app open was. Wat je nu bewaart, kan niet "
    "meer worden opgeslagen. Herlaad de pagina om opnieuw te beginnen."
)


class Preferences(Protocol):
    """The part of ``ft.SharedPreferences`` the backend uses (tests pass a fake)."""

    async def get(self, key: str) -> Any: ...
    async def set(self, key: str, value: Any) -> bool: ...
    async def remove(self, key: str) -> bool: ...
    async def get_keys(self, key_prefix: str) -> list[str]: ...
    async def contains_key(self, key: str) -> bool: ...


class BrowserBackend:
    """A ``Backend`` over browser storage: sync reads from a mirror, async ordered writes."""

    def __init__(
        self,
        prefs: Preferences,
        blobs: dict[str, bytes],
        *,
        schedule: Callable[[Callable[[], Coroutine[Any, Any, None]]], Any] | None = None,
        on_error: Callable[[StorageClearedError], None] | None = None,
    ) -> None:
        self._prefs = prefs
        self._blobs = blobs
        self._pending: list[tuple[str, bytes | None]] = []
        self._lock = asyncio.Lock()
        self._schedule = schedule
        self._on_error = on_error
        #: Names whose stored value was not valid base64 (reported, never overwritten silently).
        self.unreadable: list[str] = []
        self.cleared = False

    @classmethod
    async def load(
        cls,
        prefs: Preferences,
        *,
        schedule: Callable[[Callable[[], Coroutine[Any, Any, None]]], Any] | None = None,
        on_error: Callable[[StorageClearedError], None] | None = None,
    ) -> BrowserBackend:
        """Read every ``privacyapp.v1.*`` value from the browser into memory."""
        blobs: dict[str, bytes] = {}
        unreadable = []
        for key in await prefs.get_keys(PREFIX):
            name = key[len(PREFIX) :] if key.startswith(PREFIX) else key.split(PREFIX, 1)[-1]
            value = await prefs.get(PREFIX + name)
            try:
                blobs[check_name(name)] = base64.b64decode(str(value), validate=True)
            except (binascii.Error, ValueError):
                unreadable.append(name)
        backend = cls(prefs, blobs, schedule=schedule, on_error=on_error)
        backend.unreadable = unreadable
        return backend

    # ------------------------------------------------------------------ Backend (sync)
    def read(self, name: str) -> bytes | None:
        return self._blobs.get(check_name(name))

    def write(self, name: str, data: bytes, *, keep_previous: bool = True) -> None:
        if self.cleared:
            raise StorageClearedError(CLEARED_TEXT)
        self._blobs[check_name(name)] = bytes(data)
        self._queue(name, bytes(data))

    def delete(self, name: str) -> None:
        self._blobs.pop(check_name(name), None)
        self._queue(name, None)

    def list(self) -> list[str]:
        return sorted(self._blobs)

    # ------------------------------------------------------------------ persistence
    def _queue(self, name: str, data: bytes | None) -> None:
        self._pending.append((name, data))
        if self._schedule is not None:
            self._schedule(self.flush)

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def flush(self) -> None:
        """Write queued changes to the browser, in order. Safe to call concurrently."""
        async with self._lock:
            if not self._pending:
                return
            if await self._storage_was_cleared():
                self.cleared = True
                self._pending.clear()
                if self._on_error is not None:
                    self._on_error(StorageClearedError(CLEARED_TEXT))
                return
            while self._pending:
                name, data = self._pending[0]
                if data is None:
                    await self._prefs.remove(PREFIX + name)
                else:
                    await self._prefs.set(PREFIX + name, base64.b64encode(data).decode("ascii"))
                self._pending.pop(0)

    async def _storage_was_cleared(self) -> bool:
        """True when the key file we wrote before is no longer in the browser."""
        key_file = "keys.json"
        wrote_before = key_file in self._blobs and all(n != key_file for n, _ in self._pending)
        return wrote_before and not await self._prefs.contains_key(PREFIX + key_file)
