"""Benchmark the editors' studio: opening a flow for editing, re-checking after an edit, and a
change set that touches 50 flows.

Measured in one run (the machines are shared: read the ratios, not only the seconds):

- baseline: ``privacyapp flows check`` of one flow file, as the CLI does it (it loads the whole
  content folder so references resolve, and reports that file);
- open: what the editor does to show a flow: read the file from the change set's branch, list
  its steps, read one step's fields, and the change set's checks (cached per version after the
  first time);
- save and re-check: one form edit saved as a commit and checked (export + engine checks);
- 50 flows: one save that changes 50 flow files, its checks, and the readable diff of all 50.

    PYTHONPATH=src .venv/bin/python benchmarks/studio_bench.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from privacyapp import cli
from privacyapp.studio import Studio, nodes
from privacyapp.studio.passwords import HashParams

REPO = Path(__file__).resolve().parents[1]
FLOW = "flows/jeugd/jeugd-gezinsvoogd.yaml"
PASSWORD = "benchmark wachtwoord lang genoeg"


def _git(repo: Path, *args: str) -> None:
    env = {
        "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
        "HOME": str(repo), "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.invalid",
        "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@example.invalid",
    }  # fmt: skip
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


def timed(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "content"
        shutil.copytree(REPO / "flows", repo / "flows")
        _git(repo, "init", "-q", "-b", "main")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "Inhoud")
        studio = Studio(repo, Path(tmp) / "data", hash_params=HashParams(64, 1, 1))
        author = studio.add_account("anna", PASSWORD, ["auteur"])
        cs = studio.new_change_set(author, "Benchmark")

        def flows_check() -> None:
            out = io.StringIO()
            cli.main(["flows", "check", str(repo / FLOW)], stdout=out, stderr=io.StringIO())

        def open_flow() -> None:
            text, _ = studio.read(cs.id, FLOW)
            ids = nodes.node_ids(text)
            nodes.node_fields(text, ids[-1])
            studio.check(cs.id)

        counter = iter(range(10_000))

        def save_and_check() -> None:
            text, version = studio.read(cs.id, FLOW)
            new = nodes.update_node(
                text, "advies-geven", {"summary": f"Geef wat nodig is ({next(counter)})."}
            )
            studio.save(author, cs.id, {FLOW: new}, expected_version=version)

        baseline = timed(flows_check, repeat)
        opened = timed(open_flow, repeat)
        saved = timed(save_and_check, repeat)

        files = [p for p in studio.files(cs.id) if "/_fragments/" not in p and "registry" not in p]
        many = files[:50]

        def save_fifty() -> None:
            version = studio.change_set(cs.id, with_checks=False).version
            changes = {}
            for path in many:
                text, _ = studio.read(cs.id, path)
                changes[path] = text.replace("\nsummary: ", f"\nsummary: ({next(counter)}) ", 1)
            studio.save(author, cs.id, changes, expected_version=version)

        fifty = timed(save_fifty, max(1, repeat // 2))
        diff_time = timed(lambda: studio.diff(cs.id), max(1, repeat // 2))
        rows = [
            ("flows check of one file (baseline)", baseline),
            ("open a flow for editing", opened),
            ("save one edit and re-check", saved),
            ("save 50 flows at once and check", fifty),
        ]
        for label, seconds in rows:
            print(f"{label:36} {seconds * 1000:8.1f} ms  ({seconds / baseline:.2f}x baseline)")
        print(f"{'readable diff of those 50 flows':36} {diff_time * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
