"""The studio's web app: one :class:`StudioUI` per browser tab, over one :class:`Studio`.

Routes: ``/aanmelden``, ``/`` (change sets), ``/voorstel/<id>`` (overview and review),
``/voorstel/<id>/bestand?pad=P&stap=N`` (editor), ``/voorstel/<id>/voorbeeld?pad=P&stap=N``
(preview with the app's player), ``/geschiedenis`` (published versions), ``/beheer`` (accounts).

Sign-in survives a reload: the session token is kept in the browser's storage and checked with
the studio on every load; a session ends after inactivity (``Studio.idle``), also while the tab
stays open (checked every 30 seconds).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import flet as ft

from privacyapp._asgi import ASGIApp, with_headers
from privacyapp.studio.errors import EditConflict, SignInFailed, StudioError
from privacyapp.studio.model import User
from privacyapp.studio.service import Studio

__all__ = ["CONTENT_SECURITY_POLICY", "StudioUI", "UIState", "make_main", "web_app"]

TOKEN_KEY = "privacyapp.studio.session"
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


@dataclass
class UIState:
    """What one tab shows, as values (no controls)."""

    token: str | None = None
    user: User | None = None
    route: str = "/"
    notice: str | None = None
    error: str | None = None
    error_lines: list[str] = field(default_factory=list)
    #: Form values being typed (field ident -> text), cleared when the screen changes.
    values: dict[str, Any] = field(default_factory=dict)
    #: The version each open file was read at: (change set, path) -> version.
    versions: dict[tuple[int, str], str] = field(default_factory=dict)
    #: YAML text being edited: (change set, path) -> text.
    drafts: dict[tuple[int, str], str] = field(default_factory=dict)
    yaml_mode: bool = False
    preview: Any = None


def split_route(route: str) -> tuple[list[str], dict[str, str]]:
    """``/voorstel/3/bestand?pad=x`` -> (["voorstel", "3", "bestand"], {"pad": "x"})."""
    parts = urlsplit(route)
    return [p for p in parts.path.split("/") if p], dict(parse_qsl(parts.query))


def route_with(path: str, **query: str | None) -> str:
    """A route with a query string (None values left out)."""
    given = {k: v for k, v in query.items() if v is not None}
    return f"{path}?{urlencode(given)}" if given else path


class StudioUI:
    """The controller of one tab: routing, sign-in, errors, rendering."""

    def __init__(self, page: Any, studio: Studio, *, storage: Any = None) -> None:
        self.page = page
        self.studio = studio
        self.state = UIState()
        self.storage = storage
        self.body: ft.Column = ft.Column(expand=True, scroll=ft.ScrollMode.AUTO)

    # ------------------------------------------------------------------ navigation

    def go(self, route: str, *, notice: str | None = None) -> None:
        """Show ``route`` (and add it to the browser history); messages of the last screen go."""
        if split_route(route)[0] != split_route(self.state.route)[0]:
            self.state.values.clear()
        if route != self.state.route:
            self.state.error, self.state.error_lines = None, []
        self.state.notice = notice
        self.state.route = route
        self.render()
        if self.page is not None and getattr(self.page, "route", route) != route:
            self.page.run_task(self._push, route)

    def to(self, route: str) -> Callable[[Any], None]:
        """A click handler that shows ``route``."""
        return lambda _: self.go(route)

    async def _push(self, route: str) -> None:
        await self.page.push_route(route)

    def refresh(self) -> None:
        self.render()

    def run(
        self,
        action: Callable[[], Any],
        *,
        then: str | None = None,
        notice: str | None = None,
        render: bool = True,
    ) -> bool:
        """Run a service call; a studio error is shown on the screen, never lost."""
        self.state.error, self.state.error_lines = None, []
        try:
            self.current_user()
            action()
        except SignInFailed as exc:
            self.sign_out_locally(str(exc))
            return False
        except EditConflict as exc:
            self.state.error = str(exc)
            self.render()
            return False
        except StudioError as exc:
            self.state.error = str(exc)
            self.state.error_lines = list(getattr(exc, "diagnostics", []))[:20]
            self.render()
            return False
        if then is not None:
            self.go(then, notice=notice)
            return True
        self.state.notice = notice
        if render:
            self.render()
        return True

    # ------------------------------------------------------------------ signing in

    def current_user(self) -> User:
        """The signed-in account (checked with the studio, so blocked accounts stop at once)."""
        if self.state.token is None:
            raise SignInFailed("Meld je aan.")
        user = self.studio.session_user(self.state.token)
        self.state.user = user
        return user

    def sign_in(self, name: str, password: str) -> None:
        try:
            token, user = self.studio.sign_in(name, password)
        except SignInFailed as exc:
            self.state.error = str(exc)
            self.render()
            return
        self.state.token, self.state.user, self.state.error = token, user, None
        self.state.values.clear()
        self.state.notice = None
        if self.storage is not None and self.page is not None:
            self.page.run_task(self.storage.set, TOKEN_KEY, token)
        self.go("/")

    def sign_out(self) -> None:
        if self.state.token is not None:
            self.studio.sign_out(self.state.token)
        self.sign_out_locally("Je bent afgemeld.")

    def sign_out_locally(self, message: str) -> None:
        self.state.token, self.state.user = None, None
        if self.storage is not None and self.page is not None:
            self.page.run_task(self.storage.remove, TOKEN_KEY)
        self.go("/aanmelden", notice=message)

    async def restore_session(self) -> None:
        """After a reload: the token from the browser, if it is still a live session."""
        if self.storage is None:
            return
        token = await self.storage.get(TOKEN_KEY)
        if isinstance(token, str) and token:
            try:
                self.state.user = self.studio.session_user(token)
                self.state.token = token
            except SignInFailed:
                await self.storage.remove(TOKEN_KEY)

    async def watch_idle(self) -> None:
        """Sign out a tab that stays open without activity."""
        while True:
            await asyncio.sleep(30)
            if self.state.token is None:
                continue
            try:
                self.studio.session_user(self.state.token, touch=False)
            except SignInFailed as exc:
                self.sign_out_locally(str(exc))

    # ------------------------------------------------------------------ rendering

    def build(self) -> ft.Control:
        """The screen for the current route."""
        from privacyapp.studio.ui import screens

        return screens.build(self)

    def render(self) -> None:
        self.body.controls = [self.build()]
        if self.page is not None:
            self.page.title = "Redactiestudio PrivacyApp"
            self.page.update()


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
