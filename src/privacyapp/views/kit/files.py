"""Handing a file to the user: the browser downloads it, desktop shows a save dialog.

One place for Flet's ``FilePicker.save_file`` with the bytes, for the citizen app's screens
(``store.page.save_file``) and the editors' studio (``UIContext.save_file``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit.tasks import run_task

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["save_bytes"]

logger = logging.getLogger(__name__)


def save_bytes(page: ft.Page, name: str, data: bytes) -> Future[None] | None:
    """Offer ``data`` as the file ``name``; a platform that cannot save it is logged, not
    raised (the screen stays usable). None when the page's tab is already gone."""

    async def pick_and_save() -> None:
        picker = ft.FilePicker()
        page.services.append(picker)
        page.update()
        try:
            await picker.save_file(file_name=name, src_bytes=data)
        except (RuntimeError, TimeoutError) as exc:  # the user's platform could not save
            logger.warning("saving %s failed: %s", name, exc)
        finally:
            page.services.remove(picker)

    return run_task(page, pick_and_save)
