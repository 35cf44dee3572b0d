"""Screens "Over deze app" (the disclaimer) and "Je gemeente" (journey 5 in DESIGN.md §2).

Builders are plain functions of their inputs, so tests call them and inspect the controls.
:class:`MunicipalityScreen` keeps the screen's state and rebuilds its column when the state
changes; network work (refresh, postcode lookup) runs in a worker thread via
``asyncio.to_thread`` so the UI never blocks. Every interactive control is wrapped in
``ft.Semantics(identifier=...)`` with an accessible name: screen readers and browser tests use them.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import flet as ft

from privacyapp.opendata import (
    Address,
    FeedUnavailableError,
    Municipality,
    MunicipalityDirectory,
    PostcodeError,
    PostcodeMatch,
    RefreshResult,
    search_key,
)

__all__ = [
    "ABOUT_TEXT",
    "NO_EMAIL_TEXT",
    "PDOK_NOTICE",
    "MunicipalityScreen",
    "MunicipalityState",
    "about_view",
    "detail_card",
    "postcode_panel",
    "refresh_bar",
    "result_list",
    "search_field",
    "status_text",
    "tel_url",
]

ABOUT_TEXT = "Deze app gaat alleen over privacy en gegevens, niet over de zorg of hulp zelf."
PDOK_NOTICE = "Je postcode gaat naar PDOK (Kadaster) om je gemeente te vinden. Verder niets."
NO_EMAIL_TEXT = (
    "Deze gemeente heeft geen algemeen e-mailadres in het register. "
    "Gebruik het contactformulier of bel."
)

Handler = Callable[..., Any]


# ---------------------------------------------------------------------------- small helpers


def tel_url(phone: str) -> str:
    """``"(073) 615 51 55"`` → ``"tel:0736155155"``; ``"14 024"`` → ``"tel:14024"``."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def _date(result_or_directory: RefreshResult | MunicipalityDirectory) -> str:
    return result_or_directory.updated_at.strftime("%d-%m-%Y")


def status_text(result: RefreshResult) -> str:
    """What the status line says after a refresh."""
    if result.ok:
        return f"Bijgewerkt op {_date(result)}."
    if result.status == "skipped" or isinstance(result.error, FeedUnavailableError):
        return f"Geen verbinding — we gebruiken de gegevens van {_date(result)}."
    return f"Bijwerken lukte niet — we gebruiken de gegevens van {_date(result)}. {result.message}"


def _event(handler: Handler, *args: Any) -> Callable[[Any], Awaitable[None]]:
    """An event handler that calls ``handler(*args)`` and awaits it if it is async."""

    async def run(_event: Any) -> None:
        outcome = handler(*args)
        if inspect.isawaitable(outcome):
            await outcome

    return run


def _exact(record: Municipality, query: str) -> bool:
    """True when the query is this municipality's name (or alias) in any spelling."""
    wanted = search_key(query).replace(" ", "")
    names = (record.name, record.official_name, *record.aliases)
    return any(search_key(name).replace(" ", "") == wanted for name in names)


def _tap(identifier: str, label: str, control: ft.Control) -> ft.Semantics:
    """An interactive control with a stable identifier and an accessible name."""
    return ft.Semantics(identifier=identifier, label=label, content=control)


def _link_button(identifier: str, label: str, text: str, icon: Any, url: str) -> ft.Semantics:
    # url= opens inside the click itself, so mobile browsers allow tel:/mailto:/new tabs
    return _tap(identifier, label, ft.Button(content=text, icon=icon, url=url))


def _copy_button(identifier: str, what: str, value: str, on_copy: Handler) -> ft.Semantics:
    label = f"Kopieer {what}"
    button = ft.IconButton(
        icon=ft.Icons.CONTENT_COPY,
        tooltip=label,
        on_click=_event(on_copy, what, value),
    )
    return _tap(identifier, label, button)


# ---------------------------------------------------------------------------- builders


