"""Another visitor's step time while a hostile visitor sends PIN tries (web-server mode).

One asyncio loop stands for the Flet server. An honest visitor takes "steps" (each a short
await, like a click that re-renders); a hostile visitor sends three PIN tries at once. Four
ways, each measured in the same run against the quiet baseline:

- quiet: no hostile visitor;
- inline: the derivation runs on the loop (what a sync Flet handler does), with the stored
  parameters the visitor chose, bounded only by the general file limits (here 256 MiB × 4
  passes, a quarter of what those limits allow, so this machine is not overloaded);
- inline, web limits: the same, but ``WEB_KDF_LIMITS`` refuses the crafted parameters, so the
  hostile tries fall back to the largest the server accepts (64 MiB × 16);
- gate + web limits: ``DerivationGate(limit=2 or 1)`` runs them in worker threads.

    PYTHONPATH=src .venv/bin/python benchmarks/web_kdf_bench.py [--steps 20]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Awaitable, Callable

from privacyapp.dossier import WEB_KDF_LIMITS, DerivationGate, KdfParams

HOSTILE = KdfParams("argon2id", b"\1" * 16, iterations=4, memory_kib=256 * 1024)
BOUNDED = KdfParams(
    "argon2id",
    b"\1" * 16,
    iterations=WEB_KDF_LIMITS.max_iterations,
    memory_kib=WEB_KDF_LIMITS.max_memory_kib,
)


async def visitor_steps(steps: int) -> tuple[float, float]:
    """Total and slowest step (ms): each a render's worth of CPU (2 ms) after a short await."""
    times = []
    begin = time.perf_counter()
    for _ in range(steps):
        start = time.perf_counter()
        await asyncio.sleep(0.005)
        end = time.perf_counter() + 0.002
        while time.perf_counter() < end:
            pass
        times.append(time.perf_counter() - start)
    return (time.perf_counter() - begin) * 1000, max(times) * 1000


async def scenario(
    steps: int, hostile: Callable[[], Awaitable[None]] | None
) -> tuple[float, float]:
    tasks = [asyncio.create_task(hostile())] if hostile else []
    await asyncio.sleep(0)  # let the hostile visitor start first
    result = await visitor_steps(steps)
    for task in tasks:
        await task
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=20)
    steps = parser.parse_args().steps

    async def inline(params: KdfParams) -> None:
        for _ in range(3):
            params.derive("12345")  # blocks the loop
            await asyncio.sleep(0)

    async def gated(limit: int) -> None:
        gate = DerivationGate(limit=limit)
        await asyncio.gather(*(gate.run(BOUNDED.derive, "12345") for _ in range(3)))

    quiet = asyncio.run(scenario(steps, None))
    rows = [
        ("quiet (baseline)", quiet),
        ("inline, 256 MiB x 4 (general limits)",
         asyncio.run(scenario(steps, lambda: inline(HOSTILE)))),
        ("inline, web limits (64 MiB x 16)", asyncio.run(scenario(steps, lambda: inline(BOUNDED)))),
        ("gate(2) + web limits", asyncio.run(scenario(steps, lambda: gated(2)))),
        ("gate(1) + web limits", asyncio.run(scenario(steps, lambda: gated(1)))),
    ]  # fmt: skip
    print(f"another visitor, {steps} steps, while a hostile visitor sends 3 PIN tries")
    print(f"{'':40} {'all steps':>10} {'x quiet':>8} {'slowest':>10}")
    for name, (total, slowest) in rows:
        print(f"{name:40} {total:7.0f} ms {total / quiet[0]:8.2f} {slowest:7.0f} ms")


if __name__ == "__main__":
    main()
