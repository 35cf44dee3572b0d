"""How fast the app feels in a real browser, against a bare Flet hello world (same run).

Both servers are started as real processes, the way a user starts them: the hello world as a
script served by uvicorn with the app's options, the app as ``python -m privacyapp --web``. So
Python's start-up, every import and building the services are in the numbers (an in-process
server pays them once and flatters the app). Measured, in Debian's Chromium with semantics on,
interleaved (hello, app, hello, app, ...) so machine load hits both alike:

- **spawn -> listening** and **spawn -> first screen** (a fresh browser context each time);
- every kind of step, click -> the next screen's text in the page (timed inside the page:
  pointer down -> MutationObserver), each against the hello world's click -> changed text:
  question -> question, question -> advice, advice -> new question (restart), info -> checklist.

Prints the 1-minute load average before and after, medians with [min-max], and the ratio of
the medians (the verdict: the goal is <= 1.1x for the start, <= 1.2x for a step). Bytecode:
``PYTHONDONTWRITEBYTECODE`` is often set on shared machines; by default both servers get a
bytecode cache (``PYTHONPYCACHEPREFIX``, warmed by one untimed start each) as an installed app
has from its second start on; ``--no-pyc`` measures without.

    PYTHONPATH=src .venv/bin/python benchmarks/app_bench.py [--runs 3] [--clicks 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browserkit import CHROMIUM, CHROMIUM_ARGS, free_port, sel  # noqa: E402

READ_PAUSE = 0.4
"""Seconds between two clicks: a user reads the screen first (and the app finishes its frame)."""

HELLO = """
import sys
import flet as ft
import uvicorn


def main(page: ft.Page) -> None:
    label = ft.Text("Hallo")
    clicks = [0]

    def clicked(_):
        clicks[0] += 1
        label.value = f"Volgende {clicks[0]}"
        page.update()

    page.add(
        ft.Semantics(identifier="hello", content=label),
        ft.Semantics(identifier="hello-button", button=True,
                     content=ft.FilledButton("Verder", on_click=clicked)),
    )


app = ft.run(main, export_asgi_app=True, no_cdn=True)
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
            ws="websockets-sansio")
