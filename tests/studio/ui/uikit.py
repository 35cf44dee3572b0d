"""Find, type into and click the studio's controls without a Flet client."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import flet as ft

_CHILDREN = ("content", "controls", "leading", "title", "trailing", "actions", "label")


def walk(control: Any) -> Iterator[Any]:
    if control is None:
        return
    yield control
    for name in _CHILDREN:
        value = getattr(control, name, None)
        if isinstance(value, ft.BaseControl):
            yield from walk(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ft.BaseControl):
                    yield from walk(item)


def idents(control: Any) -> list[str]:
    return [c.identifier for c in walk(control) if isinstance(c, ft.Semantics) and c.identifier]


def find(control: Any, ident: str) -> Any:
    for c in walk(control):
        if isinstance(c, ft.Semantics) and c.identifier == ident:
            return c.content if c.content is not None else c
    raise AssertionError(f"no control {ident!r}; have: {idents(control)}")


def texts(control: Any) -> str:
    out: list[str] = []
    for c in walk(control):
        if isinstance(c, ft.Text):
            out.append(c.value or "".join(s.text or "" for s in (c.spans or [])))
        elif isinstance(getattr(c, "content", None), str):
            out.append(c.content)
        if isinstance(c, ft.Semantics) and c.label:
            out.append(c.label)
    return "\n".join(out)


def click(screen: Any, ident: str) -> None:
    find(screen, ident).on_click(None)


def type_into(screen: Any, ident: str, value: str) -> None:
    control = find(screen, ident)
    event = SimpleNamespace(control=SimpleNamespace(value=value))
    if isinstance(control, ft.Checkbox):
        control.on_change(SimpleNamespace(control=SimpleNamespace(value=value == "ja")))
    elif isinstance(control, ft.Dropdown):
        control.on_select(event)
    else:
        control.on_change(event)


def signed_in(studio: Any, name: str, page: Any = None) -> Any:
    """A studio tab (``StudioUI``) in which ``name`` is signed in (password: studiokit's)."""
    from studiokit import PASSWORD

    from privacyapp.views.studio.app import StudioUI

    token, user = studio.sign_in(name, PASSWORD)
    ui = StudioUI(page, studio)
    ui.state.token, ui.state.user = token, user
    return ui


def screen(ui: Any) -> Any:
    """What the studio tab shows now (its body's first control)."""
    return ui.body.controls[0]
