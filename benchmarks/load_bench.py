"""Many users stepping at once on one server, and the memory their sessions leave behind.

The server side of ``--web`` mode under load, against a Flet hello world under the same load in
the same run. Each user is a session played by ``step_bench``'s protocol-level client (inside
this process, no browser): the app's users walk a flow (question -> question -> advice ->
restart, over and over), the hello world's users click its button. Two loads:

- **paced**: every user steps about once per ``--think`` seconds (random, so steps do not line
  up), for ``--seconds``; each step's latency runs from the moment the user meant to click to
  the end of the server's answer (the view's patch sent), so waiting for a busy server counts;
- **burst**: all users click in the same instant, once; the last one waits for all the others.

Printed per load: steps done, p50 / p95 / max latency, and the ratio of the app's p95 to the
hello world's. The goal (issue 21): 50 users, p95 step <= 100 ms.

**Memory** (a second pass, with ``tracemalloc`` on, so its overhead stays out of the latencies):
the Python memory every user's session adds (open, after a few steps), and what is left of it
after every tab is gone: each session is disconnected and then closed, as Flet's server does
when a closed tab's session expires (``SESSION_TIMEOUT_SECONDS`` after the tab went), and the
garbage is collected. It also counts the sessions still alive then (through weak references):
they must be 0, since a session holds the user's state and, once unlocked, their decrypted store.

    PYTHONPATH=src .venv/bin/python benchmarks/load_bench.py [--users 50] [--seconds 10]
        [--think 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import random
import statistics
import tempfile
import time
import tracemalloc
import weakref
from collections.abc import Awaitable, Callable
from pathlib import Path

import flet as ft
from flet.controls.context import _context_page

from step_bench import SETTLE, Client, _find, _hello_main, _session

FLOW_ROUTE = "/vraag/algemeen-inzage-dossier"
APP_WALK = ("answer-0", "answer-0", "flow-restart")  # question -> question -> advice -> restart
HELLO_WALK = ("hello-button",)

Main = Callable[[ft.Page], Awaitable[None]]


async def _users(main: Main, route: str, count: int) -> list[Client]:
    return [await _session(main, route) for _ in range(count)]


async def _step(client: Client, ident: str) -> None:
    assert client.session is not None
    await client.click(_find(client.session.page, ident))


class Walker:
    """Where each user is in its walk, so every click finds its button (across loads)."""

    def __init__(self, walk: tuple[str, ...]) -> None:
        self.walk, self.at = walk, dict[int, int]()

    async def next(self, client: Client) -> None:
        step = self.at.get(id(client), 0)
        await _step(client, self.walk[step % len(self.walk)])
        self.at[id(client)] = step + 1


async def _paced(clients: list[Client], walk: Walker, seconds: float, think: float) -> list[float]:
    """Each user steps about every ``think`` s for ``seconds``; latencies in seconds."""
    latencies: list[float] = []
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds

    async def user(client: Client, seed: int) -> None:
        rng = random.Random(seed)
        due = loop.time() + rng.uniform(0, think)  # users start spread over one think time
        while due < end:
            await asyncio.sleep(max(0.0, due - loop.time()))
            await walk.next(client)
            latencies.append(loop.time() - due)  # from the intended click: queueing counts
            due += rng.uniform(0.5 * think, 1.5 * think)

    await asyncio.gather(*(user(c, i) for i, c in enumerate(clients)))
    await asyncio.sleep(SETTLE)  # the deferred title and history entries go out
    return latencies


async def _burst(clients: list[Client], walk: Walker) -> list[float]:
    """Every user clicks at the same instant, once."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    latencies: list[float] = []

    async def user(client: Client) -> None:
        await walk.next(client)
        latencies.append(loop.time() - start)

    await asyncio.gather(*(user(c) for c in clients))
    await asyncio.sleep(SETTLE)
    return latencies


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _row(name: str, latencies: list[float]) -> tuple[str, float]:
    ms = [v * 1000 for v in latencies]
    p95 = _quantile(ms, 0.95)
    line = f"{name:<24} {len(ms):>6} {statistics.median(ms):>9.1f} {p95:>9.1f} {max(ms):>9.1f}"
    return line, p95