"""

#: Arms a timer inside the page: from the pointer going down (window, capture phase) to a text
#: showing in a control (MutationObserver), in milliseconds. No Playwright round trip or polling
#: interval is in the number.
_ARM = """([watch, text]) => {
  window.__answerTime = new Promise((resolve) => {
    let t0 = null;
    const shown = () => (document.querySelector(watch)?.textContent || '').includes(text);
    window.addEventListener('pointerdown', () => { t0 = performance.now(); },
                            {capture: true, once: true});
    const observer = new MutationObserver(() => {
      if (t0 !== null && shown()) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true,
                                     attributes: true});
  });
}"""


def _visible(page: Any, ident: str, text: str | None = None) -> None:
    if text is None:
        page.wait_for_selector(sel(ident), state="attached", timeout=60_000)
    else:
        page.wait_for_function(
            "([s, t]) => (document.querySelector(s)?.textContent || '').includes(t)",
            arg=[sel(ident), text],
            timeout=60_000,
        )


def _timed_click(page: Any, click: str, ident: str, text: str) -> float:
    target = page.locator(sel(click)).first
    target.wait_for(state="attached", timeout=60_000)
    page.evaluate(_ARM, [sel(ident), text])
    target.click()
    seconds = float(page.evaluate("() => window.__answerTime")) / 1000
    time.sleep(READ_PAUSE)
    return seconds


def _untimed_click(page: Any, click: str, ident: str, text: str) -> None:
    page.locator(sel(click)).first.click()
    _visible(page, ident, text)
    time.sleep(READ_PAUSE)


class Server:
    """A server process: spawned, waited for until it listens, stopped by its pid."""

    def __init__(self, argv: list[str], port: int, env: dict[str, str]) -> None:
        self.port = port
        self.spawned = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT
        )
        deadline = self.spawned + 60
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if self.proc.poll() is not None or time.perf_counter() > deadline:
                raise RuntimeError(f"server did not start: {self.proc.stderr.read()!r}")  # type: ignore[union-attr]
            time.sleep(0.01)
        self.listening = time.perf_counter() - self.spawned

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _open(page: Any, url: str, first: str) -> None:
    page.goto(url)
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    _visible(page, first)


def _hello_steps(page: Any, url: str, clicks: int) -> dict[str, list[float]]:
    times = [
        _timed_click(page, "hello-button", "hello", f"Volgende {n}") for n in range(1, clicks + 1)
    ]
    return {"click": times}


def _app_steps(page: Any, url: str, clicks: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"q->q": [], "q->advice": [], "advice->q": [], "->checklist": []}
    for _ in range(clicks):  # question -> question -> advice -> (restart) first question
        out["q->q"].append(_timed_click(page, "answer-0", "step-title", "Welke organisatie"))
        out["q->advice"].append(_timed_click(page, "answer-0", "advice-title", "Vraag de gemeente"))
        out["advice->q"].append(_timed_click(page, "flow-restart", "step-title", "Hoe oud ben je"))
    _open(
        page, url.replace("algemeen-inzage-dossier", "algemeen-conflict-van-plichten"), "step-title"
    )
    _visible(page, "step-title", "Wat is een conflict")
    time.sleep(READ_PAUSE)
    for _ in range(clicks):  # info -> checklist, then back (untimed)
        out["->checklist"].append(_timed_click(page, "flow-next", "step-title", "De zes vragen"))
        _untimed_click(page, "flow-back", "step-title", "Wat is een conflict")
    return out


def _one(
    browser: Any,
    argv: Callable[[int], list[str]],
    env: dict[str, str],
    path: str,
    first: str,
    steps: Callable[[Any, str, int], dict[str, list[float]]],
    clicks: int,
) -> dict[str, list[float]]:
    port = free_port()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    server = Server(argv(port), port, env)
    try:
        _open(page, server.url + path, first)
        shown = time.perf_counter() - server.spawned
        result = {"listen": [server.listening], "first screen": [shown]}
        if clicks:
            time.sleep(0.5)  # the client's cover leaves the canvas
            result.update(steps(page, server.url + path, clicks))
        return result
    finally:
        context.close()
        server.stop()


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):7.3f} [{min(values):.3f}-{max(values):.3f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=3, help="timed steps of each kind per run")
    parser.add_argument("--no-pyc", action="store_true", help="no bytecode cache for either")
    parser.add_argument(
        "--before", type=Path, help="another checkout's src/: measured too, as 'before' (A/B)"
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src")
    cache = tempfile.mkdtemp(prefix="pyc-")
    if not args.no_pyc:
        env["PYTHONPYCACHEPREFIX"] = cache
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    script = Path(cache) / "hello_world.py"
    script.write_text(HELLO, encoding="utf-8")
    data_dir = tempfile.mkdtemp(prefix="privacyapp-bench-")

    def hello_argv(port: int) -> list[str]:
        return [sys.executable, str(script), str(port)]

    def app_argv(port: int) -> list[str]:
        return [sys.executable, "-m", "privacyapp", "--web", "--port", str(port), "--data-dir",
                data_dir]  # fmt: skip

    app_path = "/vraag/algemeen-inzage-dossier"
    load_before = os.getloadavg()[0]
    hello: dict[str, list[float]] = {}
    ours: dict[str, list[float]] = {}
    before: dict[str, list[float]] = {}
    before_env = dict(env, PYTHONPATH=str(args.before)) if args.before else env
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        if not args.no_pyc:  # warm the bytecode caches, untimed
            _one(browser, hello_argv, env, "/", "hello", _hello_steps, 0)
            _one(browser, app_argv, env, app_path, "step-title", _app_steps, 0)
            if args.before:
                _one(browser, app_argv, before_env, app_path, "step-title", _app_steps, 0)
        sets = [(hello, env), (ours, env)] + ([(before, before_env)] if args.before else [])
        for _ in range(args.runs):
            for into, run_env in sets:
                argv, path, first, steps = (
                    (hello_argv, "/", "hello", _hello_steps)
                    if into is hello
                    else (app_argv, app_path, "step-title", _app_steps)
                )
                for key, values in _one(
                    browser, argv, run_env, path, first, steps, args.clicks
                ).items():
                    into.setdefault(key, []).extend(values)
        browser.close()
    print(
        f"app_bench: {args.runs} interleaved runs x {args.clicks} steps of each kind, real "
        f"processes, Chromium 390x844, semantics on, bytecode cache: {not args.no_pyc}"
    )
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
    head = f"{'measure (s)':<30}{'hello world':>26}{'PrivacyApp':>26}{'ratio':>8}"
    if args.before:
        head += f"{'before':>26}{'ratio':>8}"
    print(head + "  goal")
    rows = [
        ("spawn -> listening", "listen", "listen", ""),
        ("spawn -> first screen", "first screen", "first screen", "<= 1.10"),
        ("step question -> question", "click", "q->q", "<= 1.20"),
        ("step question -> advice", "click", "q->advice", "<= 1.20"),
        ("step advice -> new question", "click", "advice->q", "<= 1.20"),
        ("step info -> checklist", "click", "->checklist", "<= 1.20"),
    ]
    for name, base_key, app_key, goal in rows:
        base, app = hello[base_key], ours[app_key]
        ratio = statistics.median(app) / statistics.median(base)
        line = f"{name:<30}{_fmt(base):>26}{_fmt(app):>26}{ratio:>7.2f}x"
        if args.before:
            old = before[app_key]
            line += f"{_fmt(old):>26}{statistics.median(old) / statistics.median(base):>7.2f}x"
        print(f"{line}  {goal}")
    print("steps: against the hello world's click -> changed text, measured in the same runs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
