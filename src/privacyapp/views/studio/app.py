"""The studio's web app: one :class:`StudioUI` per browser tab, over one :class:`Studio`.

Routes: ``/aanmelden``, ``/`` (change sets), ``/voorstel/<id>`` (overview and review),
``/voorstel/<id>/bestand?pad=P&stap=N`` (editor), ``/voorstel/<id>/voorbeeld?pad=P&stap=N``
(preview with the app's player), ``/geschiedenis`` (published versions), ``/beheer`` (accounts).

Sign-in survives a reload: the session token is kept in the browser's storage and checked with
the studio on every load; a session ends after inactivity (``Studio.idle``), also while the tab
stays open (checked every 30 seconds).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import flet as ft

from privacyapp._asgi import CONTENT_SECURITY_POLICY, ASGIApp, with_security_headers
from privacyapp.studio.service import Studio
from privacyapp.views.kit.tasks import run_task
from privacyapp.views.studio import oidc, screens
from privacyapp.views.studio.context import TOKEN_KEY, UIContext, UIState

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "TOKEN_KEY",
    "StudioUI",
    "UIState",
    "make_main",
    "web_app",
]


class StudioUI(UIContext):
    """One tab of the studio: the context with the studio's screens."""

    def build(self) -> ft.Control:
        """The screen for the current route."""
        return screens.build(self)


def make_main(studio: Studio) -> Callable[[ft.Page], Awaitable[None]]:
    """The Flet entry point: one controller per tab."""

    async def main(page: ft.Page) -> None:
        prefs = ft.SharedPreferences()
        page.services.append(prefs)
        page.theme_mode = ft.ThemeMode.LIGHT
        ui = StudioUI(page, studio, storage=prefs)
        page.add(ft.SafeArea(ui.body, expand=True))
        await ui.restore_session()
        route = page.route or "/"
        if ui.state.token is None:
            route = "/aanmelden"
        ui.state.route = route

        def on_route(e: ft.RouteChangeEvent) -> None:
            if e.route != ui.state.route:
                ui.autosave.flush()  # the browser's back button leaves the form too
                ui.state.route = e.route
                ui.render()

        page.on_route_change = on_route
        if studio.oidc is not None:
            page.on_login = lambda e: oidc.on_login(ui, e)
        ui.render()
        run_task(page, ui.watch_idle)

    return main


def web_app(studio: Studio) -> ASGIApp:
    """The studio as an ASGI application: the web client from this machine, behind a CSP."""
    app = ft.run(
        make_main(studio),
        export_asgi_app=True,
        no_cdn=True,
        route_url_strategy=ft.RouteUrlStrategy.PATH,
    )
    return with_security_headers(app)
