"""Views a page-wide update can leave alone: the window title is the page's, and sending it must
not make Flet compare every control of every view again."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import flet as ft

__all__ = ["ShellView", "fenced"]


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
