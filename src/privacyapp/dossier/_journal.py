"""The tamper-evident journal: every save, rename, delete and restore, chained with MACs.

Each entry holds its sequence number, the action, the record id and revision, the time (from the
store's injectable clock) and the MAC of the entry before it; its own MAC (HMAC-SHA256 under a
key derived from the data key) covers all of that. So an altered entry fails its MAC, and a
removed or reordered entry breaks the chain at that point. Removing entries from the end is
caught by the anchor: ``state.bin`` holds the entry count and head MAC, encrypted, written after
each append. A crash between appending and writing the anchor leaves exactly one verified entry
beyond the anchor; that is accepted as an unfinished save, not as tampering.

Entries are stored in segments of 256 (``journal-000000.bin``, ...), each an encrypted envelope,
so an append rewrites one small segment atomically instead of the whole history.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from privacyapp.dossier.errors import JournalTamperedError

__all__ = [
    "GENESIS",
    "Journal",
    "JournalEntry",
    "SEGMENT_SIZE",
    "STATE_FILE",
    "segment_name",
]

SEGMENT_SIZE = 256
STATE_FILE = "state.bin"
GENESIS = "0" * 64
ACTIONS = ("save", "rename", "delete", "restore", "recover")

_TAMPERED = (
    "De geschiedenis van je bewaarde gegevens klopt niet: {detail}. Misschien is er met de "
    "bestanden geknoeid. Je gegevens zijn niet veranderd; je kunt ze nog bekijken en exporteren."
)


_ascii = json.encoder.encode_basestring_ascii  # what json.dumps uses for str (ensure_ascii)


def _canonical(value: Any) -> str:
    """``json.dumps(value)`` for one field value, with a fast path for str and int."""
    kind = type(value)
    if kind is str:
        return _ascii(value)
    if kind is int:
        return int.__repr__(value)
    return json.dumps(value)


def segment_name(index: int) -> str:
    return f"journal-{index:06d}.bin"


@dataclass(frozen=True)
class JournalEntry:
    """One journal line. ``mac`` covers every other field, including ``prev``."""

    seq: int
    action: str
    record: str
    revision: int
    at: str
    prev: str
    mac: str

    def fields(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "action": self.action, "record": self.record,
            "revision": self.revision, "at": self.at, "prev": self.prev, "mac": self.mac,
        }  # fmt: skip

    def body(self) -> bytes:
        """What the MAC covers: the other fields as canonical JSON (sorted keys, no spaces).

        Byte for byte ``json.dumps(fields, sort_keys=True, separators=(",", ":"))``, built by
        hand because a store of 10,000 entries verifies every one of them when it opens.
        """
        action, at, prev, record, revision, seq = (
            self.action, self.at, self.prev, self.record, self.revision, self.seq
        )  # fmt: skip
        if (
            type(action) is type(at) is type(prev) is type(record) is str
            and type(revision) is type(seq) is int
        ):  # what the app writes: one formatting step, no call per field
            return (
                f'{{"action":{_ascii(action)},"at":{_ascii(at)},"prev":{_ascii(prev)},'
                f'"record":{_ascii(record)},"revision":{revision:d},"seq":{seq:d}}}'
            ).encode()
        return (
            f'{{"action":{_canonical(self.action)},"at":{_canonical(self.at)},'
            f'"prev":{_canonical(self.prev)},"record":{_canonical(self.record)},'
            f'"revision":{_canonical(self.revision)},"seq":{_canonical(self.seq)}}}'
        ).encode()

    def encoded(self) -> str:
        return json.dumps(self.fields(), separators=(",", ":"))


_FIELDS = frozenset(f.name for f in dataclasses.fields(JournalEntry))


def _entry(item: dict[str, Any]) -> JournalEntry:
    """``JournalEntry(**item)`` without the frozen dataclass's per-field ``__setattr__`` (a store
    opens thousands): the same fields, exactly (a missing or extra one raises TypeError)."""
    if not isinstance(item, dict) or item.keys() != _FIELDS:
        raise TypeError(f"journal entry fields {sorted(item)}")
    entry = object.__new__(JournalEntry)
    entry.__dict__.update(item)
    return entry


class Journal:
    """The chain in memory, plus what the store must write after an append."""

    def __init__(self, mac_key: bytes) -> None:
        self._key = mac_key
        self.entries: list[JournalEntry] = []
        # Entries from ``_encoded_base`` on as JSON, so an append does not re-encode its segment
        # (only the newest segment is ever written again, so older ones are not kept encoded).
        self._encoded: list[str] = []
        self._encoded_base = 0

    def _mac(self, body: bytes) -> str:
        return hmac.digest(self._key, body, hashlib.sha256).hex()

    def head(self) -> str:
        """Hex digest of the newest entry (``GENESIS`` while empty): printable on exports."""
        return self.entries[-1].mac if self.entries else GENESIS

    def append(self, action: str, record: str, revision: int, at: str) -> JournalEntry:
        if action not in ACTIONS:
            raise ValueError(f"unknown journal action {action!r}")
        unsigned = JournalEntry(len(self.entries), action, record, revision, at, self.head(), "")
        entry = dataclasses.replace(unsigned, mac=self._mac(unsigned.body()))
        self.entries.append(entry)
        self._encoded.append(entry.encoded())
        return entry

    def drop_last(self) -> None:
        """Forget the newest entry (its write failed, so the stored journal does not have it)."""
        self.entries.pop()
        self._encoded.pop()

    def last_segment(self) -> tuple[str, bytes]:
        """Storage name and plaintext of the segment holding the newest entry."""
        index = (len(self.entries) - 1) // SEGMENT_SIZE
        start = index * SEGMENT_SIZE
        if start < self._encoded_base:  # cannot happen after an append; kept correct anyway
            self._encoded = [e.encoded() for e in self.entries[start : self._encoded_base]] + (
                self._encoded
            )
            self._encoded_base = start
        base = self._encoded_base
        chunk = self._encoded[start - base : start - base + SEGMENT_SIZE]
        return segment_name(index), ("[" + ",".join(chunk) + "]").encode()

    def anchor(self) -> bytes:
        return json.dumps({"count": len(self.entries), "head": self.head()}).encode()

    def latest(self) -> dict[str, JournalEntry]:
        """The newest entry per record id."""
        return {e.record: e for e in self.entries}

    def load(self, segments: list[bytes], anchor: bytes | None) -> bool:
        """Load and verify decrypted segments against the anchor.

        Returns:
            True when the anchor must be rewritten (one entry beyond it: a crash mid-save).

        Raises:
            JournalTamperedError: an entry was altered, removed or reordered.
        """
        entries: list[JournalEntry] = []
        for number, raw in enumerate(segments):
            try:
                items = json.loads(raw)
                entries.extend(map(_entry, items))
            except (ValueError, TypeError) as exc:
                raise JournalTamperedError(
                    _TAMPERED.format(detail=f"deel {number} is onleesbaar")
                ) from exc
        self.verify(entries)
        count, head = 0, GENESIS
        if anchor is not None:
            try:
                state: dict[str, Any] = json.loads(anchor)
                count, head = int(state["count"]), str(state["head"])
            except (ValueError, TypeError, KeyError) as exc:
                raise JournalTamperedError(
                    _TAMPERED.format(detail="het anker is onleesbaar")
                ) from exc
        if len(entries) < count:
            raise JournalTamperedError(
                _TAMPERED.format(
                    detail=f"er ontbreken {count - len(entries)} regel(s) aan het eind"
                )
            )
        if len(entries) > count + 1:
            raise JournalTamperedError(_TAMPERED.format(detail="het anker is teruggezet"))
        if count and entries[count - 1].mac != head:
            raise JournalTamperedError(_TAMPERED.format(detail="het anker hoort er niet bij"))
        self.entries = entries
        self._encoded_base = max(len(entries) - 1, 0) // SEGMENT_SIZE * SEGMENT_SIZE
        self._encoded = [e.encoded() for e in entries[self._encoded_base :]]
        return len(entries) == count + 1

    def verify(self, entries: list[JournalEntry] | None = None) -> None:
        """Check every MAC and link; raises ``JournalTamperedError`` at the first break."""
        entries = self.entries if entries is None else entries
        prev = GENESIS
        for position, entry in enumerate(entries):
            if not hmac.compare_digest(self._mac(entry.body()), entry.mac):
                raise JournalTamperedError(
                    _TAMPERED.format(detail=f"regel {position + 1} is veranderd")
                )
            if entry.seq != position or entry.prev != prev:
                raise JournalTamperedError(
                    _TAMPERED.format(
                        detail=f"bij regel {position + 1} is een regel weggehaald of verplaatst"
                    )
                )
            prev = entry.mac
