"""What every studio screen gets: the tab's state, navigation, sign-in and error handling.

:class:`UIContext` is the controller of one browser tab without its screens: the screens
(``screens``, ``editor``, ``preview``) take it, and ``app.StudioUI`` adds the one method that
builds them (so no screen imports the app, and the app imports the screens).
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

import flet as ft

from privacyapp.studio.errors import EditConflict, SignInFailed, StudioError
from privacyapp.studio.model import User
from privacyapp.studio.service import Studio
from privacyapp.views.kit.files import save_bytes
from privacyapp.views.kit.tasks import run_task
from privacyapp.views.studio.autosave import Autosave, Held

__all__ = ["TOKEN_KEY", "UIContext", "UIState", "route_with", "split_route"]

TOKEN_KEY = "privacyapp.studio.session"


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
    values: dict[str, object] = field(default_factory=dict)
    #: The version each open file was read at: (change set, path) -> version.
    versions: dict[tuple[int, str], str] = field(default_factory=dict)
    #: YAML text being edited: (change set, path) -> text.
    drafts: dict[tuple[int, str], str] = field(default_factory=dict)
    #: Files whose last save was refused (someone else saved first): no background saves.
    conflicts: set[tuple[int, str]] = field(default_factory=set)
    #: Building-block changes that wait for the editor's choice (``autosave.Held``).
    held: dict[tuple[int, str], Held] = field(default_factory=dict)
    yaml_mode: bool = False
    #: The running preview (``preview.Preview``; typed there: the preview imports this module).
    preview: object = None

    def text(self, key: str) -> str:
        """What was typed in the field ``key`` ("" when nothing was typed)."""
        found = self.values.get(key)
        return found if isinstance(found, str) else ""


def split_route(route: str) -> tuple[list[str], dict[str, str]]:
    """``/voorstel/3/bestand?pad=x`` -> (["voorstel", "3", "bestand"], {"pad": "x"})."""
    parts = urlsplit(route)
    return [p for p in parts.path.split("/") if p], dict(parse_qsl(parts.query))


def route_with(path: str, **query: str | None) -> str:
    """A route with a query string (None values left out)."""
    given = {k: v for k, v in query.items() if v is not None}
    return f"{path}?{urlencode(given)}" if given else path


class UIContext(ABC):
    """The controller of one tab: routing, sign-in, errors, rendering (screens: ``build``)."""

    def __init__(
        self, page: ft.Page | None, studio: Studio, *, storage: ft.SharedPreferences | None = None
    ) -> None:
        self.page = page
        self.studio = studio
        self.state = UIState()
        self.storage = storage
        self.body: ft.Column = ft.Column(expand=True, scroll=ft.ScrollMode.AUTO)
        schedule = (lambda work: run_task(page, work)) if page is not None else None
        self.autosave = Autosave(studio, self.state, schedule=schedule)
        self.autosave.on_update = self._update_page
        #: Files handed to the browser while there is no page (the tests): (name, bytes).
        self.downloads: list[tuple[str, bytes]] = []

    # ------------------------------------------------------------------ navigation

    def go(self, route: str, *, notice: str | None = None) -> None:
        """Show ``route`` (and add it to the browser history); messages of the last screen go.

        Leaving a form saves what was typed in it first (autosave).
        """
        if route != self.state.route:
            self.autosave.flush()
        if split_route(route)[0] != split_route(self.state.route)[0]:
            self._forget_values()
        if route != self.state.route:
            self.state.error, self.state.error_lines = None, []
        self.state.notice = notice
        self.state.route = route
        self.render()
        if self.page is not None and getattr(self.page, "route", route) != route:
            run_task(self.page, self._push, route)

    def _forget_values(self) -> None:
        """Clear what was typed, except in files whose save was refused or waits for a choice
        (a building block that flows use): that stays on screen."""
        keep = tuple(f"{path}#" for _, path in (*self.state.conflicts, *self.state.held))
        for key in [k for k in self.state.values if not (keep and k.startswith(keep))]:
            del self.state.values[key]

    def to(self, route: str) -> Callable[[object], None]:
        """A click handler that shows ``route``."""
        return lambda _: self.go(route)

    async def _push(self, route: str) -> None:
        if self.page is not None:
            await self.page.push_route(route)

    def refresh(self) -> None:
        self.render()

    def run(
        self,
        action: Callable[[], object],
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

    def save_file(self, name: str, data: bytes) -> None:
        """Hand ``data`` to the browser as a download named ``name`` (``kit.files``, as the
        citizen app does); without a page (tests) it is kept in ``downloads``."""
        if self.page is None:
            self.downloads.append((name, data))
            return
        save_bytes(self.page, name, data)

    # ------------------------------------------------------------------ signing in

    def current_user(self) -> User:
        """The signed-in account (checked with the studio, so blocked accounts stop at once)."""
        if self.state.token is None:
            raise SignInFailed("Meld je aan.")
        user = self.studio.session_user(self.state.token)
        self.state.user = user
        return user

    def sign_in(self, name: str, password: str) -> None:
        self.signed_in(lambda: self.studio.sign_in(name, password))

    def signed_in(self, sign_in: Callable[[], tuple[str, User]]) -> None:
        """Finish a sign-in (with a password, or with the organisation's provider)."""
        try:
            token, user = sign_in()
        except SignInFailed as exc:
            self.state.error = str(exc)
            self.render()
            return
        self.state.token, self.state.user, self.state.error = token, user, None
        self.state.values.clear()
        self.state.notice = None
        if self.storage is not None and self.page is not None:
            run_task(self.page, self.storage.set, TOKEN_KEY, token)
        self.go("/")

    def sign_out(self) -> None:
        self.autosave.flush()  # what was typed is saved before the session ends
        if self.state.token is not None:
            self.studio.sign_out(self.state.token)
        self.sign_out_locally("Je bent afgemeld.")

    def sign_out_locally(self, message: str) -> None:
        self.state.token, self.state.user = None, None
        if self.storage is not None and self.page is not None:
            run_task(self.page, self.storage.remove, TOKEN_KEY)
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

    @abstractmethod
    def build(self) -> ft.Control:
        """The screen for the current route."""

    def _update_page(self) -> None:
        if self.page is not None:
            self.page.update()

    def render(self) -> None:
        self.body.controls = [self.build()]
        if self.page is not None:
            self.page.title = "Redactiestudio PrivacyApp"
            self.page.update()
