"""Shields for web-server mode: bounded key parameters, PIN-try limits, bounded derivations.

In web mode the PIN is derived on the server (the Python code runs there), while the key
file with its KDF parameters lives in the visitor's browser storage. So the visitor chooses how
much memory and time the server spends per try, and can reset the store's own wrong-PIN counter
(``lock.json``) by clearing that storage. Three plain-Python pieces take that back:

- ``KdfLimits`` (``WEB_KDF_LIMITS``): the server's bounds on stored parameters, checked before
  anything is derived (``KdfLimitError``). Pass them as ``AppLock(kdf_limits=...)``.
- ``PinTryLimiter``: wrong-PIN delays kept in the server's memory, keyed by whatever the server
  knows about the visitor (a session or connection id, optionally the client address), so
  clearing browser storage does not reset them. Clock injected.
- ``DerivationGate``: runs a derivation in a worker thread, at most ``limit`` at a time, so the
  event loop that serves every visitor is never blocked by one.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TypeVar

from privacyapp.dossier._crypto import KdfParams
from privacyapp.dossier._lock import LockPolicy
from privacyapp.dossier.errors import KdfLimitError, LockedOutError, WrongPinError

__all__ = [
    "DerivationGate",
    "KdfLimits",
    "PinTryLimiter",
    "WEB_KDF_LIMITS",
]

T = TypeVar("T")


@dataclass(frozen=True)
class KdfLimits:
    """Upper bounds on the work one PIN try may cost (memory, passes, lanes; scrypt N)."""

    max_memory_kib: int
    max_iterations: int
    max_lanes: int
    max_scrypt_log2_n: int

    def check(self, params: KdfParams) -> None:
        """Raise ``KdfLimitError`` when ``params`` ask more than these limits allow."""
        if params.algorithm == "argon2id":
            over = (
                params.memory_kib > self.max_memory_kib
                or params.iterations > self.max_iterations
                or params.lanes > self.max_lanes
            )
            work = f"{params.memory_kib // 1024} MiB × {params.iterations}"  # for any language
            asked = f"{work} rondes"
        else:
            over = params.log2_n > self.max_scrypt_log2_n
            work = asked = f"scrypt N = 2^{params.log2_n}"
        if over:
            raise KdfLimitError(
                f"De beveiligingsinstellingen bij je opgeslagen gegevens vragen meer rekenwerk "
                f"({asked}) dan deze server toestaat. Er is niets geprobeerd en niets veranderd. "
                "Zijn de gegevens in deze browser veranderd? Wis ze dan en begin opnieuw.",
                asked=work,
            )

    def clamp(self, params: KdfParams) -> KdfParams:
        """``params`` brought within the limits (for a PIN set on this server)."""
        return replace(
            params,
            memory_kib=min(params.memory_kib, self.max_memory_kib),
            iterations=min(params.iterations, self.max_iterations),
            lanes=min(params.lanes, self.max_lanes),
            log2_n=min(params.log2_n, self.max_scrypt_log2_n),
        )


#: The server's bounds in web mode. ``calibrate_kdf`` always uses Argon2id with 64 MiB and one
#: lane and scales only the passes to about 0.25 s (scrypt: N up to 2^20). A 64 MiB pass takes
#: 40-100 ms on current server CPUs, so a PIN set on any of them needs 2-7 passes; 16 leaves
#: room for a server twice as fast as today's fastest. A crafted file then costs at most
#: 64 MiB and 16 passes (about 1-2 s of one core) per try, instead of the 1 GiB × 64 passes
#: (~94 s, +1 GiB) that the general file limits allow.
WEB_KDF_LIMITS = KdfLimits(
    max_memory_kib=64 * 1024, max_iterations=16, max_lanes=1, max_scrypt_log2_n=20
)


@dataclass
class _Tries:
    failures: int = 0
    not_before: float = 0.0
    last: float = 0.0


@dataclass
class PinTryLimiter:
    """Wrong-PIN delays per visitor, in the server's memory (not in the visitor's storage).

    Use one limiter per server process. ``keys`` name the visitor: a session or connection id
    (survives clearing browser storage), and optionally the client address (also survives a new
    connection; people behind one address then share it, so give that key its own, looser
    policy with a second limiter). A try counts before the PIN is checked, so parallel tries of
    one visitor cannot slip through; a try that ends in anything but a wrong PIN is uncounted.

    Example (in the lock screen's handler)::

        with limiter.attempt(session_id):        # LockedOutError: wait limiter.retry_after(...)
            vault = await gate.run(lock.unlock, pin)
    """

    policy: LockPolicy = field(default_factory=LockPolicy)
    clock: Callable[[], float] = time.monotonic
    max_keys: int = 100_000
    _tries: dict[Hashable, _Tries] = field(default_factory=dict, repr=False)
    _mutex: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def retry_after(self, *keys: Hashable) -> float:
        """Seconds until any of ``keys`` may try again (0 when allowed now)."""
        now = self.clock()
        with self._mutex:
            waits = [self._tries[k].not_before - now for k in keys if k in self._tries]
        return max([0.0, *waits])

    def failures(self, key: Hashable) -> int:
        with self._mutex:
            tries = self._tries.get(key)
            return tries.failures if tries else 0

    def acquire(self, *keys: Hashable) -> None:
        """Count one try for each key, or raise ``LockedOutError`` when one must wait."""
        now = self.clock()
        with self._mutex:
            waits = [self._tries[k].not_before - now for k in keys if k in self._tries]
            wait = max([0.0, *waits])
            if wait > 0:
                raise LockedOutError(wait)
            for key in keys:
                tries = self._tries.setdefault(key, _Tries())
                tries.failures += 1
                tries.last = now
                tries.not_before = now + self.policy.delay_after(tries.failures)
            self._evict(now)

    def release(self, *keys: Hashable) -> None:
        """Uncount the last try (it ended without an answer about the PIN)."""
        with self._mutex:
            for key in keys:
                tries = self._tries.get(key)
                if tries is None or tries.failures == 0:
                    continue
                tries.failures -= 1
                tries.not_before = tries.last + self.policy.delay_after(tries.failures)

    def succeeded(self, *keys: Hashable) -> None:
        """The PIN was right: forget the keys' wrong tries."""
        with self._mutex:
            for key in keys:
                self._tries.pop(key, None)

    @contextmanager
    def attempt(self, *keys: Hashable) -> Iterator[None]:
        """``acquire``; then a wrong PIN stays counted, success resets, anything else undoes."""
        self.acquire(*keys)
        try:
            yield
        except WrongPinError:
            raise
        except BaseException:
            self.release(*keys)
            raise
        self.succeeded(*keys)

    def _evict(self, now: float) -> None:
        """Keep memory bounded: drop visitors with no delay left, oldest first."""
        if len(self._tries) <= self.max_keys:
            return
        idle = sorted(
            ((t.last, k) for k, t in self._tries.items() if t.not_before <= now),
            key=lambda pair: pair[0],
        )
        for _, key in idle[: len(self._tries) - self.max_keys]:
            del self._tries[key]
        while len(self._tries) > self.max_keys:  # all delayed: drop the oldest
            del self._tries[min(self._tries, key=lambda k: self._tries[k].last)]


class DerivationGate:
    """Run blocking key derivations in worker threads, at most ``limit`` at once.

    Create it once per server process (inside the running event loop, or lazily); each visitor's
    unlock or PIN change goes through ``await gate.run(lock.unlock, pin)``. Argon2id releases
    the GIL, so other visitors' steps keep running while at most ``limit`` derivations wait for
    CPU and memory (``limit`` × 64 MiB with ``WEB_KDF_LIMITS``).
    """

    def __init__(self, limit: int = 2) -> None:
        if limit < 1:
            raise ValueError("limit must be at least 1")
        self.limit = limit
        self._semaphore: asyncio.Semaphore | None = None

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self.limit)
        async with self._semaphore:
            return await asyncio.to_thread(fn, *args)
