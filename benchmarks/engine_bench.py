"""Benchmark the flow engine on generated corpora of 100, 1,000 and 5,000 flows.

Prints one table: YAML load + check, bundle build, bundle load (what the app does at start),
search index build, the time per flow (to show growth is linear) with its ratio to the 100-flow
baseline of the same run, a session step, and a search query. Also the shipped content.

    PYTHONPATH=src .venv/bin/python benchmarks/engine_bench.py [--sizes 100,1000,5000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from privacyapp.content import bundle_bytes, load_bundle
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
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
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
    steps, start = 0, time.perf_counter()
    for _ in range(20):
        for flow in flows:
            session = FlowSession.start(flow, content_hash=library.content_hash, clock=clock)
            for _ in range(10):
                if session.finished:
                    break
                session = advance(session)
                steps += 1
    return (time.perf_counter() - start) / max(steps, 1)


def search_time(index: SearchIndex) -> float:
    times = []
    for query in QUERIES:
        start = time.perf_counter()
        index.search(query)
        times.append(time.perf_counter() - start)
    return statistics.mean(times)


def measure(flows_dir: Path) -> dict[str, float]:
    load_s, result = timed(lambda: load_flows([flows_dir]))
    library = result.library  # type: ignore[attr-defined]
    assert library is not None, result.diagnostics[:3]  # type: ignore[attr-defined]
    build_s, data = timed(lambda: bundle_bytes(library))
    read_s, _ = timed(lambda: load_bundle(data), repeat=2)  # type: ignore[arg-type]
    index_s, index = timed(lambda: SearchIndex(library))
    return {
        "flows": len(library.flows),
        "load": load_s,
        "build": build_s,
        "bundle_mb": len(data) / 1e6,  # type: ignore[arg-type]
        "read": read_s,
        "index": index_s,
        "step": step_time(library),
        "search": search_time(index),  # type: ignore[arg-type]
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,5000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    rows = [("shipped", measure(REPO / "flows"))]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            rows.append((str(size), measure(make_corpus(Path(tmp), size))))
    base = rows[1][1] if len(rows) > 1 else rows[0][1]
    header = (
        f"{'corpus':>8} {'flows':>6} {'yaml load+check':>16} {'ms/flow':>8} {'x100':>5} "
        f"{'bundle build':>13} {'bundle MB':>10} {'bundle load':>12} {'ms/flow':>8} {'x100':>5} "
        f"{'index':>8} {'step µs':>8} {'search ms':>10} {'x100':>5}"
    )
    print(header)
    print("-" * len(header))
    for name, r in rows:
        n = r["flows"]
        load_pf = r["load"] / n * 1e3
        read_pf = r["read"] / n * 1e3
        print(
            f"{name:>8} {n:>6.0f} {r['load']:>15.3f}s {load_pf:>8.3f} "
            f"{load_pf / (base['load'] / base['flows'] * 1e3):>5.2f} "
            f"{r['build']:>12.3f}s {r['bundle_mb']:>10.2f} {r['read']:>11.3f}s {read_pf:>8.3f} "
            f"{read_pf / (base['read'] / base['flows'] * 1e3):>5.2f} "
            f"{r['index']:>7.3f}s {r['step'] * 1e6:>8.1f} {r['search'] * 1e3:>10.2f} "
            f"{r['search'] / base['search']:>5.1f}"
        )
    print("\nx100: per-flow time (or time per query) relative to the 100-flow corpus of this run;")
    print("about 1.0 for load and bundle means linear growth.")


if __name__ == "__main__":
    main()
