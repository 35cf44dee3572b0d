"""The app lock: PIN set/change/remove, wrong-PIN delays, and locking after inactivity.

The delay after wrong PINs is stored in ``lock.json`` next to the data, and the counter is raised
*before* the PIN is tried, so neither restarting the app nor killing it during a try resets it.
This only slows guessing through the app; against a copy of the files the protection is the
Argon2id cost, plus the OS keystore secret where the platform has one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from privacyapp.dossier._backend import Backend
from privacyapp.dossier._crypto import KdfParams
from privacyapp.dossier._keys import KEY_FILE, KeyFile, KeyWrapper, PinWrapper, check_pin
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
]

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
    ) -> None:
        """Args:
        backend: where the store lives.
        clock: returns aware datetimes (tests pass a fake).
        policy: delays and idle timeout.
        keystore: a wrapper backed by the OS keystore, if the platform has one.
        pepper: the keystore secret mixed into the PIN key (same source as ``keystore``).
        kdf: fixed KDF parameters (tests); by default calibrated when a PIN is set.
        """
        self.backend = backend
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.policy = policy or LockPolicy()
        self.keystore = keystore
        self.pepper = pepper
        self.kdf = kdf
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
            until = data.get("not_before")
            return int(data["failures"]), datetime.fromisoformat(until) if until else None
        except (ValueError, KeyError, TypeError):
            # An unreadable counter must not be a way around the delay.
            return self.policy.free_attempts, None

    def _write_counter(self, failures: int) -> None:
        delay = self.policy.delay_after(failures)
        until = (self.clock() + timedelta(seconds=delay)).isoformat() if delay else None
        body = json.dumps({"failures": failures, "not_before": until}).encode()
        try:
            self.backend.write(LOCK_FILE, body, keep_previous=False)
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
        return PinWrapper(pin, pepper=self.pepper, kdf=self.kdf)

    def unlock(self, pin: str) -> Vault:
        """Open the store with ``pin``; counts wrong tries and enforces the delay."""
        wait = self.retry_after()
        if wait > 0:
            raise LockedOutError(wait)
        failures = self.failures()
        self._write_counter(failures + 1)  # counted before trying: killing the app does not help
        try:
            vault = Vault.open(self.backend, [self._pin_wrapper(pin)], clock=self.clock)
        except WrongPinError:
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
                "sleutelopslag, dus dan zouden je gegevens zonder slot bewaard worden."
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
