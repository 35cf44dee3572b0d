"""What the store wing remembers between renders: one ``StoreState`` per page.

The lock screen and Mijn overzicht keep their screen objects with the page's store session
(``StoreSession.screens``), because they belong to that store; this holds the rest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import flet as ft

if TYPE_CHECKING:
    from privacyapp.engine import FlowSession

__all__ = ["StoreState"]


@dataclass
class StoreState:
    """The store wing's state: ``ctx.state.features.get(StoreState)``."""

    save_error: str | None = None
    """"Bewaar dit pad": why the last try failed, in the UI language."""
    save_input: tuple[str, str] | None = None
    """"Bewaar dit pad": the title and reference typed, kept for another try."""
    saved_session: FlowSession | None = None
    """The flow session whose path was saved last (compared by identity: never twice)."""
    # Without a page (tests) the page effects land here, so tests can look at them and fire them.
    dialogs: list[ft.AlertDialog | ft.SnackBar | None] = field(default_factory=list)
    """Dialogs shown (None: a dialog closed)."""
    timers: list[tuple[float, Callable[[], None]]] = field(default_factory=list)
    """Callbacks asked for later, with their delay in seconds."""
    files: list[tuple[str, bytes]] = field(default_factory=list)
    """Files the user was offered to save."""
