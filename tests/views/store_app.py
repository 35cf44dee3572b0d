"""Drive the store screens through the shell's routes, with the feature guards, no client.

Shared by the store route tests (Dutch) and their English counterparts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from viewkit import RecordingNavigator, click, find, idents, texts

from privacyapp.dossier import AppLock, KdfParams, MemoryBackend
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.store_session import StoreSession
from privacyapp.views.shell.routes import guards, route_table
from privacyapp.views.shell.shell import Rendered, render_route
from privacyapp.views.store.state import StoreState

__all__ = ["FAST", "ROUTES", "App", "Clock", "open_store"]

#: Key derivation fast enough for tests (the app calibrates to about 0.25 s).
FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
ROUTES = route_table()


def open_store(state: AppState, *, clock: Any = None, pin: str | None = None) -> AppLock:
    """Give the page an empty in-memory store (fast key derivation); with ``pin`` it is set,
    which leaves the store unlocked."""
    backend = MemoryBackend()
    lock = AppLock(backend, kdf=FAST, clock=clock)
    state.features.put(StoreSession(lock, backend))
    if pin is not None:
        lock.set_pin(pin)
    return lock


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


class App:
    """Renders routes with the guards, following navigation like the shell."""

    def __init__(self, state: AppState, services: Services) -> None:
        self.state, self.services = state, services
        self.nav = RecordingNavigator()
        self.screen: Rendered | None = None

    def open(self, route: str) -> Rendered:
        self.state.route = route  # as Shell.go does before rendering (the guard reads it)
        self.screen = render_route(
            ROUTES, route, self.state, self.services, self.nav, None, guards()
        )
        return self.screen

    @property
    def content(self) -> Any:
        assert self.screen is not None
        return self.screen.content

    def tap(self, ident: str) -> Rendered:
        assert self.screen is not None
        before = len(self.nav.routes)
        click(find(self.content, ident))
        route = self.nav.routes[-1] if len(self.nav.routes) > before else self.screen.route
        return self.open(route)

    def type(self, ident: str, text: str) -> None:
        find(self.content, ident).value = text

    def ids(self) -> list[str]:
        return idents(self.content)

    def text(self) -> str:
        return "\n".join(texts(self.content))

    def dialog(self) -> Any:
        return self.state.features.get(StoreState).dialogs[-1]

    @property
    def lock(self) -> AppLock:
        session: StoreSession = self.state.features.require(StoreSession)
        return session.lock
