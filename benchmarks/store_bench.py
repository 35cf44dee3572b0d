"""Benchmark the encrypted store: save and load time for 10, 1,000 and 10,000 records.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/store_bench.py [--sizes 10,1000,10000]``

Each size gets a fresh data directory on disk (FileBackend: temp file, fsync, replace, fsync dir,
journal segment and anchor per save). "save" is creating N records one by one; "load" is
unlocking the store and decrypting all N records plus verifying the journal. The KDF runs with
small fixed parameters so the per-record cost is visible; the calibrated PIN cost (paid once
per unlock) is measured on its own. Ratios are per record against the 10-record baseline
measured in the same run (1.00 = scales linearly); sizes below 1,000 take the best of a few
runs because the machine is shared.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from privacyapp.dossier import AppLock, FileBackend, KdfParams, calibrate_kdf

PIN = "24680"
FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
PAYLOAD = {
    "format": 1,
    "flow_id": "algemeen-delen-zonder-toestemming",
    "steps": [{"node_id": f"q{n}", "prompt": "Een vraag van gemiddelde lengte?" * 2,
               "answer_label": "Ja"} for n in range(6)],
}  # fmt: skip


def run_size(base: Path, size: int) -> tuple[float, float]:
    data_dir = base / f"n{size}"
    lock = AppLock(FileBackend(data_dir), kdf=FAST)
    vault = lock.set_pin(PIN)
    start = time.perf_counter()
    for n in range(size):
        vault.create("path", f"Pad {n}", PAYLOAD, reference=f"K-{n}", flow_id="algemeen")
    save = time.perf_counter() - start
    lock.lock()
    start = time.perf_counter()
    reopened = AppLock(FileBackend(data_dir)).unlock(PIN)
    count = len(reopened.list())
    load = time.perf_counter() - start
    assert count == size and not reopened.problems
    shutil.rmtree(data_dir)
    return save, load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10,1000,10000")
    parser.add_argument(
        "--dir", type=Path, default=None, help="where to write (default: a temp dir)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = Path(tempfile.mkdtemp(prefix="store-bench-", dir=args.dir))
    try:
        start = time.perf_counter()
        params = calibrate_kdf()
        calibrate = time.perf_counter() - start
        start = time.perf_counter()
        params.derive(PIN)
        derive = time.perf_counter() - start
        print(f"PIN key derivation: {params.algorithm} iterations={params.iterations} "
              f"memory={params.memory_kib} KiB -> {derive * 1000:.0f} ms per unlock "
              f"(calibration took {calibrate * 1000:.0f} ms)")  # fmt: skip
        print()
        header = f"{'records':>8} | {'save s':>8} {'ms/rec':>7} {'ratio':>6} | "
        header += f"{'load s':>8} {'ms/rec':>7} {'ratio':>6}"
        print(header)
        print("-" * len(header))
        baseline: tuple[float, float] | None = None
        for size in sizes:
            # Small sizes are noisy on a shared machine: best of a few runs.
            runs = [run_size(base, size) for _ in range(max(1, min(5, 1000 // size)))]
            save, load = min(r[0] for r in runs), min(r[1] for r in runs)
            per = (save / size, load / size)
            baseline = baseline or per
            print(f"{size:>8} | {save:>8.3f} {per[0] * 1000:>7.3f} {per[0] / baseline[0]:>6.2f} | "
                  f"{load:>8.3f} {per[1] * 1000:>7.3f} {per[1] / baseline[1]:>6.2f}")  # fmt: skip
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
