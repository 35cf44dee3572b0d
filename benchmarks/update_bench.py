"""Benchmark content updates: a check with nothing new, and a full update of the real bundle.

A TUF repository with the app's own content (every flow, ``assets/content-bundle.json``) is
published into a temporary folder and served by a threaded HTTP server on 127.0.0.1, so every
check goes through real sockets, python-tuf and the app's httpx fetcher. Measured in one run:

- baseline: reading the installed bundle the way the app does at start (``active_library``:
  read the file, compare its SHA-256, ``load_bundle``);
- nothing new: one ``ContentUpdater.check`` when the server has nothing newer (root probe,
  timestamp; nothing else is downloaded);
- full update: one check that finds a newer version (published before the timer starts) and
  downloads, verifies, runs the engine's checks on, and installs it;
- of which engine checks: ``validate_library`` alone on the same bundle.

    PYTHONPATH=src .venv/bin/python benchmarks/update_bench.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "content"))  # the test server lives with the tests

from update_kit import Server  # noqa: E402

from privacyapp.content import builtin_library, bundle_bytes, load_bundle  # noqa: E402
from privacyapp.content.publish import init_repository  # noqa: E402
from privacyapp.content.updater import (  # noqa: E402
    ContentUpdater,
    UpdateSource,
    validate_library,
)
from privacyapp.engine import Library  # noqa: E402


def versioned(library: Library, version: str) -> bytes:
    """The real content under another content version (so it counts as newer)."""
    registry = library.registry.model_copy(update={"content_version": version})
    return bundle_bytes(Library(registry, library.flows.values()))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def row(name: str, times: list[float], base: float) -> str:
    median = statistics.median(times)
    return (
        f"| {name:<30} | {median:>9.1f} | {min(times):>7.1f}–{max(times):<7.1f} "
        f"| {median / base:>7.2f}× |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    shipped = builtin_library()
    bundles = [versioned(shipped, f"2027.1.{i}") for i in range(args.repeat + 1)]
    with tempfile.TemporaryDirectory() as tmp, httpx.Client() as client:
        work = Path(tmp)
        repo = init_repository(work / "repo", work / "keys")
        repo.publish(bundles[0], min_app_version="0.1.0")
        root = (repo.metadata_dir / "1.root.json").read_bytes()
        with Server(repo.repo) as server:
            updater = ContentUpdater(
                work / "data", client, source=UpdateSource(server.url, root, "trust")
            )
            assert updater.check().result == "updated"
            baseline = [timed(updater.active_library) for _ in range(args.repeat)]
            nothing_new = []
            for _ in range(args.repeat):
                nothing_new.append(timed(updater.check))
            fetched_idle = list(updater.fetcher.fetched) if updater.fetcher else []
            full = []
            for data in bundles[1:]:
                repo.publish(data, min_app_version="0.1.0")
                start = time.perf_counter()
                outcome = updater.check()
                full.append((time.perf_counter() - start) * 1000)
                assert outcome.result == "updated", outcome.message
            fetched_full = list(updater.fetcher.fetched) if updater.fetcher else []
            library = load_bundle(bundles[-1])
            engine = [timed(lambda: validate_library(library)) for _ in range(args.repeat)]
    base = statistics.median(baseline)
    size = len(bundles[-1])
    print(
        f"content: {len(shipped.flows)} flows, bundle {size / 1024:.0f} KiB; "
        f"{args.repeat} runs each; real HTTP on 127.0.0.1"
    )
    print("| what                           | median ms | min–max ms      | vs read |")
    print("|--------------------------------|-----------|-----------------|---------|")
    print(row("read installed bundle (base)", baseline, base))
    print(row("check, nothing new", nothing_new, base))
    print(row("full update (fetch+check+swap)", full, base))
    print(row("  of which engine checks", engine, base))
    print(
        "requests per check: nothing new "
        + json.dumps([u.rsplit("/", 1)[-1] for u in fetched_idle])
        + "; update "
        + json.dumps([u.rsplit("/", 1)[-1][:40] for u in fetched_full])
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
