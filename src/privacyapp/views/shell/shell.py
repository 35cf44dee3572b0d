"""The shell: app bar, bottom bar or rail, routing, keyboard, announcements, settings.

The shell is the only place that touches ``ft.Page``. It renders the current route into two
views: the root view (home) and, for every other route, one view on top of it. That stack is
what makes the Android back button and the app bar's back arrow work (``on_view_pop``); browser
back/forward and deep links arrive as route changes. Every render rebuilds the screen from the
state; Flet sends only the difference to the client.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable, Mapping
from typing import TypeVar, cast

import flet as ft

from privacyapp.views.kit.context import TABS, RouteSpec, ViewContext, fill, match
from privacyapp.views.kit.focus import focus_main
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState, Settings
from privacyapp.views.kit.tasks import run_task
from privacyapp.views.kit.theme import MAX_CONTENT_WIDTH, WIDE_BREAKPOINT, build_theme, palette
from privacyapp.views.shell.chrome import (
    RAIL_WIDTH,
    bar_title,
    bottom_bar,
    emergency_button,
    side_rail,
)
from privacyapp.views.shell.fence import ShellView, fenced, immutable
from privacyapp.views.shell.render import Rendered, render_route
from privacyapp.views.shell.routes import guards, reconnect_hooks, route_table

__all__ = ["AFTER_FRAME", "SETTINGS_KEY", "Rendered", "Shell", "render_route"]

logger = logging.getLogger(__name__)

#: A piece of the shell's chrome (app bar, rail, bottom bar), kept while it stays the same.
_Chrome = TypeVar("_Chrome", bound=ft.Control)

#: Seconds between showing a new screen and the two updates that follow it: the route in the
#: browser history and the window title. On web, each of those makes the client rebuild more than
#: the screen (its router; the whole app for a title), and sent together with the screen they add
#: about 10-15 ms each before the user sees the next question (``benchmarks/app_bench.py``).
#: Sent one frame later, the screen is already on show.
AFTER_FRAME = 0.05
#: Where the settings are kept (SharedPreferences: the browser's localStorage on web).
SETTINGS_KEY = "privacyapp.settings"


def _builder_name(spec: RouteSpec) -> str:
    build = spec.build
    return f"{build.__module__}.{build.__qualname__}"


class Shell:
    """Owns the page: renders the state, and is the :class:`~routes.Navigator`."""

    def __init__(self, page: ft.Page, state: AppState, services: Services) -> None:
        self.page = page
        self.state = state
        self.services = services
        self.routes = route_table()
        self.guards = guards()
        self.reconnect_hooks = reconnect_hooks()
        self._root = ShellView(route="/", padding=0, spacing=0)
        self._top = ShellView(route="/", padding=0, spacing=0)
        self._shown: str | None = None
        self._diffed: tuple[ft.View, object] | None = None  # the view and its scroller's key
        """The view whose screen on show was diffed (has the stable key), if any."""
        self._look: tuple[str, float] | None = None
        self._chrome: dict[object, tuple[tuple[object, ...], ft.Control]] = {}
        self._frames: dict[int, ft.Row] = {}
        """The wide layout's row (rail, divider, screen) of each view."""
        self._pushed: list[str] = []
        """Routes we pushed whose echo (a route change event) has not come back yet."""
        self._title = ""
        self._on_show: Rendered | None = None  # the screen on show (the skip link's target)
        self._page_pending = True
        """Something page-wide (theme, background, views, title) is set but not yet sent."""
        self._saved = state.settings
        self._is_wide()
        self._announcer = ft.SemanticsService()
        self._prefs = ft.SharedPreferences()
        page.services.extend([self._announcer, self._prefs])
        page.on_route_change = self._on_route_change
        page.on_view_pop = self._on_view_pop
        page.on_keyboard_event = self._on_key
        page.on_resize = self._on_resize
        page.on_connect = self._on_connect
        state.listen(lambda _state: self.render())

    # ---------------------------------------------------------------- Navigator
    def go(self, route: str) -> None:
        """Show ``route`` now; add it to the browser history just after (see :data:`AFTER_FRAME`).

        Pushes keep their order, and their echoes are recognised in ``_on_route_change``.
        """
        self.state.route = route
        self.render()
        if self.page.route != self.state.route:
            self._pushed.append(self.state.route)
            run_task(self.page, self._push_history, self.state.route)

    async def _push_history(self, route: str) -> None:
        await asyncio.sleep(AFTER_FRAME)
        await self.page.push_route(route)

    def back(self) -> None:
        """Previous flow step, else the parent screen; home stays home."""
        found = match(self.routes, self.state.route)
        if found is None:
            self.go("/")
            return
        spec, params, query = found
        ctx = self._context(spec, params, query)
        target = spec.back(ctx) if spec.back is not None else None
        self.go(target or fill(spec.parent, params))

    def refresh(self) -> None:
        """Re-render after the state changed."""
        self.render()

    # ---------------------------------------------------------------- settings
    async def load_settings(self) -> None:
        """Read the remembered settings (bad or missing values give the defaults)."""
        try:
            raw = await self._prefs.get(SETTINGS_KEY)
            data = json.loads(raw) if isinstance(raw, str) else {}
        except (ValueError, TimeoutError) as exc:
            logger.warning("settings could not be read, using defaults: %s", exc)
            data = {}
        if isinstance(data, dict):
            self.state.settings = Settings.from_dict(data)
        self._saved = self.state.settings

    async def _save_settings(self, settings: Settings) -> None:
        await self._prefs.set(SETTINGS_KEY, json.dumps(settings.to_dict()))

    # ---------------------------------------------------------------- rendering
    def _context(
        self, spec: RouteSpec, params: Mapping[str, str], query: Mapping[str, str]
    ) -> ViewContext:
        t = Translator(self.state.settings.language)
        return ViewContext(self.state, self.services, self, t, params, query, self.page)

    def _is_wide(self) -> bool:
        width = self.page.width or self.state.width
        self.state.width = float(width)
        return self.state.width >= WIDE_BREAKPOINT

    def render(self) -> None:
        """Build the current route into the page."""
        page = self.page
        settings = self.state.settings
        if settings != self._saved:
            self._saved = settings
            run_task(page, self._save_settings, settings)
        # Our palettes are complete (dark included), so one theme in light mode: the platform's
        # own dark setting must not swap in Flutter's default dark colours.
        look = (settings.theme, settings.text_scale)
        if look != self._look:  # only send a theme when it changed (it is large)
            self._look = look
            self._page_pending = True
            page.theme = immutable(build_theme(settings.theme, settings.text_scale))
            page.theme_mode = ft.ThemeMode.LIGHT
            page.theme_animation_style = ft.AnimationStyle.no_animation()  # instant switch
        background = palette(settings.theme).background
        if page.bgcolor != background:  # an assignment is sent even when the value is the same
            page.bgcolor = background
            self._page_pending = True
        rendered = render_route(
            self.routes, self.state.route, self.state, self.services, self, page, self.guards
        )
        self._on_show = rendered
        t = Translator(settings.language)
        self._retitle(f"{rendered.title} · {t('app.short')}")
        view = self._root if rendered.route == "/" else self._top
        view.route = rendered.route
        if view.bgcolor != background:
            view.bgcolor = background
        wide = self._is_wide()
        view.appbar = self._cached(
            ("bar", t.lang, rendered.route != "/", wide, settings.text_scale),
            lambda: self._appbar(t, rendered.route, wide),
        )
        available = self.state.width - (RAIL_WIDTH if wide else 0)
        body = ft.Container(content=rendered.content, width=min(MAX_CONTENT_WIDTH, available))
        # A screen that may be diffed (RouteSpec.diff) gets a key stable for its builder (all
        # steps of a flow share one): Flet then compares the rebuilt screen with the one on
        # show and sends only what changed (a new flow step is a few texts). Another builder (a
        # question list, then a flow) is a new scroller, sent whole and starting at its top:
        # reusing a scrolled one left Flutter's accessible layer below what it painted until
        # the next step. Other screens are sent whole, so their in-place updates keep working.
        diff = rendered.spec.diff
        scroller = ft.Column(
            [ft.Row([body], alignment=ft.MainAxisAlignment.CENTER)],
            scroll=ft.ScrollMode.AUTO,
            expand=True,
            key=f"screen {_builder_name(rendered.spec)}" if diff else None,
        )
        tab = next((i for i, (name, _) in enumerate(TABS) if name == rendered.spec.tab), 0)
        if wide:
            view.navigation_bar = None
            # One frame per view, kept between renders: the rail in it is never part of a
            # diffed (read-only) screen, so its selection events keep working.
            rail = self._cached(
                ("rail", t.lang, tab, view is self._root),
                lambda: side_rail(t, tab, self._tab_handler),
            )
            frame = self._frames.get(id(view))
            if frame is None:
                frame = self._frames[id(view)] = ft.Row(
                    [rail, ft.VerticalDivider(width=1), scroller],
                    expand=True,
                    spacing=0,
                    vertical_alignment=ft.CrossAxisAlignment.STRETCH,
                )
            else:
                frame.controls[0], frame.controls[2] = rail, scroller
            view.controls = [frame]
        else:
            view.navigation_bar = self._cached(
                ("tabs", t.lang, tab, view is self._root),
                lambda: bottom_bar(t, tab, self._tab_handler),
            )
            view.controls = [scroller]
        views = [self._root] if view is self._root else [self._root, self._top]
        if [id(v) for v in page.views] != [id(v) for v in views]:  # same objects, not equal ones
            page.views[:] = views
            self._page_pending = True
        # When only the view changed, Flet diffs just that view, not the whole page (quicker).
        if self._page_pending:
            page.update()
            self._page_pending = False
        else:
            page.update(view)
        if rendered.focus is not None:  # feedback at the action: bring it into view
            run_task(page, self._reveal, scroller, rendered.focus)
        if rendered.route != self._shown:
            kept = self._diffed is not None and self._diffed[0] is view
            if diff and kept and self._diffed is not None and self._diffed[1] == scroller.key:
                # the diffed scroller kept its place: a new screen starts at its top
                run_task(page, self._to_top, scroller)
            self._shown = rendered.route
            run_task(page, self._announce, rendered.title)
        self._diffed = (view, scroller.key) if diff else None

    async def _reveal(self, scroller: ft.Column, key: str) -> None:
        try:
            await scroller.scroll_to(scroll_key=key, duration=200)
        except (RuntimeError, TimeoutError, asyncio.CancelledError) as exc:
            logger.debug("scroll to %s not delivered: %s", key, exc)

    async def _to_top(self, scroller: ft.Column) -> None:
        try:
            await scroller.scroll_to(offset=0)
        except (RuntimeError, TimeoutError, asyncio.CancelledError) as exc:
            logger.debug("scroll to top not delivered: %s", exc)

    def _retitle(self, title: str) -> None:
        """Give the window (browser tab) the screen's title: at once on the first screen, later
        ones just after their screen is on show (:data:`AFTER_FRAME`); the last one wins."""
        if title == self._title:
            return
        first = not self._title
        self._title = title
        if first:
            self.page.title = title
            self._page_pending = True
        else:
            run_task(self.page, self._send_title)

    async def _send_title(self) -> None:
        await asyncio.sleep(AFTER_FRAME)
        if self.page.title != self._title:
            self.page.title = self._title
            # The title is the page's: a plain page.update() would diff both views' every
            # control again (each was sent when it was rendered) to find nothing else.
            with fenced(self.page.views):
                self.page.update()
            self._page_pending = False

    async def _announce(self, message: str) -> None:
        """Tell screen readers the screen (or flow step) changed (WCAG 4.1.3)."""
        try:
            await self._announcer.announce_message(message)
        except (RuntimeError, TimeoutError, asyncio.CancelledError) as exc:
            logger.debug("announcement not delivered: %s", exc)

    def _skip(self, _e: object = None) -> None:  # the skip link: focus to the screen's content
        if self._on_show is not None:
            focus_main(self.page, self._on_show.content, self._on_show.main)

    def _cached(self, key: tuple[object, ...], make: Callable[[], _Chrome]) -> _Chrome:
        """The same control object for the same key: Flet then sends nothing for it."""
        kind = key[0]
        held = self._chrome.get(kind)
        if held is None or held[0] != key:
            held = (key, make())
            self._chrome[kind] = held
        return cast(_Chrome, held[1])

    def _appbar(self, t: Translator, route: str, wide: bool) -> ft.AppBar:
        back: ft.Control | None = None
        if route != "/":
            back = ft.Semantics(
                identifier="nav-back",
                button=True,
                content=ft.IconButton(
                    padding=12,  # 24 px icon + 2 × 12 = a 48 px target
                    icon=ft.Icons.ARROW_BACK,
                    tooltip=t("nav.back"),
                    on_click=lambda _: self.back(),
                ),
            )
        actions: list[ft.Control] = [
            ft.Semantics(
                identifier="nav-search",
                button=True,
                content=ft.IconButton(
                    padding=12,  # 24 px icon + 2 × 12 = a 48 px target
                    icon=ft.Icons.SEARCH,
                    tooltip=t("nav.search"),
                    on_click=lambda _: self.go("/zoeken"),
                ),
            ),
            emergency_button(
                t,
                wide=wide,
                text_scale=self.state.settings.text_scale,
                on_click=lambda _: self.go("/nood"),
            ),  # fmt: skip
        ]
        return ft.AppBar(
            leading=back,
            automatically_imply_leading=False,
            title=bar_title(  # the app's name, with the skip link over it
                t("app.short"), t("nav.skip"), self._skip, self.state.settings.text_scale
            ),
            exclude_header_semantics=True,
            actions=actions,
            bgcolor=ft.Colors.SURFACE,
        )

    def _tab_handler(self, e: ft.Event[ft.NavigationBar] | ft.Event[ft.NavigationRail]) -> None:
        index = int(e.control.selected_index or 0)
        self.go(TABS[index][1])

    # ---------------------------------------------------------------- events
    def _on_route_change(self, e: ft.RouteChangeEvent) -> None:
        if e.route in self._pushed:
            # The echo of our own navigation: it may arrive after the user moved on, so it
            # must never drag the screen back.
            del self._pushed[: self._pushed.index(e.route) + 1]
            _nothing_to_send()
            return
        if e.route != self.state.route:
            self.state.route = e.route
            self.render()
        else:
            _nothing_to_send()

    def _on_view_pop(self, e: ft.ViewPopEvent) -> None:
        self.back()

    def _on_key(self, e: ft.KeyboardEvent) -> None:
        if e.key == "Escape":
            self.back()

    def _on_resize(self, e: ft.PageResizeEvent) -> None:
        before = self.state.width
        self._is_wide()
        if abs(self.state.width - before) >= 1:
            self.render()
        else:
            _nothing_to_send()

    def _on_connect(self, e: object) -> None:
        """The web page was reloaded or its client came back: let features react (the app lock
        locks), then show the route again, through the guards (a locked screen asks the PIN)."""
        changed = [hook(self.state, self.services) for hook in self.reconnect_hooks]
        if any(changed):
            self.go(self.state.route)


def _nothing_to_send() -> None:
    """An event that changed nothing on screen (the echo of our own history entry, a resize
    within a pixel): without this, Flet diffs the whole page after it anyway, to find nothing
    (a few milliseconds of server CPU on every step). Flet skips that diff for an event whose
    handler updated the page itself; this one had nothing to update, which comes to the same."""
    ft.context.mark_update_called()  # type: ignore[no-untyped-call]  # kept per event by Flet
