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

Round trips (issue 21): every call to ``SharedPreferences`` is one message to the browser and one
answer back, and Flet lets many calls be under way at once. So ``load`` asks for the key list and
then for all values at the same time (two round trips, however many items are stored), and
``flush`` sends the record and journal writes of a save together and the commit files
(``state.bin``, ``keys.json``, ``lock.json``) only after everything before them has been
answered: a save costs three round trips (storage check, data, anchor), not one per item, and
the order the store relies on is kept. The stored format is unchanged (one value per blob), so
data saved by earlier versions opens as before.

Two tabs of one browser share the storage but each has its own mirror. ``Vault.sync()`` re-reads
the anchor before each write; for it to see what the other tab wrote, the UI calls
``await backend.refresh()`` first (one round trip when nothing changed, three when the other tab
wrote: then the whole mirror is re-read).

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
from privacyapp.dossier._journal import STATE_FILE
from privacyapp.dossier._keys import KEY_FILE
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
        """Read every ``privacyapp.v1.*`` value from the browser into memory (two round trips)."""
        blobs, unreadable = await _read_all(prefs)
        backend = cls(prefs, blobs, schedule=schedule, on_error=on_error)
        backend.unreadable = unreadable
        return backend

    async def refresh(self) -> bool:
        """Pick up what another tab of this browser wrote; True when the mirror changed.

        Call it (in web mode) before a save or an unlock, then let the vault ``sync()``: the
        vault re-reads the anchor from this backend, which only sees another tab's writes after
        a refresh. Our own queued writes are flushed first so they are never lost. When the
        stored anchor and key file equal the mirror (the usual case) this costs one round trip;
        otherwise every value is read again (two more, however many items are stored).
        """
        await self.flush()
        if self.cleared:
            return False
        async with self._lock:
            stored = await asyncio.gather(*(self._prefs.get(PREFIX + n) for n in _WATCHED))
            if KEY_FILE in self._blobs and stored[_WATCHED.index(KEY_FILE)] is None:
                self._report_cleared()  # never rebuild the mirror from half a storage
                return False
            if all(
                _decode(value) == self._blobs.get(name)
                for name, value in zip(_WATCHED, stored, strict=True)
            ):
                return False
            blobs, unreadable = await _read_all(self._prefs)
            if self._pending:  # written while we read: keep ours on top
                for name, data in self._pending:
                    if data is None:
                        blobs.pop(name, None)
                    else:
                        blobs[name] = data
            self._blobs.clear()
            self._blobs.update(blobs)
            self.unreadable = unreadable
            return True

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
                self._report_cleared()
                return
            while self._pending:
                wave, taken = _next_wave(self._pending)
                await asyncio.gather(*(self._send(name, data) for name, data in wave))
                del self._pending[:taken]

    def _report_cleared(self) -> None:
        self.cleared = True
        self._pending.clear()
        if self._on_error is not None:
            self._on_error(StorageClearedError(CLEARED_TEXT))

    async def _send(self, name: str, data: bytes | None) -> None:
        if data is None:
            await self._prefs.remove(PREFIX + name)
        else:
            await self._prefs.set(PREFIX + name, base64.b64encode(data).decode("ascii"))

    async def _storage_was_cleared(self) -> bool:
        """True when the key file we wrote before is no longer in the browser."""
        key_file = KEY_FILE
        wrote_before = key_file in self._blobs and all(n != key_file for n, _ in self._pending)
        return wrote_before and not await self._prefs.contains_key(PREFIX + key_file)


#: Files whose write commits what was written before them: sent alone, after the others.
_COMMIT_FILES = frozenset({STATE_FILE, KEY_FILE, "lock.json"})
#: What ``refresh`` compares to see whether another tab wrote (the anchor moves with every
#: save and delete; the key file with a PIN change).
_WATCHED = (STATE_FILE, KEY_FILE)


def _next_wave(
    pending: list[tuple[str, bytes | None]],
) -> tuple[list[tuple[str, bytes | None]], int]:
    """The leading writes that may be under way together, and how many queued items they cover.

    A wave never holds one name twice (the later write must land last), a removal never travels
    with a write queued before it (the vault removes loose record files only once the pack that
    holds them is stored) and a commit file always travels alone, after everything queued
    before it has been answered. Writes to one commit
    file queued back to back are one write of the last value (nothing reads the ones between).
    """
    first_name = pending[0][0]
    if first_name in _COMMIT_FILES:
        taken = 1
        while taken < len(pending) and pending[taken][0] == first_name:
            taken += 1
        return [pending[taken - 1]], taken
    wave: list[tuple[str, bytes | None]] = []
    names: set[str] = set()
    writes = False
    for name, data in pending:
        if name in _COMMIT_FILES or name in names:
            break
        if data is None and writes:
            break  # a removal waits until the writes before it landed (a pack, then its files)
        writes = writes or data is not None
        names.add(name)
        wave.append((name, data))
    return wave, len(wave)


def _decode(value: Any) -> bytes | None:
    if value is None:
        return None
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        return None


async def _read_all(prefs: Preferences) -> tuple[dict[str, bytes], list[str]]:
    """Every ``privacyapp.v1.*`` value: the key list, then all values at once."""
    names = [
        key[len(PREFIX) :] if key.startswith(PREFIX) else key.split(PREFIX, 1)[-1]
        for key in await prefs.get_keys(PREFIX)
    ]
    values = await asyncio.gather(*(prefs.get(PREFIX + name) for name in names))
    blobs: dict[str, bytes] = {}
    unreadable = []
    for name, value in zip(names, values, strict=True):
        try:
            blobs[check_name(name)] = base64.b64decode(str(value), validate=True)
        except (binascii.Error, ValueError):
            unreadable.append(name)
    return blobs, unreadable
