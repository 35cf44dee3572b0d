"""Fixtures for the store tests: a fake clock, fast KDF parameters and ready-made stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import AppLock, FileBackend, KdfParams, LockPolicy, MemoryBackend, Vault


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fast_kdf() -> KdfParams:
    # Real Argon2id, tiny cost: the production cost is calibrated (see benchmarks).
    return KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


@pytest.fixture
def backend() -> MemoryBackend:
    return MemoryBackend()


@pytest.fixture
def file_backend(tmp_path: Path) -> FileBackend:
    return FileBackend(tmp_path / "data")


@pytest.fixture
def lock(backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams) -> AppLock:
    return AppLock(backend, clock=clock, kdf=fast_kdf, policy=LockPolicy())


@pytest.fixture
def vault(lock: AppLock) -> Vault:
    return lock.set_pin(PIN)
