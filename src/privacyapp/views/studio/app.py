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

from privacyapp._asgi import ASGIApp, with_headers
from privacyapp.studio.service import Studio
from privacyapp.views.studio import screens
from privacyapp.views.studio.context import TOKEN_KEY, UIContext, UIState

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "TOKEN_KEY",
    "StudioUI",
    "UIState",
    "make_main",
    "web_app",
]

#: Only this origin, for everything (the same policy as the citizen app's web mode).
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
)


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
        ui.render()
        page.run_task(ui.watch_idle)

    return main


def _with_csp(app: ASGIApp) -> ASGIApp:
    """The studio's security headers on every HTTP response."""
    return with_headers(
        app,
        [
            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
            (b"referrer-policy", b"no-referrer"),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
        ],
    )


def web_app(studio: Studio) -> ASGIApp:
    """The studio as an ASGI application: the web client from this machine, behind a CSP."""
    app = ft.run(
        make_main(studio),
        export_asgi_app=True,
        no_cdn=True,
        route_url_strategy=ft.RouteUrlStrategy.PATH,
    )
    return _with_csp(app)
