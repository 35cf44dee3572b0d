"""Keys and the app lock: wrong PINs, delays that survive a restart, PIN changes, keystore."""

from __future__ import annotations

import json
import os

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import (
    FORGOTTEN_PIN_WARNING,
    AppLock,
    KdfParams,
    LockedOutError,
    LockPolicy,
    MemoryBackend,
    PinPolicyError,
    PinWrapper,
    SecretWrapper,
    Vault,
    WrongPinError,
    calibrate_kdf,
)
from privacyapp.dossier._crypto import argon2_available


def test_wrong_pin_is_refused_with_a_clear_message(lock: AppLock) -> None:
    lock.set_pin(PIN)
    lock.lock()
    with pytest.raises(WrongPinError, match="pincode klopt niet") as info:
        lock.unlock("13579")
    assert info.value.failures == 1
    assert lock.unlock(PIN).list() == []


def test_delay_grows_after_repeated_wrong_pins_and_survives_restart(
    backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams
) -> None:
    policy = LockPolicy(free_attempts=3, base_delay=30, max_delay=3600)
    lock = AppLock(backend, clock=clock, kdf=fast_kdf, policy=policy)
    lock.set_pin(PIN)
    lock.lock()
    for _ in range(3):
        with pytest.raises(WrongPinError):
            lock.unlock("00000")
    # A restarted app (new AppLock on the same storage) still makes the user wait.
    restarted = AppLock(backend, clock=clock, kdf=fast_kdf, policy=policy)
    with pytest.raises(LockedOutError, match="Wacht 30 seconden") as info:
        restarted.unlock(PIN)  # even the right PIN waits
    assert info.value.retry_after == 30
    clock.advance(31)
    with pytest.raises(WrongPinError) as wrong:
        restarted.unlock("11111")
    assert wrong.value.retry_after == 60  # doubled
    with pytest.raises(LockedOutError):
        restarted.unlock(PIN)
    clock.advance(61)
    assert restarted.unlock(PIN).is_open
    assert restarted.failures() == 0


def test_unreadable_lock_counter_does_not_reset_the_delay(
    backend: MemoryBackend, lock: AppLock
) -> None:
    lock.set_pin(PIN)
    lock.lock()
    backend.blobs["lock.json"] = b"{garbage"
    assert lock.failures() == lock.policy.free_attempts


def test_inactivity_locks_the_app(lock: AppLock, clock: FakeClock) -> None:
    lock.set_pin(PIN)
    clock.advance(200)
    lock.touch()
    clock.advance(200)
    assert not lock.lock_if_idle()
    clock.advance(101)
    assert lock.lock_if_idle()
    assert not lock.is_unlocked


def test_pin_too_short_is_refused_and_nothing_is_created(lock: AppLock) -> None:
    with pytest.raises(PinPolicyError, match="minstens 5"):
        lock.set_pin("123")
    assert not lock.has_store()


def test_forgotten_pin_warning_says_data_is_gone() -> None:
    assert "vergeten" in FORGOTTEN_PIN_WARNING
    assert "niemand" in FORGOTTEN_PIN_WARNING


def test_change_pin_old_pin_stops_working(backend: MemoryBackend, lock: AppLock) -> None:
    vault = lock.set_pin(PIN)
    record = vault.create("path", "Blijft leesbaar")
    with pytest.raises(WrongPinError, match="niet veranderd"):
        lock.change_pin("99999", "13579x")
    lock.change_pin(PIN, "13579x")
    assert "keys.json" not in getattr(backend, "previous", {})  # no old key file kept around
    lock.lock()
    with pytest.raises(WrongPinError):
        lock.unlock(PIN)
    assert lock.unlock("13579x").get(record.id).title == "Blijft leesbaar"


def test_remove_pin_refused_without_a_keystore(lock: AppLock) -> None:
    lock.set_pin(PIN)
    with pytest.raises(PinPolicyError, match="zonder slot"):
        lock.remove_pin(PIN)
    assert lock.has_pin()


def test_keystore_pepper_is_needed_with_the_pin(
    backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams
) -> None:
    secret = os.urandom(32)
    keystore = SecretWrapper(secret)
    lock = AppLock(backend, clock=clock, kdf=fast_kdf, keystore=keystore, pepper=secret)
    lock.set_pin(PIN).create("path", "Met keystore")
    lock.lock()
    # The files plus the PIN, but without the device keystore secret: not enough.
    thief = AppLock(backend, clock=clock, kdf=fast_kdf)
    with pytest.raises(Exception, match="beveiligde opslag"):
        thief.unlock(PIN)
    assert lock.unlock(PIN).list()[0].title == "Met keystore"


def test_remove_pin_with_keystore_then_open_without_pin(
    backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams
) -> None:
    secret = os.urandom(32)
    lock = AppLock(
        backend, clock=clock, kdf=fast_kdf, keystore=SecretWrapper(secret), pepper=secret
    )
    lock.set_pin(PIN).create("path", "Zonder pincode")
    lock.remove_pin(PIN)
    assert not lock.has_pin()
    lock.lock()
    assert lock.unlock_without_pin().list()[0].title == "Zonder pincode"


def test_kdf_parameters_are_stored_with_the_data(backend: MemoryBackend, lock: AppLock) -> None:
    lock.set_pin(PIN)
    keyfile = json.loads(backend.blobs["keys.json"])
    [entry] = keyfile["wraps"]
    assert entry["kdf"]["algorithm"] == "argon2id"
    assert entry["kdf"]["memory_kib"] == 64
    assert PIN not in backend.blobs["keys.json"].decode()


def test_scrypt_fallback_opens_with_its_stored_parameters(clock: FakeClock) -> None:
    backend = MemoryBackend()
    scrypt = KdfParams("scrypt", b"\0" * 16, log2_n=10)
    Vault.new(backend, [PinWrapper(PIN, kdf=scrypt)], clock=clock).create("path", "scrypt")
    entry = json.loads(backend.blobs["keys.json"])["wraps"][0]
    assert entry["kdf"]["algorithm"] == "scrypt"
    # Opening needs no parameters from the caller: they come from the key file.
    assert Vault.open(backend, [PinWrapper(PIN)], clock=clock).list()[0].title == "scrypt"


@pytest.mark.parametrize(
    "kdf",
    [
        {"algorithm": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "iterations": 1,
         "memory_kib": 8 * 1024 * 1024, "lanes": 1},
        {"algorithm": "md5", "salt": "AAAAAAAAAAAAAAAAAAAAAA=="},
    ],
)  # fmt: skip
def test_hostile_kdf_parameters_are_rejected(
    backend: MemoryBackend, lock: AppLock, kdf: dict[str, object]
) -> None:
    lock.set_pin(PIN)
    lock.lock()
    body = json.loads(backend.blobs["keys.json"])
    body["wraps"][0]["kdf"] = kdf
    backend.blobs["keys.json"] = json.dumps(body).encode()
    with pytest.raises(Exception, match="sleutelbestand is beschadigd"):
        lock.unlock(PIN)


def test_calibration_picks_real_costs() -> None:
    params = calibrate_kdf(0.01)
    assert params.algorithm == ("argon2id" if argon2_available() else "scrypt")
    if params.algorithm == "argon2id":
        assert params.memory_kib == 65536 and params.iterations >= 2
    assert len(params.salt) == 16
