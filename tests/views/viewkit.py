"""Inspect and drive view builders without a Flet client (reusable by every feature's tests)."""

from __future__ import annotations

import inspect
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import flet as ft

from privacyapp.views.kit import i18n

__all__ = [
    "RecordingNavigator",
    "click",
    "find",
    "find_all",
    "heard",
    "idents",
    "layout_problems",
    "room_for",
    "texts",
    "ui_phrases",
    "walk",
]


@dataclass
class RecordingNavigator:
    """A Navigator that records where handlers sent the user."""

    routes: list[str] = field(default_factory=list)
    backs: int = 0
    refreshes: int = 0

    def go(self, route: str) -> None:
        self.routes.append(route)

    def back(self) -> None:
        self.backs += 1

    def refresh(self) -> None:
        self.refreshes += 1


_CHILD_FIELDS = (
    "content",
    "controls",
    "leading",
    "title",
    "subtitle",
    "trailing",
    "actions",
    "destinations",
    "icon",
    "label",
    "prefix",
    "suffix",
)


def walk(control: Any) -> Iterator[Any]:
    """Every control in the tree, depth first, the root included."""
    if control is None:
        return
    yield control
    for name in _CHILD_FIELDS:
        value = getattr(control, name, None)
        if isinstance(value, ft.BaseControl):
            yield from walk(value)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ft.BaseControl):
                    yield from walk(item)


def idents(control: Any) -> list[str]:
    """All semantics identifiers in the tree, in order."""
    return [c.identifier for c in walk(control) if isinstance(c, ft.Semantics) and c.identifier]


def find(control: Any, ident: str) -> Any:
    """The control inside the ``ft.Semantics(identifier=ident)`` (the Semantics if it is empty)."""
    for c in walk(control):
        if isinstance(c, ft.Semantics) and c.identifier == ident:
            return c.content if c.content is not None else c
    raise AssertionError(f"no control with identifier {ident!r}; have: {idents(control)}")


def find_all(control: Any, kind: type) -> list[Any]:
    """All controls of one type."""
    return [c for c in walk(control) if isinstance(c, kind)]


def texts(control: Any) -> list[str]:
    """Every visible text (``ft.Text`` values, button labels, text field labels)."""
    out: list[str] = []
    for c in walk(control):
        if isinstance(c, ft.Text) and c.value:
            out.append(c.value)
        elif isinstance(c, ft.TextField) and c.label:
            out.append(str(c.label))
        elif isinstance(getattr(c, "content", None), str):
            out.append(c.content)
    return out


def heard(control: Any) -> str:
    """Everything a user sees or hears, in one string: texts, semantics labels, tooltips, hints
    and helper texts (a screen reader reads the labels, a mouse user sees the tooltips)."""
    out = texts(control)
    for c in walk(control):
        for name in ("label", "tooltip", "hint_text", "helper", "helper_text", "semantics_label"):
            value = getattr(c, name, None)
            if isinstance(value, str) and value:
                out.append(value)
    return "\n".join(out)


def ui_phrases(lang: str, *prefixes: str) -> set[str]:
    """The fixed parts (8 characters or more) of the UI texts of ``lang`` under ``prefixes``,
    leaving out what the other language says the same way: what must not show up in the
    other language's UI."""
    other = i18n.catalog("en" if lang == "nl" else "nl")
    phrases: set[str] = set()
    for key, text in i18n.catalog(lang).items():
        if not key.startswith(prefixes) or text == other.get(key):
            continue
        for literal, *_ in string.Formatter().parse(text):
            phrases |= {p.strip() for p in [literal] if len(p.strip()) >= 8}
    return phrases


def click(control: Any, event: Any = None) -> Any:
    """Call the control's click (or submit) handler as Flet would."""
    handler = getattr(control, "on_click", None) or getattr(control, "on_submit", None)
    if handler is None:
        for c in walk(control):
            handler = getattr(c, "on_click", None)
            if handler is not None:
                break
    assert handler is not None, f"{type(control).__name__} has no click handler"
    if inspect.signature(handler).parameters:
        return handler(event)
    return handler()


def layout_problems(control: Any) -> list[str]:
    """Layouts Flutter refuses at run time (a grey box on screen), found before they ship.

    - an ``expand`` child inside a wrapping Row (a Wrap cannot expand children);
    - a fixed ``height`` on a button (its label can no longer grow with the text size).
    """
    problems: list[str] = []
    for c in walk(control):
        if isinstance(c, ft.Row) and c.wrap:
            problems += [
                f"expand child {type(k).__name__} in a wrapping Row"
                for k in c.controls
                if getattr(k, "expand", None)
            ]
        if isinstance(c, ft.FilledButton | ft.OutlinedButton | ft.TextButton) and c.height:
            problems.append(f"{type(c).__name__} with fixed height {c.height}")
    return problems


