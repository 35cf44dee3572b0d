"""``FileBackend``: blobs as files in the app-data directory, written atomically.

Each write goes to a temporary file in the same directory, is flushed and fsynced, then
``os.replace``-d over the old file, and finally the directory itself is fsynced so the rename
survives a power cut (``privacyapp._atomic.write_atomic``). Before the replace, the old version
is hard-linked to ``<name>.prev`` so the previous good copy stays on disk. Temporary files left
by a killed process are removed when the backend is opened: they were never the live copy, so
nothing is lost by removing them.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from privacyapp._atomic import fsync_dir, temp_path, write_atomic
from privacyapp.dossier._backend import check_name

__all__ = [
    "FileBackend",
]

_TMP_SUFFIX = ".tmp"
_PREV_SUFFIX = ".prev"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class FileBackend:
    """Atomic blob storage in one directory (created with owner-only permissions)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.removed_temp_files = self._clean_orphans()

    def _clean_orphans(self) -> int:
        removed = 0
        for path in self.data_dir.glob(f"*{_TMP_SUFFIX}"):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
        return removed

    def _path(self, name: str) -> Path:
        return self.data_dir / check_name(name)

    def read(self, name: str) -> bytes | None:
        try:
            return self._path(name).read_bytes()
        except FileNotFoundError:
            return None

    def read_previous(self, name: str) -> bytes | None:
        """Return the version that ``name`` replaced, if one was kept."""
        try:
            return (self.data_dir / (check_name(name) + _PREV_SUFFIX)).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, name: str, data: bytes, *, keep_previous: bool = True) -> None:
        target = self._path(name)
        prev = target.with_name(target.name + _PREV_SUFFIX)

        def keep_or_drop_previous() -> None:  # runs after the new bytes are synced
            if not target.exists():
                return
            if keep_previous:
                if _same_file(target, prev):
                    # An earlier write was cut off after this step: .prev already is the current
                    # version. Renaming a second link of that file over it would do nothing
                    # (POSIX) and leave the temporary link behind.
                    return
                prev_tmp = temp_path(prev, _TMP_SUFFIX)
                try:
                    os.link(target, prev_tmp)
                except OSError:  # no hard links here (FAT, some Android storage): an owner-only,
                    # synced copy, written like any other file
                    write_atomic(prev, target.read_bytes(), tmp_suffix=_TMP_SUFFIX)
                else:
                    os.replace(prev_tmp, prev)
                    with contextlib.suppress(FileNotFoundError):
                        prev_tmp.unlink()  # only still there if the rename was a no-op
            else:
                with contextlib.suppress(FileNotFoundError):
                    prev.unlink()

        write_atomic(target, data, tmp_suffix=_TMP_SUFFIX, before_replace=keep_or_drop_previous)

    def delete(self, name: str) -> None:
        target = self._path(name)
        for path in (target, target.with_name(target.name + _PREV_SUFFIX)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        fsync_dir(self.data_dir)

    def delete_many(self, names: list[str]) -> None:
        """``delete`` for many names, with one directory sync at the end."""
        for name in names:
            target = self._path(name)
            for path in (target, target.with_name(target.name + _PREV_SUFFIX)):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        fsync_dir(self.data_dir)

    def list(self) -> list[str]:
        names = []
        for path in self.data_dir.iterdir():
            if path.name.endswith((_TMP_SUFFIX, _PREV_SUFFIX)) or not path.is_file():
                continue
            names.append(path.name)
        return sorted(names)
