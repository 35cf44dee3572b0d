"""Builders for the rights screens: request kinds, recipient, fields, letter, deadline.

Plain functions of their inputs that return controls (tests inspect them without a client).
Every interactive control has a label and a stable ``ft.Semantics(identifier="rights-...")``.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from typing import Any, Protocol

import flet as ft

from privacyapp.rights import (
    AGE_RULES,
    IDENTITY_ADVICE,
    KINDS,
    NO_SERVER,
    Channel,
    Draft,
    Letter,
    MailLink,
    MunicipalityLike,
    RecipientMode,
    RequestKind,
    RightsError,
    RightsRequest,
    Role,
    deadline_event,
    dutch_date,
    kind_advice,
    kind_spec,
    mail_link,
    next_step,
    role_spec,
)

__all__ = [
    "ClientActions",
    "FletActions",
    "deadline_view",
    "fields_section",
    "kind_picker",
    "letter_preview",
    "recipient_section",
    "tag",
]

_ROLE_LABELS = {
    Role.OUDER: "Ouder met gezag",
    Role.VOOGD: "Voogd",
    Role.CURATOR: "Curator",
    Role.MENTOR: "Mentor",
}
_APPLICANT_FIELDS = (
    ("name", "Je naam", "Zo onderteken je de brief."),
    ("email", "Je e-mailadres", "Zodat de organisatie je kan antwoorden."),
    ("phone", "Je telefoonnummer", "Mag leeg blijven."),
    ("address", "Je adres", "Nodig als je de brief per post stuurt."),
)

OnValue = Callable[[str, str], None]


class ClientActions(Protocol):
    """Work the browser allows only inside the user's click."""

    def open_url(self, url: str) -> Any:
        """An action that opens ``url`` (a mailto: or web link)."""
        ...

    def copy_text(self, text: str) -> Any:
        """An action that puts ``text`` on the clipboard."""
        ...


class FletActions:
    """The real actions; needs a page context (build inside the app)."""

    def open_url(self, url: str) -> Any:
        return ft.OpenUrl(url)

    def copy_text(self, text: str) -> Any:
        return ft.CopyToClipboard(text)


def tag(identifier: str, control: ft.Control, label: str | None = None) -> ft.Semantics:
    return ft.Semantics(identifier=identifier, label=label, content=control)


def _text_field(
    key: str, label: str, hint: str, value: str, on_value: OnValue, *, multiline: bool = False
) -> ft.Semantics:
    field = ft.TextField(
        label=label,
        helper=hint,
        value=value,
        multiline=multiline,
        min_lines=3 if multiline else None,
        helper_max_lines=3,
        on_change=lambda e: on_value(key, e.control.value or ""),
    )
    return tag(f"rights-field-{key}", field)


def _async(handler: Callable[..., Any], *args: Any) -> Callable[[Any], Awaitable[None]]:
    # Flet awaits a handler only when it is itself a coroutine function; a lambda that
    # returns a coroutine would never run. So wrap callbacks that may be async.
    async def run(_event: Any) -> None:
        result = handler(*args)
        if inspect.isawaitable(result):
            await result

    return run


