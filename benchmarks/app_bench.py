"""How fast the app feels in a real browser, against a bare Flet hello world (same run).

Four numbers, medians over a few runs in Debian's Chromium with semantics on:

- **start**: server start (the app built and served on 127.0.0.1) → first screen visible;
- **first answer**: the first click on an answer, right after the first screen → the next
  question visible;
- **first answer after a reload**: the same after reloading the tab (Flet keeps the tab's
  session, so the question is still on show; the browser keeps the client's compiled code);
- **answer**: the clicks after the first, as a user makes them (a pause to read first;
  between two timed answers the flow's back button returns to the question, untimed).

The floor is a Flet hello world served the same way (start → its text visible; click → its text
changed, clicked as often and with the same pauses). Target: the app within 1.2× of the floor.
Run: ``.venv/bin/python benchmarks/app_bench.py [--runs N] [--clicks N]``; prints a table, asserts
nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import flet as ft

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browserkit import CHROMIUM, CHROMIUM_ARGS, ServerThread, sel  # noqa: E402

Measure = Callable[[Any], tuple[float, float]]
READ_PAUSE = 0.4
"""Seconds between two clicks: a user reads the screen first (and the app finishes its frame)."""


def hello_app() -> Any:
    """The floor: one text and one button that changes it."""

    def main(page: ft.Page) -> None:
        label = ft.Text("Hallo")
        clicks = [0]

        def clicked(_: Any) -> None:
            clicks[0] += 1
            label.value = f"Volgende {clicks[0]}"
            page.update()

        page.add(
            ft.Semantics(identifier="hello", content=label),
            ft.Semantics(
                identifier="hello-button",
                button=True,
                content=ft.FilledButton("Verder", on_click=clicked),
            ),
        )

    return ft.run(main, export_asgi_app=True, no_cdn=True)


def our_app() -> Any:
    from privacyapp.app import start_services, web_app

    return web_app(start_services(Path(tempfile.mkdtemp()), web=True))


def _visible(page: Any, ident: str, text: str | None = None) -> None:
    if text is None:
        page.wait_for_selector(sel(ident), state="attached", timeout=60_000)
    else:
        page.wait_for_function(
            "([s, t]) => (document.querySelector(s)?.textContent || '').includes(t)",
            arg=[sel(ident), text],
            timeout=60_000,
        )


def _gone(page: Any, ident: str, text: str) -> None:
    page.wait_for_function(
        "([s, t]) => !(document.querySelector(s)?.textContent || '').includes(t)",
        arg=[sel(ident), text],
        timeout=60_000,
    )


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


def _timed_click(page: Any, click: str, ident: str, text: str) -> float:
    target = page.locator(sel(click)).first
    target.wait_for(state="attached", timeout=60_000)
    page.evaluate(_ARM, [sel(ident), text])
    target.click()
    return float(page.evaluate("() => window.__answerTime")) / 1000


def _hello(page: Any, clicks: int) -> list[float]:
    shown = page.locator(sel("hello")).first.text_content() or ""
    done = int(shown.split()[-1]) if shown.startswith("Volgende") else 0  # kept by a reload
    times = []
    for n in range(done + 1, done + clicks + 1):
        times.append(_timed_click(page, "hello-button", "hello", f"Volgende {n}"))
        time.sleep(READ_PAUSE)
    return times


def _ours(page: Any, clicks: int) -> list[float]:
    times = []
    for _ in range(clicks):
        times.append(_timed_click(page, "answer-0", "step-title", "Welke organisatie"))
        time.sleep(READ_PAUSE)
        page.locator(sel("flow-back")).first.click()  # untimed: back to the same question
        _gone(page, "step-title", "Welke organisatie")
        time.sleep(READ_PAUSE)
    return times


class Run(NamedTuple):
    start: float
    answers: list[float]
    """The first visit's timed clicks."""
    reloaded: float
    """The first click after the tab was reloaded."""


def _open(page: Any, url: str, first: str) -> None:
    page.goto(url)
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    _visible(page, first)


def _run(
    browser: Any,
    make_app: Callable[[], Any],
    path: str,
    first: str,
    walk: Callable[[Any, int], list[float]],
    clicks: int,
) -> Run:
    """One cold start, ``clicks`` timed clicks, then a reload and the click after it."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    started = time.perf_counter()
    with ServerThread(make_app()) as server:
        _open(page, server.url + path, first)
        start = time.perf_counter() - started
        times = walk(page, clicks)
        _open(page, server.url + path, first)  # reload: Flet keeps the tab's session
        time.sleep(READ_PAUSE)
        again = walk(page, 1)[0]
    context.close()
    return Run(start, times, again)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=5, help="timed answers per run")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    floor: list[Run] = []
    ours: list[Run] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):  # interleaved, so machine load hits both alike
            floor.append(_run(browser, hello_app, "/", "hello", _hello, args.clicks))
            ours.append(
                _run(
                    browser,
                    our_app,
                    "/vraag/algemeen-inzage-dossier",
                    "step-title",
                    _ours,
                    args.clicks,
                )
            )
        browser.close()
    print(
        f"app_bench: medians of {args.runs} runs x {args.clicks} answers, Chromium, 390x844, "
        "semantics on"
    )
    print(f"{'measure':<36}{'hello world':>12}{'PrivacyApp':>12}{'ratio':>8}")
    rows: list[tuple[str, Callable[[Run], list[float]]]] = [
        ("server start -> first screen (s)", lambda r: [r.start]),
        ("first answer -> next question (s)", lambda r: r.answers[:1]),
        ("  the same after a reload (s)", lambda r: [r.reloaded]),
        ("answer -> next question (s)", lambda r: r.answers[1:] or r.answers),
    ]
    for name, pick in rows:
        base = statistics.median(x for r in floor for x in pick(r))
        app = statistics.median(x for r in ours for x in pick(r))
        print(f"{name:<36}{base:>12.3f}{app:>12.3f}{app / base:>7.2f}x")
    print("target: ratio <= 1.20")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
