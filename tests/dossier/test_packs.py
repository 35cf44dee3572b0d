"""Record packs (issue 21): a large store opens in a few reads, and loses nothing on the way.

Loose record files are folded into packs; a store of the old one-file-per-record layout is
migrated when it opens; a damaged pack is reported and left as it is; a deleted record leaves
no copy in any pack; a process killed while packing loses nothing.
"""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path
from typing import Any

import pytest
from killkit import assert_nothing_lost, kill_children
from store_helpers import PIN, FakeClock

from privacyapp.dossier import (
    AppLock,
    BrowserBackend,
    FileBackend,
    KdfParams,
    MemoryBackend,
    _packs,
)
from privacyapp.dossier._browser import PREFIX
from privacyapp.dossier._envelope import open_envelope

KDF = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)


@pytest.fixture
def small_packs(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(_packs, "PACK_AFTER", 4)
    return 4


def _names(backend: Any, prefix: str) -> list[str]:
    return [n for n in backend.list() if n.startswith(prefix)]


def _fill(lock: AppLock, count: int) -> dict[str, str]:
    vault = lock.set_pin(PIN)
    return {vault.create("path", f"Pad {n}", {"tekst": f"geheim {n}"}).id: f"geheim {n}"
            for n in range(count)}  # fmt: skip


def test_loose_records_are_folded_into_packs_and_read_back(
    small_packs: int, clock: FakeClock
) -> None:
    backend = MemoryBackend()
    lock = AppLock(backend, clock=clock, kdf=KDF)
    saved = _fill(lock, 23)
    assert _names(backend, "pack-")  # folded
    assert len(_names(backend, "rec-")) < small_packs  # only the newest are still loose
    assert len(_names(backend, "pack-")) <= 4  # merged, not one pack per fold
    lock.lock()
    vault = lock.unlock(PIN)
    assert vault.problems == []
    assert {r.id: r.payload["tekst"] for r in vault.list()} == saved
    vault.verify()


def test_an_old_one_file_per_record_store_is_migrated_when_it_opens(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend = FileBackend(tmp_path / "data")
    lock = AppLock(backend, clock=clock, kdf=KDF)
    monkeypatch.setattr(_packs, "PACK_AFTER", 10_000)  # the layout before packs
    saved = _fill(lock, 30)
    lock.lock()
    assert len(_names(backend, "rec-")) == 30 and not _names(backend, "pack-")
    monkeypatch.setattr(_packs, "PACK_AFTER", 8)
    vault = lock.unlock(PIN)
    assert vault.problems == []
    assert not _names(backend, "rec-")  # every loose file went into the pack
    assert not list((tmp_path / "data").glob("rec-*.prev"))  # older copies too
    assert len(_names(backend, "pack-")) == 1
    lock.lock()
    again = lock.unlock(PIN)
    assert again.problems == []
    assert {r.id: r.payload["tekst"] for r in again.list()} == saved
    again.verify()


def test_a_damaged_pack_is_reported_left_as_it_is_and_nothing_else_is_lost(
    small_packs: int, tmp_path: Path, clock: FakeClock
) -> None:
    backend = FileBackend(tmp_path / "data")
    lock = AppLock(backend, clock=clock, kdf=KDF)
    vault = lock.set_pin(PIN)
    first = {vault.create("path", f"Oud {n}", {"n": n}).id for n in range(4)}  # one pack
    (pack,) = _names(backend, "pack-")
    later = {vault.create("path", f"Nieuw {n}", {"n": n}).id for n in range(2)}  # still loose
    lock.lock()
    path = backend.data_dir / pack
    raw = path.read_bytes()
    damaged = raw[:-5] + bytes([raw[-5] ^ 0x01]) + raw[-4:]
    path.write_bytes(damaged)
    vault = lock.unlock(PIN)
    assert {r.id for r in vault.list()} == later  # the rest opens
    assert any(p.kind == "damaged-file" and p.subject == pack for p in vault.problems)
    assert {p.subject for p in vault.problems if p.kind == "missing-item"} == first
    # a save goes on, but the damaged pack is never overwritten or removed
    for n in range(6):
        vault.create("path", f"Daarna {n}", {"n": n})
    assert path.read_bytes() == damaged
    lock.lock()
    assert path.read_bytes() == damaged
    assert len(lock.unlock(PIN).list()) == len(later) + 6


def test_a_deleted_record_leaves_no_copy_in_any_pack(
    small_packs: int, backend: MemoryBackend, clock: FakeClock
) -> None:
    lock = AppLock(backend, clock=clock, kdf=KDF)
    vault = lock.set_pin(PIN)
    victim = vault.create("path", "Weg ermee", {"tekst": "ZEERGEHEIM"})
    for n in range(9):
        vault.create("path", f"Pad {n}", {"n": n})
    vault.update(victim.id, payload={"tekst": "ZEERGEHEIM-2"})  # a newer revision, loose
    vault.delete(victim.id)
    key = vault._enc_key
    for name in backend.list():
        if name.startswith(("pack-", "rec-")):
            assert b"ZEERGEHEIM" not in open_envelope(key, name, backend.blobs[name])
    for name, blob in backend.previous.items():
        if name.startswith(("pack-", "rec-")):
            assert b"ZEERGEHEIM" not in open_envelope(key, name, blob)
    lock.lock()
    reopened = lock.unlock(PIN)
    assert reopened.problems == []
    assert victim.id not in {r.id for r in reopened.list()}


def test_a_crash_while_deleting_a_packed_record_is_finished_on_open(
    small_packs: int, backend: MemoryBackend, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = AppLock(backend, clock=clock, kdf=KDF)
    vault = lock.set_pin(PIN)
    victim = vault.create("path", "Weg ermee", {"tekst": "ZEERGEHEIM"})
    for n in range(5):
        vault.create("path", f"Pad {n}", {"n": n})
    assert not _names(backend, "rec-" + victim.id)  # it sits in a pack
    writes = backend.write

    def crash(name: str, data: bytes, *, keep_previous: bool = True) -> None:
        if name.startswith("pack-"):
            raise OSError("killed")
        writes(name, data, keep_previous=keep_previous)

    monkeypatch.setattr(backend, "write", crash)
    vault.delete(victim.id)  # journalled, but its pack could not be rewritten
    monkeypatch.setattr(backend, "write", writes)
    lock.lock()
    reopened = lock.unlock(PIN)
    assert reopened.problems == []
    assert victim.id not in {r.id for r in reopened.list()}
    key = reopened._enc_key
    assert not any(b"ZEERGEHEIM" in open_envelope(key, n, backend.blobs[n])
                   for n in _names(backend, "pack-"))  # fmt: skip


def test_in_the_browser_a_pack_lands_before_its_loose_records_are_removed(
    small_packs: int,
) -> None:
    store: dict[str, Any] = {}
    order: list[tuple[str, str]] = []

    class Prefs:
        async def get(self, key: str) -> Any:
            return store.get(key)

        async def set(self, key: str, value: Any) -> bool:
            await asyncio.sleep(0.002 if "pack-" in key else 0)  # the pack is the slow one
            store[key] = value
            order.append(("set", key[len(PREFIX) :]))
            return True

        async def remove(self, key: str) -> bool:
            order.append(("remove", key[len(PREFIX) :]))
            return store.pop(key, None) is not None

        async def get_keys(self, key_prefix: str) -> list[str]:
            return [k for k in store if k.startswith(key_prefix)]

        async def contains_key(self, key: str) -> bool:
            return key in store

    backend = asyncio.run(BrowserBackend.load(Prefs()))
    vault = AppLock(backend, kdf=KDF).set_pin(PIN)
    ids = [vault.create("path", f"Pad {n}", {"n": n}).id for n in range(4)]
    asyncio.run(backend.flush())
    pack_done = order.index(("set", "pack-000000.bin"))
    for record_id in ids:
        assert order.index(("remove", f"rec-{record_id}.bin")) > pack_done
    opened = AppLock(asyncio.run(BrowserBackend.load(Prefs())), kdf=KDF).unlock(PIN)
    assert opened.problems == [] and {r.id for r in opened.list()} == set(ids)
    assert base64.b64decode(store[PREFIX + "pack-000000.bin"])[:4] == b"PAPV"


# --------------------------------------------------------------------------- killed mid-pack
def test_killed_while_packing_loses_nothing(tmp_path: Path) -> None:
    # fold (and merge) every 3 loose records, so kills land inside packing
    run = kill_children(
        tmp_path, seed=21, most_ops=12, delete_every=3, setup="_packs.PACK_AFTER = 3"
    )
    assert _names(FileBackend(run.data_dir), "pack-")  # the kills really happened around packs
    assert_nothing_lost(run)
