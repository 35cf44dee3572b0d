"""What the readability check adds to ``privacyapp flows check`` on the shipped content.

Loads and checks ``flows/`` with the readability plug-in switched off (the baseline) and on,
a few times each, and prints the median CPU time of both and their ratio. Also the raw text
check on its own, per flow.

    PYTHONPATH=src .venv/bin/python benchmarks/readability_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from privacyapp.engine import checks, load_flows
from privacyapp.engine.readability import check_flow_texts

REPO = Path(__file__).resolve().parents[1]


def median_cpu(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    flows = REPO / "flows"

    saved = checks.PLUGIN_MODULES
    checks.PLUGIN_MODULES = ()
    baseline = median_cpu(lambda: load_flows([flows]), runs)
    checks.PLUGIN_MODULES = saved
    result = load_flows([flows])
    with_check = median_cpu(lambda: load_flows([flows]), runs)
    assert result.library is not None
    library = result.library
    texts = [
        [(t, i) for i, t in enumerate([f.title, f.summary, *_node_texts(f)])]
        for f in library.flows.values()
    ]
    raw = median_cpu(lambda: [check_flow_texts(t) for t in texts], runs)
    n = len(library.flows)

    print(f"{'measure':<44}{'CPU ms':>10}{'ratio':>8}")
    print(f"{'load + check, plug-ins off (baseline)':<44}{baseline * 1000:>10.1f}{1.0:>8.2f}")
    ratio = with_check / baseline
    print(f"{'load + check, readability on':<44}{with_check * 1000:>10.1f}{ratio:>8.2f}")
    per_flow = raw / n * 1000
    print(f"{'readability texts only, per flow':<44}{per_flow:>10.3f}{raw / baseline:>8.2f}")
    print(f"({n} flows, median of {runs} runs)")


def _node_texts(flow: object) -> list[str]:
    out: list[str] = []
    for node in getattr(flow, "nodes", {}).values():
        for name in ("text", "help", "title", "intro", "summary", "explanation"):
            value = getattr(node, name, None)
            if isinstance(value, str):
                out.append(value)
        out.extend(getattr(node, "steps", ()))
    return out


if __name__ == "__main__":
    main()
