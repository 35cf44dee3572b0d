"""Protocol messages and server CPU per step, against a Flet hello world (same run).

A step in a browser is a click sent to the server, the patches and calls the server sends back,
and the client's answers (method results, the route echo). This benchmark plays the client at
the protocol level, inside one process: a ``Connection`` that records every message the server
sends and answers method calls at once, the way the web client does (``push_route`` answers
and then echoes a ``route_change``). So it counts exactly what one step costs the server —
messages out and in, bytes of patches, CPU — without a browser's noise.

Steps, as ``app_bench`` times them in Chromium: question -> question, question -> advice,
advice -> new question (restart), info -> checklist; against the hello world's click -> changed
text. Medians with [min-max] over ``--clicks`` steps of each kind; the verdict is the ratio to
the hello world's click. The 1-minute load average is printed.

    PYTHONPATH=src .venv/bin/python benchmarks/step_bench.py [--clicks 20] [--show]

``--show`` lists the messages of one step of each kind.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import flet as ft
import msgpack
from flet.controls.base_control import BaseControl
from flet.messaging.connection import Connection
from flet.messaging.protocol import (
    Message,
    MessageAction,
    configure_encode_object_for_msgpack,
)
from flet.messaging.session import Session

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "views" / "shell"))

from standin import register  # noqa: E402  (a real session on a stand-in connection)

SETTLE = 0.12
"""Seconds after a click in which what the step sends is counted (the app defers its title
and history push by 50 ms, so they are in)."""

_CHILD_FIELDS = ("content", "controls", "leading", "title", "actions", "destinations")


class Client(Connection):
    """The web client, as far as the server can tell: records messages, answers calls."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.log: list[tuple[str, str, int]] = []  # (direction, what, bytes)
        self.page_url = "http://127.0.0.1"

    def send_message(self, message: Message) -> None:
        body = msgpack.packb(
            [message.action, message.body],
            default=configure_encode_object_for_msgpack(BaseControl),
        )
        action = MessageAction(message.action)
        what = action.name.lower()
        if action == MessageAction.INVOKE_METHOD:
            what = f"invoke {message.body.name}"
            self.loop.call_soon(self._answer, message.body)
        if action == MessageAction.SESSION_CRASHED:
            print("the app failed:", message.body)
        self.log.append(("out", what, len(body)))

    def _answer(self, body: Any) -> None:
        assert self.session is not None
        self.log.append(("in", f"result {body.name}", 0))
        self.session.handle_invoke_method_results(body.control_id, body.call_id, None, None)
        if body.name == "push_route":
            route = body.args["route"]
            page = self.session.page
            self.log.append(("in", "route props", 0))
            self.session.apply_page_patch({"route": route})
            self.log.append(("in", "route_change", 0))
            asyncio.ensure_future(self.session.dispatch_event(page._i, "route_change",
                                                              {"route": route}))  # fmt: skip

    def click(self, control: BaseControl) -> Awaitable[None]:
        assert self.session is not None
        self.log.append(("in", "click", 0))
        return self.session.dispatch_event(control._i, "click", None)


def _walk(control: Any) -> Iterator[Any]:
    if control is None:
        return
    yield control
    for name in _CHILD_FIELDS:
        value = getattr(control, name, None)
        if isinstance(value, BaseControl):
            yield from _walk(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseControl):
                    yield from _walk(item)


def _find(page: ft.Page, ident: str) -> BaseControl:
    for view in page.views:
        for control in _walk(view):
            if isinstance(control, ft.Semantics) and control.identifier == ident:
                inner = control.content
                return inner if isinstance(inner, BaseControl) else control
    raise LookupError(ident)


async def _session(main: Callable[[ft.Page], Awaitable[None]], route: str) -> Client:
    client = Client()
    session = register(client, route)  # as Flet's server does up to main
    await main(session.page)
    await session.after_event(session.page)
    await asyncio.sleep(SETTLE)
    return client


