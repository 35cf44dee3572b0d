"""Benchmark the content at scale: generated libraries of 100, 1,000 and 5,000 flows.

What the app does at start is measured as one number: read the bundle, build the search index,
and the garbage collection that follows (``load + index``). Each size's bundle is written once;
then a fresh Python process per run (so no run warms the next) reads it and prints its
timings. Runs are interleaved; with ``--before SRC`` (another checkout's ``src/``) the same
probe runs on that code too, in turn with ours, for a before/after in one run.

Printed per size, medians with [min-max] of wall time: ``json.loads`` of the same bytes (the
floor: no model, no index), load + index and its ratio to the floor, per flow against the
100-flow corpus (about 1.0 = linear), and a search: the median over five queries (typos,
prefixes, two words) of each query's median, and the slowest query. The 1-minute load average
is printed. Goals: 5,000 flows load + index < 1 s, linear; search < 5 ms per query.

    PYTHONPATH=src .venv/bin/python benchmarks/engine_bench.py [--sizes 100,1000,5000]
        [--runs 3] [--before OTHER/src] [--yaml]

``--yaml`` also times reading and checking the YAML (what editors and ``flows check`` do).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from privacyapp.content import bundle_bytes
from privacyapp.engine import (
    Answer,
    ChecklistNode,
    FlowSession,
    Library,
    QuestionNode,
    SearchIndex,
    load_flows,
)

REPO = Path(__file__).resolve().parents[1]
SECTORS = ("algemeen", "jeugd", "wmo", "werk-en-inkomen", "schulden", "multiprobleem")
_TEXT = (
    "dossier inzage toestemming gegevens delen huisarts school gemeente wijkteam jongere ouder "
    "voogd bewaren vernietigen melden zorgen geheimhouding beroepsgeheim casusoverleg bijstand "
    "schuldhulp uitkering indicatie zorgaanbieder verzekeraar privacy klacht bezwaar termijn "
    "kopie verbeteren verwijderen informatie hulpverlener cliënt gezin veiligheid signalen"
)
WORDS = tuple(_TEXT.split())
QUERIES = ("toestemmng", "geheimhouding", "inzage dossier", "bewaren gemeente", "schuldhlp 42")


def _words(rng: random.Random, n: int, salt: int) -> str:
    picked = [rng.choice(WORDS) for _ in range(n)]
    picked[-1] = f"{picked[-1]}{salt % 97}"  # some rare words, so the vocabulary grows
    return " ".join(picked).capitalize()


def flow_yaml(n: int, rng: random.Random) -> tuple[str, str]:
    """A realistic flow (2 questions, an info, a checklist of 4 items, 3 advices)."""
    sector = SECTORS[n % len(SECTORS)]
    fid = f"gen-{sector}-{n:05d}"
    items = "\n".join(f"      - {{id: item-{i}, text: {_words(rng, 8, n + i)}?}}" for i in range(4))
    advice = "\n".join(
        f"""  advies-{k}:
    type: advice
    title: {_words(rng, 6, n + k)}
    summary: {_words(rng, 10, n)}.
    steps: [{_words(rng, 9, n)}., {_words(rng, 9, n + 1)}.]
    explanation: {_words(rng, 30, n)}.
    sources: [{{law: jeugdwet, article: 7.3.11}}, {{law: avg, article: "15"}}]
    help: [juridisch-loket, gemeente]"""
        for k in range(3)
    )
    text = f"""schema: 1
