"""Page effects the store screens need, behind small functions that also work without a page.

In tests ``ctx.page`` is None: dialogs, saved files and delayed callbacks then land in the
wing's ``StoreState`` (``dialogs``, ``files``, ``timers``), so tests can look at them and fire
them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import flet as ft

from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.files import save_bytes
from privacyapp.views.kit.tasks import run_task
from privacyapp.views.store.state import StoreState

__all__ = [
    "close_dialog",
    "later",
    "save_file",
    "show_dialog",
]


def show_dialog(ctx: ViewContext, dialog: ft.AlertDialog | ft.SnackBar) -> None:
    if ctx.page is not None:
        ctx.page.show_dialog(dialog)
    else:
        ctx.state.features.get(StoreState).dialogs.append(dialog)


def close_dialog(ctx: ViewContext) -> None:
    if ctx.page is not None:
        ctx.page.pop_dialog()
    else:
        ctx.state.features.get(StoreState).dialogs.append(None)


def later(ctx: ViewContext, seconds: float, callback: Callable[[], None]) -> None:
    """Run ``callback`` after ``seconds`` (on the page's event loop)."""
    if ctx.page is None:
        ctx.state.features.get(StoreState).timers.append((seconds, callback))
        return

    async def wait_then_run() -> None:
        await asyncio.sleep(seconds)
        callback()

    run_task(ctx.page, wait_then_run)


def save_file(ctx: ViewContext, name: str, data: bytes) -> None:
    """Let the user save ``data`` (the browser downloads it; desktop shows a save dialog)."""
    if ctx.page is None:
        ctx.state.features.get(StoreState).files.append((name, data))
        return
    save_bytes(ctx.page, name, data)
