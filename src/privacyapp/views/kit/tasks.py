"""Work a page does on its own loop after the event that asked for it (Flet's ``page.run_task``),
made safe for a browser tab that goes away in the meantime.

Flet resolves a call that still waits for the browser with ``RuntimeError("Session closed")``
when the tab's session ends, and a page whose session is gone raises ``RuntimeError`` on every
use. Either is the end of that tab, not a fault: ``run_task`` lets the work stop quietly then,
and lets every other error through to Flet's error log as before.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, ParamSpec, TypeGuard

if TYPE_CHECKING:
    import flet as ft

__all__ = ["page_alive", "run_task"]

logger = logging.getLogger(__name__)

_P = ParamSpec("_P")

#: What Flet says when a tab's session has ended under a running call.
_GONE = ("Session closed", "destroyed session")


def page_alive(page: ft.Page | None) -> TypeGuard[ft.Page]:
    """False when the page's browser tab is gone (closed or reloaded): a timer of that tab must
    then not show anything (Flet cannot run a task without the tab's connection)."""
    if page is None:
        return False
    try:
        session = getattr(page, "session", None)  # a stand-in page (tests) has none: alive
    except RuntimeError:  # Flet: "An attempt to fetch destroyed session."
        return False
    return session is None or getattr(session, "connection", None) is not None


def _tab_gone(page: ft.Page, exc: BaseException) -> bool:
    return not page_alive(page) or any(mark in str(exc) for mark in _GONE)


def run_task(
    page: ft.Page | None,
    handler: Callable[_P, Awaitable[object]],
    *args: _P.args,
    **kwargs: _P.kwargs,
) -> Future[None] | None:
    """Run ``handler(*args, **kwargs)`` on the page's loop; None when the tab is already gone.

    When the tab goes while it runs, the work ends without an error; any other failure reaches
    Flet's error log, as with ``page.run_task``.
    """
    if not page_alive(page):
        return None
    alive = page

    @functools.wraps(handler)  # Flet's log, and a reader, see the work's own name
    async def guarded(*args: _P.args, **kwargs: _P.kwargs) -> None:
        try:
            await handler(*args, **kwargs)
        except (RuntimeError, TimeoutError) as exc:
            if not _tab_gone(alive, exc):
                raise
            logger.debug("the tab went before %s ended: %s", _name(handler), exc)

    return alive.run_task(guarded, *args, **kwargs)


def _name(handler: object) -> str:
    return getattr(handler, "__qualname__", None) or repr(handler)
