"""The municipality list on disk: the built-in snapshot and the cached refresh, one JSON shape.

```
{"format": 1, "source": "...", "url": "...", "updated_at": "2026-04-15",
 "checked_at": "2026-11-22T12:00:00+00:00" | null, "etag": ... | null,
 "last_modified": ... | null, "municipalities": [Municipality.to_dict(), ...]}
```
Writes are atomic (temp file, fsync, replace), so a crash mid-write leaves the old file intact.
The cache holds public register data only, nothing about the user.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from privacyapp._atomic import write_atomic
from privacyapp.opendata._model import Municipality
from privacyapp.opendata.errors import SnapshotError

__all__ = ["DirectoryData", "load_data", "load_snapshot", "save_data"]

FORMAT = 1
SNAPSHOT_ASSET = "gemeenten.json"


@dataclass(frozen=True)
class DirectoryData:
    """An immutable municipality list with where and when it came from."""

    municipalities: tuple[Municipality, ...]
    updated_at: date
    """The date the register data is from (the export's timestamp)."""
    source: str = "Register van Overheidsorganisaties"
    url: str = ""
    checked_at: datetime | None = None
    """When the app last heard from the register (also on "not modified"); None for the snapshot."""
    etag: str | None = None
    last_modified: str | None = None
    origin: str = "snapshot"
    """``"snapshot"`` (built in), ``"cache"`` (an earlier refresh) or ``"register"`` (just now)."""

    def to_json(self) -> dict[str, Any]:
        """The file shape described in the module docstring."""
        return {
            "format": FORMAT,
            "source": self.source,
            "url": self.url,
            "updated_at": self.updated_at.isoformat(),
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "etag": self.etag,
            "last_modified": self.last_modified,
            "municipalities": [record.to_dict() for record in self.municipalities],
        }

    @classmethod
    def from_json(cls, data: Any, *, origin: str) -> DirectoryData:
        """Inverse of :meth:`to_json`; raises :class:`SnapshotError` on any bad shape."""
        try:
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("unknown format")
            records = tuple(Municipality.from_dict(item) for item in data["municipalities"])
            if not records:
                raise ValueError("no municipalities")
            checked = data.get("checked_at")
            return cls(
                municipalities=records,
                updated_at=date.fromisoformat(data["updated_at"]),
                source=str(data.get("source") or cls.source),
                url=str(data.get("url") or ""),
                checked_at=datetime.fromisoformat(checked) if checked else None,
                etag=data.get("etag"),
                last_modified=data.get("last_modified"),
                origin=origin,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SnapshotError(
                f"De opgeslagen lijst van gemeenten is onleesbaar ({exc})."
            ) from exc


def load_snapshot() -> DirectoryData:
    """The list built into the app (made from the register's CSV export)."""
    asset = resources.files("privacyapp").joinpath("assets", SNAPSHOT_ASSET)
    try:
        text = asset.read_text("utf-8")
    except OSError as exc:
        raise SnapshotError("De ingebouwde lijst van gemeenten ontbreekt.") from exc
    return DirectoryData.from_json(json.loads(text), origin="snapshot")


def load_data(path: Path) -> DirectoryData | None:
    """The cached list at ``path``; ``None`` if there is none.

    Raises:
        SnapshotError: the file exists but is not a readable list.
    """
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SnapshotError(f"De opgeslagen lijst van gemeenten is niet te lezen: {exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SnapshotError("De opgeslagen lijst van gemeenten is beschadigd.") from exc
    return DirectoryData.from_json(data, origin="cache")


def save_data(path: Path, data: DirectoryData) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, replace).

    The file is owner-only (0o600). A failing directory fsync is ignored: the new list is in
    place by then, and a lost rename only brings back the previous cache.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(data.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, payload, best_effort_dir_sync=True)
