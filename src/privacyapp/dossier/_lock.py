"""The app lock: PIN set/change/remove, wrong-PIN delays, and locking after inactivity.

The delay after wrong PINs is stored in ``lock.json`` next to the data, and the counter is raised
*before* the PIN is tried, so neither restarting the app nor killing it during a try resets it.
A try that never finished is marked "pending" with the process that made it. Whoever kills that
process learns nothing about the PIN (the answer comes after the counter is written), so a
pending try whose process is gone (or that is older than ``STALE_TRY`` seconds) no longer counts:
the rightful user whose app was killed three times while unlocking is not locked out. Tries of
processes that still run (parallel guessing) keep counting.
This only slows guessing through the app; against a copy of the files the protection is the
Argon2id cost, plus the OS keystore secret where the platform has one.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from privacyapp.dossier._backend import Backend
from privacyapp.dossier._crypto import KdfParams
from privacyapp.dossier._keys import (
    KEY_FILE,
    MIN_PIN_LENGTH,
    KdfLimitsLike,
    KeyFile,
    KeyWrapper,
    PinWrapper,
    check_pin,
)
from privacyapp.dossier._vault import LOCK_FILE, Clock, Vault, store_state
from privacyapp.dossier.errors import (
    LockedOutError,
    PinPolicyError,
    StoreWriteError,
    VaultLockedError,
    WrongPinError,
)

__all__ = [
    "AppLock",
    "FORGOTTEN_PIN_WARNING",
    "LockPolicy",
    "STALE_TRY",
    "process_alive",
]

#: Seconds after which an unfinished PIN try no longer counts, even if its process cannot be
#: checked (another device, or no way to check): a key derivation takes about 0.25 s.
STALE_TRY = 600.0


def _host_tag() -> str:
    """This machine, without its name (in web mode lock.json sits in the visitor's browser)."""
    return hashlib.sha256(b"privacyapp/host/" + socket.gethostname().encode()).hexdigest()[:16]


def process_alive(pid: int) -> bool | None:
    """Whether process ``pid`` runs on this machine; ``None`` when that cannot be checked."""
    if os.name != "posix":
        return None  # os.kill on Windows would end the process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return None
    return True


FORGOTTEN_PIN_WARNING = (
    "Let op: onthoud je pincode goed. Ben je hem vergeten? Dan kan niemand je bewaarde gegevens "
    "nog openen, ook wij niet. Je kunt dan alleen alles wissen en opnieuw beginnen."
)


@dataclass(frozen=True)
class LockPolicy:
    """How strict the lock is.

    Attributes:
        free_attempts: wrong PINs allowed before a delay starts.
        base_delay: seconds of delay after the first counted wrong PIN; doubles each time.
        max_delay: the delay never grows beyond this.
        idle_timeout: seconds without activity before the app locks itself.
    """

    free_attempts: int = 3
    base_delay: float = 30.0
    max_delay: float = 3600.0
    idle_timeout: float = 300.0

    def delay_after(self, failures: int) -> float:
        if failures < self.free_attempts:
            return 0.0
        return float(min(self.max_delay, self.base_delay * 2 ** (failures - self.free_attempts)))


class AppLock:
    """Owns the unlocked ``Vault`` (or none) and the rules for getting one."""

    def __init__(
        self,
        backend: Backend,
        *,
        clock: Clock | None = None,
        policy: LockPolicy | None = None,
        keystore: KeyWrapper | None = None,
        pepper: bytes | None = None,
        kdf: KdfParams | None = None,
        alive: Callable[[int], bool | None] = process_alive,
        kdf_limits: KdfLimitsLike | None = None,
    ) -> None:
        """Args:
        backend: where the store lives.
        clock: returns aware datetimes (tests pass a fake).
        policy: delays and idle timeout.
        keystore: a wrapper backed by the OS keystore, if the platform has one.
        pepper: the keystore secret mixed into the PIN key (same source as ``keystore``).
        kdf: fixed KDF parameters (tests); by default calibrated when a PIN is set.
        alive: tells whether a process id still runs (tests pass a fake).
        kdf_limits: bounds on stored PIN key parameters (web mode: ``WEB_KDF_LIMITS``);
            a key file above them raises ``KdfLimitError`` before any derivation.
        """
        self.backend = backend
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.policy = policy or LockPolicy()
        self.keystore = keystore
        self.pepper = pepper
        self.kdf = kdf
        self._alive = alive
        self.kdf_limits = kdf_limits
        self.vault: Vault | None = None
        self._last_activity = self.clock()

    # ------------------------------------------------------------------ state
    def has_store(self) -> bool:
        return store_state(self.backend) != "empty"

    def has_pin(self) -> bool:
        raw = self.backend.read(KEY_FILE)
        return raw is not None and "pin" in KeyFile.loads(raw).kinds()

    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None and self.vault.is_open

    def require_vault(self) -> Vault:
        if self.vault is None or not self.vault.is_open:
            raise VaultLockedError("De app is vergrendeld. Ontgrendel hem eerst met je pincode.")
        return self.vault

    def _read_counter(self) -> tuple[int, datetime | None]:
        raw = self.backend.read(LOCK_FILE)
        if raw is None:
            return 0, None
        try:
            data = json.loads(raw)
            pending = data.get("pending")
            if isinstance(pending, dict) and self._abandoned(pending):
                data = pending  # the state before the unfinished try
            until = data.get("not_before")
            return int(data["failures"]), datetime.fromisoformat(until) if until else None
        except (ValueError, KeyError, TypeError):
            # An unreadable counter must not be a way around the delay.
            return self.policy.free_attempts, None

    def _abandoned(self, pending: dict[str, object]) -> bool:
        """True for an unfinished try whose process is gone, or that is older than STALE_TRY."""
        since = datetime.fromisoformat(str(pending["since"]))
        if (self.clock() - since).total_seconds() >= STALE_TRY:
            return True
        pid = pending.get("pid")
        if pending.get("host") != _host_tag() or not isinstance(pid, int):
            return False
        return self._alive(pid) is False

    def _write_counter(
        self, failures: int, *, before: tuple[int, datetime | None] | None = None
    ) -> None:
        """Store the counter; with ``before`` this is an unfinished try (state to fall back to)."""
        delay = self.policy.delay_after(failures)
        until = (self.clock() + timedelta(seconds=delay)).isoformat() if delay else None
        state: dict[str, object] = {"failures": failures, "not_before": until}
        if before is not None:
            state["pending"] = {
                "failures": before[0],
                "not_before": before[1].isoformat() if before[1] else None,
                "since": self.clock().isoformat(),
                "pid": os.getpid(),
                "host": _host_tag(),
            }
        try:
            self.backend.write(LOCK_FILE, json.dumps(state).encode(), keep_previous=False)
        except OSError as exc:
            raise StoreWriteError(f"De app kon het slot niet bijwerken ({exc}).") from exc

    def failures(self) -> int:
        return self._read_counter()[0]

    def retry_after(self) -> float:
        """Seconds until another PIN may be tried (0 when allowed now)."""
        _, until = self._read_counter()
        if until is None:
            return 0.0
        return max(0.0, (until - self.clock()).total_seconds())

    # ------------------------------------------------------------------ unlocking
    def _pin_wrapper(self, pin: str) -> PinWrapper:
        return PinWrapper(pin, pepper=self.pepper, kdf=self.kdf, limits=self.kdf_limits)

    def unlock(self, pin: str) -> Vault:
        """Open the store with ``pin``; counts wrong tries and enforces the delay."""
        wait = self.retry_after()
        if wait > 0:
            raise LockedOutError(wait)
        failures, until = self._read_counter()
        # Counted before trying: killing the app does not help; marked pending, so a try whose
        # process was killed stops counting (nobody learned from it whether the PIN was right).
        self._write_counter(failures + 1, before=(failures, until))
        try:
            vault = Vault.open(self.backend, [self._pin_wrapper(pin)], clock=self.clock)
        except WrongPinError:
            self._write_counter(failures + 1)  # finished: a counted wrong PIN, no longer pending
            raise WrongPinError(
                failures=failures + 1, retry_after=self.policy.delay_after(failures + 1)
            ) from None
        except BaseException:
            self._write_counter(failures)
            raise
        self._write_counter(0)
        return self._opened(vault)

    def unlock_without_pin(self) -> Vault:
        """Open with the OS keystore alone (when the user chose not to use a PIN)."""
        if self.keystore is None:
            raise VaultLockedError("Voer je pincode in om verder te gaan.")
        return self._opened(Vault.open(self.backend, [self.keystore], clock=self.clock))

    def _opened(self, vault: Vault) -> Vault:
        self.vault = vault
        self.touch()
        return vault

    def set_pin(self, pin: str) -> Vault:
        """Create the store with this PIN, or set a PIN on the unlocked store."""
        check_pin(pin)
        if self.vault is not None and self.vault.is_open:
            self.vault.set_wrapper(self._pin_wrapper(pin))
            return self.vault
        wrappers: list[KeyWrapper] = [self._pin_wrapper(pin)]
        if self.keystore is not None:
            wrappers.append(self.keystore)
        return self._opened(Vault.new(self.backend, wrappers, clock=self.clock))

    def change_pin(self, old_pin: str, new_pin: str) -> None:
        """Replace the PIN; the old one stops working."""
        vault = self.require_vault()
        check_pin(new_pin)
        raw = self.backend.read(KEY_FILE)
        if raw is None or KeyFile.loads(raw).unwrap([self._pin_wrapper(old_pin)]) is None:
            raise WrongPinError("Je huidige pincode klopt niet. Je pincode is niet veranderd.")
        vault.set_wrapper(self._pin_wrapper(new_pin))

    def remove_pin(self, pin: str) -> None:
        """Stop asking for a PIN: only where the OS keystore still protects the data."""
        vault = self.require_vault()
        if self.keystore is None or self.keystore.kind not in vault.unlock_kinds():
            raise PinPolicyError(
                "Je kunt de pincode hier niet uitzetten: dit apparaat heeft geen beveiligde "
                "sleutelopslag, dus dan zouden je gegevens zonder slot bewaard worden.",
                min_length=MIN_PIN_LENGTH,
            )
        raw = self.backend.read(KEY_FILE)
        if raw is None or KeyFile.loads(raw).unwrap([self._pin_wrapper(pin)]) is None:
            raise WrongPinError("Je pincode klopt niet. Er is niets veranderd.")
        vault.remove_wrapper("pin")

    # ------------------------------------------------------------------ locking
    def touch(self) -> None:
        """Record user activity (call on every interaction)."""
        self._last_activity = self.clock()

    def lock(self) -> None:
        if self.vault is not None:
            self.vault.close()
        self.vault = None

    def lock_if_idle(self) -> bool:
        """Lock when idle longer than the policy allows; True if it locked now."""
        idle = (self.clock() - self._last_activity).total_seconds()
        if self.vault is not None and idle >= self.policy.idle_timeout:
            self.lock()
            return True
        return False

    def wipe(self) -> None:
        """Remove all keys and data, locked or not. Cannot be undone."""
        if self.vault is not None and self.vault.is_open:
            self.vault.wipe()
        else:
            try:
                self.backend.delete(KEY_FILE)
                for name in self.backend.list():
                    self.backend.delete(name)
            except OSError as exc:
                raise StoreWriteError(f"Wissen is niet helemaal gelukt ({exc}).") from exc
        self.vault = None
