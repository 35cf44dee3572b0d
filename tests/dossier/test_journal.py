"""The journal: every change is chained; removing, reordering or altering an entry is caught."""

from __future__ import annotations

import json
from typing import Any

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import AppLock, JournalTamperedError, MemoryBackend, Vault
from privacyapp.dossier._envelope import open_envelope, seal_envelope
from privacyapp.dossier._journal import SEGMENT_SIZE, Journal


def _segment(backend: MemoryBackend, vault: Vault, index: int = 0) -> list[dict[str, Any]]:
    name = f"journal-{index:06d}.bin"
    return list(json.loads(open_envelope(vault._enc_key, name, backend.blobs[name])))


def _put_segment(
    backend: MemoryBackend, vault: Vault, entries: list[dict[str, Any]], index: int = 0
) -> None:
    """Re-encrypt a segment: an attacker with the encryption key but not the MAC key."""
    name = f"journal-{index:06d}.bin"
    backend.blobs[name] = seal_envelope(vault._enc_key, name, json.dumps(entries).encode())


@pytest.fixture
def filled(lock: AppLock, clock: FakeClock) -> Vault:
    vault = lock.set_pin(PIN)
    first = vault.create("path", "Een")
    clock.advance(1)
    vault.create("checklist", "Twee")
    clock.advance(1)
    vault.rename(first.id, "Een (hernoemd)")
    clock.advance(1)
    vault.delete(first.id)
    return vault


def _reopen(lock: AppLock) -> Vault:
    lock.lock()
    return lock.unlock(PIN)


def test_journal_records_every_change_with_the_injected_clock(
    backend: MemoryBackend, filled: Vault, clock: FakeClock
) -> None:
    entries = _segment(backend, filled)
    assert [e["action"] for e in entries] == ["save", "save", "rename", "delete"]
    assert entries[-1]["at"] == clock.now.isoformat()
    assert filled.journal_head() == entries[-1]["mac"]
    filled.verify()


def test_clean_journal_opens_without_problems(lock: AppLock, filled: Vault) -> None:
    head = filled.journal_head()
    reopened = _reopen(lock)
    assert reopened.problems == []
    assert reopened.journal_head() == head


@pytest.mark.parametrize(
    ("tamper", "detail"),
    [
        (lambda e: e.pop(1), "weggehaald of verplaatst"),
        (lambda e: e.insert(0, e.pop(1)), "veranderd|weggehaald of verplaatst"),
        (lambda e: e[2].update(action="save"), "regel 3 is veranderd"),
        (lambda e: e[0].update(at="2020-01-01T00:00:00+00:00"), "regel 1 is veranderd"),
        (lambda e: e.pop(), "ontbreken 1 regel"),
    ],
    ids=["removed", "reordered", "altered-action", "altered-time", "removed-at-end"],
)
def test_tampered_journal_is_reported_and_data_stays_readable(
    backend: MemoryBackend, lock: AppLock, filled: Vault, tamper: Any, detail: str
) -> None:
    entries = _segment(backend, filled)
    tamper(entries)
    _put_segment(backend, filled, entries)
    reopened = _reopen(lock)
    assert any(p.kind == "history" and "geschiedenis" in p.text for p in reopened.problems)
    with pytest.raises(JournalTamperedError, match=detail):
        reopened.verify()
    # The data is still there to see and export, but no new writes on a broken history.
    assert [r.title for r in reopened.list()] == ["Twee"]
    assert reopened.export_all()["records"][0]["title"] == "Twee"
    with pytest.raises(JournalTamperedError, match="Exporteer"):
        reopened.create("path", "Nieuw")


def test_verify_catches_tampering_while_the_store_is_open(
    backend: MemoryBackend, filled: Vault
) -> None:
    entries = _segment(backend, filled)
    entries[1]["record"] = "0" * 16
    _put_segment(backend, filled, entries)
    with pytest.raises(JournalTamperedError, match="regel 2 is veranderd"):
        filled.verify()


def test_rolled_back_anchor_is_detected(backend: MemoryBackend, lock: AppLock) -> None:
    vault = lock.set_pin(PIN)
    vault.create("path", "Een")
    old_anchor = backend.blobs["state.bin"]
    vault.create("path", "Twee")
    vault.create("path", "Drie")
    backend.blobs["state.bin"] = old_anchor  # two entries beyond the anchor: not a crash
    assert any("anker" in p.text for p in _reopen(lock).problems)


def test_missing_segment_file_is_detected(
    backend: MemoryBackend, lock: AppLock, clock: FakeClock
) -> None:
    vault = lock.set_pin(PIN)
    record = vault.create("path", "Veel wijzigingen")
    for n in range(SEGMENT_SIZE + 5):
        vault.update(record.id, status=f"stap {n}")
    assert "journal-000001.bin" in backend.list()
    del backend.blobs["journal-000000.bin"]
    assert any("ontbreekt een deel" in p.text for p in _reopen(lock).problems)


def test_head_changes_with_every_entry_and_is_hex() -> None:
    journal = Journal(b"k" * 32)
    heads = {journal.head()}
    for n in range(5):
        journal.append("save", f"{n:016x}", 1, "2026-01-01T00:00:00+00:00")
        heads.add(journal.head())
    assert len(heads) == 6
    assert all(len(h) == 64 and int(h, 16) >= 0 for h in heads)
    journal.verify()


def test_entry_body_is_byte_for_byte_the_canonical_json_it_always_was() -> None:
    """The MAC input is built by hand for speed (issue 21); stored journals must still verify."""
    import json as _json

    from privacyapp.dossier._journal import JournalEntry

    odd = ["save", 'héhé "quote" \\ \n\u2028', "", "0" * 64]
    for action in odd:
        for revision in (0, 1, 10**12, True, 1.5, None):
            entry = JournalEntry(7, action, "ab" * 8, revision, "2026-03-02T09:30:00+00:00",
                                 "f" * 64, "")  # type: ignore[arg-type]  # fmt: skip
            fields = entry.fields()
            del fields["mac"]
            expected = _json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
            assert entry.body() == expected