def about_view(on_municipality: Handler) -> ft.Control:
    """The disclaimer, leading to the municipality screen."""
    return ft.Column(
        controls=[
            ft.Semantics(header=True, content=ft.Text("Over deze app", size=24)),
            ft.Text(ABOUT_TEXT, weight=ft.FontWeight.BOLD),
            ft.Text(
                "Heb je een vraag over je gegevens? Daar helpt de app je bij. "
                "Gaat je vraag over de hulp of zorg die je krijgt, of over een besluit "
                "daarover? Dan is je gemeente de plek om te vragen."
            ),
            _tap(
                "about-naar-gemeente",
                "Niet eens met de hulp zelf? Neem contact op met je gemeente",
                ft.Button(
                    content="Niet eens met de hulp zelf? Neem contact op met je gemeente",
                    icon=ft.Icons.ACCOUNT_BALANCE,
                    on_click=_event(on_municipality),
                ),
            ),
        ],
        spacing=16,
    )


def search_field(query: str, on_search: Handler) -> ft.Control:
    """Name search; searches while typing (no network)."""
    field_ = ft.TextField(
        label="Zoek je gemeente op naam",
        hint_text="Bijvoorbeeld Den Bosch of Súdwest-Fryslân",
        value=query,
        prefix_icon=ft.Icons.SEARCH,
        on_change=lambda e: on_search(e.control.value),
        on_submit=lambda e: on_search(e.control.value),
    )
    return _tap("gemeente-zoek-naam", "Zoek je gemeente op naam", field_)


def postcode_panel(
    *, open_: bool, postcode: str, busy: bool, on_open: Handler, on_lookup: Handler
) -> ft.Control:
    """The opt-in postcode search: a button first; the field and the PDOK notice after."""
    if not open_:
        return _tap(
            "gemeente-postcode-open",
            "Zoek op postcode",
            ft.TextButton(content="Zoek op postcode", icon=ft.Icons.PIN_DROP, on_click=on_open),
        )

    async def lookup(event: Any) -> None:
        await _event(on_lookup, postcode_field.value)(event)

    postcode_field = ft.TextField(
        label="Postcode",
        hint_text="1234 AB",
        value=postcode,
        max_length=7,
        on_submit=lookup,
    )
    search = ft.Button(
        content="Zoek op postcode", icon=ft.Icons.SEARCH, disabled=busy, on_click=lookup
    )
    return ft.Column(
        controls=[
            ft.Semantics(
                identifier="gemeente-pdok-melding",
                label=PDOK_NOTICE,
                content=ft.Text(PDOK_NOTICE, italic=True),
            ),
            _tap("gemeente-postcode-veld", "Postcode", postcode_field),
            _tap("gemeente-postcode-zoek", "Zoek op postcode", search),
        ]
    )


def result_list(
    results: list[Municipality], on_select: Handler, *, heading: str | None = None
) -> ft.Control:
    """Matches as a list; tapping one opens its card."""
    controls: list[ft.Control] = []
    if heading:
        controls.append(ft.Text(heading, weight=ft.FontWeight.BOLD))
    for record in results:
        tile = ft.ListTile(
            title=ft.Text(record.name),
            subtitle=ft.Text(record.official_name) if record.aliases else None,
            leading=ft.Icon(ft.Icons.ACCOUNT_BALANCE),
            on_click=_event(on_select, record.code),
        )
        controls.append(_tap(f"gemeente-resultaat-{record.code}", record.name, tile))
    return ft.Column(controls=controls, spacing=0)


def _address_block(identifier: str, title: str, address: Address, on_copy: Handler) -> ft.Control:
    text = "\n".join(address.lines())
    return ft.Row(
        controls=[
            ft.Column(
                controls=[
                    ft.Text(title, weight=ft.FontWeight.BOLD),
                    ft.Text(text, selectable=True),
                ],
                expand=True,
            ),
            _copy_button(f"gemeente-kopieer-{identifier}", title.lower(), text, on_copy),
        ]
    )


