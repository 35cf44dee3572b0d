"""``Vault``: the encrypted record store over any ``Backend``.

Layout in the backend (every name but ``keys.json`` and ``lock.json`` is an encrypted envelope):

- ``keys.json``: the data key, wrapped per way of unlocking (``_keys.py``);
- ``rec-<id>.bin``: one record each, bound to its name (a save writes one of these);
- ``pack-<h>.bin``: many records in one blob, folded in from loose ones (``_packs.py``);
- ``journal-NNNNNN.bin`` + ``state.bin``: the MAC-chained journal and its anchor (``_journal.py``);
- ``lock.json``: the app lock's wrong-PIN counter (``_lock.py``), not secret.

Order of writes, so a crash at any point loses nothing: a save writes the record first, then the
journal, then the anchor; a delete journals first, then removes the file. When the store opens it
reconciles the two: ONE record one revision ahead of the journal was saved just before a crash
and gets a ``recover`` entry; a record the journal says was deleted is removed. A crash leaves at
most one record ahead, so more than one (or one ahead by several revisions, or a store full of
records whose history is gone) is reported as a changed history and never rebuilt; the store is
then read-only. A record *behind* the journal, or missing while the journal says it exists, is
reported as tampering — never repaired silently. Unreadable files are reported and left exactly
as they are.

Two writers over one backend (two browser tabs over one localStorage, two CLI runs) must not
fork the history: before every write the vault re-reads the anchor and, when another writer has
moved it, reloads and re-checks the journal and the records first (``sync``). The history on
disk must still start with everything this vault has seen; otherwise that is reported.
"""

from __future__ import annotations

import builtins
import gc
import json
import operator
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from privacyapp.dossier import _packs
from privacyapp.dossier._backend import Backend
from privacyapp.dossier._crypto import derive_subkey, new_key
from privacyapp.dossier._envelope import open_envelope, seal_envelope
from privacyapp.dossier._journal import STATE_FILE, Journal, segment_name
from privacyapp.dossier._keys import KEY_FILE, KeyFile, KeyWrapper
from privacyapp.dossier._packs import decode_pack, encode_pack, pack_name, pack_number
from privacyapp.dossier._records import (
    Record,
    check_kind,
    check_reference,
    check_title,
    new_record_id,
)
from privacyapp.dossier.errors import (
    CorruptDataError,
    JournalTamperedError,
    MissingKeysError,
    RecordNotFoundError,
    StoreWriteError,
    VaultLockedError,
    WrongPinError,
)

__all__ = [
    "Clock",
    "ProblemKind",
    "StoreProblem",
    "Vault",
    "store_state",
]

Clock = Callable[[], datetime]
LOCK_FILE = "lock.json"
_RECORD_NAME = re.compile(r"^rec-([0-9a-f]{16})\.bin$")
_SEGMENT_NAME = re.compile(r"^journal-(\d{6})\.bin$")
_UPDATABLE = frozenset({"title", "status", "reference", "flow_id", "payload"})

READ_ONLY = (
    "Er kan niets meer worden bewaard zolang de geschiedenis niet klopt. Exporteer je "
    "gegevens en wis daarna alles om opnieuw te beginnen."
)
FORKED = (
    "De geschiedenis van je bewaarde gegevens klopt niet: de opgeslagen geschiedenis mist "
    "wijzigingen die de app al had gezien (een oude kopie teruggezet, of een ander venster dat "
    "tegelijk schreef). Je gegevens zijn niet veranderd; je kunt ze nog bekijken en exporteren."
)
WRITE_FAILED = (
    "Opslaan is niet gelukt ({reason}). Je vorige gegevens zijn bewaard. Maak ruimte vrij op "
    "het apparaat of probeer het later opnieuw."
)
EMPTY_MESSAGE = (
    "Er zijn hier geen bewaarde gegevens. Heb je de app-gegevens of browsergegevens gewist? "
    "Dan zijn eerder bewaarde gegevens niet meer terug te halen."
)


_NEWEST = operator.attrgetter("updated_at", "id")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _anchor_values(raw: bytes) -> tuple[int, str] | None:
    try:
        state = json.loads(raw)
        return int(state["count"]), str(state["head"])
    except (ValueError, TypeError, KeyError):
        return None


def record_name(record_id: str) -> str:
    return f"rec-{record_id}.bin"


def store_state(backend: Backend) -> str:
    """``"empty"`` (nothing stored), ``"ready"`` (a key file), or ``"missing-keys"``."""
    names = [n for n in backend.list() if n != LOCK_FILE]
    if KEY_FILE in names:
        return "ready"
    return "missing-keys" if names else "empty"


