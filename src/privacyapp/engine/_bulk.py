"""Bulk work without the cyclic garbage collector.

Building thousands of small immutable objects (flows, nodes, index entries) makes CPython's
collector scan the growing heap again and again, so loading 5,000 flows took about four times as
long per flow as loading 1,000. None of these objects form reference cycles that need collecting
during the build, so the collector is paused for its duration (and restored afterwards).

With ``freeze=True`` everything built is then moved out of the collector's way (``gc.freeze``):
otherwise the first full collection after the build walks every new object once more (about a
quarter of the load time at 5,000 flows), and in the long-running server every later full
collection walks the content again. Frozen objects are still freed by reference counting when
nothing uses them any more; only reference cycles among them would stay (the content has none).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block (re-enabled only if it was on).

    ``freeze``: when the block succeeds, move every tracked object to the permanent generation
    first, so the collector never scans what the block built.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if freeze:
            gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