def _column(parts: list[ft.Control]) -> ft.Column:
    # Stretch: text fields and their hints use the full width of the screen.
    return ft.Column(parts, spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


def _bullets(lines: Sequence[str]) -> ft.Column:
    return ft.Column([ft.Text(f"• {line}") for line in lines], spacing=4)


# ---------------------------------------------------------------------------------- choose
def kind_picker(selected: RequestKind, on_choose: Callable[[RequestKind], None]) -> ft.Column:
    """One tile per kind of request, each with one line saying what it does."""
    tiles: list[ft.Control] = [
        ft.Text("Wat wil je vragen?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM)
    ]
    for spec in KINDS.values():
        chosen = spec.kind is selected
        # Not by colour alone: the chosen kind also gets a check mark and "gekozen".
        tile = ft.ListTile(
            leading=ft.Icon(
                ft.Icons.CHECK_CIRCLE if chosen else ft.Icons.RADIO_BUTTON_UNCHECKED,
                color=ft.Colors.PRIMARY,
            ),
            title=ft.Text(spec.title + (" (gekozen)" if chosen else "")),
            subtitle=ft.Text(spec.summary),
            selected=chosen,
            on_click=lambda _e, kind=spec.kind: on_choose(kind),
        )
        label = f"{spec.title}: {spec.summary}" + (" Gekozen." if chosen else "")
        control = ft.Semantics(
            identifier=f"rights-kind-{spec.kind.value}",
            label=label,
            selected=chosen,
            button=True,
            content=tile,
        )
        tiles.append(control)
    return ft.Column(tiles, spacing=0)


def recipient_section(
    draft: Draft,
    *,
    search: Callable[[str], Sequence[MunicipalityLike]] | None,
    query: str,
    on_mode: Callable[[RecipientMode], None],
    on_query: Callable[[str], None],
    on_pick: Callable[[MunicipalityLike], None],
    on_value: OnValue,
) -> ft.Column:
    """The recipient: a municipality from the directory, or an organisation typed in."""
    if not draft.needs_recipient():
        return ft.Column(
            [
                ft.Text("Aan: Autoriteit Persoonsgegevens"),
                ft.Text(kind_advice(RequestKind.KLACHT_AP)[0]),
            ]
        )
    mode = ft.RadioGroup(
        value=draft.mode.value,
        on_change=lambda e: on_mode(RecipientMode(e.control.value)),
        content=ft.Row(
            [
                tag("rights-mode-gemeente", ft.Radio(value="gemeente", label="Mijn gemeente")),
                tag(
                    "rights-mode-organisatie",
                    ft.Radio(value="organisatie", label="Andere organisatie"),
                ),
            ]
        ),
    )
    parts: list[ft.Control] = [
        ft.Text("Aan wie?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        mode,
    ]
    if draft.mode is RecipientMode.ORGANISATIE or search is None:
        parts += [
            _text_field(
                "org_name", "Naam van de organisatie", "", draft.value("org_name"), on_value
            ),
            _text_field(
                "org_email",
                "E-mailadres van de organisatie",
                "Vaak staat op de website een privacy-adres.",
                draft.value("org_email"),
                on_value,
            ),
            _text_field(
                "org_postal",
                "Postadres (als er geen e-mailadres is)",
                "",
                draft.value("org_postal"),
                on_value,
                multiline=True,
            ),
        ]
        return _column(parts)
    box = ft.TextField(
        label="Zoek je gemeente",
        value=query,
        on_submit=lambda e: on_query(e.control.value or ""),
        on_change=lambda e: on_query(e.control.value or ""),
    )
    parts.append(tag("rights-gemeente-search", box))
    if draft.municipality is not None:
        parts.append(
            tag("rights-gemeente-chosen", ft.Text(f"Gekozen: Gemeente {draft.municipality.name}"))
        )
        try:
            parts.append(ft.Text(draft.recipient().explanation))
        except RightsError as exc:
            parts.append(ft.Text(str(exc), color=ft.Colors.ERROR))
    elif query.strip():
        found = list(search(query))[:8]
        if not found:
            parts.append(ft.Text("Geen gemeente gevonden. Controleer de naam."))
        for municipality in found:
            tile = ft.ListTile(
                title=ft.Text(municipality.name),
                on_click=lambda _e, m=municipality: on_pick(m),
            )
            parts.append(
                tag(f"rights-gemeente-{municipality.code}", tile, f"Kies {municipality.name}")
            )
    return _column(parts)


def fields_section(
    draft: Draft, on_value: OnValue, on_for_someone: Callable[..., None]
) -> ft.Column:
    """About you, whom you act for, and only the fields this kind of request needs."""
    spec = kind_spec(draft.kind)
    parts: list[ft.Control] = [ft.Text("Over jou", theme_style=ft.TextThemeStyle.TITLE_MEDIUM)]
    parts += [
        _text_field(key, label, hint, draft.value(key), on_value, multiline=key == "address")
        for key, label, hint in _APPLICANT_FIELDS
    ]
    parts.append(
        tag(
            "rights-for-someone",
            ft.Switch(
                label="Ik schrijf voor mijn kind of voor iemand die ik vertegenwoordig",
                value=draft.for_someone,
                on_change=lambda e: on_for_someone(bool(e.control.value)),
            ),
        )
    )
    if draft.for_someone:
        role = ft.Dropdown(
            label="Jouw rol",
            value=draft.role.value,
            options=[ft.DropdownOption(key=r.value, text=_ROLE_LABELS[r]) for r in Role],
            on_select=lambda e: on_for_someone(True, role=e.control.value),
        )
        parts += [
            tag("rights-role", role),
            _text_field("person", "Naam van je kind of de persoon", "", draft.person, on_value),
            ft.Text(role_spec(draft.role).proof),
            _bullets(AGE_RULES),
        ]
    parts.append(ft.Text(f"Je verzoek: {spec.title}", theme_style=ft.TextThemeStyle.TITLE_MEDIUM))
    parts += [
        _text_field(f.key, f.label, f.hint, draft.value(f.key), on_value, multiline=f.multiline)
        for f in spec.fields
    ]
    parts += [_bullets(kind_advice(draft.kind))]
    return _column(parts)


# ---------------------------------------------------------------------------------- send
def letter_preview(
    letter: Letter,
    *,
    actions: ClientActions,
    sent_text: str,
    on_sent_text: Callable[[str], None],
    on_save_pdf: Callable[[], Awaitable[None] | None],
    on_store: Callable[[], None],
    link: MailLink | None = None,
) -> ft.Column:
    """The letter, how to send it, and "Bewaar in Mijn overzicht" with the sent date."""
    text = letter.as_text()
    parts: list[ft.Control] = [
        ft.Text("Je brief", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Container(
            content=tag("rights-letter", ft.Text(text, selectable=True)),
            padding=16,
            border=ft.Border.all(1, ft.Colors.OUTLINE),
            border_radius=8,
        ),
        ft.Text(letter.recipient.explanation),
    ]
    buttons: list[ft.Control] = []
    if letter.recipient.channel is Channel.EMAIL:
        link = link or mail_link(letter)
        opener = actions.open_url(link.url)
        if link.shortened:
            # The short body asks to paste the full letter: copy it in the same click.
            both = [a for a in (actions.copy_text(text), opener) if a is not None]
            opener = both or None
            parts.append(tag("rights-mail-note", ft.Text(link.note)))
        open_mail = ft.Button("Open in je mailapp", action=opener, data=link.url)
        buttons.append(tag("rights-open-mail", open_mail, "Open in je mailapp"))
        if link.shortened:
            full = ft.TextButton(
                "Probeer de volledige brief in je mailapp",
                action=actions.open_url(link.full_url),
                data=link.full_url,
            )
            buttons.append(tag("rights-open-mail-full", full))
    elif letter.recipient.contact_form:
        form = ft.Button(
            "Open het contactformulier",
            action=actions.open_url(letter.recipient.contact_form),
            data=letter.recipient.contact_form,
        )
        buttons.append(tag("rights-open-form", form))
    buttons.append(
        tag("rights-copy", ft.Button("Kopieer", action=actions.copy_text(text), data=text))
    )
    buttons.append(
        tag("rights-save-pdf", ft.Button("Bewaar als PDF", on_click=_async(on_save_pdf)))
    )
    parts.append(ft.Row(buttons, wrap=True))
    parts += [_bullets(IDENTITY_ADVICE), ft.Text(NO_SERVER)]
    sent = ft.TextField(
        label="Verstuurd op (JJJJ-MM-DD)",
        value=sent_text,
        on_change=lambda e: on_sent_text(e.control.value or ""),
    )
    parts.append(tag("rights-sent-date", sent))
    parts.append(
        tag("rights-store", ft.Button("Bewaar in Mijn overzicht", on_click=lambda _e: on_store()))
    )
    return _column(parts)


# ---------------------------------------------------------------------------------- follow up
def deadline_view(
    request: RightsRequest,
    today: date,
    *,
    actions: ClientActions,
    on_extension: Callable[[str], None],
    on_reminder: Callable[[], None],
    on_ap_complaint: Callable[[], None],
    on_answered: Callable[[], None],
    on_ics: Callable[[str], Awaitable[None] | None],
    ics_now: Callable[[], Any],
) -> ft.Column:
    """Where a sent request stands: the term, a reminder, the follow-up letter, the AP route."""
    step = next_step(request, today)
    term = request.deadline()
    parts: list[ft.Control] = [
        ft.Semantics(
            header=True,
            content=ft.Text("Je verzoek volgen", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ),
        ft.Text(request.subject, weight=ft.FontWeight.BOLD),
        ft.Text(f"Aan: {request.recipient.name}. Verstuurd op {dutch_date(request.sent)}."),
        tag(
            "rights-stage",
            ft.Text(f"{step.title}. {step.text}"),
            f"Stand van je verzoek: {step.title}",
        ),
    ]
    if term is not None:
        parts.append(ft.Text(term.explanation))
        ext = ft.TextField(
            label="De organisatie meldde verlenging op (JJJJ-MM-DD)",
            on_submit=lambda e: on_extension(e.control.value or ""),
        )
        parts.append(tag("rights-extension", ext))
        event = deadline_event(
            uid=request.id,
            due=term.due,
            summary=f"Termijn: {request.subject}",
            description=f"Aan {request.recipient.name}. {step.text}",
            now=ics_now(),
        )
        parts.append(
            tag(
                "rights-ics",
                ft.Button("Zet in je agenda (ICS)", on_click=_async(on_ics, event), data=event),
            )
        )
    if step.offer_reminder:
        parts.append(
            tag(
                "rights-reminder",
                ft.Button("Schrijf een herinnering", on_click=lambda _e: on_reminder()),
            )
        )
    if step.offer_ap_complaint:
        parts.append(
            tag(
                "rights-ap-complaint",
                ft.Button(
                    "Klacht bij de Autoriteit Persoonsgegevens",
                    on_click=lambda _e: on_ap_complaint(),
                ),
            )
        )
    parts.append(
        tag(
            "rights-answered",
            ft.TextButton("Ik heb antwoord gekregen", on_click=lambda _e: on_answered()),
        )
    )
    return _column(parts)