async def _latency(app: Main, users: int, seconds: float, think: float) -> None:
    hello = await _users(_hello_main(), "/", users)
    mine = await _users(app, FLOW_ROUTE, users)
    walks = {"hello world": Walker(HELLO_WALK), "PrivacyApp": Walker(APP_WALK)}
    print(f"{'load':<24} {'steps':>6} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for load in ("paced", "burst"):
        results: dict[str, float] = {}
        for name, clients in (("hello world", hello), ("PrivacyApp", mine)):
            walk = walks[name]
            cpu = time.process_time()
            if load == "paced":
                latencies = await _paced(clients, walk, seconds, think)
            else:
                latencies = await _burst(clients, walk)
            cpu = time.process_time() - cpu
            line, results[name] = _row(f"{load}: {name}", latencies)
            extra = f"   server CPU {cpu / len(latencies) * 1000:.1f} ms/step"
            print(line + extra)
        ratio = results["PrivacyApp"] / results["hello world"]
        print(f"{load}: p95 {ratio:.2f}x the hello world's; goal p95 <= 100 ms"
              f" ({'met' if results['PrivacyApp'] <= 100 else 'missed'})")  # fmt: skip


def _traced_mb() -> float:
    gc.collect()
    return tracemalloc.get_traced_memory()[0] / 1e6


async def _close_all(clients: list[Client]) -> None:
    """What Flet's server does with a closed tab: disconnect now, close when it expires."""
    for client in clients:
        assert client.session is not None
        await client.session.disconnect(0)
        client.session.close()
    await asyncio.sleep(SETTLE)  # the close events run


async def _memory(app: Main, users: int) -> None:
    print(f"\nmemory (Python, tracemalloc), {users} users each")
    for name, main, route, walk in (("hello world", _hello_main(), "/", HELLO_WALK),
                                     ("PrivacyApp", app, FLOW_ROUTE, APP_WALK)):  # fmt: skip
        tracemalloc.start()
        idle = _traced_mb()
        clients = await _users(main, route, users)
        walker = Walker(walk)
        for client in clients:
            for _ in walk:
                await walker.next(client)
        await asyncio.sleep(1.0)  # every deferred title, history entry and its echo is done
        busy = _traced_mb()
        alive = [weakref.ref(c.session) for c in clients if c.session is not None]
        await _close_all(clients)
        for client in clients:
            client.executor.shutdown(wait=False)
        del clients, client, walker  # the loop variable would keep the last user alive
        _context_page.set(None)  # set by every session start: it would keep the last page alive
        after = _traced_mb()
        tracemalloc.stop()
        left = sum(ref() is not None for ref in alive)
        per_user = (busy - idle) / users * 1000
        print(f"{name:<12} sessions open: +{busy - idle:.1f} MB ({per_user:.0f} KB per user);"
              f" tabs gone: +{after - idle:.2f} MB ({(after - idle) / max(busy - idle, 1e-9):.0%}"
              f" of it left), sessions alive {left}")  # fmt: skip


async def run(users: int, seconds: float, think: float) -> None:
    from privacyapp.app import build_services, make_main

    services = build_services(Path(tempfile.mkdtemp(prefix="load-bench-")), web=True)
    app = make_main(services)
    await _latency(app, users, seconds, think)
    await _memory(app, users)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between steps")
    args = parser.parse_args()
    print(f"load_bench: {args.users} users, paced load {args.seconds:.0f} s at one step per"
          f" ~{args.think:.1f} s each; load average (1 min) {os.getloadavg()[0]:.2f}")  # fmt: skip
    asyncio.run(run(args.users, args.seconds, args.think))
    print(f"load average (1 min) at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
