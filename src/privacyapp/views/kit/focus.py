"""Moving keyboard focus: the skip link's target and an error summary's links to their fields.

Flet's buttons, text fields and dropdowns have an ``async focus()``; a ``Semantics`` wrapper
(where the identifiers live) has none. These helpers find the focusable control inside a
wrapper, or the first one of a screen, and ask the client to focus it. Without a page (tests)
the request is recorded on the control, so view tests can see what would get focus.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Iterator
from typing import Protocol, cast

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.tasks import run_task

__all__ = [
    "FOCUS_REQUESTED",
    "controls_in",
    "find_ident",
    "first_focusable",
    "focus_main",
    "form_problem",
    "request_focus",
]

logger = logging.getLogger(__name__)

#: Attribute set on a control whose focus was requested without a page (tests read it).
FOCUS_REQUESTED = "_privacyapp_focus_requested"


class _Focusable(Protocol):
    async def focus(self) -> None: ...


_CHILD_FIELDS = ("content", "controls", "leading", "title", "subtitle", "trailing")


def controls_in(control: ft.Control) -> Iterator[ft.Control]:
    """``control`` and every control inside it, in the order they are laid out (depth first)."""
    yield control
    for name in _CHILD_FIELDS:
        child = getattr(control, name, None)
        if isinstance(child, ft.Control):
            yield from controls_in(child)
        elif isinstance(child, list):
            for item in child:
                if isinstance(item, ft.Control):
                    yield from controls_in(item)


def _can_focus(control: ft.Control) -> bool:
    if getattr(control, "disabled", False) or getattr(control, "visible", True) is False:
        return False
    return inspect.iscoroutinefunction(getattr(type(control), "focus", None))


def find_ident(control: ft.Control, ident: str) -> ft.Control | None:
    """The control carrying the semantics identifier ``ident`` (or ``None``)."""
    return next((c for c in controls_in(control) if getattr(c, "identifier", None) == ident), None)


def first_focusable(control: ft.Control, ident: str | None = None) -> ft.Control | None:
    """The first control that can take keyboard focus: inside the control identified by
    ``ident`` when given (None when that is missing), else anywhere in ``control``."""
    scope = control if ident is None else find_ident(control, ident)
    if scope is None:
        return None
    return next((c for c in controls_in(scope) if _can_focus(c)), None)


def request_focus(page: ft.Page | None, control: ft.Control, *, delay: float = 0.0) -> None:
    """Ask the client to give ``control`` keyboard focus (the screen reader follows it);
    ``delay``: seconds to wait first, for a control that is still being sent to the page."""
    if page is None:
        setattr(control, FOCUS_REQUESTED, True)
        return

    async def focus() -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            await cast(_Focusable, control).focus()
        except (RuntimeError, TimeoutError) as exc:  # the screen changed meanwhile
            logger.debug("focus not delivered: %s", exc)

    run_task(page, focus)


def focus_main(page: ft.Page | None, content: ft.Control, main: str | None) -> None:
    """The skip link's action: focus the first focusable control of the screen's own content
    (inside the control identified by ``main``, else the screen's first one)."""
    target = first_focusable(content, main)
    if target is not None:
        request_focus(page, target)


def form_problem(
    title: str,
    message: str,
    *,
    ident: str,
    page: ft.Page | None,
    field: tuple[str, ft.Control] | None = None,
    fresh: bool = False,
    scroll_key: str | None = None,
    message_ident: str | None = None,
) -> ft.Control:
    """A form's error summary (NL Design System), to put right under the button that failed:
    the message, and when it is about one field a link (``field``: the link's text and the
    field control) that moves keyboard focus to that field (``<ident>-link-0``); the message
    is ``message_ident`` (default ``<ident>-message``). ``fresh``: the problem has just
    appeared, so keyboard focus moves to the summary's link (a screen reader reads it)."""
    lines: list[tuple[str, w.Handler | None]] = []
    if field is not None:
        label, control = field
        lines.append((label, lambda _e: request_focus(page, control)))
    text = ft.Semantics(identifier=message_ident or f"{ident}-message", content=w.body(message))
    summary = w.error_summary(title, lines, ident=ident, before=[text], scroll_key=scroll_key)
    link = first_focusable(summary, f"{ident}-link-0")
    if fresh and link is not None:
        request_focus(page, link, delay=0.2)
    return summary
