"""Files the CLI writes outside the store (exports, record PDFs, letter PDFs).

They hold personal data in plain form, so they are written the way the store writes its own
files: owner-only (0600), atomically (a temporary file in the same folder, fsync, replace: a
crash leaves the old file or the new one, never half), and never through a symlink (a link at the
target's place is replaced by the new file; the file it pointed to is left alone).
"""

from __future__ import annotations

from pathlib import Path

from privacyapp._atomic import write_atomic
from privacyapp.errors import PrivacyAppError

__all__ = ["write_private_file"]


def write_private_file(path: Path, data: bytes, error: type[PrivacyAppError]) -> None:
    """Write ``data`` to ``path`` (0600, atomic, no symlink); a failure raises ``error``."""
    if path.is_dir() and not path.is_symlink():
        raise error(f"Kan {path} niet schrijven: dat is een map. Geef een bestandsnaam op.")
    try:
        write_atomic(path, data, mode=0o600, best_effort_dir_sync=True)
    except OSError as exc:
        raise error(
            f"Kan {path} niet schrijven: {exc.strerror or exc}. Kies een andere plek."
        ) from exc