def detail_card(record: Municipality, source_line: str, on_copy: Handler) -> ft.Control:
    """Name, phone, e-mail, addresses, website and contact form, each one actionable."""
    rows: list[ft.Control] = [
        ft.Semantics(header=True, content=ft.Text(record.letter_name, size=22)),
    ]
    if record.phone:
        rows.append(
            ft.Row(
                wrap=True,
                controls=[
                    _link_button(
                        "gemeente-bel",
                        f"Bel {record.phone}",
                        f"Bel {record.phone}",
                        ft.Icons.PHONE,
                        tel_url(record.phone),
                    ),
                    _copy_button(
                        "gemeente-kopieer-telefoon", "telefoonnummer", record.phone, on_copy
                    ),
                ],
            )
        )
    if record.email:
        rows.append(
            ft.Row(
                wrap=True,
                controls=[
                    _link_button(
                        "gemeente-mail",
                        f"Mail {record.email}",
                        f"Mail {record.email}",
                        ft.Icons.EMAIL,
                        f"mailto:{record.email}",
                    ),
                    _copy_button("gemeente-kopieer-email", "e-mailadres", record.email, on_copy),
                ],
            )
        )
    else:
        rows.append(
            ft.Semantics(
                identifier="gemeente-geen-email",
                label=NO_EMAIL_TEXT,
                content=ft.Text(NO_EMAIL_TEXT, italic=True),
            )
        )
    links: list[ft.Control] = []
    if record.contact_form:
        links.append(
            _link_button(
                "gemeente-formulier",
                "Open het contactformulier",
                "Contactformulier",
                ft.Icons.CHAT,
                record.contact_form,
            )
        )
    if record.website:
        links.append(
            _link_button(
                "gemeente-website", "Open de website", "Website", ft.Icons.LANGUAGE, record.website
            )
        )
    if links:
        rows.append(ft.Row(controls=links, wrap=True))
    if record.visit_address:
        rows.append(_address_block("bezoekadres", "Bezoekadres", record.visit_address, on_copy))
    if record.postal_address:
        rows.append(_address_block("postadres", "Postadres", record.postal_address, on_copy))
    rows.append(
        ft.Semantics(
            identifier="gemeente-bron",
            label=source_line,
            content=ft.Text(source_line, size=12, italic=True),
        )
    )
    return ft.Semantics(
        identifier=f"gemeente-kaart-{record.code}",
        label=f"Contactgegevens van {record.letter_name}",
        content=ft.Card(content=ft.Container(ft.Column(rows, spacing=12), padding=16)),
    )


def refresh_bar(status: str, busy: bool, on_refresh: Handler) -> ft.Control:
    """The status line ("bijgewerkt op …", "geen verbinding — …") and the refresh action."""
    return ft.Row(
        controls=[
            ft.Semantics(
                identifier="gemeente-status",
                label=status,
                live_region=True,
                content=ft.Text(status, expand=True),
            ),
            _tap(
                "gemeente-vernieuwen",
                "Lijst van gemeenten bijwerken",
                ft.IconButton(
                    icon=ft.Icons.REFRESH,
                    tooltip="Lijst van gemeenten bijwerken",
                    disabled=busy,
                    on_click=on_refresh,
                ),
            ),
        ]
    )


# ---------------------------------------------------------------------------- the screen


@dataclass
class MunicipalityState:
    """Everything the municipality screen shows; replaced field by field by the handlers."""

    query: str = ""
    results: list[Municipality] = field(default_factory=list)
    selected: Municipality | None = None
    postcode_open: bool = False
    postcode: str = ""
    choices: list[PostcodeMatch] = field(default_factory=list)
    """Several municipalities for one postcode: the user chooses."""
    message: str = ""
    """A one-off message: "not found", a postcode error, "copied"."""
    status: str = ""
    busy: bool = False


