"""The store service: one file store on desktop, a browser store per page on web."""

from __future__ import annotations

from typing import Any

from privacyapp.dossier import KdfParams
from privacyapp.views.kit.state import AppState

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


class _State(AppState):
    """A page's state (one per browser tab or window)."""


def test_store_service_desktop_shares_one_file_store(tmp_path: Any) -> None:
    from privacyapp.views.kit.store_session import StoreService

    service = StoreService(tmp_path / "data", web=False)
    first, second = _State(), _State()
    session = service.session(first)
    assert session is not None and service.session(second) is session
    session.lock.kdf = FAST
    session.lock.set_pin("24680").create("path", "Op schijf")
    assert any(p.name.startswith("rec-") for p in (tmp_path / "data").iterdir())


def test_store_service_web_never_touches_the_server_disk(tmp_path: Any) -> None:
    from privacyapp.views.kit.store_session import StoreService

    service = StoreService(tmp_path / "data", web=True)
    assert service.session(_State()) is None  # loaded per page from the browser instead
    assert not (tmp_path / "data").exists()


class _Prefs:
    """One browser's localStorage, shared by two tabs."""

    def __init__(self) -> None:
        self.store: dict[str, Any] = {}

    async def get(self, key: str) -> Any:
        return self.store.get(key)

    async def set(self, key: str, value: Any) -> bool:
        self.store[key] = value
        return True

    async def remove(self, key: str) -> bool:
        return self.store.pop(key, None) is not None

    async def get_keys(self, key_prefix: str) -> list[str]:
        return [k for k in self.store if k.startswith(key_prefix)]

    async def contains_key(self, key: str) -> bool:
        return key in self.store


class _Page:
    """Runs a page task at once (the real page runs it on its event loop)."""

    def run_task(self, fn: Any, *args: Any) -> None:
        import asyncio

        asyncio.run(fn(*args))


def test_a_second_tab_sees_what_the_first_saved_before_it_writes(
    tmp_path: Any, services: Any
) -> None:
    """Issue 20: two tabs of one browser share one storage; each must build on the other's
    saves instead of forking the history or raising a false tamper alarm."""
    import asyncio
    import dataclasses

    from viewkit import RecordingNavigator

    from privacyapp.dossier import AppLock, BrowserBackend
    from privacyapp.views.kit.context import ViewContext
    from privacyapp.views.kit.i18n import Translator
    from privacyapp.views.kit.state import AppState
    from privacyapp.views.kit.store_session import StoreService, StoreSession
    from privacyapp.views.kit.vault import store_session

    prefs = _Prefs()
    tabs = []
    for _ in range(2):
        backend = asyncio.run(BrowserBackend.load(prefs))
        state = AppState()
        state.features.put(StoreSession(AppLock(backend, kdf=FAST), backend))
        tabs.append((state, backend))
    (first, first_backend), (second, second_backend) = tabs
    vault_a = first.features.require(StoreSession).lock.set_pin("24680")
    asyncio.run(first_backend.flush())
    lock_b = second.features.require(StoreSession).lock
    asyncio.run(second_backend.refresh())  # the second tab opens after the PIN was set
    vault_b = lock_b.unlock("24680")
    vault_a.create("path", "Uit tab 1")
    asyncio.run(first_backend.flush())

    service = StoreService(tmp_path, web=True)
    nav = RecordingNavigator()
    with_store = dataclasses.replace(services, store=service)
    ctx = ViewContext(second, with_store, nav, Translator("nl"), page=_Page())
    second.route = "/overzicht"
    store_session(ctx)  # the second tab shows a store screen: it catches up
    assert [r.title for r in vault_b.list()] == ["Uit tab 1"] and nav.refreshes == 1
    vault_b.create("path", "Uit tab 2")  # builds on it: one history, no alarm
    asyncio.run(second_backend.flush())
    assert vault_b.problems == [] and len(vault_b.list()) == 2