id: {fid}
title: {_words(rng, 7, n)}?
summary: {_words(rng, 14, n)}.
audience: [{rng.choice(["inwoner", "professional", "vertegenwoordiger"])}]
sector: {sector}
situations: [gegevens-delen]
tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]
status: draft
version: 1.0.0
owner: bench
start: vraag-1
nodes:
  vraag-1:
    type: question
    text: {_words(rng, 10, n)}?
    choices:
      - {{label: Ja, next: vraag-2}}
      - {{label: Nee, next: uitleg}}
  uitleg:
    type: info
    title: {_words(rng, 5, n)}
    text: {_words(rng, 25, n)}.
    next: lijst
  vraag-2:
    type: question
    text: {_words(rng, 10, n + 3)}?
    choices:
      - {{label: Ja, next: advies-0}}
      - {{label: Nee, next: lijst}}
  lijst:
    type: checklist
    title: {_words(rng, 4, n)}
    items:
{items}
    outcomes:
      - {{when: {{all: yes}}, next: advies-1}}
      - {{when: otherwise, next: advies-2}}
{advice}
"""
    return f"{sector}/{fid}.yaml", text


def make_corpus(root: Path, size: int) -> Path:
    rng = random.Random(size)
    flows = root / f"corpus-{size}"
    flows.mkdir()
    shutil.copy(REPO / "flows" / "registry.yaml", flows / "registry.yaml")
    for n in range(size):
        rel, text = flow_yaml(n, rng)
        (flows / rel).parent.mkdir(exist_ok=True)
        (flows / rel).write_text(text, encoding="utf-8")
    return flows


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def advance(session: FlowSession) -> FlowSession:
    """One step: the first choice, all-yes for a checklist, or go on."""
    node = session.current
    if isinstance(node, QuestionNode):
        return session.answer(0)
    if isinstance(node, ChecklistNode):
        return session.answer_checklist({item.id: Answer.YES for item in node.items})
    return session.proceed()


def step_time(library: Library) -> float:
    """Mean seconds for one answer() on a session (start + walk to the advice, many times)."""
    clock = lambda: datetime(2026, 11, 22, tzinfo=UTC)  # noqa: E731
    flows = list(library.flows.values())[:50]
    steps, start = 0, time.process_time()
    for _ in range(20):
        for flow in flows:
            session = FlowSession.start(flow, content_hash=library.content_hash, clock=clock)
            for _ in range(10):
                if session.finished:
                    break
                session = advance(session)
                steps += 1
    return (time.process_time() - start) / max(steps, 1)


def search_time(index: SearchIndex) -> float:
    """Mean over the queries of the best of 3 runs (the machine is shared: take the quiet run)."""
    times = []
    for query in QUERIES:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            index.search(query)
            best = min(best, time.process_time() - start)
        times.append(best)
    return statistics.mean(times)


PROBE = """
import gc, json, statistics, sys, time
from pathlib import Path
data = Path(sys.argv[1]).read_bytes()
queries = json.loads(sys.argv[2])
t = time.perf_counter(); json.loads(data); floor = time.perf_counter() - t
from privacyapp.content import load_bundle
from privacyapp.engine import SearchIndex
t = time.perf_counter()
library = load_bundle(data)
index = SearchIndex(library)
gc.collect()  # the collection the server would run soon after, whatever its cost
load = time.perf_counter() - t
search = {}
for q in queries:
    times = []
    for _ in range(5):
        t = time.perf_counter(); index.search(q); times.append(time.perf_counter() - t)
    search[q] = statistics.median(times)
print(json.dumps({"floor": floor, "load": load, "search": search, "flows": len(library)}))
"""


def probe(bundle: Path, src: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(bundle), json.dumps(QUERIES)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(json.loads(out))


def _fmt(values: list[float], scale: float = 1.0, digits: int = 3) -> str:
    med, low, high = statistics.median(values), min(values), max(values)
    return f"{med * scale:.{digits}f} [{low * scale:.{digits}f}-{high * scale:.{digits}f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, default=None, help="another checkout's src/")
    parser.add_argument("--yaml", action="store_true", help="also time YAML load + check")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    ours = REPO / "src"
    also = " with --before" if args.before else ""
    print(f"engine_bench: load average (1 min) {os.getloadavg()[0]:.2f}; {args.runs} runs, "
          f"a fresh process each, interleaved{also}")  # fmt: skip
    results: dict[tuple[str, int], list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            flows_dir = make_corpus(Path(tmp), size)
            yaml_s, result = timed(lambda flows_dir=flows_dir: load_flows([flows_dir]))
            library = result.library
            assert library is not None
            bundle = Path(tmp) / f"bundle-{size}.json"
            bundle.write_bytes(bundle_bytes(library))
            if args.yaml:
                print(f"  {size} flows: YAML load + check {yaml_s:.2f} s CPU")
            shutil.rmtree(flows_dir)
            for _ in range(args.runs):
                for name, src in (("now", ours), ("before", args.before)):
                    if src is not None:
                        results.setdefault((name, size), []).append(probe(bundle, src))
    header = (
        f"{'code':<7}{'flows':>6} {'json.loads s':>22} {'load + index s':>22} {'/floor':>7} "
        f"{'per flow x100':>13} {'search ms (median query)':>26} {'slowest query ms':>18}"
    )
    print(header)
    print("-" * len(header))
    for name in ("now", "before"):
        base = results.get((name, sizes[0]))
        if base is None:
            continue
        base_per_flow = statistics.median(float(r["load"]) for r in base) / sizes[0]
        for size in sizes:
            rows = results[(name, size)]
            floor = [float(r["floor"]) for r in rows]
            load = [float(r["load"]) for r in rows]
            per_query = [statistics.median(r["search"].values()) for r in rows]
            slowest = [max(r["search"].values()) for r in rows]
            ratio = statistics.median(load) / statistics.median(floor)
            linear = statistics.median(load) / size / base_per_flow
            print(
                f"{name:<7}{size:>6} {_fmt(floor):>22} {_fmt(load):>22} {ratio:>6.1f}x "
                f"{linear:>13.2f} {_fmt(per_query, 1000, 2):>26} {_fmt(slowest, 1000, 2):>18}"
            )
    if args.before:
        for size in sizes:
            now = statistics.median(float(r["load"]) for r in results[("now", size)])
            old = statistics.median(float(r["load"]) for r in results[("before", size)])
            q_now = statistics.median(
                statistics.median(r["search"].values()) for r in results[("now", size)]
            )
            q_old = statistics.median(
                statistics.median(r["search"].values()) for r in results[("before", size)]
            )
            print(
                f"now/before at {size}: load + index {now / old:.2f}x, search {q_now / q_old:.2f}x"
            )
    print(f"goals at 5,000 flows: load + index < 1 s, search < 5 ms per query; "
          f"load average (1 min) at the end {os.getloadavg()[0]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
