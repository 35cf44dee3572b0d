"""Web-server mode (security review 1a, 4b): the server bounds the key parameters that come from
the visitor's storage, and keeps its own PIN-try limits that clearing storage cannot reset."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from typing import Any

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import (
    WEB_KDF_LIMITS,
    AppLock,
    DerivationGate,
    KdfLimitError,
    KdfLimits,
    KdfParams,
    LockedOutError,
    LockPolicy,
    MemoryBackend,
    PinTryLimiter,
    WrongPinError,
)
from privacyapp.dossier._crypto import calibrate_kdf


def _craft(backend: MemoryBackend, **kdf: Any) -> None:
    """What a visitor can do to its own localStorage: raise the stored KDF cost."""
    keyfile = json.loads(backend.blobs["keys.json"])
    keyfile["wraps"][0]["kdf"].update(kdf)
    backend.blobs["keys.json"] = json.dumps(keyfile).encode()


@pytest.fixture
def web_lock(backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams) -> AppLock:
    lock = AppLock(backend, clock=clock, kdf=fast_kdf, kdf_limits=WEB_KDF_LIMITS)
    lock.set_pin(PIN).create("path", "Mijn pad")
    lock.lock()
    return lock


@pytest.mark.parametrize(
    "crafted",
    [{"memory_kib": 1024 * 1024, "iterations": 1}, {"iterations": 64}, {"lanes": 4}],
    ids=["1-gib", "64-passes", "4-lanes"],
)
def test_crafted_parameters_are_refused_before_deriving(
    backend: MemoryBackend, web_lock: AppLock, crafted: dict[str, int], monkeypatch: Any
) -> None:
    _craft(backend, **crafted)
    derived: list[KdfParams] = []
    original = KdfParams.derive

    def spy(self: KdfParams, pin: str) -> bytes:
        derived.append(self)
        return original(self, pin)

    monkeypatch.setattr(KdfParams, "derive", spy)
    with pytest.raises(KdfLimitError, match="meer rekenwerk"):
        web_lock.unlock(PIN)
    assert derived == []  # no work was done for it
    assert web_lock.failures() == 0  # not a wrong PIN either


def test_a_store_above_the_web_limits_opens_only_where_no_limits_apply(clock: FakeClock) -> None:
    backend = MemoryBackend()
    heavy = KdfParams("argon2id", b"\0" * 16, iterations=20, memory_kib=64)  # 20 passes > 16
    AppLock(backend, clock=clock, kdf=heavy).set_pin(PIN).create("path", "Mijn pad")
    with pytest.raises(KdfLimitError):
        AppLock(backend, clock=clock, kdf_limits=WEB_KDF_LIMITS).unlock(PIN)
    desktop = AppLock(backend, clock=clock)
    assert [r.title for r in desktop.unlock(PIN).list()] == ["Mijn pad"]


def test_honest_calibrated_parameters_are_within_the_web_limits() -> None:
    params = calibrate_kdf()
    WEB_KDF_LIMITS.check(params)  # the parameters this machine itself would write
    assert params.memory_kib == WEB_KDF_LIMITS.max_memory_kib


def test_a_pin_set_on_a_very_fast_server_is_clamped_into_the_limits(
    backend: MemoryBackend, clock: FakeClock
) -> None:
    fast_server = KdfParams("argon2id", b"\0" * 16, iterations=40, memory_kib=64)
    lock = AppLock(backend, clock=clock, kdf=fast_server, kdf_limits=WEB_KDF_LIMITS)
    lock.set_pin(PIN)
    stored = json.loads(backend.blobs["keys.json"])["wraps"][0]["kdf"]
    assert stored["iterations"] == WEB_KDF_LIMITS.max_iterations
    lock.lock()
    lock.unlock(PIN)  # and it still opens under the same limits


def test_scrypt_limit() -> None:
    limits = KdfLimits(max_memory_kib=65536, max_iterations=16, max_lanes=1, max_scrypt_log2_n=20)
    limits.check(KdfParams("scrypt", b"\0" * 16, log2_n=20))
    with pytest.raises(KdfLimitError, match="2\\^22"):
        limits.check(KdfParams("scrypt", b"\0" * 16, log2_n=22))


# ---------------------------------------------------------------- the server's own try limits


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_delays_after_three_wrong_tries_and_clearing_storage_does_not_help(
    backend: MemoryBackend, web_lock: AppLock
) -> None:
    ticks = Ticks()
    limiter = PinTryLimiter(clock=ticks)
    for _ in range(3):
        with pytest.raises(WrongPinError), limiter.attempt("sessie-1"):
            web_lock.unlock("99999")
        backend.delete("lock.json")  # the visitor clears its storage: the store forgets...
    assert web_lock.failures() == 0
    with pytest.raises(LockedOutError) as info, limiter.attempt("sessie-1"):  # ...the server not
        web_lock.unlock(PIN)
    assert info.value.retry_after == 30
    assert limiter.retry_after("sessie-2") == 0  # another visitor is not affected
    ticks.now += 30
    with limiter.attempt("sessie-1"):
        web_lock.unlock(PIN)
    assert limiter.failures("sessie-1") == 0  # success resets


def test_limiter_doubles_the_delay_and_counts_before_trying() -> None:
    ticks = Ticks()
    limiter = PinTryLimiter(policy=LockPolicy(free_attempts=1, base_delay=10), clock=ticks)
    limiter.acquire("s")  # in flight: a parallel try of the same visitor must wait
    with pytest.raises(LockedOutError):
        limiter.acquire("s")
    ticks.now += 10
    limiter.acquire("s")
    assert limiter.retry_after("s") == 20


def test_a_try_that_ends_without_an_answer_is_not_counted(
    backend: MemoryBackend, web_lock: AppLock
) -> None:
    _craft(backend, iterations=64)
    limiter = PinTryLimiter(clock=Ticks())
    for _ in range(5):
        with pytest.raises(KdfLimitError), limiter.attempt("s"):
            web_lock.unlock(PIN)
    assert limiter.failures("s") == 0


def test_limiter_keys_combine_and_memory_stays_bounded() -> None:
    ticks = Ticks()
    limiter = PinTryLimiter(policy=LockPolicy(free_attempts=0, base_delay=5), clock=ticks,
                            max_keys=10)  # fmt: skip
    limiter.acquire("sessie", "10.0.0.7")
    with pytest.raises(LockedOutError):
        limiter.acquire("nieuwe-sessie", "10.0.0.7")  # a new connection from the same address
    for i in range(50):
        ticks.now += 10
        limiter.acquire(f"bezoeker-{i}")
    assert len(limiter._tries) <= 10


# ---------------------------------------------------------------- derivations off the loop


def test_derivation_gate_keeps_the_event_loop_free_and_bounds_concurrency() -> None:
    running = 0
    peak = 0
    guard = threading.Lock()

    def derive() -> str:
        nonlocal running, peak
        with guard:
            running += 1
            peak = max(peak, running)
        time.sleep(0.2)  # a blocking derivation
        with guard:
            running -= 1
        return "sleutel"

    async def scenario() -> tuple[list[str], int]:
        gate = DerivationGate(limit=2)
        ticks = 0

        async def other_visitor() -> None:
            nonlocal ticks
            for _ in range(20):
                await asyncio.sleep(0.01)
                ticks += 1

        results = await asyncio.gather(*(gate.run(derive) for _ in range(5)), other_visitor())
        return [r for r in results if r is not None], ticks

    results, ticks = asyncio.run(scenario())
    assert results == ["sleutel"] * 5
    assert peak == 2
    assert ticks == 20  # the loop kept serving while derivations ran