# Flutter's sizes where Flet leaves a value unset (Material 3): an icon is 24 px, an icon
# button 48 px (the theme's 12 px padding around it), a list tile has 16 px before its content
# and 24 px after it, and a leading icon takes at least 24 px plus a 16 px gap.
_ICON = 24
_ICON_BUTTON = 48
_TILE_START, _TILE_END, _TILE_GAP, _TILE_LEADING = 16, 24, 16, 24


def _sides(padding: Any) -> float:
    if padding is None:
        return 0
    if isinstance(padding, int | float):
        return 2 * padding
    return float((padding.left or 0) + (padding.right or 0))


def _fixed_width(control: Any) -> float:
    """The width a non-expanding child of a Row takes (icons, icon buttons, sized boxes)."""
    if isinstance(control, ft.Semantics):
        return _fixed_width(control.content)
    if isinstance(control, ft.IconButton):
        return _ICON_BUTTON
    if isinstance(control, ft.Icon):
        return float(control.size or _ICON)
    if getattr(control, "width", None):
        return float(control.width)
    raise AssertionError(f"no fixed width known for {type(control).__name__} in a Row")


def _path(root: Any, target: Any) -> list[Any] | None:
    if root is target:
        return [root]
    for name in _CHILD_FIELDS:
        value = getattr(root, name, None)
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, ft.BaseControl) and (found := _path(child, target)):
                return [root, *found]
    return None


def room_for(root: Any, target: Any, width: float) -> float:
    """The width (px) the layout gives ``target`` inside ``root`` when ``root`` is ``width``
    wide, as Flutter lays it out: containers and buttons take their padding off, a column
    gives each child its whole width, a row gives its expanding child what its icons, fixed
    boxes and spacing leave, a list tile takes its padding and leading icon off. Enough for the
    builders' rows; an unknown control in a row fails the test instead of guessing."""
    path = _path(root, target)
    assert path is not None, f"{type(target).__name__} is not inside {type(root).__name__}"
    room = float(width)
    for parent, child in zip(path, path[1:], strict=False):
        if getattr(parent, "width", None) and not isinstance(parent, ft.Icon):
            room = min(room, float(parent.width))
        if isinstance(parent, ft.Container):
            room -= _sides(parent.padding)
        elif isinstance(parent, ft.FilledButton | ft.OutlinedButton | ft.TextButton):
            room -= _sides(parent.style.padding if parent.style is not None else None)
        elif isinstance(parent, ft.Row) and len(parent.controls) > 1:
            others = [c for c in parent.controls if c is not child]
            room -= sum(_fixed_width(c) for c in others) + parent.spacing * len(others)
        elif isinstance(parent, ft.ListTile) and child is parent.title:
            padding = parent.content_padding
            room -= _sides(padding) if padding is not None else _TILE_START + _TILE_END
            if parent.leading is not None:
                room -= max(_TILE_LEADING, _fixed_width(parent.leading)) + _TILE_GAP
    return room


PHONE = 390  # px: the narrowest window the app is checked at (docs/ui.md)
#: A glyph's width as a share of the font size: about 0.5 for Roboto's lower case, 0.6 for
#: its widest letters in the semibold the labels use, so 0.6 is the safe estimate.
GLYPH = 0.6


def font_size(text: ft.Text, scale: float) -> float:
    """The size the theme gives a text at ``scale`` (its own ``size`` when it has one)."""
    from privacyapp.views.kit.theme import build_theme

    if text.size:
        return float(text.size)
    assert text.theme_style is not None, f"{text.value!r} has neither size nor theme style"
    style = getattr(build_theme("light", scale).text_theme, text.theme_style.name.lower())
    return float(style.size)


def longest_word_fits(root: Any, text: ft.Text, scale: float, width: float = PHONE) -> str:
    """ "" when the longest word of ``text`` fits the room the layout gives it at ``scale``
    (words break at spaces and after hyphens), else what does not fit, for the assertion."""
    words = str(text.value).replace("-", "- ").split()
    word = max(words, key=len)
    needed = len(word) * GLYPH * font_size(text, scale)
    room = room_for(root, text, width)
    return "" if needed <= room else f"{word!r} needs {needed:.0f} px, has {room:.0f} px"
