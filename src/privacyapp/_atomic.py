"""Atomic file writes: after a crash a file holds either its old or its new bytes, never a mix.

``write_atomic`` writes to a fresh temporary file in the same directory (``O_EXCL``, owner-only
by default), fsyncs it, ``os.replace``-s it over the target and then fsyncs the directory, so
the rename itself survives a power cut. Temporary names are ``<name>.<8 hex><tmp_suffix>``: a
caller that lists its directory can skip them, and remove the ones a killed process left behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

__all__ = ["fsync_dir", "temp_path", "write_atomic"]


def temp_path(path: Path, suffix: str = ".tmp") -> Path:
    """A fresh sibling of ``path`` for a temporary file: ``<name>.<8 hex><suffix>``."""
    return path.with_name(f"{path.name}.{secrets.token_hex(4)}{suffix}")


def fsync_dir(directory: Path, *, best_effort: bool = False) -> None:
    """Fsync ``directory`` so renames in it are durable; a no-op off POSIX.

    Windows cannot open a directory, and NTFS journals renames itself. With ``best_effort``,
    an ``OSError`` (a file system that refuses directory fsync) is ignored instead of raised.
    """
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        if not best_effort:
            raise


def write_atomic(
    path: Path,
    data: bytes,
    *,
    mode: int = 0o600,
    tmp_suffix: str = ".tmp",
    before_replace: Callable[[], None] | None = None,
    best_effort_dir_sync: bool = False,
) -> None:
    """Replace ``path`` with ``data`` atomically and durably.

    Args:
        path: the target; its directory must exist.
        data: the new content.
        mode: permission bits of the new file (before the umask).
        tmp_suffix: the temporary file's name ends in this.
        before_replace: called after the new bytes are on disk and before the replace, while
            ``path`` still holds the old version (e.g. to keep a copy of it).
        best_effort_dir_sync: ignore an error from the final directory fsync.

    On any exception before the replace the temporary file is removed and ``path`` is left as
    it was; the exception propagates.
    """
    tmp = temp_path(path, tmp_suffix)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    fsync_dir(path.parent, best_effort=best_effort_dir_sync)