class MunicipalityScreen:
    """The "Je gemeente" screen over a :class:`MunicipalityDirectory`.

    Args:
        directory: the service; shared with rights requests.
        on_copy: copies text to the clipboard (the app passes the Flet clipboard; tests a fake).
        on_change: called after the state changed, to push the new controls to the page.
    """

    def __init__(
        self,
        directory: MunicipalityDirectory,
        *,
        on_copy: Callable[[str], Awaitable[None] | None] | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.directory = directory
        self.state = MunicipalityState(status=self._data_status())
        self._copy = on_copy
        self._on_change = on_change
        self.control = ft.Column(spacing=16)
        self._render()

    # -------------------------------------------------------------- handlers (tests call these)

    def search(self, query: str) -> None:
        """Name search while typing."""
        state = self.state
        state.query = query
        state.results = self.directory.find(query) if query.strip() else []
        state.choices = []
        state.message = "" if state.results or not query.strip() else "Geen gemeente gevonden."
        if len(state.results) == 1 or (state.results and _exact(state.results[0], query)):
            state.selected = state.results[0]
        elif state.selected is not None and state.selected not in state.results:
            state.selected = None
        self._changed()

    def select(self, code: str) -> None:
        """Open the card of one municipality."""
        self.state.selected = self.directory.get(code)
        self.state.choices = []
        self._changed()

    def open_postcode(self) -> None:
        """The user chose postcode search: show the field and the PDOK notice."""
        self.state.postcode_open = True
        self._changed()

    async def lookup_postcode(self, postcode: str) -> None:
        """Ask PDOK (in a worker thread) which municipality a postcode is in."""
        state = self.state
        state.postcode = postcode
        if not self.directory.is_postcode(postcode):
            state.message = (
                f"'{postcode.strip()}' is geen postcode. Een postcode is 4 cijfers en "
                "2 letters, zoals 1234 AB."
            )
            self._changed()
            return
        state.busy, state.message = True, "Zoeken…"
        self._changed()
        try:
            matches = await asyncio.to_thread(self.directory.lookup_postcode, postcode)
        except PostcodeError as exc:
            state.message = str(exc)
            matches = []
        else:
            state.message = "" if matches else "Geen gemeente gevonden voor deze postcode."
        finally:
            state.busy = False
        known = [m for m in matches if m.municipality is not None]
        if len(known) == 1:
            state.selected, state.choices = known[0].municipality, []
        elif len(known) > 1:
            state.selected, state.choices = None, known
            state.message = "Deze postcode ligt in meer dan één gemeente. Kies je gemeente."
        self._changed()

    async def refresh(self, *, force: bool = True) -> RefreshResult:
        """Refresh the list from the register in a worker thread; the status says how it went."""
        self.state.busy, self.state.status = True, "Bijwerken…"
        self._changed()
        try:
            result = await asyncio.to_thread(self.directory.refresh, force=force)
        finally:
            self.state.busy = False
        self.state.status = status_text(result)
        if self.state.selected is not None:  # show the fresh record (or keep the old one)
            self.state.selected = self.directory.get(self.state.selected.code) or (
                self.state.selected
            )
        if self.state.query:
            self.state.results = self.directory.find(self.state.query)
        self._changed()
        return result

    async def opened(self) -> None:
        """Call when the user opens the screen: refreshes if the list is older than a week."""
        if self.directory.online and self.directory.needs_refresh():
            await self.refresh(force=False)

    async def copy(self, what: str, value: str) -> None:
        """Copy ``value`` and say so."""
        if self._copy is not None:
            outcome = self._copy(value)
            if outcome is not None:
                await outcome
        else:
            await ft.Clipboard().set(value)
        self.state.message = f"{what.capitalize()} gekopieerd."
        self._changed()

    # -------------------------------------------------------------- rendering

    def _data_status(self) -> str:
        notice = f"{self.directory.notice} " if self.directory.notice else ""
        return f"{notice}Gegevens van {_date(self.directory)}."

    def _changed(self) -> None:
        self._render()
        if self._on_change is not None:
            self._on_change()
            return
        # push now, so "Bijwerken…" shows while the worker thread runs; off a page (tests,
        # before mounting) there is nothing to push and the next page update shows it
        with contextlib.suppress(RuntimeError):
            self.control.update()

    def _render(self) -> None:
        state = self.state
        controls: list[ft.Control] = [
            ft.Semantics(header=True, content=ft.Text("Je gemeente", size=24)),
            ft.Text(
                "Vind de contactgegevens van je gemeente. Voor vragen over de hulp of zorg "
                "zelf, of over een besluit daarover."
            ),
            search_field(state.query, self.search),
            postcode_panel(
                open_=state.postcode_open,
                postcode=state.postcode,
                busy=state.busy,
                on_open=_event(self.open_postcode),
                on_lookup=self.lookup_postcode,
            ),
        ]
        if state.message:
            controls.append(
                ft.Semantics(
                    identifier="gemeente-melding",
                    label=state.message,
                    live_region=True,
                    content=ft.Text(state.message),
                )
            )
        if state.choices:
            records = [m.municipality for m in state.choices if m.municipality is not None]
            controls.append(result_list(records, self.select, heading="Kies je gemeente"))
        elif state.results and not (state.selected and len(state.results) == 1):
            controls.append(result_list(state.results, self.select))
        if state.selected is not None:
            controls.append(detail_card(state.selected, self.directory.source_line, self.copy))
        else:
            controls.append(ft.Text(self.directory.source_line, size=12, italic=True))
        controls.append(refresh_bar(state.status, state.busy, self._refresh_clicked))
        self.control.controls = controls

    async def _refresh_clicked(self, _event: Any) -> None:
        await self.refresh(force=True)
