"""The static web build (scripts/build-web) against a bare Flet Pyodide hello world built the
same way (scripts/build-web --hello-world), in one run, in Debian's Chromium.

Per build, medians over ``--runs`` fresh browser contexts (service workers on, as for a user),
the two builds interleaved run by run:

- **cold**: a first visit (empty caches) → first screen in the accessible DOM, and the bytes the
  static server sent for it (from scripts/serve-web's own log);
- **repeat**: a second visit in the same context (the service worker answers) → first screen,
  and the bytes the server sent.

Goals (issue 16): cold ≤ 1.5× the hello world; repeat ≤ 1.2× and under 1 MB downloaded.
Run: ``.venv/bin/python benchmarks/web_static_bench.py [--runs N]``; prints a table, asserts
nothing. Builds both sites first (each is skipped when its inputs did not change).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browserkit import CHROMIUM, CHROMIUM_ARGS, free_port, sel  # noqa: E402

BOOT_MS = 240_000


class Server:
    """scripts/serve-web on 127.0.0.1, its log lines ("GET /path 200 BYTES") collected."""

    def __init__(self, site: Path) -> None:
        self.url = f"http://127.0.0.1:{free_port()}"
        port = self.url.rsplit(":", 1)[1]
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "serve-web"), "--port", port, "--dir",
             str(site)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        threading.Thread(target=self._read, daemon=True).start()
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/version.json", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        self.log.clear()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.strip())

    def sent_since(self, mark: int) -> tuple[int, int]:
        lines = [line.split() for line in self.log[mark:] if line]
        return len(lines), sum(int(parts[3]) for parts in lines if len(parts) == 4)

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class Visit(NamedTuple):
    seconds: float
    requests: int
    sent: int


def visit(context: Any, server: Server, first: str) -> Visit:
    mark = len(server.log)
    page = context.new_page()
    start = time.perf_counter()
    page.goto(server.url + "/")
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=BOOT_MS)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    page.wait_for_selector(sel(first), state="attached", timeout=BOOT_MS)
    seconds = time.perf_counter() - start
    page.wait_for_timeout(3000)  # let the service worker finish storing what it fetched
    page.close()
    time.sleep(0.5)
    requests, sent = server.sent_since(mark)
    return Visit(seconds, requests, sent)


def measure_all(browser: Any, sites: dict[str, tuple[Path, str]], runs: int) -> dict[str, Any]:
    """Cold and repeat visits per site, the sites interleaved run by run (in alternating order),
    so a change in the machine's load falls on both builds alike instead of on one."""
    servers = {name: Server(site) for name, (site, _first) in sites.items()}
    results: dict[str, tuple[list[Visit], list[Visit]]] = {name: ([], []) for name in sites}
    try:
        for run in range(runs):
            order = list(sites) if run % 2 == 0 else list(reversed(sites))
            for name in order:
                context = browser.new_context(viewport={"width": 390, "height": 844})
                results[name][0].append(visit(context, servers[name], sites[name][1]))
                results[name][1].append(visit(context, servers[name], sites[name][1]))
                context.close()
    finally:
        for server in servers.values():
            server.close()
    return results


def med(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for extra in ([], ["--hello-world"]):
        subprocess.run([str(ROOT / "scripts" / "build-web"), *extra], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sites = {
            "hello world": (ROOT / "build" / "web-hello", "hello-title"),
            "PrivacyApp": (ROOT / "build" / "web", "home-title"),
        }
        results = measure_all(browser, sites, args.runs)
        browser.close()
    hello, app = results["hello world"], results["PrivacyApp"]

    rows = []
    for name, (cold, repeat) in (("hello world", hello), ("PrivacyApp", app)):
        rows.append((name, med([v.seconds for v in cold]), med([v.sent for v in cold]),
                     med([v.requests for v in cold]), med([v.seconds for v in repeat]),
                     med([v.sent for v in repeat]), med([v.requests for v in repeat])))  # fmt: skip
    print(f"static web build, medians of {args.runs} fresh contexts (service worker on)")
    print("| build | cold s | cold MB | cold requests | repeat s | repeat MB | repeat requests |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, cs, cb, cr, rs, rb, rr in rows:
        cells = [name, f"{cs:.1f}", f"{cb / 1e6:.2f}", f"{cr:.0f}", f"{rs:.1f}", f"{rb / 1e6:.3f}"]
        print("| " + " | ".join([*cells, f"{rr:.0f}"]) + " |")
    (_, hcs, _, _, hrs, _, _), (_, acs, _, _, ars, arb, _) = rows
    print(f"cold: {acs / hcs:.2f}× the hello world (goal ≤ 1.5×)")
    print(
        f"repeat: {ars / hrs:.2f}× the hello world (goal ≤ 1.2×), {arb / 1e6:.3f} MB (goal < 1 MB)"
    )
    for name, (cold, repeat) in (("hello world", hello), ("PrivacyApp", app)):
        print(f"{name}: cold {[round(v.seconds, 1) for v in cold]} s, "
              f"repeat {[round(v.seconds, 1) for v in repeat]} s")  # fmt: skip


if __name__ == "__main__":
    main()
