"""Where encrypted blobs live: the ``Backend`` protocol and an in-memory backend.

The store only ever hands a backend opaque, already encrypted bytes under short names
(``keys.json``, ``rec-<id>.bin``, ...). A backend must make each ``write`` atomic: after a crash
a name holds either the old or the new bytes, never a mix. ``FileBackend`` (``_files.py``) does
this on disk; the browser backend (``_browser.BrowserBackend``) keeps base64 values in
the browser's own storage, because localStorage replaces one value atomically.
"""

from __future__ import annotations

import builtins
import re
from typing import Protocol, runtime_checkable

__all__ = [
    "Backend",
    "MemoryBackend",
    "check_name",
]

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")


def check_name(name: str) -> str:
    """Return ``name`` if it is a safe blob name (no paths, no hidden files), else raise."""
    if not _NAME.fullmatch(name) or name.endswith((".prev", ".tmp")):
        raise ValueError(f"not a valid storage name: {name!r}")
    return name


@runtime_checkable
class Backend(Protocol):
    """A flat key-value store of bytes with atomic replacement per name."""

    def read(self, name: str) -> bytes | None:
        """Return the bytes stored under ``name``, or ``None`` if there are none."""
        ...

    def write(self, name: str, data: bytes, *, keep_previous: bool = True) -> None:
        """Store ``data`` under ``name`` atomically; raise ``OSError`` if that fails.

        ``keep_previous`` asks the backend to keep the replaced version as a fallback copy
        (the key file passes ``False``: an old PIN must not keep working after a change).
        """
        ...

    def delete(self, name: str) -> None:
        """Remove ``name`` and any previous copy of it; no error if it does not exist."""
        ...

    def list(self) -> builtins.list[str]:
        """Return all stored names, sorted."""
        ...


class MemoryBackend:
    """A backend in a dict: for tests and for a store that must never touch a disk."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self.previous: dict[str, bytes] = {}

    def read(self, name: str) -> bytes | None:
        return self.blobs.get(check_name(name))

    def write(self, name: str, data: bytes, *, keep_previous: bool = True) -> None:
        old = self.blobs.get(check_name(name))
        if keep_previous and old is not None:
            self.previous[name] = old
        else:
            self.previous.pop(name, None)
        self.blobs[name] = bytes(data)

    def delete(self, name: str) -> None:
        self.blobs.pop(check_name(name), None)
        self.previous.pop(name, None)

    def list(self) -> builtins.list[str]:
        return sorted(self.blobs)
