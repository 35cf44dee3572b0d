"""Where the encrypted store lives in the running app: files, or the browser's own storage.

``StoreService`` gives each page its ``StoreSession``: on desktop and mobile one file store in the
app's data directory; on web a store per page over ``privacyapp.dossier.BrowserBackend``, fed by
the page's Flet ``SharedPreferences`` (the browser's localStorage), so user data never touches
the server's disk (DESIGN.md §5).

OS keystore: ``flet-secure-storage`` is a Flet extension (a Flutter package built into the app by
``flet build``); it cannot run in this repository's web/test setup. What a keystore wrapper needs
is in ``keystore_wrapper``'s docstring.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.state import AppState, Features
from privacyapp.views.kit.tasks import run_task

if TYPE_CHECKING:
    import flet as ft

    from privacyapp.dossier import (
        AppLock,
        Backend,
        DerivationGate,
        FileBackend,
        KdfLimits,
        KeyWrapper,
        PinTryLimiter,
        StorageClearedError,
    )

__all__ = [
    "CLEARED",
    "StoreService",
    "StoreSession",
    "WebGuard",
    "keystore_wrapper",
    "make_app_lock",
]

_T = TypeVar("_T")

#: The UI key that explains a browser storage cleared while the app was open.
CLEARED = "store.cleared"


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
    from privacyapp.dossier import SecretWrapper

    return SecretWrapper(secret) if secret is not None else None


def make_app_lock(
    backend: Backend,
    *,
    keystore_secret: bytes | None = None,
    clock: Callable[[], datetime] | None = None,
    kdf_limits: KdfLimits | None = None,
) -> AppLock:
    """The app lock over ``backend``, peppered by the keystore secret when there is one; in web
    mode ``kdf_limits`` bounds what a PIN try may cost the server."""
    from privacyapp.dossier import AppLock

    return AppLock(
        backend,
        clock=clock,
        keystore=keystore_wrapper(keystore_secret),
        pepper=keystore_secret,
        kdf_limits=kdf_limits,
    )


@dataclass
class WebGuard:
    """Web-server mode: one per process. The PIN's key derivation runs in worker threads, at
    most two at a time (``DerivationGate``), never on the event loop every visitor shares; wrong
    PINs are counted per visitor in the server's memory (``PinTryLimiter``: by session, and more
    loosely by address), so clearing the browser's storage does not reset them."""

    gate: DerivationGate = field(default_factory=lambda: _gate(2))
    sessions: PinTryLimiter = field(default_factory=lambda: _limiter(None))
    addresses: PinTryLimiter = field(default_factory=lambda: _limiter(20))

    async def derive(self, keys: tuple[str, str | None], fn: Callable[..., _T], *args: str) -> _T:
        """Run ``fn(*args)`` (an unlock or a PIN change) through the limits and the gate."""
        session, address = keys
        with self.sessions.attempt(session):
            if address is None:
                return await self.gate.run(fn, *args)
            with self.addresses.attempt(address):
                return await self.gate.run(fn, *args)


def _gate(concurrent: int) -> DerivationGate:
    from privacyapp.dossier import DerivationGate

    return DerivationGate(concurrent)


def _limiter(free_attempts: int | None) -> PinTryLimiter:
    """A PIN-try count with the store's own policy, or one allowing ``free_attempts``."""
    from privacyapp.dossier import LockPolicy, PinTryLimiter

    if free_attempts is None:
        return PinTryLimiter()
    return PinTryLimiter(policy=LockPolicy(free_attempts=free_attempts))


def _web_kdf_limits() -> KdfLimits:
    from privacyapp.dossier import WEB_KDF_LIMITS

    return WEB_KDF_LIMITS


def file_backend(data_dir: Path) -> FileBackend:
    """The desktop/mobile backend (the platform's app-data directory)."""
    from privacyapp.dossier import FileBackend

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
    screens: Features = field(default_factory=Features)
    """The store wing's screen objects that must survive a re-render (lock screen, overview),
    one per type; they belong to this store, so they go when it goes."""
    revision: int = 0
    """Raised when the store changed under the screens (another tab saved): they build again."""
    caught_up_at: str | None = None
    """Web: the route at which this page last picked up what other tabs of the browser saved."""

    def error_text(self, t: Translator) -> str:
        """``error`` in the UI language (empty when there is none)."""
        if not self.error:
            return ""
        count = self.error_fields.get("count")
        if isinstance(count, int):  # "3 opgeslagen waarden …": the language's plural rule
            return t.n(self.error, count)
        return t(self.error, **self.error_fields)


@dataclass
class _Loading:
    """Web: this page's store is being read from the browser."""

    busy: bool = False


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
        #: Web mode only: the server's shields for PIN tries (None on desktop and mobile).
        self.guard = WebGuard() if web else None
        limits = _web_kdf_limits() if web else None  # desktop: the store loads on first use
        self._lock_factory = lock_factory or (
            lambda backend: make_app_lock(backend, keystore_secret=self._secret, kdf_limits=limits)
        )
        self._desktop: StoreSession | None = None

    def session(self, state: AppState) -> StoreSession | None:
        """This page's session, or ``None`` while (web) it still has to be loaded."""
        from privacyapp.dossier import FileBackend

        existing = state.features.find(StoreSession)
        if existing is not None:
            return existing
        if self.web:
            return None
        if self._desktop is None:
            backend = FileBackend(self.data_dir)
            self._desktop = StoreSession(self._lock_factory(backend), backend)
        return state.features.put(self._desktop)

    async def load(self, page: ft.Page, state: AppState, on_ready: Callable[[], None]) -> None:
        """Web: read this browser's storage into a session, then call ``on_ready``."""
        from privacyapp.dossier import BrowserBackend

        loading = state.features.get(_Loading)
        if state.features.find(StoreSession) is not None or loading.busy:
            return
        loading.busy = True
        import flet as ft

        prefs = ft.SharedPreferences()
        page.services.append(prefs)
        page.update()
        holder: dict[str, StoreSession] = {}

        def report(_: StorageClearedError) -> None:
            if "session" in holder:
                holder["session"].error = CLEARED
                holder["session"].error_fields = {}
            on_ready()

        backend = await BrowserBackend.load(
            prefs, schedule=lambda flush: run_task(page, flush), on_error=report
        )
        session = StoreSession(self._lock_factory(backend), backend)
        holder["session"] = session
        if backend.unreadable:
            session.error = "store.unreadable"
            session.error_fields = {"count": len(backend.unreadable)}
        state.features.put(session)
        loading.busy = False
        on_ready()
