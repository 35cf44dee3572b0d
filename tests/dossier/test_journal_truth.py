"""The journal tells the truth (security review 3d, 1f, 1g).

A crash leaves at most one record ahead of the journal. More than that, or a store full of
records whose journal is gone, is a changed history: reported as a ``history`` problem, never
rebuilt. Two writers over one backend (two browser tabs over one localStorage) build one history:
nothing forks, nothing is lost, and no false tamper alarm follows.
"""

from __future__ import annotations

import pytest
from store_helpers import PIN, FakeClock

from privacyapp.dossier import AppLock, JournalTamperedError, KdfParams, MemoryBackend, Vault


def _reopen(lock: AppLock) -> Vault:
    lock.lock()
    return lock.unlock(PIN)


def _journal_names(backend: MemoryBackend) -> list[str]:
    return [n for n in backend.list() if n.startswith("journal-") or n == "state.bin"]


@pytest.fixture
def three(lock: AppLock, clock: FakeClock) -> Vault:
    vault = lock.set_pin(PIN)
    for title in ("Een", "Twee", "Drie"):
        vault.create("path", title)
        clock.advance(1)
    return vault


def test_deleted_journal_is_reported_not_rebuilt(
    backend: MemoryBackend, lock: AppLock, three: Vault
) -> None:
    for name in _journal_names(backend):
        backend.delete(name)
    reopened = _reopen(lock)
    assert [p.kind for p in reopened.problems] == ["history"]
    assert "ontbreekt helemaal" in reopened.problems[0].text
    assert _journal_names(backend) == []  # nothing was rewritten as "recover"
    assert len(reopened.list()) == 3  # still readable and exportable
    with pytest.raises(JournalTamperedError, match="Exporteer"):
        reopened.create("path", "Nieuw")


def test_deleted_journal_and_a_deleted_record_are_reported(
    backend: MemoryBackend, lock: AppLock, three: Vault
) -> None:
    victim = three.list()[0]
    for name in [*_journal_names(backend), f"rec-{victim.id}.bin"]:
        backend.delete(name)
    reopened = _reopen(lock)
    assert [p.kind for p in reopened.problems] == ["history"]
    assert "Er kunnen ook items ontbreken" in reopened.problems[0].text


def test_journal_and_anchor_replayed_to_an_older_copy_are_reported(
    backend: MemoryBackend, lock: AppLock, three: Vault, clock: FakeClock
) -> None:
    old = {n: backend.blobs[n] for n in _journal_names(backend)}
    one, two, _ = three.list()
    three.update(one.id, title="Een, bijgewerkt")
    three.update(two.id, title="Twee, bijgewerkt")
    backend.blobs.update(old)  # a consistent older journal + anchor
    reopened = _reopen(lock)
    assert [p.kind for p in reopened.problems] == ["history"]
    assert reopened.problems[0].subject == "2"
    assert "loopt achter" in reopened.problems[0].text


def test_a_record_several_revisions_ahead_is_reported(
    backend: MemoryBackend, lock: AppLock, three: Vault
) -> None:
    record = three.list()[0]
    old = {n: backend.blobs[n] for n in _journal_names(backend)}
    three.update(record.id, title="Eerste wijziging")
    three.update(record.id, title="Tweede wijziging")
    backend.blobs.update(old)
    reopened = _reopen(lock)
    assert [p.kind for p in reopened.problems] == ["history"]


def test_the_one_record_a_crash_leaves_is_still_recovered(
    backend: MemoryBackend, lock: AppLock
) -> None:
    vault = lock.set_pin(PIN)
    # The kill came after the very first record was written, before its journal entry.
    record = vault.create("path", "Eerste")
    for name in _journal_names(backend):
        backend.delete(name)
    reopened = _reopen(lock)
    assert reopened.problems == []
    assert reopened.get(record.id).title == "Eerste"
    assert reopened.journal_length() == 1  # recover
    reopened.create("path", "Tweede")  # writable


