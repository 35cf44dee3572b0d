"""Benchmark the app's start before the first screen: importing it, then building its services.

Each run is a fresh Python process (bytecode cached by a first, untimed run), so no run warms
the next. Printed per checkout, medians with [min-max] of the process's CPU time (steadier
than wall time on a shared machine; the work is single-threaded): ``import privacyapp.app``,
``build_services`` after it (offline, a fresh data directory: the built-in bundle, the search
index, the store and the municipality directory), both together, and the number of modules
loaded after each step. The baseline in the same run is ``import flet`` (the floor: the UI
toolkit alone). With ``--before SRC`` (another checkout's ``src/``) the same probe runs on that
code too, in turn with ours, for a before/after in one run. The 1-minute load average is
printed; read the ratios, not the absolute times.

    PYTHONPATH=src .venv/bin/python benchmarks/startup_bench.py [--runs 9] [--before OTHER/src]

For where the import time goes, ``python -X importtime -c "import privacyapp.app"``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

PROBE = r"""
import json, sys, time
from pathlib import Path
t0 = time.process_time()
import privacyapp.app
t1 = time.process_time()
imported = len(sys.modules)
privacyapp.app.build_services(Path(sys.argv[1]), web=False)
t2 = time.process_time()
print(json.dumps([t1 - t0, t2 - t1, t2 - t0, imported, len(sys.modules)]))
"""

FLOOR = r"""
import json, sys, time
t0 = time.process_time()
import flet
t1 = time.process_time()
print(json.dumps([t1 - t0, 0.0, t1 - t0, len(sys.modules), len(sys.modules)]))
"""

COLUMNS = ("import", "build_services", "both")


def _run(code: str, src: Path) -> list[float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    with tempfile.TemporaryDirectory(prefix="startup-bench-") as data_dir:
        out = subprocess.run(
            [sys.executable, "-c", code, data_dir],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    values: list[float] = json.loads(out.splitlines()[-1])
    return values


def _ms(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):6.0f} ms [{min(ms):.0f}-{max(ms):.0f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--before", type=Path, help="another checkout's src/ to compare")
    args = parser.parse_args()
    probes: dict[str, tuple[str, Path]] = {"flet (floor)": (FLOOR, SRC), "this": (PROBE, SRC)}
    if args.before:
        probes["before"] = (PROBE, args.before.resolve())
    for code, src in probes.values():  # compile and cache the bytecode; not timed
        _run(code, src)
    results: dict[str, list[list[float]]] = {name: [] for name in probes}
    for _ in range(args.runs):
        for name, (code, src) in probes.items():
            results[name].append(_run(code, src))
    floor = statistics.median(r[0] for r in results["flet (floor)"])
    for name, runs in results.items():
        columns = list(zip(*runs, strict=True))
        timings = "  ".join(f"{c} {_ms(list(v))}" for c, v in zip(COLUMNS, columns, strict=False))
        ratio = statistics.median(columns[0]) / floor
        print(
            f"{name:13} {timings}  import/floor {ratio:.2f}"
            f"  modules {int(columns[3][0])} -> {int(columns[4][0])}"
        )
    print(f"runs {args.runs}, load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
