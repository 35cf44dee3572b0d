"""Atomic writes (``privacyapp._atomic``): new bytes or old bytes, never a mix, no leftovers."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from privacyapp._atomic import fsync_dir, temp_path, write_atomic
from privacyapp.dossier import FileBackend
from privacyapp.opendata._store import load_data, load_snapshot, save_data

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and dir fsync")


def _fail(*args: object) -> None:
    raise OSError(errno.EIO, "Input/output error")


def test_creates_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_replaces_the_old_content(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old, and longer than the new content")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_writes_large_and_empty_content(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    big = os.urandom(3 * 1024 * 1024)
    write_atomic(target, big)
    assert target.read_bytes() == big
    write_atomic(target, b"")
    assert target.read_bytes() == b""


@pytest.mark.parametrize("broken", ["fsync", "replace", "write"])
def test_a_failure_keeps_the_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(os, broken, _fail)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_a_failing_before_replace_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")

    def interrupted() -> None:
        raise KeyboardInterrupt  # BaseException too: a Ctrl-C mid-save cleans up

    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new", before_replace=interrupted)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_before_replace_runs_after_the_data_is_synced_and_before_the_replace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        events.append("replace")
        real_replace(src, dst)

    def before() -> None:
        events.append("before")
        temps = [p for p in tmp_path.iterdir() if p != target]
        assert target.read_bytes() == b"old"  # the old version is still in place
        assert [p.read_bytes() for p in temps] == [b"new"]
        assert temps[0].name.startswith("a.json.") and temps[0].name.endswith(".part")

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(target, b"new", tmp_suffix=".part", before_replace=before)
    monkeypatch.undo()
    directory_fsync = ["fsync"] if os.name == "posix" else []
    assert events == ["fsync", "before", "replace", *directory_fsync]
    assert target.read_bytes() == b"new"


@posix_only
def test_new_files_are_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_atomic(target, b"new")  # the new inode has its own mode, not the old file's
    assert target.stat().st_mode & 0o777 == 0o600


@posix_only
def test_mode_can_be_chosen(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    old_umask = os.umask(0o022)
    try:
        write_atomic(target, b"new", mode=0o640)
    finally:
        os.umask(old_umask)
    assert target.stat().st_mode & 0o777 == 0o640


def test_temp_path_is_a_fresh_sibling(tmp_path: Path) -> None:
    target = tmp_path / "rec.bin"
    first, second = temp_path(target), temp_path(target, ".x")
    assert first.parent == second.parent == tmp_path
    assert first.name.startswith("rec.bin.") and first.name.endswith(".tmp")
    assert len(first.name) == len("rec.bin.") + 8 + len(".tmp")
    assert second.name.endswith(".x") and first != temp_path(target)


@posix_only
def test_directory_fsync_errors_are_raised_unless_best_effort(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(FileNotFoundError):
        fsync_dir(tmp_path / "missing")
    fsync_dir(tmp_path / "missing", best_effort=True)
    fsync_dir(tmp_path)

    target = tmp_path / "a.json"
    real_fsync = os.fsync
    calls: list[int] = []

    def fsync_file_only(fd: int) -> None:  # the file's fsync works, the directory's fails
        calls.append(fd)
        if len(calls) > 1:
            _fail()
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_file_only)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(target, b"strict")
    assert target.read_bytes() == b"strict"  # the replace itself had happened
    calls.clear()
    write_atomic(target, b"relaxed", best_effort_dir_sync=True)
    assert target.read_bytes() == b"relaxed"


# Both writers in the app go through the helper: same guarantees on disk.
def _dossier_write(path: Path) -> None:
    FileBackend(path.parent).write(path.name, b"blob")


def _cache_write(path: Path) -> None:
    save_data(path, load_snapshot())
    assert load_data(path) is not None


@posix_only
@pytest.mark.parametrize("write", [_dossier_write, _cache_write], ids=["dossier", "cache"])
def test_the_apps_writers_leave_one_owner_only_file(
    tmp_path: Path, write: Callable[[Path], None]
) -> None:
    target = tmp_path / "store" / "data.json"
    target.parent.mkdir()
    write(target)
    assert target.stat().st_size > 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["data.json"]


@posix_only
def test_without_hard_links_the_previous_copy_is_owner_only_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "no hard links on this file system")

    monkeypatch.setattr(os, "link", no_links)
    backend = FileBackend(tmp_path)
    backend.write("rec-a.bin", b"first")
    backend.write("rec-a.bin", b"second")
    assert backend.read("rec-a.bin") == b"second"
    assert backend.read_previous("rec-a.bin") == b"first"
    prev = tmp_path / "rec-a.bin.prev"
    assert prev.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rec-a.bin", "rec-a.bin.prev"]
