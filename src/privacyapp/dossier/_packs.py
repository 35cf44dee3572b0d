"""Record packs: many records in one encrypted blob, so a large store opens in a few reads.

A save still writes its record as a loose ``rec-<id>.bin`` (the crash-safe order of record →
journal → anchor is unchanged). Once ``PACK_AFTER`` loose records have gathered (or when a store
of the old one-file-per-record layout opens), the vault folds them into a new pack
``pack-NNNNNN.bin``: one envelope bound to its name like any other blob. The pack is written
first and only then are the loose files it holds removed, so a crash in between leaves the same
revision twice, never none. When a store is read, the highest revision of a record wins.

Packs are merged like a binary counter: whenever the newest pack holds at least half as many
records as the one before it, the two become one (the latest revision of each record that still
exists). So a store of N records has about log2(N / PACK_AFTER) packs and every record is
rewritten about that many times in its life, instead of the whole store on every fold.

Deleting a record takes it out of every pack that holds a revision of it (the older copies
first, the current one last, so a crash in between still looks like an unfinished delete), and
such a pack is rewritten without a ``.prev`` copy: a deleted record's text does not stay behind.
"""

from __future__ import annotations

import json
import re
from typing import Any

from privacyapp.dossier._envelope import check_version
from privacyapp.dossier._records import ROW_FIELDS, Record
from privacyapp.dossier.errors import CorruptDataError, InvalidRecordError

__all__ = [
    "PACK_AFTER",
    "PACK_FORMAT",
    "decode_pack",
    "encode_pack",
    "pack_name",
    "pack_number",
]

#: Loose record files that may gather before they are folded into packs.
PACK_AFTER = 64
PACK_FORMAT = 1
_PACK_NAME = re.compile(r"^pack-(\d{6})\.bin$")


def pack_name(number: int) -> str:
    return f"pack-{number:06d}.bin"


def pack_number(name: str) -> int | None:
    """The number of a pack's storage name, or ``None`` when ``name`` is not a pack."""
    match = _PACK_NAME.fullmatch(name)
    return int(match.group(1)) if match else None


def encode_pack(records: list[Record]) -> bytes:
    """The plaintext of a pack: JSON ``{"format", "fields", "records"}``, one row (a list in
    ``fields`` order) per record, in id order. The payload is a JSON text inside the row, so
    opening a store does not parse every record's content (it is parsed when first read)."""
    rows = [r.to_row() for r in sorted(records, key=lambda r: r.id)]
    return json.dumps(
        {"format": PACK_FORMAT, "fields": list(ROW_FIELDS), "records": rows},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


def decode_pack(name: str, plaintext: bytes) -> list[Record]:
    """Records of a decrypted pack.

    Raises:
        NewerFormatError: a newer app version wrote it.
        CorruptDataError: it decrypts but is not a pack this app can read.
    """
    try:
        data: Any = json.loads(plaintext)
        check_version(int(data["format"]), name)
        if data["fields"] != list(ROW_FIELDS):
            raise ValueError("andere kolommen")
        return [Record.from_row(row) for row in data["records"]]
    except (ValueError, TypeError, KeyError, InvalidRecordError) as exc:
        raise CorruptDataError(
            f"Het bestand '{name}' is onleesbaar ({exc}). Er is niets aan veranderd; je andere "
            "gegevens zijn nog te openen."
        ) from exc
