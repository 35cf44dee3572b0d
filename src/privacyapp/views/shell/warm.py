"""Rehearse the first screen while the browser loads the web client.

A web server builds its services, then listens. Its first visitor's browser then spends about a
second loading the web client before it connects, and the server has nothing to do. Without a
rehearsal the first screen pays, after the connection, what Python does once per process: Flet
loads most control classes on their first use (its theme module alone takes about 0.16 s) and
the app's own caches fill. :func:`rehearse_soon` does that work in the idle second, on a worker
thread: it builds the theme, the app bar, the navigation, the shell's services, home and a
flow's first step, off any page, and throws them away (``benchmarks/app_bench.py`` measures
the gain).
"""

from __future__ import annotations

import logging
import threading

import flet as ft

from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.kit.theme import build_theme
from privacyapp.views.shell.chrome import bar_title, bottom_bar, emergency_button, side_rail
from privacyapp.views.shell.render import render_route
from privacyapp.views.shell.routes import guards, route_table

__all__ = ["rehearse", "rehearse_soon"]

logger = logging.getLogger(__name__)


class _Still:
    """A navigator that goes nowhere: nothing is clicked in a rehearsal."""

    def go(self, route: str) -> None:
        """Nothing to show."""

    def back(self) -> None:
        """Nothing to show."""

    def refresh(self) -> None:
        """Nothing to show."""


def _nothing(_: object) -> None:
    """The rehearsal's click handler: never called."""


def rehearse(services: Services) -> list[str]:
    """Build the first screens once, off any page; the routes rehearsed.

    Uses its own state: no visitor's session is touched.
    """
    state = AppState()
    settings = state.settings
    t = Translator(settings.language)
    build_theme(settings.theme, settings.text_scale)
    bar_title(t("app.short"), t("nav.skip"), _nothing, settings.text_scale)
    emergency_button(t, wide=False, text_scale=settings.text_scale, on_click=_nothing)
    bottom_bar(t, 0, _nothing)
    side_rail(t, 0, _nothing)
    ft.SemanticsService()  # the shell's two services
    ft.SharedPreferences()
    routes = ["/"]
    first = next(iter(services.library.flows), None)
    if first is not None:
        routes.append(f"/vraag/{first}")
    table, checks = route_table(), guards()
    for route in routes:
        render_route(table, route, state, services, _Still(), None, checks)
    return routes


def rehearse_soon(services: Services) -> threading.Thread:
    """Start :func:`rehearse` on a daemon thread (a failure is logged, never raised)."""

    def run() -> None:
        try:
            rehearse(services)
        except Exception:  # a rehearsal must never stop the server; the tests render these
            logger.warning("the first screens could not be rehearsed", exc_info=True)

    thread = threading.Thread(target=run, name="privacyapp-rehearsal", daemon=True)
    thread.start()
    return thread
