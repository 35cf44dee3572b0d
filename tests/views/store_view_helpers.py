"""Find controls in a built tree by key, and press them (no Flet client needed)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import flet as ft

_CHILDREN = ("content", "controls", "actions", "title", "subtitle", "trailing", "leading")


def walk(control: Any) -> Iterator[Any]:
    if control is None:
        return
    if isinstance(control, list | tuple):
        for item in control:
            yield from walk(item)
        return
    if not isinstance(control, ft.BaseControl):
        return
    yield control
    for name in _CHILDREN:
        yield from walk(getattr(control, name, None))


def find(control: Any, key: str) -> Any:
    matches = [c for c in walk(control) if getattr(c, "key", None) == key]
    assert matches, f"no control with key {key!r}"
    return matches[0]


def find_all(control: Any, key: str) -> list[Any]:
    return [c for c in walk(control) if getattr(c, "key", None) == key]


def texts(control: Any) -> str:
    return "\n".join(
        str(c.value) for c in walk(control) if isinstance(c, ft.Text) and c.value is not None
    )


def click(control: Any) -> None:
    control.on_click(None)
