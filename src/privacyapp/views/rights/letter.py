"""Builders for the rights screens' second half: the letter and how to send it, the follow-up.

Plain functions of their inputs that return controls, like ``parts``; the letter itself is shown
as written: in Dutch.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.rights import service_text as rt
from privacyapp.views.rights.parts import ClientActions, async_handler, bullets, stack, tag
from privacyapp.views.rights.service_text import DUTCH

if TYPE_CHECKING:
    from privacyapp.rights import Letter, MailLink, RightsRequest

__all__ = [
    "EXTENSION",
    "REFUSED",
    "date_field_name",
    "deadline_view",
    "letter_preview",
    "objection_text",
]

#: The follow-up's date fields (their identifiers): an extension, a municipality's refusal.
EXTENSION, REFUSED = "rights-extension", "rights-refused"


def pdf_available() -> bool:
    """Whether this build can make a PDF (the static web build cannot); asked on first use, so
    the dossier is not loaded before the first screen."""
    from privacyapp.dossier import pdf_available as available

    return available()


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
    t: Translator = DUTCH,
) -> ft.Column:
    """The letter, how to send it, and "Bewaar in Mijn overzicht" with the sent date.

    The letter itself stays Dutch in every UI language (it goes to a Dutch organisation); the
    English UI says so above it.
    """
    from privacyapp.rights import Channel, mail_link

    text = letter.as_text()
    parts: list[ft.Control] = [
        ft.Text(t("rights.letter"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM)
    ]
    if dutch_note := i18n.own_text(t, "rights.letter_dutch"):
        parts.append(tag("rights-letter-dutch", ft.Text(dutch_note, italic=True)))
    parts += [
        ft.Container(
            content=tag("rights-letter", ft.Text(text, selectable=True)),
            padding=16,
            border=ft.Border.all(1, ft.Colors.OUTLINE),
            border_radius=8,
        ),
        ft.Text(rt.recipient_explanation(t, letter.recipient)),
    ]
    buttons: list[ft.Control] = []
    if letter.recipient.channel is Channel.EMAIL:
        link = link or mail_link(letter)
        first = actions.open_url(link.url)
        opener: ft.ClientAction | list[ft.ClientAction] | None = first
        if link.shortened:
            # The short body asks to paste the full letter: copy it in the same click.
            both = [a for a in (actions.copy_text(text), first) if a is not None]
            opener = both or None
            parts.append(tag("rights-mail-note", ft.Text(rt.mail_note(t, link))))
        open_mail = ft.Button(t("rights.open_mail"), action=opener, data=link.url)
        buttons.append(tag("rights-open-mail", open_mail, t("rights.open_mail")))
        if link.shortened:
            full = ft.TextButton(
                t("rights.open_mail_full"),
                action=actions.open_url(link.full_url),
                data=link.full_url,
            )
            buttons.append(tag("rights-open-mail-full", full))
    elif letter.recipient.contact_form:
        form = ft.Button(
            t("rights.open_form"),
            action=actions.open_url(letter.recipient.contact_form),
            data=letter.recipient.contact_form,
        )
        buttons.append(tag("rights-open-form", form))
    buttons.append(
        tag(
            "rights-copy",
            ft.Button(t("rights.copy"), action=actions.copy_text(text), data=text),
        )
    )
    if pdf_available():
        buttons.append(
            tag(
                "rights-save-pdf",
                ft.Button(t("rights.save_pdf"), on_click=async_handler(on_save_pdf)),
            )
        )
    parts.append(ft.Row(buttons, wrap=True))
    if not pdf_available():  # the static web build: say it, never a button that fails
        parts.append(tag("rights-no-pdf", ft.Text(t("rights.no_pdf"))))
    parts += [bullets(rt.identity_advice(t)), ft.Text(rt.no_server(t))]
    sent = ft.TextField(
        label=t("rights.sent_on"),
        value=sent_text,
        on_change=lambda e: on_sent_text(e.control.value or ""),
    )
    parts.append(tag("rights-sent-date", sent))
    parts.append(tag("rights-store", ft.Button(t("rights.store"), on_click=lambda _e: on_store())))
    return stack(parts)


# ---------------------------------------------------------------------------------- follow up
def date_field_name(t: Translator, ident: str) -> str:
    """A follow-up date field's short name, for the error summary's link to it (its label is
    a whole question)."""
    return t("rights.extension_date") if ident == EXTENSION else t("rights.refused_date")


def objection_text(t: Translator, saved: RightsRequest, typed: str, today: date) -> tuple[str, str]:
    """What to do after the municipality refused on the typed day, as (title, text): the
    bezwaar route (UAVG art. 34, Awb 6:7: six weeks from the decision). Raises ``RightsError``
    for a date that cannot be read or is after today."""
    from privacyapp.rights import objection_due, objection_step
    from privacyapp.rights.session import parse_date

    decided = parse_date(typed)
    step = objection_step(saved, decided, today)
    if i18n.language_of(t) == "nl":
        return step.title, step.text
    due = rt.date_text(t, objection_due(decided))
    key = "rights.objection.late" if today > objection_due(decided) else "rights.objection"
    return t(key), t(f"{key}.text", due=due)


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
    ics_now: Callable[[], datetime],
    t: Translator = DUTCH,
    on_refused: Callable[[str], None] | None = None,
    objection: tuple[str, str] | None = None,
    typed: Mapping[str, str] | None = None,
    below: Mapping[str, Sequence[ft.Control]] | None = None,
) -> ft.Column:
    """Where a sent request stands: the term, a reminder, the follow-up letter, the AP route,
    and for an AVG request to a municipality the bezwaar route once it was refused
    (``on_refused`` with the typed decision date; ``objection``: what to do then).
    ``typed``: what the date fields (``EXTENSION``, ``REFUSED``) hold; ``below``: what to show
    right under one of them (the feedback on the date entered there).

    The subject is the letter's own (Dutch) subject, as sent.
    """
    from privacyapp.rights import deadline_event, next_step, objection_advice

    typed, below = typed or {}, below or {}
    step = next_step(request, today)
    title, advice = rt.step_text(t, step, request)
    term = request.deadline()
    sent_line = t(
        "rights.sent_line", name=request.recipient.name, date=rt.date_text(t, request.sent)
    )
    parts: list[ft.Control] = [
        ft.Semantics(
            header=True,
            content=ft.Text(t("rights.follow"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ),
        ft.Text(request.subject, weight=ft.FontWeight.BOLD),
        ft.Text(sent_line),
        tag(
            "rights-stage",
            ft.Text(f"{title}. {advice}"),
            t("rights.stage_label", title=title),
        ),
    ]
    if term is not None:
        parts.append(ft.Text(rt.term_explanation(t, request, term)))
        parts += _date_entry(t, EXTENSION, t("rights.extension"), typed, on_extension)
        parts += below.get(EXTENSION, ())
        event = deadline_event(
            uid=request.id,
            due=term.due,
            summary=t("rights.ics_summary", subject=request.subject),
            description=t("rights.ics_description", name=request.recipient.name, text=advice),
            now=ics_now(),
        )
        parts.append(
            tag(
                "rights-ics",
                ft.Button(t("rights.ics"), on_click=async_handler(on_ics, event), data=event),
            )
        )
    if step.offer_reminder:
        parts.append(
            tag(
                "rights-reminder",
                ft.Button(t("rights.reminder"), on_click=lambda _e: on_reminder()),
            )
        )
    if step.offer_ap_complaint:
        parts.append(
            tag(
                "rights-ap-complaint",
                ft.Button(t("rights.ap_complaint"), on_click=lambda _e: on_ap_complaint()),
            )
        )
    if on_refused is not None and objection_advice(
        request.kind, municipality=bool(request.recipient.municipality_code)
    ):
        parts += _date_entry(t, REFUSED, t("rights.refused_on"), typed, on_refused)
        parts += below.get(REFUSED, ())
    if objection is not None:
        parts.append(
            tag("rights-objection", ft.Text(f"{objection[0]}. {objection[1]}"), objection[0])
        )
    parts.append(
        tag(
            "rights-answered",
            ft.TextButton(t("rights.answered"), on_click=lambda _e: on_answered()),
        )
    )
    return stack(parts)


def _date_entry(
    t: Translator,
    ident: str,
    question: str,
    typed: Mapping[str, str],
    on_save: Callable[[str], None],
) -> list[ft.Control]:
    """A follow-up date: the question above a field with a short label (a long one did not fit
    a phone at 200 %), how to write the date, and a button (Enter saves too)."""
    field = ft.TextField(
        label=date_field_name(t, ident),
        helper=t("rights.date_hint"),
        value=typed.get(ident, ""),
        on_submit=lambda e: on_save(e.control.value or ""),
    )
    save = ft.Button(t("rights.date_save"), on_click=lambda _e: on_save(field.value or ""))
    return [ft.Text(question), tag(ident, field), tag(f"{ident}-save", save)]
