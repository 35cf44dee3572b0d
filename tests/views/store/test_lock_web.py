"""The lock screen in web-server mode: PIN tries never block the shared event loop, are bounded
by the server (not by the visitor's own storage), and are counted where the visitor cannot
reset them (security review 1a)."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from privacyapp.dossier import (
    WEB_KDF_LIMITS,
    AppLock,
    KdfParams,
    MemoryBackend,
    PinTryLimiter,
    Vault,
)
from privacyapp.dossier._lock import LockPolicy
from privacyapp.views.kit.store_session import StoreService, WebGuard
from privacyapp.views.store.lock import LockScreen

FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
VISITOR = ("session-1", "203.0.113.7")


def screen(lock: AppLock, guard: WebGuard) -> tuple[LockScreen, list[Vault]]:
    opened: list[Vault] = []
    s = LockScreen(lock, refresh=lambda: None, on_unlocked=opened.append, guard=guard,
                   visitor=VISITOR)  # fmt: skip
    return s, opened


def test_the_key_derivation_runs_off_the_event_loop() -> None:
    backend = MemoryBackend()
    AppLock(backend, kdf=FAST).set_pin("24680")
    lock = AppLock(backend, kdf=FAST)
    threads: list[str] = []
    real = lock.unlock

    def unlock(pin: str) -> Vault:
        threads.append(threading.current_thread().name)
        return real(pin)

    lock.unlock = unlock  # type: ignore[method-assign]
    s, opened = screen(lock, WebGuard())

    async def run() -> str:
        await s.unlock_async("24680")
        return threading.current_thread().name

    loop_thread = asyncio.run(run())
    assert opened and threads and threads[0] != loop_thread


def test_wrong_pins_are_counted_by_the_server_and_survive_cleared_storage() -> None:
    guard = WebGuard(sessions=PinTryLimiter(policy=LockPolicy(free_attempts=2)))
    backend = MemoryBackend()
    AppLock(backend, kdf=FAST).set_pin("24680")
    s, _ = screen(AppLock(backend, kdf=FAST), guard)
    for _ in range(2):
        asyncio.run(s.unlock_async("11111"))
    assert s.state.pin_error == "lock.wrong_pin" and s.state.retry_after > 0
    # The visitor clears the store's own wrong-PIN counter (lock.json) and opens a new screen.
    backend.delete("lock.json")
    again, opened = screen(AppLock(backend, kdf=FAST), guard)
    assert again.retry_after() > 0
    asyncio.run(again.unlock_async("24680"))  # even the right PIN waits its turn
    assert opened == [] and again.state.retry_after > 0


def test_key_parameters_from_the_browser_are_bounded_by_the_server(tmp_path: Path) -> None:
    service = StoreService(tmp_path, web=True)
    assert service.guard is not None
    backend = MemoryBackend()
    heavy = KdfParams("argon2id", b"\1" * 16, iterations=64, memory_kib=1024 * 1024)
    writer = AppLock(backend, kdf=FAST)
    writer.set_pin("24680")
    # a crafted key file: the same store, asking 1 GiB × 64 passes per try
    data = backend.read("keys.json")
    assert data is not None
    crafted = data.replace(b'"memory_kib": 64', f'"memory_kib": {heavy.memory_kib}'.encode())
    crafted = crafted.replace(b'"iterations": 1', b'"iterations": 64')
    backend.write("keys.json", crafted)
    lock = service._lock_factory(backend)
    assert lock.kdf_limits == WEB_KDF_LIMITS
    s, opened = screen(lock, service.guard)
    asyncio.run(s.unlock_async("24680"))
    assert opened == []
    assert "1024 MiB" in (s.state.error or "")  # said plainly, nothing derived, nothing reset
    assert backend.read("keys.json") == crafted


def test_desktop_has_no_web_guard(tmp_path: Path) -> None:
    assert StoreService(tmp_path, web=False).guard is None
