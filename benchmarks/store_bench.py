"""Benchmark the encrypted store as a user meets it: unlock (with the real PIN key derivation)
and load, on disk and in web mode over a simulated browser round trip.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/store_bench.py [--sizes 100,1000,10000]
[--web-items 1000] [--rtt-ms 20]``

**Disk** (FileBackend): a store of N records is written once (untimed), then opened ``--runs``
times: the calibrated Argon2id key derivation (what an unlock costs before any record is read)
and the load after it (decrypt every record, verify the journal). Baseline in the same run: the
same records in the layout before issue 21 (one file per record, never folded into packs),
opened the same way in turn, and for each layout reading every file of the store (I/O floor).

**Web mode** (BrowserBackend over ``SharedPreferences``): every call to the browser costs one
round trip (``--rtt-ms``, simulated with ``asyncio.sleep``; calls may be under way together, as
Flet allows). Measured: opening (reading the storage into memory) and one save (create + flush),
against the round trip itself and against the one-call-at-a-time way (one round trip per item,
what the store did before issue 21), both in the same run.

Medians with [min-max] over the runs; the 1-minute load average is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from privacyapp.dossier import (
    AppLock,
    BrowserBackend,
    FileBackend,
    KdfParams,
    PinWrapper,
    Vault,
    _packs,
    calibrate_kdf,
)
from privacyapp.dossier._browser import PREFIX

PIN = "24680"
FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
PAYLOAD = {
    "format": 1,
    "flow_id": "algemeen-delen-zonder-toestemming",
    "steps": [{"node_id": f"q{n}", "prompt": "Een vraag van gemiddelde lengte?" * 2,
               "answer_label": "Ja"} for n in range(6)],
}  # fmt: skip


def _fmt(values: list[float], scale: float = 1000) -> str:
    return (
        f"{statistics.median(values) * scale:8.1f} "
        f"[{min(values) * scale:.1f}-{max(values) * scale:.1f}]"
    )


class Remembered:
    """The PIN's key wrapper, deriving once: later opens reuse the data key it unwrapped."""

    def __init__(self, data_dir: Path, params: KdfParams) -> None:
        self._pin = PinWrapper(PIN, kdf=params)
        self._key: bytes | None = None
        self.kind = self._pin.kind
        Vault.open(FileBackend(data_dir), [self])  # the real derivation, untimed

    def wrap(self, data_key: bytes) -> dict[str, Any]:
        return self._pin.wrap(data_key)

    def unwrap(self, entry: dict[str, Any]) -> bytes:
        if self._key is None:
            self._key = self._pin.unwrap(entry)
        return self._key


def _make_store(data_dir: Path, params: KdfParams, size: int) -> None:
    lock = AppLock(FileBackend(data_dir), kdf=params)
    vault = lock.set_pin(PIN)
    for n in range(size):
        vault.create("path", f"Pad {n}", PAYLOAD, reference=f"K-{n}", flow_id="algemeen")
    lock.lock()


def _read_files(data_dir: Path) -> None:
    for path in data_dir.iterdir():
        if path.is_file():
            path.read_bytes()


def disk(base: Path, sizes: list[int], runs: int) -> None:
    """Packed records (what the store writes now) against one file per record (the layout
    before issue 21, kept unpacked here), both opened after the real key derivation."""
    params = calibrate_kdf()
    print(f"disk: PIN key derivation {params.algorithm} iterations={params.iterations} "
          f"memory={params.memory_kib} KiB (calibrated here)")  # fmt: skip
    print(f"{'records':>8} {'layout':<16} | {'key derivation ms':>24} | "
          f"{'load after it (open + list) ms':>30} | {'read all files ms':>24} | {'files':>6} | "
          "goal")  # fmt: skip
    for size in sizes:
        packed, loose = base / f"packed-{size}", base / f"loose-{size}"
        _make_store(packed, params, size)
        folding = _packs.PACK_AFTER
        _packs.PACK_AFTER = 10**9  # the old layout: never folded, not even when it opens
        try:
            _make_store(loose, params, size)
        finally:
            _packs.PACK_AFTER = folding
        rows: dict[str, dict[str, list[float]]] = {}
        # The real unlock once per layout (the PIN's key derivation), then the same data key
        # for the timed opens: "load" is exactly what opening costs after the derivation.
        keys = {"packs": Remembered(packed, params)}
        _packs.PACK_AFTER = 10**9
        try:
            keys["one file each"] = Remembered(loose, params)
        finally:
            _packs.PACK_AFTER = folding
        for _ in range(runs):  # interleaved: each layout's floor, then its real unlock
            for name, data_dir in (("packs", packed), ("one file each", loose)):
                row = rows.setdefault(name, {"kdf": [], "load": [], "floor": []})
                _packs.PACK_AFTER = folding if name == "packs" else 10**9
                try:
                    start = time.perf_counter()
                    _read_files(data_dir)
                    row["floor"].append(time.perf_counter() - start)
                    start = time.perf_counter()
                    params.derive(PIN)
                    row["kdf"].append(time.perf_counter() - start)
                    start = time.perf_counter()
                    reopened = Vault.open(FileBackend(data_dir), [keys[name]])
                    count = len(reopened.list())
                    row["load"].append(time.perf_counter() - start)
                finally:
                    _packs.PACK_AFTER = folding
                assert count == size and not reopened.problems
        for name, data_dir in (("packs", packed), ("one file each", loose)):
            row = rows[name]
            files = sum(1 for p in data_dir.iterdir() if p.is_file())
            goal = "load < 200 ms" if size >= 10_000 and name == "packs" else ""
            print(
                f"{size:>8} {name:<16} | {_fmt(row['kdf']):>24} | {_fmt(row['load']):>30} | "
                f"{_fmt(row['floor']):>24} | {files:>6} | {goal}"
            )
        ratio = statistics.median(rows["packs"]["load"]) / statistics.median(
            rows["one file each"]["load"]
        )
        print(f"{size:>8} packs / one file each: load {ratio:.2f}x")
        shutil.rmtree(packed)
        shutil.rmtree(loose)