async def _step(client: Client, ident: str) -> tuple[Counter[str], int, float]:
    """Click ``ident``; what the step sent and received, patch bytes, and server CPU."""
    assert client.session is not None
    await asyncio.sleep(0.02)
    start = len(client.log)
    cpu = time.process_time()
    await client.click(_find(client.session.page, ident))
    await asyncio.sleep(SETTLE)
    cpu = time.process_time() - cpu
    entries = client.log[start:]
    return (
        Counter(f"{d} {w}" for d, w, _ in entries),
        sum(size for d, _, size in entries if d == "out"),
        cpu,
    )


def _hello_main() -> Callable[[ft.Page], Awaitable[None]]:
    async def main(page: ft.Page) -> None:
        label = ft.Text("Hallo")
        clicks = [0]

        def clicked(_: Any) -> None:
            clicks[0] += 1
            label.value = f"Volgende {clicks[0]}"
            page.update()

        page.add(
            ft.Semantics(identifier="hello", content=label),
            ft.Semantics(identifier="hello-button", button=True,
                         content=ft.Button("Volgende", on_click=clicked)),
        )  # fmt: skip

    return main


async def run(clicks: int, show: bool) -> None:
    from privacyapp.app import build_services, make_main

    services = build_services(Path(tempfile.mkdtemp(prefix="step-bench-")), web=True)
    app = make_main(services)
    rows: dict[str, list[tuple[Counter[str], int, float]]] = {}
    hello = await _session(_hello_main(), "/")
    inzage = await _session(app, "/vraag/algemeen-inzage-dossier")
    conflict = await _session(app, "/vraag/algemeen-conflict-van-plichten")
    for _ in range(clicks):  # interleaved, so load hits all alike
        rows.setdefault("hello click", []).append(await _step(hello, "hello-button"))
        rows.setdefault("q->q", []).append(await _step(inzage, "answer-0"))
        rows.setdefault("q->advice", []).append(await _step(inzage, "answer-0"))
        rows.setdefault("advice->q", []).append(await _step(inzage, "flow-restart"))
        rows.setdefault("->checklist", []).append(await _step(conflict, "flow-next"))
        await _step(conflict, "flow-back")
    base = rows["hello click"]
    base_msgs = statistics.median(sum(c.values()) for c, _, _ in base)
    base_cpu = statistics.median(cpu for _, _, cpu in base)
    print(f"{'step':<12} {'messages (out+in)':>18} {'out':>4} {'patch KB':>9} "
          f"{'server CPU ms':>22} {'msgs/hello':>10} {'CPU/hello':>9}")  # fmt: skip
    for name, values in rows.items():
        msgs = [sum(c.values()) for c, _, _ in values]
        outs = [sum(n for k, n in c.items() if k.startswith("out")) for c, _, _ in values]
        kb = [size / 1000 for _, size, _ in values]
        cpu = [c * 1000 for _, _, c in values]
        print(
            f"{name:<12} {statistics.median(msgs):>18.0f} {statistics.median(outs):>4.0f} "
            f"{statistics.median(kb):>9.1f} {statistics.median(cpu):>8.2f} "
            f"[{min(cpu):.2f}-{max(cpu):.2f}] {statistics.median(msgs) / base_msgs:>9.1f}x "
            f"{statistics.median(cpu) / 1000 / base_cpu:>8.2f}x"
        )
    if show:
        for name, values in rows.items():
            counted, _, _ = values[-1]
            print(f"\n{name}: " + ", ".join(f"{k} x{n}" for k, n in sorted(counted.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="list one step's messages")
    args = parser.parse_args()
    print(f"step_bench: load average (1 min) {os.getloadavg()[0]:.2f}; {args.clicks} steps "
          f"of each kind, interleaved; a protocol-level client in this process")  # fmt: skip
    asyncio.run(run(args.clicks, args.show))
    print(f"goal: every step kind <= 1.2x the hello click; load average (1 min) at the end "
          f"{os.getloadavg()[0]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
