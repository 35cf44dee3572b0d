"""A kill during unlock is not a wrong PIN (security review 4c), but parallel guessing still is.

The counter is raised before the PIN is tried. A try whose process was killed never told anyone
whether the PIN was right, so it stops counting once its process is gone.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import AppLock, FileBackend, KdfParams, LockedOutError, MemoryBackend
from privacyapp.dossier._lock import STALE_TRY

#: Slow enough (a few seconds) to kill the process while it derives the key.
SLOW = KdfParams("argon2id", b"\1" * 16, iterations=40, memory_kib=64 * 1024)

UNLOCK = """
import sys
from privacyapp.dossier import AppLock, FileBackend
AppLock(FileBackend(sys.argv[1])).unlock(sys.argv[2])
"""


def _kill_while_unlocking(data_dir: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    lock_file = data_dir / "lock.json"
    before = lock_file.read_bytes() if lock_file.exists() else b""
    child = subprocess.Popen([sys.executable, "-c", UNLOCK, str(data_dir), PIN], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the try is counted, then kill
        if lock_file.exists() and lock_file.read_bytes() != before:
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    assert child.wait(30) == -signal.SIGKILL


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_three_kills_during_unlock_do_not_lock_out_the_right_pin(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    AppLock(FileBackend(data_dir), kdf=SLOW).set_pin(PIN).create("path", "Mijn pad")
    for _ in range(3):
        _kill_while_unlocking(data_dir)
    lock = AppLock(FileBackend(data_dir))
    assert lock.retry_after() == 0 and lock.failures() == 0
    assert [r.title for r in lock.unlock(PIN).list()] == ["Mijn pad"]


def _pending(backend: MemoryBackend, failures: int, pid: int, since: str) -> None:
    from privacyapp.dossier._lock import _host_tag

    backend.blobs["lock.json"] = json.dumps(
        {"failures": failures + 1, "not_before": None,
         "pending": {"failures": failures, "not_before": None, "since": since, "pid": pid,
                     "host": _host_tag()}}
    ).encode()  # fmt: skip


def test_a_try_of_a_process_that_still_runs_keeps_counting(
    backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams
) -> None:
    AppLock(backend, clock=clock, kdf=fast_kdf).set_pin(PIN)
    running = AppLock(backend, clock=clock, kdf=fast_kdf, alive=lambda pid: True)
    _pending(backend, 2, pid=4242, since=clock().isoformat())  # a parallel guess, in flight
    assert running.failures() == 3
    gone = AppLock(backend, clock=clock, kdf=fast_kdf, alive=lambda pid: False)
    assert gone.failures() == 2


def test_an_old_unfinished_try_stops_counting_even_if_unknown(
    backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams
) -> None:
    unknown = AppLock(backend, clock=clock, kdf=fast_kdf, alive=lambda pid: None)
    unknown.set_pin(PIN)
    _pending(backend, 0, pid=4242, since=clock().isoformat())
    assert unknown.failures() == 1
    clock.advance(STALE_TRY)
    assert unknown.failures() == 0


def test_wrong_pins_still_lock_out_after_the_change(
    backend: MemoryBackend, clock: FakeClock, fast_kdf: KdfParams
) -> None:
    lock = AppLock(backend, clock=clock, kdf=fast_kdf, alive=lambda pid: False)
    lock.set_pin(PIN)
    lock.lock()
    for _ in range(3):
        with pytest.raises(Exception, match="klopt niet|pincode"):
            lock.unlock("99999")
    assert "pending" not in json.loads(backend.blobs["lock.json"])  # finished tries
    with pytest.raises(LockedOutError):
        lock.unlock(PIN)
