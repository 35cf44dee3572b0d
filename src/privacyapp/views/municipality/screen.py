"""Je gemeente (route ``/gemeente``): journey 5 of DESIGN.md §2, and the disclaimer that leads here.

The screen finds a municipality by name (offline) or, when the user chooses it, by postcode
(PDOK; the screen says the postcode is sent there), and shows a card whose every detail can be
used: call, mail, open, copy. The list refreshes itself from the register when it is older than
a week and the user opens the screen; network work runs in a worker thread
(``asyncio.to_thread``) so the UI never blocks.

Builders are plain functions; :class:`MunicipalityScreen` holds the handlers over the screen's
state (``state.features.get(MunicipalityState)``: plain values). Typing in the name field
updates the results in place, so the field keeps its focus; the rest re-renders (``refresh``).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.focus import form_problem
from privacyapp.views.kit.tasks import run_task
from privacyapp.views.municipality.card import (
    Translate,
    about_panel,
    detail_card,
    on_event,
    shown,
    tel_url,
)
from privacyapp.views.municipality.parts import (
    MunicipalityState,
    exact,
    labelled,
    postcode_problem,
    refresh_bar,
    result_list,
    source_line,
    status_text,
)

if TYPE_CHECKING:
    from privacyapp.opendata import MunicipalityDirectory, RefreshResult

__all__ = [
    "ROUTES",
    "MunicipalityScreen",
    "MunicipalityState",
    "about_panel",
    "detail_card",
    "municipality_view",
    "source_line",
    "status_text",
    "tel_url",
]


class MunicipalityScreen:
    """Handlers and rendering over a :class:`MunicipalityState`.

    Args:
        directory: the municipality service (shared with rights requests).
        state: the screen's state; survives re-renders.
        t: the translator.
        on_change: re-render the screen (the shell's ``ctx.nav.refresh``).
        on_copy: also called with the copied text (tests; the button itself copies it).
        on_select: called with the code of the municipality whose card is open (the app's
            flows then show its local text).
    """

    def __init__(
        self,
        directory: MunicipalityDirectory,
        state: MunicipalityState | None = None,
        *,
        t: Translate = i18n.DUTCH,
        on_change: Callable[[], None] | None = None,
        on_copy: Callable[[str], Awaitable[None] | None] | None = None,
        on_select: Callable[[str], None] | None = None,
        page: ft.Page | None = None,
    ) -> None:
        self.directory = directory
        self.state = state if state is not None else MunicipalityState()
        self.t = t
        lang = i18n.language_of(t)
        if self.state.lang != lang:  # the user switched language: no text of the old one stays
            self.state.lang = lang
            self.state.message = ""
            refreshed = self.state.refreshed
            self.state.status = status_text(refreshed, t) if refreshed is not None else ""
        self._on_change = on_change
        self._on_select = on_select
        self._copy = on_copy
        self._page = page
        self._below = ft.Column(spacing=16)
        self.control = self.build()

    # -------------------------------------------------------------- handlers (tests call these)

    def type_query(self, query: str) -> None:
        """While typing: update the results in place (the text field keeps its focus)."""
        self._search(query)
        self._remember()
        self._below.controls = self._below_controls()
        with contextlib.suppress(RuntimeError):  # not on a page: nothing to push
            self._below.update()

    def search(self, query: str) -> None:
        """Name search (on submit)."""
        self._search(query)
        self._changed()

    def select(self, code: str) -> None:
        """Open the card of one municipality."""
        self.state.selected = self.directory.get(code)
        self.state.choices = []
        self.state.message, self.state.postcode_problem = "", False
        self._changed()

    def open_postcode(self) -> None:
        """The user chose postcode search: show the field and the PDOK notice."""
        self.state.postcode_open = True
        self._changed()

    async def lookup_postcode(self, postcode: str) -> None:
        """Ask PDOK (in a worker thread) which municipality a postcode is in."""
        from privacyapp.opendata import PostcodeError

        state = self.state
        state.postcode, state.postcode_problem, state.tries = postcode, False, state.tries + 1
        if not self.directory.is_postcode(postcode):
            state.message = self.t("municipality.no_postcode", text=postcode.strip())
            state.postcode_problem = True
            self._changed()
            return
        state.busy, state.message = True, self.t("municipality.searching")
        self._changed()
        try:
            matches = await asyncio.to_thread(self.directory.lookup_postcode, postcode)
        except PostcodeError as exc:
            key, fields = postcode_problem(exc, postcode)
            state.message, matches = self.t(key, **fields), []
            state.postcode_problem = True
        else:
            state.message = "" if matches else self.t("municipality.postcode_none")
        finally:
            state.busy = False
        known = [m for m in matches if m.municipality is not None]
        if len(known) == 1:
            state.selected, state.choices = known[0].municipality, []
        elif len(known) > 1:
            state.selected, state.choices = None, known
            state.message = self.t("municipality.choose")
        self._changed()

    async def refresh(self, *, force: bool = True) -> RefreshResult:
        """Refresh from the register in a worker thread; the status line says how it went."""
        state = self.state
        state.busy, state.status = True, self.t("municipality.refreshing")
        self._changed()
        try:
            result = await asyncio.to_thread(self.directory.refresh, force=force)
        finally:
            state.busy = False
        state.refreshed, state.status = result, status_text(result, self.t)
        if state.selected is not None:  # show the fresh record if it is still there
            state.selected = self.directory.get(state.selected.code) or state.selected
        if state.query:
            state.results = self.directory.find(state.query)
        self._changed()
        return result

    def needs_auto_refresh(self) -> bool:
        """True the first time the screen opens in a session with a list older than a week."""
        state, directory = self.state, self.directory
        return not state.auto_checked and directory.refreshes and directory.needs_refresh()

    async def opened(self) -> None:
        """Call when the user opens the screen: refreshes once if the list is old."""
        if self.needs_auto_refresh():
            self.state.auto_checked = True
            await self.refresh(force=False)

    async def copy(self, what: str, value: str) -> None:
        """Copy ``value`` and say so."""
        if self._copy is not None:
            outcome = self._copy(value)
            if outcome is not None:
                await outcome
        # else: the button's CopyToClipboard action already copied, inside the click
        self.state.message = self.t("municipality.copied", what=what.capitalize())
        self.state.postcode_problem = False
        self._changed()

    # -------------------------------------------------------------- rendering

    def build(self) -> ft.Control:
        """The whole screen for the current state."""
        t, state = self.t, self.state
        self._below.controls = self._below_controls()
        return w.page_body(
            [
                w.heading(t("municipality.title"), 1, ident="municipality-title"),
                about_panel(t),
                self._search_field(),
                self._postcode_panel(),
                self._below,
                refresh_bar(self.directory, state, t, on_event(self.refresh)),
            ]
        )

    def _search(self, query: str) -> None:
        state = self.state
        state.query = query
        state.results = self.directory.find(query) if query.strip() else []
        state.choices = []
        state.message = "" if state.results or not query.strip() else self.t("municipality.none")
        state.postcode_problem = False
        if not state.results and self.directory.is_postcode(query):
            # A postcode in the name field: offer the postcode search with it filled in.
            state.message = self.t("municipality.name_is_postcode")
            state.postcode_open = True
            state.postcode = query.strip()
        if len(state.results) == 1 or (state.results and exact(state.results[0], query)):
            state.selected = state.results[0]
        elif state.selected is not None and state.selected not in state.results:
            state.selected = None

    def _remember(self) -> None:
        """Tell the app which municipality the user has open (its card is on screen)."""
        if self._on_select is not None and self.state.selected is not None:
            self._on_select(self.state.selected.code)

    def _changed(self) -> None:
        self._remember()
        self.control = self.build()
        if self._on_change is not None:
            self._on_change()

    def _search_field(self) -> ft.Control:
        label = self.t("municipality.search")
        # The label stands above the field and wraps (NL Design System): as the field's own
        # floating label it wrapped over the field's border at 200 % text on a phone.
        text_field = ft.TextField(
            hint_text=self.t("municipality.search_hint"),
            value=self.state.query,
            prefix_icon=ft.Icons.SEARCH,
            on_change=lambda e: self.type_query(e.control.value),
            on_submit=lambda e: self.search(e.control.value),
        )
        return ft.Column(
            [
                shown(
                    "municipality-search-label",
                    ft.Text(label, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                ),
                labelled("municipality-search", label, text_field),
            ],
            spacing=6,
            horizontal_alignment=ft.CrossAxisAlignment.STRETCH,
        )

    def _postcode_panel(self) -> ft.Control:
        t, state = self.t, self.state
        if not state.postcode_open:
            return w.secondary(
                t("municipality.postcode_open"),
                "municipality-postcode-open",
                on_event(self.open_postcode),
                icon=ft.Icons.PIN_DROP,
            )
        postcode_field = ft.TextField(
            label=t("municipality.postcode"), hint_text="1234 AB", value=state.postcode
        )

        async def lookup(_event: object = None) -> None:
            await self.lookup_postcode(postcode_field.value or "")

        postcode_field.on_submit = lookup
        problem: list[ft.Control] = []
        if state.postcode_problem and state.message:  # at the button, linked to the field
            shown = (state.message, state.tries)  # the same message after a new try is new
            fresh, state.shown_problem = shown != state.shown_problem, shown
            problem.append(
                form_problem(
                    t("rights.problem_title"), state.message, ident="municipality-problem",
                    page=self._page, fresh=fresh, message_ident="municipality-message",
                    field=(t("form.to_field", field=t("municipality.postcode")), postcode_field),
                )
            )  # fmt: skip
        else:
            state.shown_problem = ("", 0)
        return ft.Column(
            [
                w.notice(t("municipality.pdok"), ident="municipality-pdok"),
                labelled("municipality-postcode", t("municipality.postcode"), postcode_field),
                w.primary(
                    t("municipality.postcode_go"),
                    "municipality-postcode-go",
                    None if state.busy else lookup,
                    icon=ft.Icons.SEARCH,
                ),
                *problem,
            ],
            spacing=10,
        )

    def _below_controls(self) -> list[ft.Control]:
        state = self.state
        controls: list[ft.Control] = []
        if state.message and not (state.postcode_problem and state.postcode_open):
            controls.append(shown("municipality-message", w.body(state.message), live=True))
        if state.choices:
            chosen = [m.municipality for m in state.choices if m.municipality is not None]
            controls += result_list(chosen, self.select, text_scale=state.text_scale)
        elif state.results and not (state.selected and len(state.results) == 1):
            controls += result_list(state.results[:10], self.select, text_scale=state.text_scale)
        if state.selected is not None:
            controls.append(detail_card(state.selected, self._source_line(), self.copy, self.t))
        return controls

    def _source_line(self) -> str:
        return source_line(self.directory, self.t)


# ---------------------------------------------------------------------------- shell routes


def _screen(ctx: ViewContext) -> MunicipalityScreen | None:
    directory = ctx.services.directory
    if directory is None:
        return None
    state = ctx.state.features.get(MunicipalityState)
    state.text_scale = ctx.row_scale

    def chosen(code: str) -> None:
        # The municipality the user chose: flows show its local text (see views/flow/advice).
        ctx.state.municipality = code

    return MunicipalityScreen(
        directory, state, t=ctx.t, on_change=ctx.nav.refresh, on_select=chosen, page=ctx.page
    )


def municipality_view(ctx: ViewContext) -> ft.Control:
    """``/gemeente``: the disclaimer, search, the card and the refresh status."""
    screen = _screen(ctx)
    if screen is None:
        return w.page_body(
            [
                w.heading(ctx.t("municipality.title"), 1, ident="municipality-title"),
                about_panel(ctx.t),
                w.notice(ctx.t("municipality.unavailable"), ident="municipality-unavailable"),
            ]
        )
    return screen.control


def _enter(ctx: ViewContext) -> None:
    """Opening the screen refreshes an old list once, in the background."""
    screen = _screen(ctx)
    if screen is not None and ctx.page is not None and screen.needs_auto_refresh():
        run_task(ctx.page, screen.opened)


def _enter_code(ctx: ViewContext) -> str:
    """``/gemeente/gm0344`` (a deep link, e.g. from a rights request) opens that card."""
    screen = _screen(ctx)
    if screen is not None:
        record = screen.directory.get(ctx.params.get("code", ""))
        if record is not None:
            screen.state.selected, screen.state.choices = record, []
    return "/gemeente"


ROUTES = [
    RouteSpec("/gemeente", municipality_view, "municipality.title", enter=_enter),
    RouteSpec(
        "/gemeente/{code}",
        municipality_view,
        "municipality.title",
        parent="/gemeente",
        enter=_enter_code,
    ),
]