ProblemKind = Literal["damaged-file", "history", "rolled-back", "missing-item"]


@dataclass(frozen=True)
class StoreProblem:
    """Something found wrong when the store was opened; nothing was changed for it.

    ``text`` is Dutch (the CLI prints it, the Dutch UI shows it); ``kind`` and ``subject`` (the
    file, title or item it is about) let a screen say the same in another language.
    """

    kind: ProblemKind
    text: str
    subject: str = ""

    def __str__(self) -> str:
        return self.text


class Vault:
    """An unlocked store. Make one with ``Vault.new`` or ``Vault.open``."""

    def __init__(self, backend: Backend, data_key: bytes, keyfile: KeyFile, clock: Clock) -> None:
        self.backend = backend
        self.clock = clock
        self._keyfile = keyfile
        self._data_key: bytes | None = data_key
        self._enc_key = derive_subkey(data_key, "privacyapp/records/v1")
        self._journal = Journal(derive_subkey(data_key, "privacyapp/journal-mac/v1"))
        self._records: dict[str, Record] = {}
        #: Loose ``rec-<id>.bin`` files read (or written) whole: id -> revision in the file.
        self._loose: dict[str, int] = {}
        #: Packs that opened, by number: id -> revision stored in that pack.
        self._packs: dict[int, dict[str, int]] = {}
        #: Numbers in use by packs, readable or not (a damaged one is never overwritten).
        self._pack_numbers: set[int] = set()
        self._trash: dict[str, Record] = {}
        #: What was found wrong when opening (shown to the user; nothing was changed for it).
        self.problems: list[StoreProblem] = []
        self._journal_ok = True
        self._dirty = False

    # ------------------------------------------------------------------ opening
    @classmethod
    def new(
        cls, backend: Backend, wrappers: Sequence[KeyWrapper], *, clock: Clock | None = None
    ) -> Vault:
        """Start a new, empty store protected by ``wrappers`` (at least one)."""
        if not wrappers:
            raise ValueError("a store needs at least one key wrapper")
        if store_state(backend) != "empty":
            raise StoreWriteError(
                "Er zijn hier al bewaarde gegevens. Open die met je pincode, of wis ze eerst."
            )
        clock = clock or _utcnow
        data_key = new_key()
        keyfile = KeyFile(created_at=clock().isoformat())
        for wrapper in wrappers:
            keyfile.replace_kind(wrapper, data_key)
        vault = cls(backend, data_key, keyfile, clock)
        vault._write_keyfile()
        return vault

    @classmethod
    def open(
        cls, backend: Backend, wrappers: Sequence[KeyWrapper], *, clock: Clock | None = None
    ) -> Vault:
        """Unlock an existing store.

        Raises:
            MissingKeysError: nothing stored, or data without a key file.
            NewerFormatError: written by a newer app version (nothing is changed).
            KeyFileError: the key file is unreadable.
            WrongPinError: none of ``wrappers`` opens it.
        """
        raw = backend.read(KEY_FILE)
        if raw is None:
            if store_state(backend) == "empty":
                raise MissingKeysError(EMPTY_MESSAGE)
            raise MissingKeysError(
                "Het sleutelbestand ontbreekt, maar er zijn wel bewaarde gegevens. Zonder sleutel "
                "zijn ze niet te openen. Er is niets gewist; zet een reservekopie terug als je "
                "die hebt."
            )
        keyfile = KeyFile.loads(raw)
        data_key = keyfile.unwrap(list(wrappers))
        if data_key is None:
            raise WrongPinError()
        vault = cls(backend, data_key, keyfile, clock or _utcnow)
        vault._load()
        return vault

    def _load(self) -> None:
        names = self.backend.list()
        # Reading builds tens of thousands of objects that all stay alive: the collector
        # scanning them over and over while they are made would only cost time.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            self._records = self._read_records(names)
            needs_anchor = self._journal.load(self._read_segments(names), self._read_anchor())
        except JournalTamperedError as exc:
            self._journal_ok = False
            self._report(StoreProblem("history", str(exc)))
            return
        finally:
            if was_enabled:
                gc.enable()
        if needs_anchor:
            self._try_write(STATE_FILE, self._journal.anchor())
        self._reconcile()
        self._maybe_pack()

    def _report(self, problem: StoreProblem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def _read_records(self, names: list[str]) -> dict[str, Record]:
        """Every record: loose files first, then the packs; the highest revision wins.

        Loose files are read before the packs so that a writer folding them into a pack at
        the same time (it writes the pack before removing the files) cannot hide a record.
        """
        records: dict[str, Record] = {}
        loose: dict[str, int] = {}
        folded_meanwhile = False
        for name in names:
            if not _RECORD_NAME.fullmatch(name):
                continue
            blob = self.backend.read(name)
            if blob is None:
                folded_meanwhile = True
                continue
            try:
                record = Record.from_dict(json.loads(open_envelope(self._enc_key, name, blob)))
            except CorruptDataError as exc:
                self._report(StoreProblem("damaged-file", str(exc), name))
                continue
            records[record.id] = record
            loose[record.id] = record.revision
        if folded_meanwhile:  # a loose file went into a pack since the listing
            names = self.backend.list()
        numbers = sorted(n for name in names if (n := pack_number(name)) is not None)
        packs: dict[int, dict[str, int]] = {}
        for number in numbers:
            name = pack_name(number)
            blob = self.backend.read(name)
            if blob is None:
                continue
            try:
                pack = decode_pack(name, open_envelope(self._enc_key, name, blob))
            except CorruptDataError as exc:
                self._report(StoreProblem("damaged-file", str(exc), name))
                continue
            packs[number] = {r.id: r.revision for r in pack}
            for record in pack:
                known = records.get(record.id)
                if known is None or known.revision < record.revision:
                    records[record.id] = record
        self._loose, self._packs, self._pack_numbers = loose, packs, set(numbers)
        return records

    def sync(self) -> bool:
        """Re-read the stored history; when another writer changed it, reload and re-check.

        Called before every write, so two vaults over one backend (two browser tabs) build one
        history instead of overwriting each other's entries. Returns True when something had
        changed. A stored history that no longer starts with what this vault has seen (a fork,
        or a rollback) is reported as a ``history`` problem and makes the vault read-only.

        Raises:
            JournalTamperedError: the stored history does not verify, or forked from ours.
        """
        self._key()
        if not self._journal_ok:
            return False
        try:
            anchor = self._read_anchor()
            if anchor is not None and _anchor_values(anchor) == _anchor_values(
                self._journal.anchor()
            ):
                return False
            names = self.backend.list()
            if (
                anchor is None
                and not self._journal.entries
                and not any(_RECORD_NAME.fullmatch(n) or pack_number(n) is not None for n in names)
            ):
                return False
            fresh = Journal(derive_subkey(self._key(), "privacyapp/journal-mac/v1"))
            needs_anchor = fresh.load(self._read_segments(names), anchor)
            seen = self._journal.entries
            if fresh.entries[: len(seen)] != seen:
                raise JournalTamperedError(FORKED)
        except JournalTamperedError as exc:
            self._journal_ok = False
            self._report(StoreProblem("history", str(exc)))
            raise
        self._journal = fresh
        self._records = self._read_records(names)
        if needs_anchor:
            self._try_write(STATE_FILE, self._journal.anchor())
        self._reconcile()
        if not self._journal_ok:
            raise JournalTamperedError(READ_ONLY)
        return True

    def _read_segments(self, names: list[str]) -> list[bytes]:
        indices = sorted(int(m.group(1)) for n in names if (m := _SEGMENT_NAME.fullmatch(n)))
        if indices != list(range(len(indices))):
            raise JournalTamperedError(
                "De geschiedenis van je bewaarde gegevens klopt niet: er ontbreekt een deel. "
                "Je gegevens zijn niet veranderd; je kunt ze nog bekijken en exporteren."
            )
        segments = []
        for index in indices:
            name = segment_name(index)
            try:
                segments.append(open_envelope(self._enc_key, name, self.backend.read(name) or b""))
            except CorruptDataError as exc:
                raise JournalTamperedError(str(exc)) from exc
        return segments

    def _read_anchor(self) -> bytes | None:
        blob = self.backend.read(STATE_FILE)
        if blob is None:
            return None
        try:
            return open_envelope(self._enc_key, STATE_FILE, blob)
        except CorruptDataError as exc:
            raise JournalTamperedError(str(exc)) from exc

    def _reconcile(self) -> None:
        """Finish what a crash interrupted; report what only tampering explains."""
        latest = self._journal.latest()
        ahead: list[Record] = []  # saved, but not (yet) in the history
        too_far: list[Record] = []  # newer than any crash can leave them
        for record in list(self._records.values()):
            entry = latest.get(record.id)
            done = entry.revision if entry else 0
            if entry and entry.action == "delete" and record.revision == done:
                self._records.pop(record.id)
                self._remove_stored(record.id)
            elif record.revision == done + 1:
                ahead.append(record)
            elif record.revision > done + 1:
                too_far.append(record)
            elif record.revision < done:
                self._report(
                    StoreProblem(
                        "rolled-back",
                        f"'{record.title}' is teruggezet naar een oudere versie dan de "
                        "geschiedenis vermeldt. Controleer of dit klopt.",
                        record.title,
                    )
                )
        for record_id, entry in latest.items():
            if entry.action != "delete" and record_id not in self._records:
                self._report(
                    StoreProblem(
                        "missing-item",
                        f"Een bewaard item ({record_id}) ontbreekt of is onleesbaar, terwijl de "
                        "geschiedenis zegt dat het er hoort te zijn.",
                        record_id,
                    )
                )
        if len(ahead) > 1 or too_far:
            # A crash leaves at most one record ahead of the history, one revision ahead.
            self._journal_ok = False
            count = len(ahead) + len(too_far)
            missing = "ontbreekt helemaal" if not self._journal.entries else "loopt achter"
            self._report(
                StoreProblem(
                    "history",
                    f"De geschiedenis van je bewaarde gegevens {missing}: {count} items zijn "
                    "nieuwer dan de geschiedenis vermeldt. Dat komt niet door een onderbroken "
                    "opslag; misschien is de geschiedenis gewist of is een oude kopie "
                    "teruggezet. Er kunnen ook items ontbreken. Je gegevens zijn niet veranderd; "
                    "je kunt ze nog bekijken en exporteren.",
                    str(count),
                )
            )
        elif ahead:
            self._append_journal("recover", ahead[0].id, ahead[0].revision, soft=True)
        self._dirty = False

    # ------------------------------------------------------------------ writing
    def _key(self) -> bytes:
        if self._data_key is None:
            raise VaultLockedError("De app is vergrendeld. Ontgrendel hem eerst met je pincode.")
        return self._data_key

    def _write_keyfile(self) -> None:
        try:
            self.backend.write(KEY_FILE, self._keyfile.dumps(), keep_previous=False)
        except OSError as exc:
            raise StoreWriteError(WRITE_FAILED.format(reason=exc.strerror or exc)) from exc

    def _seal(self, name: str, plaintext: bytes) -> bytes:
        self._key()
        return seal_envelope(self._enc_key, name, plaintext)

    def _try_write(self, name: str, plaintext: bytes) -> bool:
        # Only the anchor goes through here: no .prev copy of it (it would only help to roll
        # the journal back unnoticed, and it is rewritten on every save).
        try:
            self.backend.write(name, self._seal(name, plaintext), keep_previous=False)
        except OSError:
            self._dirty = True
            return False
        return True

    def _try_delete(self, name: str) -> None:
        try:
            self.backend.delete(name)
        except OSError:
            self._dirty = True

    def _remove_stored(self, record_id: str) -> None:
        """Remove every stored copy of a deleted record: older revisions first, the current one
        last, so a crash in between still reads as an unfinished delete (finished on open)."""
        places: list[tuple[int, int]] = [  # (revision, pack number; -1 = the loose file)
            (revisions[record_id], number)
            for number, revisions in self._packs.items()
            if record_id in revisions
        ]
        if record_id in self._loose:
            places.append((self._loose[record_id], -1))
        else:  # not read whole (or never written): remove whatever is there
            self._try_delete(record_name(record_id))
        for _, number in sorted(places):
            if number < 0:
                self._try_delete(record_name(record_id))
                self._loose.pop(record_id, None)
            elif not self._write_pack(number, self._packs[number].keys() - {record_id}):
                self._dirty = True

    def _maybe_pack(self) -> None:
        """Fold loose record files into a new pack once enough have gathered, then merge packs
        of like size. Never while a problem is open: what was found stays as it was."""
        if (
            len(self._loose) < _packs.PACK_AFTER
            or self.problems
            or not self._journal_ok
            or self._dirty
        ):
            return
        if not self._write_pack(max(self._pack_numbers, default=-1) + 1, self._loose.keys()):
            return
        while len(self._packs) >= 2:
            older, newest = sorted(self._packs)[-2:]
            if 2 * len(self._packs[newest]) < len(self._packs[older]):
                break
            merged = self._packs[older].keys() | self._packs[newest].keys()
            if not self._write_pack(max(self._pack_numbers) + 1, merged):
                return
            for number in (older, newest):
                if not self._write_pack(number, ()):
                    return

    def _write_pack(self, number: int, ids: Iterable[str]) -> bool:
        """Write pack ``number`` with the current revision of ``ids`` (removed: left out);
        no ids: remove the pack. Then drop the loose files whose revision the pack now holds.

        The pack is written first: a crash before the loose files are gone leaves the same
        revision in both places, which reads fine. Returns False when the write failed
        (nothing is lost: the loose files and the old pack are still there).
        """
        members = [self._records[i] for i in sorted(ids) if i in self._records]
        name = pack_name(number)
        try:
            if members:
                blob = self._seal(name, encode_pack(members))
                self.backend.write(name, blob, keep_previous=False)
            else:
                self.backend.delete(name)
        except OSError:
            return False
        if members:
            self._packs[number] = {r.id: r.revision for r in members}
            self._pack_numbers.add(number)
        else:
            self._packs.pop(number, None)
            self._pack_numbers.discard(number)
        folded = [r.id for r in members if self._loose.get(r.id) == r.revision]
        if folded:
            try:
                delete_many = getattr(self.backend, "delete_many", None)
                if delete_many is not None:
                    delete_many([record_name(i) for i in folded])
                else:
                    for record_id in folded:
                        self.backend.delete(record_name(record_id))
            except OSError:
                pass  # a loose file left over holds the same revision as the pack: harmless
            for record_id in folded:
                self._loose.pop(record_id, None)
        return True

    def _append_journal(self, action: str, record_id: str, revision: int, *, soft: bool) -> None:
        self._journal.append(action, record_id, revision, self.clock().isoformat())
        name, plaintext = self._journal.last_segment()
        try:
            self.backend.write(name, self._seal(name, plaintext))
        except OSError as exc:
            self._journal.drop_last()  # memory keeps matching the disk
            self._dirty = True
            if soft:
                return
            raise StoreWriteError(WRITE_FAILED.format(reason=exc.strerror or exc)) from exc
        if not self._try_write(STATE_FILE, self._journal.anchor()) and not soft:
            raise StoreWriteError(WRITE_FAILED.format(reason="anker"))

    def _require_writable(self) -> None:
        self._key()
        if not self._journal_ok:
            raise JournalTamperedError(READ_ONLY)
        if self._dirty:  # an earlier write failed half-way: repair before going on
            self._try_write(STATE_FILE, self._journal.anchor())
            self._reconcile()
        self.sync()  # another writer (a second tab) may have written since we last looked

    def _save(self, record: Record, action: str) -> Record:
        self._require_writable()
        name = record_name(record.id)
        blob = self._seal(name, json.dumps(record.to_dict(), ensure_ascii=False).encode())
        try:
            self.backend.write(name, blob)
        except OSError as exc:
            raise StoreWriteError(WRITE_FAILED.format(reason=exc.strerror or exc)) from exc
        self._records[record.id] = record
        self._loose[record.id] = record.revision
        self._append_journal(action, record.id, record.revision, soft=False)
        self._maybe_pack()
        return record

    # ------------------------------------------------------------------ public API
    def create(
        self,
        kind: str,
        title: str,
        payload: dict[str, Any] | None = None,
        *,
        status: str = "opgeslagen",
        reference: str | None = None,
        flow_id: str | None = None,
    ) -> Record:
        """Save a new record and return it."""
        now = self.clock()
        record = Record(
            id=new_record_id(), kind=check_kind(kind), title=check_title(title),
            created_at=now, updated_at=now, status=status, reference=check_reference(reference),
            flow_id=flow_id, payload=dict(payload or {}),
        )  # fmt: skip
        json.dumps(record.payload)  # fail before writing if the payload is not JSON-able
        return self._save(record, "save")

    def update(self, record_id: str, **changes: Any) -> Record:
        """Change ``title``, ``status``, ``reference``, ``flow_id`` or ``payload``."""
        unknown = set(changes) - _UPDATABLE
        if unknown:
            raise TypeError(f"cannot update {sorted(unknown)}")
        if "title" in changes:
            changes["title"] = check_title(changes["title"])
        if "reference" in changes:
            changes["reference"] = check_reference(changes["reference"])
        self._require_writable()  # first see what another writer did to this record
        return self._save(self.get(record_id).changed(self.clock(), **changes), "save")

    def rename(self, record_id: str, title: str) -> Record:
        """Give a record a new title."""
        self._require_writable()
        record = self.get(record_id).changed(self.clock(), title=check_title(title))
        return self._save(record, "rename")

    def get(self, record_id: str) -> Record:
        """The record with this id (a unique prefix of at least 4 characters also works)."""
        self._key()
        if record_id in self._records:
            return self._records[record_id]
        matches = [
            r for i, r in self._records.items() if len(record_id) >= 4 and i.startswith(record_id)
        ]
        if len(matches) == 1:
            return matches[0]
        raise RecordNotFoundError(f"Er is geen bewaard item met id '{record_id}'.")

    def list(self, kind: str | None = None) -> builtins.list[Record]:
        """All records (optionally of one kind), newest change first."""
        self._key()
        records = [r for r in self._records.values() if kind is None or r.kind == kind]
        return sorted(records, key=_NEWEST, reverse=True)

    def delete(self, record_id: str) -> Record:
        """Delete a record; ``restore`` brings it back while the store stays open."""
        self._require_writable()
        record = self.get(record_id)
        self._append_journal("delete", record.id, record.revision, soft=False)
        self._records.pop(record.id)
        self._trash[record.id] = record
        self._remove_stored(record.id)
        return record

    def restore(self, record_id: str) -> Record:
        """Undo ``delete`` of ``record_id`` (only in the same session)."""
        record = self._trash.get(record_id)
        if record is None:
            raise RecordNotFoundError("Dit item kan niet meer worden teruggezet.")
        restored = self._save(record.changed(self.clock()), "restore")
        self._trash.pop(record_id, None)
        return restored

    def forget_deleted(self, record_id: str | None = None) -> None:
        """Drop the undo copy of one deleted record (or all): the undo window has passed."""
        if record_id is None:
            self._trash.clear()
        else:
            self._trash.pop(record_id, None)

    def journal_head(self) -> str:
        """Hex digest of the newest journal entry: print it on exported PDFs."""
        self._key()
        return self._journal.head()

    def journal_length(self) -> int:
        return len(self._journal.entries)

    def verify(self) -> None:
        """Re-read the stored journal and check it; raises ``JournalTamperedError``."""
        check = Journal(derive_subkey(self._key(), "privacyapp/journal-mac/v1"))
        check.load(self._read_segments(self.backend.list()), self._read_anchor())
        if (
            check.entries[: len(self._journal.entries)]
            != self._journal.entries[: len(check.entries)]
        ):
            raise JournalTamperedError(
                "De opgeslagen geschiedenis wijkt af van wat de app verwacht."
            )

    def export_all(self) -> dict[str, Any]:
        """Everything, readable (JSON-able). Private keys of signing identities are left out."""
        records = []
        for record in sorted(self._records.values(), key=lambda r: r.created_at):
            data = record.to_dict()
            if record.kind == "identity":
                data["payload"] = {"let_op": "De geheime sleutel wordt niet geëxporteerd."}
            records.append(data)
        return {
            "app": "PrivacyApp ondersteuning en zorg",
            "format": 1,
            "exported_at": self.clock().isoformat(),
            "journal_head": self.journal_head(),
            "journal_entries": self.journal_length(),
            "records": records,
        }

    # ------------------------------------------------------------------ keys
    def set_wrapper(self, wrapper: KeyWrapper) -> None:
        """Add or replace a way to unlock (e.g. a new PIN); old PINs stop working."""
        self._keyfile.replace_kind(wrapper, self._key())
        self._write_keyfile()

    def remove_wrapper(self, kind: str) -> None:
        """Remove a way to unlock; refused if it is the last one."""
        self._key()
        self._keyfile.remove_kind(kind)
        self._write_keyfile()

    def unlock_kinds(self) -> builtins.list[str]:
        return self._keyfile.kinds()

    def close(self) -> None:
        """Lock: forget the keys and the decrypted records."""
        self._data_key = None
        self._enc_key = b""
        self._records.clear()
        self._trash.clear()
        self._loose.clear()
        self._packs.clear()

    @property
    def is_open(self) -> bool:
        return self._data_key is not None

    def wipe(self) -> None:
        """Remove the keys first (then nothing is readable), then every other stored blob."""
        try:
            self.backend.delete(KEY_FILE)
            for name in self.backend.list():
                self.backend.delete(name)
        except OSError as exc:
            raise StoreWriteError(
                f"Wissen is niet helemaal gelukt ({exc.strerror or exc}). Probeer het opnieuw."
            ) from exc
        finally:
            self.close()
