"""Run pyHanko's async work from synchronous code, even when this thread has a running loop.

pyHanko's own sync API calls ``asyncio.run()``, which fails inside a running event loop (a Flet
handler, or a thread where a test harness keeps a loop running). ``run_sync`` then runs the
coroutine on a fresh loop in a worker thread instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["run_sync"]

T = TypeVar("T")


def run_sync(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion and return its result."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