def test_a_deleted_record_is_reported_when_the_journal_is_intact(
    backend: MemoryBackend, lock: AppLock, three: Vault
) -> None:
    victim = three.list()[1]
    backend.delete(f"rec-{victim.id}.bin")
    reopened = _reopen(lock)
    assert [(p.kind, p.subject) for p in reopened.problems] == [("missing-item", victim.id)]


# ---------------------------------------------------------------- two writers, one backend


@pytest.fixture
def tabs(
    backend: MemoryBackend, clock: FakeClock, lock: AppLock, fast_kdf: KdfParams
) -> tuple[Vault, Vault]:
    """Two tabs: two app locks, two vaults, one storage."""
    first = lock.set_pin(PIN)
    second = AppLock(backend, clock=clock, kdf=fast_kdf).unlock(PIN)
    return first, second


def test_two_tabs_saving_in_turn_keep_every_entry(
    backend: MemoryBackend, lock: AppLock, tabs: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = tabs
    made = []
    for i in range(9):  # the review's probe: 9 actions, alternating tabs
        vault = a if i % 2 == 0 else b
        made.append(vault.create("path", f"Pad {i}"))
        clock.advance(1)
    head = a.journal_head()  # a wrote last and had seen everything
    assert a.journal_length() == 9
    reopened = _reopen(lock)
    assert reopened.problems == []
    assert reopened.journal_length() == 9
    assert {r.title for r in reopened.list()} == {f"Pad {i}" for i in range(9)}
    reopened.verify()
    assert reopened.journal_head() == head


def test_delete_in_one_tab_then_save_in_the_other_gives_no_false_alarm(
    backend: MemoryBackend, lock: AppLock, tabs: tuple[Vault, Vault], clock: FakeClock
) -> None:
    a, b = tabs
    kept = a.create("path", "Blijft")
    gone = a.create("path", "Weg")
    b.sync()
    b.delete(gone.id)
    clock.advance(1)
    a.update(kept.id, title="Blijft, bijgewerkt")  # a still had "Weg" in memory
    assert [r.title for r in a.list()] == ["Blijft, bijgewerkt"]
    for _ in range(2):  # the alarm used to come back at every open
        reopened = _reopen(lock)
        assert reopened.problems == []
        assert [r.title for r in reopened.list()] == ["Blijft, bijgewerkt"]
        reopened.verify()


def test_an_update_in_one_tab_is_not_undone_by_a_stale_tab(
    backend: MemoryBackend, lock: AppLock, tabs: tuple[Vault, Vault]
) -> None:
    a, b = tabs
    record = a.create("path", "Titel", {"stap": 1})
    b.sync()
    a.update(record.id, payload={"stap": 2})
    b.update(record.id, title="Nieuwe titel")  # starts from a's version, not its own copy
    reopened = _reopen(lock)
    assert reopened.problems == []
    got = reopened.get(record.id)
    assert (got.title, got.payload, got.revision) == ("Nieuwe titel", {"stap": 2}, 3)


def test_a_rolled_back_history_while_open_is_reported_at_the_next_write(
    backend: MemoryBackend, tabs: tuple[Vault, Vault]
) -> None:
    a, _ = tabs
    a.create("path", "Een")
    old = {n: backend.blobs[n] for n in _journal_names(backend)}
    a.create("path", "Twee")
    backend.blobs.update(old)
    with pytest.raises(JournalTamperedError):
        a.create("path", "Drie")
    assert [p.kind for p in a.problems] == ["history"]
    with pytest.raises(JournalTamperedError, match="Exporteer"):
        a.create("path", "Vier")


def test_sync_without_changes_reads_nothing_more(tabs: tuple[Vault, Vault]) -> None:
    a, b = tabs
    assert a.sync() is False
    a.create("path", "Een")
    assert b.sync() is True and [r.title for r in b.list()] == ["Een"]
    assert b.sync() is False
