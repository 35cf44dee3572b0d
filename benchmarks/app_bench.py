"""How fast the app feels in a real browser, against a bare Flet hello world (same run).

Two numbers, each the median of a few runs in Debian's Chromium with semantics on:

- **start**: server start (the app built and served on 127.0.0.1) → first screen visible;
- **answer**: click an answer → the next question visible.

The floor is a Flet hello world served the same way (start → its text visible; click → its text
changed). Target: the app within 1.2× of the floor. Run: ``.venv/bin/python
benchmarks/app_bench.py [--runs N]``; prints a table, asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import flet as ft

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "e2e"))

from browserkit import CHROMIUM, CHROMIUM_ARGS, ServerThread, sel  # noqa: E402

Measure = Callable[[Any], tuple[float, float]]


def hello_app() -> Any:
    """The floor: one text and one button that changes it."""

    def main(page: ft.Page) -> None:
        label = ft.Text("Hallo")

        def clicked(_: Any) -> None:
            label.value = "Volgende"
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


def _run(
    browser: Any,
    make_app: Callable[[], Any],
    path: str,
    first: str,
    click: str,
    changed: tuple[str, str],
) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    started = time.perf_counter()
    with ServerThread(make_app()) as server:
        page.goto(server.url + path)
        page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=60_000)
        page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
        _visible(page, first)
        start = time.perf_counter() - started
        target = page.locator(sel(click)).first
        t0 = time.perf_counter()
        target.click()
        _visible(page, *changed)
        answer = time.perf_counter() - t0
    context.close()
    return start, answer


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    floor: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.runs):  # interleaved, so machine load hits both alike
            floor.append(
                _run(browser, hello_app, "/", "hello", "hello-button", ("hello", "Volgende"))
            )
            ours.append(
                _run(
                    browser,
                    our_app,
                    "/vraag/algemeen-inzage-dossier",
                    "step-title",
                    "answer-0",
                    ("step-title", "Welke organisatie"),
                )
            )
        browser.close()
    print(f"app_bench: median of {args.runs} runs, Chromium, 390x844, semantics on")
    print(f"{'measure':<34}{'hello world':>12}{'PrivacyApp':>12}{'ratio':>8}")
    for index, name in (
        (0, "server start -> first screen (s)"),
        (1, "answer click -> next question (s)"),
    ):
        base = statistics.median(r[index] for r in floor)
        app = statistics.median(r[index] for r in ours)
        print(f"{name:<34}{base:>12.3f}{app:>12.3f}{app / base:>7.2f}x")
    print("target: ratio <= 1.20")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
