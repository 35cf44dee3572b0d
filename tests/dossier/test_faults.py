"""Faults: damaged, swapped or newer files, failing disks and killed processes.

Each case must give a clear message, never reset anything silently, and keep the last good data.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from killkit import assert_nothing_lost, kill_children
from store_helpers import PIN, FakeClock

from privacyapp.dossier import (
    AppLock,
    FileBackend,
    KdfParams,
    KeyFileError,
    MemoryBackend,
    MissingKeysError,
    NewerFormatError,
    StoreWriteError,
    Vault,
)


@pytest.fixture
def disk_lock(file_backend: FileBackend, clock: FakeClock, fast_kdf: KdfParams) -> AppLock:
    return AppLock(file_backend, clock=clock, kdf=fast_kdf)


def _reopen(lock: AppLock) -> Vault:
    lock.lock()
    return lock.unlock(PIN)


def _two_records(lock: AppLock) -> tuple[Vault, str, str]:
    vault = lock.set_pin(PIN)
    a = vault.create("path", "Record A", {"secret": "A"})
    b = vault.create("path", "Record B", {"secret": "B"})
    return vault, a.id, b.id


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_damaged_record_file_is_reported_and_left_untouched(
    disk_lock: AppLock, file_backend: FileBackend, damage: str
) -> None:
    _, a, b = _two_records(disk_lock)
    path = file_backend.data_dir / f"rec-{a}.bin"
    raw = path.read_bytes()
    damaged = {
        "truncate": raw[: len(raw) // 2],
        "flip": raw[:-5] + bytes([raw[-5] ^ 0x01]) + raw[-4:],
        "empty": b"",
        "garbage": b"not ours at all",
    }[damage]
    path.write_bytes(damaged)
    vault = _reopen(disk_lock)
    assert [r.id for r in vault.list()] == [b]  # the other record is fine
    assert any(
        p.kind == "damaged-file" and f"rec-{a}.bin" in p.text and "niets aan veranderd" in p.text
        for p in vault.problems
    )
    assert path.read_bytes() == damaged  # never "repaired" by overwriting


def test_swapped_files_do_not_decrypt_as_each_other(
    disk_lock: AppLock, file_backend: FileBackend
) -> None:
    _, a, b = _two_records(disk_lock)
    pa, pb = (file_backend.data_dir / f"rec-{i}.bin" for i in (a, b))
    raw_a, raw_b = pa.read_bytes(), pb.read_bytes()
    pa.write_bytes(raw_b)
    pb.write_bytes(raw_a)
    vault = _reopen(disk_lock)
    assert vault.list() == []  # neither is shown under the other's name
    assert sum("verwisseld" in p.text for p in vault.problems) == 2


def test_truncated_key_file_stops_with_a_clear_message(
    disk_lock: AppLock, file_backend: FileBackend
) -> None:
    _two_records(disk_lock)
    disk_lock.lock()
    key_path = file_backend.data_dir / "keys.json"
    key_path.write_bytes(key_path.read_bytes()[:40])
    before = sorted((p.name, p.read_bytes()) for p in file_backend.data_dir.iterdir())
    with pytest.raises(KeyFileError, match="beschadigd of ingekort"):
        disk_lock.unlock(PIN)
    after = sorted(
        (p.name, p.read_bytes()) for p in file_backend.data_dir.iterdir() if p.name != "lock.json"
    )
    assert after == [item for item in before if item[0] != "lock.json"]


def test_store_from_a_newer_version_is_refused_and_untouched(
    disk_lock: AppLock, file_backend: FileBackend
) -> None:
    _two_records(disk_lock)
    disk_lock.lock()
    key_path = file_backend.data_dir / "keys.json"
    body = json.loads(key_path.read_bytes())
    body["format"] = 2
    key_path.write_text(json.dumps(body))
    snapshot = key_path.read_bytes()
    with pytest.raises(NewerFormatError, match="nieuwere versie"):
        disk_lock.unlock(PIN)
    assert key_path.read_bytes() == snapshot


def test_record_envelope_from_a_newer_version_is_refused(
    disk_lock: AppLock, file_backend: FileBackend
) -> None:
    _, a, _ = _two_records(disk_lock)
    path = file_backend.data_dir / f"rec-{a}.bin"
    raw = bytearray(path.read_bytes())
    raw[4] = 7  # version byte
    path.write_bytes(bytes(raw))
    with pytest.raises(NewerFormatError, match="Werk de app bij"):
        _reopen(disk_lock)
    assert path.read_bytes() == bytes(raw)


def test_key_file_missing_but_data_present(backend: MemoryBackend, lock: AppLock) -> None:
    _two_records(lock)
    lock.lock()
    del backend.blobs["keys.json"]
    with pytest.raises(MissingKeysError, match="Er is niets gewist"):
        lock.unlock(PIN)
    assert len([n for n in backend.list() if n.startswith("rec-")]) == 2


def test_opening_an_empty_store_explains_cleared_storage(lock: AppLock) -> None:
    with pytest.raises(MissingKeysError, match="gewist"):
        lock.unlock(PIN)


class FailingBackend(MemoryBackend):
    """Raises ENOSPC on the n-th write from now (disk full)."""

    def __init__(self) -> None:
        super().__init__()
        self.fail_at: int | None = None

    def write(self, name: str, data: bytes, *, keep_previous: bool = True) -> None:
        if self.fail_at is not None:
            self.fail_at -= 1
            if self.fail_at == 0:
                self.fail_at = None
                raise OSError(errno.ENOSPC, "No space left on device")
        super().write(name, data, keep_previous=keep_previous)


@pytest.mark.parametrize("fail_at", [1, 2, 3], ids=["record", "journal", "anchor"])
def test_disk_full_mid_save_keeps_last_good_data(
    clock: FakeClock, fast_kdf: KdfParams, fail_at: int
) -> None:
    backend = FailingBackend()
    lock = AppLock(backend, clock=clock, kdf=fast_kdf)
    vault = lock.set_pin(PIN)
    record = vault.create("path", "Goed bewaard", {"v": 1})
    backend.fail_at = fail_at  # 1: record file, 2: journal segment, 3: anchor
    with pytest.raises(StoreWriteError, match="Je vorige gegevens zijn bewaard"):
        vault.update(record.id, payload={"v": 2})
    # The store keeps working after the disk has room again.
    later = vault.create("path", "Daarna")
    reopened = _reopen(lock)
    assert reopened.problems == []
    assert reopened.get(later.id).title == "Daarna"
    expected = 1 if fail_at == 1 else 2  # the record file was written before the journal
    assert reopened.get(record.id).payload == {"v": expected}
    reopened.verify()


def test_write_error_in_the_file_layer_leaves_old_file_and_no_temp(
    file_backend: FileBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_backend.write("rec-0000000000000001.bin", b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        file_backend.write("rec-0000000000000001.bin", b"new")
    monkeypatch.undo()
    assert file_backend.read("rec-0000000000000001.bin") == b"old"
    assert [p.name for p in file_backend.data_dir.iterdir()] == ["rec-0000000000000001.bin"]


def test_orphaned_temp_files_are_cleaned_at_start(tmp_path: Path) -> None:
    (tmp_path / "rec-0000000000000001.bin.1a2b3c4d.tmp").write_bytes(b"half")
    (tmp_path / "rec-0000000000000001.bin").write_bytes(b"whole")
    backend = FileBackend(tmp_path)
    assert backend.removed_temp_files == 1
    assert backend.list() == ["rec-0000000000000001.bin"]


def test_crash_between_record_and_journal_is_recovered(
    backend: MemoryBackend, lock: AppLock
) -> None:
    vault = lock.set_pin(PIN)
    record = vault.create("path", "Net bewaard")
    journal_before = dict(backend.blobs)
    vault.update(record.id, title="Nieuwe titel")
    # Simulate the kill: the record file is new, the journal and anchor are still old.
    for name in ("journal-000000.bin", "state.bin"):
        backend.blobs[name] = journal_before[name]
    reopened = _reopen(lock)
    assert reopened.problems == []
    assert reopened.get(record.id).title == "Nieuwe titel"
    assert reopened.journal_length() == 2  # save + recover
    reopened.verify()


def test_crash_during_delete_is_finished_on_open(backend: MemoryBackend, lock: AppLock) -> None:
    vault = lock.set_pin(PIN)
    record = vault.create("path", "Wordt verwijderd")
    blob = backend.blobs[f"rec-{record.id}.bin"]
    vault.delete(record.id)
    backend.blobs[f"rec-{record.id}.bin"] = blob  # killed after journalling, before removing
    reopened = _reopen(lock)
    assert reopened.list() == []
    assert f"rec-{record.id}.bin" not in backend.list()


def test_record_rolled_back_or_removed_behind_the_journal_is_reported(
    disk_lock: AppLock, file_backend: FileBackend
) -> None:
    vault, a, b = _two_records(disk_lock)
    vault.update(a, title="Record A versie 2")
    data = file_backend.data_dir
    os.replace(data / f"rec-{a}.bin.prev", data / f"rec-{a}.bin")  # old copy put back
    (data / f"rec-{b}.bin").unlink()
    problems = _reopen(disk_lock).problems
    assert any(p.kind == "rolled-back" and "oudere versie" in p.text for p in problems)
    assert any(
        p.kind == "missing-item" and p.subject == b and "ontbreekt" in p.text for p in problems
    )


# --------------------------------------------------------------------------- killed mid-save
def test_killed_during_saves_loses_nothing(tmp_path: Path) -> None:
    run = kill_children(tmp_path, seed=5, most_ops=6, delete_every=2)
    assert_nothing_lost(run)


def test_no_prev_temp_link_is_left_after_a_cut_off_write(tmp_path: Path) -> None:
    """Review 3b: a kill between linking .prev and replacing the file left .prev and the file
    as two links of one inode; the next write's rename was a no-op and left a .tmp behind."""
    import os

    backend = FileBackend(tmp_path)
    backend.write("rec-0000000000000001.bin", b"een")
    target = tmp_path / "rec-0000000000000001.bin"
    prev = tmp_path / "rec-0000000000000001.bin.prev"
    prev.unlink(missing_ok=True)
    os.link(target, prev)  # the state such a kill leaves
    backend.write("rec-0000000000000001.bin", b"twee")
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name, prev.name]
    assert target.read_bytes() == b"twee"
    assert backend.read_previous("rec-0000000000000001.bin") == b"een"