class SlowPrefs:
    """Browser storage one round trip away: each call waits ``rtt`` before it answers."""

    def __init__(self, store: dict[str, Any], rtt: float) -> None:
        self.store, self.rtt, self.calls = store, rtt, 0

    async def _trip(self) -> None:
        self.calls += 1
        await asyncio.sleep(self.rtt)

    async def get(self, key: str) -> Any:
        await self._trip()
        return self.store.get(key)

    async def set(self, key: str, value: Any) -> bool:
        await self._trip()
        self.store[key] = value
        return True

    async def remove(self, key: str) -> bool:
        await self._trip()
        return self.store.pop(key, None) is not None

    async def get_keys(self, key_prefix: str) -> list[str]:
        await self._trip()
        return [k for k in self.store if k.startswith(key_prefix)]

    async def contains_key(self, key: str) -> bool:
        await self._trip()
        return key in self.store


async def _one_call_at_a_time_open(prefs: SlowPrefs) -> dict[str, bytes]:
    """How the store opened before: the key list, then one ``get`` per item, in turn."""
    blobs = {}
    for key in await prefs.get_keys(PREFIX):
        blobs[key[len(PREFIX) :]] = base64.b64decode(str(await prefs.get(key)))
    return blobs


async def _one_call_at_a_time_save(prefs: SlowPrefs, writes: list[tuple[str, bytes]]) -> None:
    """How a save was flushed before: the storage check, then one ``set`` per blob, in turn."""
    await prefs.contains_key(PREFIX + "keys.json")
    for name, data in writes:
        await prefs.set(PREFIX + name, base64.b64encode(data).decode("ascii"))


def web(items: int, rtt: float, runs: int) -> None:
    store: dict[str, Any] = {}
    filler = asyncio.run(BrowserBackend.load(SlowPrefs(store, 0.0)))
    vault = AppLock(filler, kdf=FAST).set_pin(PIN)
    for n in range(items):
        vault.create("path", f"Pad {n}", PAYLOAD, reference=f"K-{n}", flow_id="algemeen")
    asyncio.run(filler.flush())
    rows: dict[str, list[float]] = {k: [] for k in ("open", "open old", "save", "save old")}
    calls: dict[str, int] = {}
    for _ in range(runs):
        prefs = SlowPrefs(store, rtt)
        start = time.perf_counter()
        backend = asyncio.run(BrowserBackend.load(prefs))
        rows["open"].append(time.perf_counter() - start)
        calls["open"] = prefs.calls
        prefs = SlowPrefs(dict(store), rtt)
        start = time.perf_counter()
        asyncio.run(_one_call_at_a_time_open(prefs))
        rows["open old"].append(time.perf_counter() - start)
        calls["open old"] = prefs.calls
        # one save: what the vault queues for a new record, flushed
        scratch = SlowPrefs(dict(store), rtt)
        backend = asyncio.run(BrowserBackend.load(SlowPrefs(scratch.store, 0.0)))
        backend._prefs = scratch  # the same storage, now one round trip away
        opened = AppLock(backend, kdf=FAST).unlock(PIN)
        asyncio.run(backend.flush())
        writes_before = len(backend._pending)
        opened.create("path", "Nieuw", PAYLOAD, reference="K-nieuw", flow_id="algemeen")
        queued = [(n, d) for n, d in backend._pending[writes_before:] if d is not None]
        scratch.calls = 0
        start = time.perf_counter()
        asyncio.run(backend.flush())
        rows["save"].append(time.perf_counter() - start)
        calls["save"] = scratch.calls
        sequential = SlowPrefs(dict(store), rtt)
        start = time.perf_counter()
        asyncio.run(_one_call_at_a_time_save(sequential, queued))
        rows["save old"].append(time.perf_counter() - start)
        calls["save old"] = sequential.calls
    print(f"\nweb mode: {items} items ({len(store)} stored values), simulated round trip "
          f"{rtt * 1000:.0f} ms, {runs} runs")  # fmt: skip
    print(f"{'':<7} | {'now ms':>22} {'calls':>6} | {'one call at a time ms':>22} {'calls':>6} | "
          f"{'now/old':>8} | {'now/RTT':>8} | goal")  # fmt: skip
    for what, goal in (("open", "< 1 s"), ("save", "")):
        now, old = rows[what], rows[f"{what} old"]
        ratio = statistics.median(now) / statistics.median(old)
        print(f"{what:<7} | {_fmt(now):>22} {calls[what]:>6} | {_fmt(old):>22} "
              f"{calls[what + ' old']:>6} | {ratio:>7.3f}x"
              f" | {statistics.median(now) / rtt:>7.1f}x | {goal}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--web-items", type=int, default=1000)
    parser.add_argument("--rtt-ms", type=float, default=20.0)
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: temp)")
    args = parser.parse_args()
    print(f"store_bench: load average (1 min) {os.getloadavg()[0]:.2f}")
    base = Path(tempfile.mkdtemp(prefix="store-bench-", dir=args.dir))
    try:
        web(args.web_items, args.rtt_ms / 1000, args.runs)
        print()
        disk(base, [int(s) for s in args.sizes.split(",")], args.runs)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
