"""One municipality's contact card: phone, e-mail, address, website and contact form, each
with a copy button that works inside the click (as browsers require for the clipboard)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.theme import TOUCH_TARGET

if TYPE_CHECKING:
    from privacyapp.opendata import Address, Municipality

__all__ = ["Handler", "Translate", "about_panel", "detail_card", "on_event", "shown", "tel_url"]

Translate = Callable[..., str]
Handler = Callable[..., object]


def tel_url(phone: str) -> str:
    """``"(073) 615 51 55"`` → ``"tel:0736155155"``; ``"14 024"`` → ``"tel:14024"``."""
    return "tel:" + re.sub(r"[^\d+]", "", phone)


def on_event(handler: Handler, *args: object) -> Callable[[object], Awaitable[None]]:
    """An event handler that calls ``handler(*args)`` and awaits it if it is async."""

    async def run(_event: object = None) -> None:
        outcome = handler(*args)
        if inspect.isawaitable(outcome):
            await outcome

    return run


def shown(ident: str, text: ft.Text, *, live: bool = False) -> ft.Semantics:
    """Text with an identifier; the text itself is its name (a label would be read twice)."""
    return ft.Semantics(identifier=ident, live_region=live or None, content=text)


def _copy_action(value: str) -> ft.ClientAction | None:
    """Copy inside the click itself (Safari allows the clipboard only there); None off a page."""
    try:
        return ft.CopyToClipboard(value)
    except RuntimeError:  # built outside a running page (tests): the click handler copies
        return None


def _copy_button(ident: str, what: str, value: str, on_copy: Handler, t: Translate) -> ft.Control:
    label = t("municipality.copy", what=what)
    button = ft.IconButton(
        icon=ft.Icons.CONTENT_COPY,
        tooltip=label,
        action=_copy_action(value),
        on_click=on_event(on_copy, what, value),
        width=TOUCH_TARGET,
        height=TOUCH_TARGET,
    )
    return ft.Semantics(identifier=ident, label=label, button=True, content=button)


def _with_copy(link: ft.Control, copy: ft.Control) -> ft.Control:
    """A contact link with its copy button at the end of the same line: the link takes the room
    that is left (a long e-mail address wraps inside it), so the button never drops below."""
    return ft.Row(
        [ft.Container(content=link, expand=True), copy],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
        spacing=4,
    )


# ---------------------------------------------------------------------------- builders


def about_panel(t: Translate = i18n.DUTCH) -> ft.Control:
    """The disclaimer at the top of the screen: what the app is not about, and where to go."""
    return w.notice(
        f"{t('municipality.about')} {t('municipality.about_more')}",
        ident="municipality-about",
        icon=ft.Icons.INFO_OUTLINE,
    )


def _address_block(
    ident: str, title: str, what: str, address: Address, on_copy: Handler, t: Translate
) -> ft.Control:
    text = "\n".join(address.lines())
    return ft.Row(
        [
            ft.Column([w.heading(title, 3), w.body(text, selectable=True)], expand=True),
            _copy_button(f"municipality-copy-{ident}", what, text, on_copy, t),
        ],
        vertical_alignment=ft.CrossAxisAlignment.START,
    )


def detail_card(
    record: Municipality, source_line: str, on_copy: Handler, t: Translate = i18n.DUTCH
) -> ft.Control:
    """Name, phone, e-mail, addresses, website and contact form, each one usable."""
    rows: list[ft.Control] = [w.heading(record.letter_name, 2, ident="municipality-name")]
    if record.phone:
        call = t("municipality.call", phone=record.phone)
        rows.append(
            _with_copy(
                w.link(call, tel_url(record.phone), "municipality-call", icon=ft.Icons.PHONE),
                _copy_button(
                    "municipality-copy-phone",
                    t("municipality.what_phone"),
                    record.phone,
                    on_copy,
                    t,
                ),
            )
        )
    if record.email:
        mail = t("municipality.mail", email=record.email)
        rows.append(
            _with_copy(
                w.link(mail, f"mailto:{record.email}", "municipality-mail", icon=ft.Icons.EMAIL),
                _copy_button(
                    "municipality-copy-email",
                    t("municipality.what_email"),
                    record.email,
                    on_copy,
                    t,
                ),
            )
        )
    else:
        rows.append(w.notice(t("municipality.no_email"), ident="municipality-no-email"))
    links: list[ft.Control] = []
    if record.contact_form:
        links.append(
            w.link(
                t("municipality.form"), record.contact_form, "municipality-form", icon=ft.Icons.CHAT
            )
        )
    if record.website:
        links.append(
            w.link(
                t("municipality.website"),
                record.website,
                "municipality-website",
                icon=ft.Icons.LANGUAGE,
            )
        )
    if links:
        rows.append(ft.Row(links, wrap=True))
    addresses = (
        ("visit", "municipality.visit", "municipality.what_visit", record.visit_address),
        ("postal", "municipality.postal", "municipality.what_postal", record.postal_address),
    )
    for ident, title, what, address in addresses:
        if address is not None:
            rows.append(_address_block(ident, t(title), t(what), address, on_copy, t))
    rows.append(shown("municipality-source", w.muted(source_line)))
    return ft.Semantics(
        identifier=f"municipality-card-{record.code.lower()}",
        label=t("municipality.card", name=record.letter_name),
        container=True,
        content=ft.Card(content=ft.Container(ft.Column(rows, spacing=12), padding=16)),
    )
