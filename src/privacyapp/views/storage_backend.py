"""Where the encrypted store lives in the running app: files, or the browser's own storage.

In web mode the Python code runs on the server, so user data must not touch the server's disk
(DESIGN.md §5). ``BrowserBackend`` keeps the store's blobs in the browser through Flet's
``SharedPreferences`` (localStorage on web) as base64 text under ``privacyapp.v1.<name>``; the
blobs are the same encrypted envelopes as on disk, so localStorage never holds plaintext.

``SharedPreferences`` is async and the store is sync, so the backend mirrors the stored values in
memory (loaded once with ``await BrowserBackend.load(prefs)``) and queues writes, which one task
flushes in order. Each localStorage ``setItem`` replaces one value atomically, which is all the
store needs (it orders its own writes: record, journal, anchor).

If the key file disappears from the storage while the app is open, the next flush notices it,
stops writing (so it never rebuilds half a store) and reports it. Note: Flutter's
shared_preferences keeps its own copy of the values in memory, so on the web a clear done from
outside the app (browser settings, devtools) is only seen at the next visit; the lock screen then
explains that the data (or its key) is gone (the real-browser test covers both cases).

OS keystore: ``flet-secure-storage`` is a Flet extension (a Flutter package built into the app by
``flet build``); it cannot run in this repository's web/test setup. What a keystore wrapper needs
is in ``keystore_wrapper``'s docstring.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from privacyapp.dossier import AppLock, Backend, FileBackend, KeyWrapper, SecretWrapper
from privacyapp.dossier._backend import check_name
from privacyapp.views import _store_strings  # noqa: F401  (registers the ``store.*`` text)
from privacyapp.views.i18n import Translator

__all__ = [
    "BrowserBackend",
    "CLEARED",
    "CLEARED_MESSAGE",
    "PREFIX",
    "Preferences",
    "StoreService",
    "StoreSession",
    "keystore_wrapper",
    "make_app_lock",
]

PREFIX = "privacyapp.v1."
CLEARED = "store.cleared"
#: What ``write`` raises and ``on_error`` receives once the browser storage was cleared (Dutch:
#: it may end up in a store error's text); the screens show ``CLEARED`` in the UI language.
CLEARED_MESSAGE = Translator("nl")(CLEARED)


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
        on_error: Callable[[str], None] | None = None,
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
        on_error: Callable[[str], None] | None = None,
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
            raise OSError(CLEARED_MESSAGE)
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
                    self._on_error(CLEARED_MESSAGE)
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


def keystore_wrapper(secret: bytes | None) -> KeyWrapper | None:
    """Wrap the data key with a secret from the OS keystore, where the platform has one.

    What the platform glue must do with ``flet-secure-storage`` (a Flet extension around
    Flutter's flutter_secure_storage: Keychain on iOS/macOS, Android Keystore, Windows Credential
    Manager, libsecret + a keyring service on Linux): add it to the app's dependencies so
    ``flet build`` compiles it in; at start, read the value under ``privacyapp.kek``; if there is
    none, generate 32 random bytes and store them (base64) under that name; pass the bytes here
    and as ``AppLock(pepper=...)`` (``make_app_lock(keystore_secret=...)`` does both). Do not
    use it on the web: there it keeps its key in the same browser storage, so it adds nothing.
    Without a keystore (web, this test machine) pass ``None``; the Argon2id-derived PIN key is
    then the only protection, and the PIN cannot be removed.
    """
    return SecretWrapper(secret) if secret is not None else None


def make_app_lock(
    backend: Backend, *, keystore_secret: bytes | None = None, clock: Any = None
) -> AppLock:
    """The app lock over ``backend``, peppered by the keystore secret when there is one."""
    return AppLock(
        backend, clock=clock, keystore=keystore_wrapper(keystore_secret), pepper=keystore_secret
    )


def file_backend(data_dir: Path) -> FileBackend:
    """The desktop/mobile backend (the platform's app-data directory)."""
    return FileBackend(data_dir)


@dataclass
class StoreSession:
    """One page's store: its app lock, backend, and the screens' remembered state."""

    lock: AppLock
    backend: Backend
    error: str | None = None
    """A message about the storage itself (e.g. the browser storage was cleared): a UI key
    (``store.*``, with ``error_fields``) or, for a message from elsewhere, its text."""
    error_fields: dict[str, object] = field(default_factory=dict)
    screens: dict[str, Any] = field(default_factory=dict)
    """Per-screen helpers that must survive a re-render (lock screen, overview)."""

    def error_text(self, t: Translator) -> str:
        """``error`` in the UI language (empty when there is none)."""
        return t(self.error, **self.error_fields) if self.error else ""


SLOT = "store"


class StoreService:
    """``services.store``: gives each page (browser tab or window) its ``StoreSession``.

    Desktop/mobile: one store in ``data_dir`` (files), shared by the app's windows.
    Web: a store per page in that browser's own storage, loaded asynchronously once per page;
    nothing user-related is written to the server's ``data_dir``.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        web: bool,
        keystore_secret: bytes | None = None,
        lock_factory: Callable[[Backend], AppLock] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.web = web
        self._secret = keystore_secret
        self._lock_factory = lock_factory or (
            lambda backend: make_app_lock(backend, keystore_secret=self._secret)
        )
        self._desktop: StoreSession | None = None

    def session(self, state: Any) -> StoreSession | None:
        """This page's session, or ``None`` while (web) it still has to be loaded."""
        existing = state.slots.get(SLOT)
        if isinstance(existing, StoreSession):
            return existing
        if self.web:
            return None
        if self._desktop is None:
            backend = FileBackend(self.data_dir)
            self._desktop = StoreSession(self._lock_factory(backend), backend)
        state.slots[SLOT] = self._desktop
        return self._desktop

    async def load(self, page: Any, state: Any, on_ready: Callable[[], None]) -> None:
        """Web: read this browser's storage into a session, then call ``on_ready``."""
        if isinstance(state.slots.get(SLOT), StoreSession) or state.slots.get("store-loading"):
            return
        state.slots["store-loading"] = True
        import flet as ft

        prefs = ft.SharedPreferences()
        page.services.append(prefs)
        page.update()
        holder: dict[str, StoreSession] = {}

        def report(message: str) -> None:
            if "session" in holder:
                holder["session"].error = CLEARED if message == CLEARED_MESSAGE else message
                holder["session"].error_fields = {}
            on_ready()

        backend = await BrowserBackend.load(
            prefs, schedule=lambda flush: page.run_task(flush), on_error=report
        )
        session = StoreSession(self._lock_factory(backend), backend)
        holder["session"] = session
        if backend.unreadable:
            session.error = "store.unreadable"
            session.error_fields = {"count": len(backend.unreadable)}
        state.slots[SLOT] = session
        state.slots.pop("store-loading", None)
        on_ready()
