"""Views a page-wide update can leave alone: the window title is the page's, and sending it must
not make Flet compare every control of every view again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

import flet as ft

__all__ = ["ShellView", "fenced", "immutable"]

_T = TypeVar("_T")


class ShellView(ft.View):
    """A view the shell can fence off from a page-wide update (:meth:`Shell._send_title`).

    Flet's diff of the page walks every control of every view unless the view is isolated;
    fenced, a page update compares the page's own properties and each view's, not their
    contents (which the shell sends with ``page.update(view)`` when it renders them).
    """

    _fenced = False  # a class attribute, not a field: Flet neither diffs nor sends it

    def is_isolated(self) -> bool:
        return self._fenced


@contextmanager
def fenced(views: list[ft.View]) -> Iterator[None]:
    """Keep a page update out of ``views``' contents while the block runs."""
    held = [v for v in views if isinstance(v, ShellView)]
    for view in held:
        view._fenced = True
    try:
        yield
    finally:
        for view in held:
            view._fenced = False


def immutable(value: _T) -> _T:
    """Mark a value object the page holds (the theme) as never changed in place.

    Every page-wide update (a step's window title) otherwise walks the theme's hundred-odd
    nested styles to find them unchanged, more than the step's own screen costs. Marked, Flet
    skips it while it is the same object and compares field by field when a new one replaces it
    (a theme or text-size switch). The marker is Flet's own for values its components render
    (``_frozen``); assigning to a marked value raises, so nothing can change it unseen.
    """
    object.__setattr__(value, "_frozen", True)
    return value
