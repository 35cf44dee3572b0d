"""Builders for the rights screens: request kinds, recipient, fields, letter, deadline.

Plain functions of their inputs that return controls (tests inspect them without a client).
Every interactive control has a label and a stable ``ft.Semantics(identifier="rights-...")``.
Each builder takes the UI language as ``t`` (Dutch by default); text from ``privacyapp.rights``
goes through ``_rights_text``. The letter itself is shown as written: in Dutch.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Protocol

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.rights import service_text as rt
from privacyapp.views.rights.service_text import DUTCH

if TYPE_CHECKING:
    from privacyapp.rights import Draft, MunicipalityLike, RecipientMode, RequestKind

__all__ = [
    "ClientActions",
    "FletActions",
    "async_handler",
    "bullets",
    "fields_section",
    "kind_picker",
    "recipient_section",
    "stack",
    "tag",
]

#: The "about you" inputs; label ``rights.applicant.<key>``, hint ``rights.applicant.<key>.hint``.
_APPLICANT_KEYS = ("name", "email", "phone", "address")

OnValue = Callable[[str, str], None]


class ClientActions(Protocol):
    """Work the browser allows only inside the user's click."""

    def open_url(self, url: str) -> ft.ClientAction | None:
        """An action that opens ``url`` (a mailto: or web link)."""
        ...

    def copy_text(self, text: str) -> ft.ClientAction | None:
        """An action that puts ``text`` on the clipboard."""
        ...


class FletActions:
    """The real actions; needs a page context (build inside the app)."""

    def open_url(self, url: str) -> ft.ClientAction | None:
        return ft.OpenUrl(url)

    def copy_text(self, text: str) -> ft.ClientAction | None:
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


#: Fields whose answer is one of a few: a choice, never free text that accepts only some words.
_CHOICES: dict[str, tuple[str, ...]] = {"law": ("jeugd", "wmo")}


def _choice_field(
    key: str, label: str, value: str, on_value: OnValue, t: Translator
) -> ft.Semantics:
    field = ft.Dropdown(
        label=label,
        value=value or None,
        options=[
            ft.DropdownOption(key=option, text=t(f"rights.choice.{key}.{option}"))
            for option in _CHOICES[key]
        ],
        on_select=lambda e: on_value(key, e.control.value or ""),
        expand=True,
    )
    return tag(f"rights-field-{key}", field)


def async_handler(
    handler: Callable[..., object], *args: object
) -> Callable[[object], Awaitable[None]]:
    # Flet awaits a handler only when it is itself a coroutine function; a lambda that
    # returns a coroutine would never run. So wrap callbacks that may be async.
    async def run(_event: object) -> None:
        result = handler(*args)
        if inspect.isawaitable(result):
            await result

    return run


def stack(parts: list[ft.Control]) -> ft.Column:
    # Stretch: text fields and their hints use the full width of the screen.
    return ft.Column(parts, spacing=12, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)


def bullets(lines: Sequence[str]) -> ft.Column:
    return ft.Column([ft.Text(f"• {line}") for line in lines], spacing=4)


# ---------------------------------------------------------------------------------- choose
def kind_picker(
    selected: RequestKind,
    on_choose: Callable[[RequestKind], None],
    *,
    t: Translator = DUTCH,
) -> ft.Column:
    """One tile per kind of request, each with one line saying what it does."""
    from privacyapp.rights import KINDS

    tiles: list[ft.Control] = [ft.Text(t("rights.ask"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM)]
    for spec in KINDS.values():
        chosen = spec.kind is selected
        title, summary = rt.kind_title(t, spec.kind), rt.kind_summary(t, spec.kind)
        # Not by colour alone: the chosen kind also gets a check mark and "gekozen".
        tile = ft.ListTile(
            leading=ft.Icon(
                ft.Icons.CHECK_CIRCLE if chosen else ft.Icons.RADIO_BUTTON_UNCHECKED,
                color=ft.Colors.PRIMARY,
            ),
            title=ft.Text(title + (t("rights.chosen") if chosen else "")),
            subtitle=ft.Text(summary),
            selected=chosen,
            on_click=lambda _e, kind=spec.kind: on_choose(kind),
        )
        label = f"{title}: {summary}" + (t("rights.chosen_label") if chosen else "")
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
    t: Translator = DUTCH,
    on_find: Callable[[], None] | None = None,
) -> ft.Column:
    """The recipient: a municipality from the directory, or an organisation typed in.
    Enter in the search box searches, like the "Zoek" button (``on_find``)."""
    from privacyapp.rights import RecipientMode, RequestKind, RightsError

    if not draft.needs_recipient():
        return ft.Column(
            [
                ft.Text(t("rights.to_ap")),
                ft.Text(rt.kind_advice_lines(t, RequestKind.KLACHT_AP)[0]),
            ]
        )
    mode = ft.RadioGroup(
        value=draft.mode.value,
        on_change=lambda e: on_mode(RecipientMode(e.control.value)),
        content=ft.Row(
            [
                tag(
                    "rights-mode-gemeente",
                    ft.Radio(value="gemeente", label=t("rights.mode.gemeente")),
                ),
                tag(
                    "rights-mode-organisatie",
                    ft.Radio(value="organisatie", label=t("rights.mode.organisatie")),
                ),
            ]
        ),
    )
    parts: list[ft.Control] = [
        ft.Text(t("rights.to_whom"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        mode,
    ]
    if draft.mode is RecipientMode.ORGANISATIE or search is None:
        parts += [
            _text_field(
                "org_name", t("rights.org.org_name"), "", draft.value("org_name"), on_value
            ),
            _text_field(
                "org_email",
                t("rights.org.org_email"),
                t("rights.org.org_email.hint"),
                draft.value("org_email"),
                on_value,
            ),
            _text_field(
                "org_postal",
                t("rights.org.org_postal"),
                "",
                draft.value("org_postal"),
                on_value,
                multiline=True,
            ),
        ]
        return stack(parts)
    box = ft.TextField(
        label=t("rights.search"),
        value=query,
        on_change=lambda e: on_query(e.control.value or ""),
    )

    def submit(e: ft.Event[ft.TextField]) -> None:
        on_query(e.control.value or "")
        if on_find is not None:
            on_find()

    box.on_submit = submit
    parts.append(tag("rights-gemeente-search", box))
    if draft.municipality is not None:
        parts.append(
            tag(
                "rights-gemeente-chosen",
                ft.Text(t("rights.chosen_municipality", name=draft.municipality.name)),
            )
        )
        try:
            parts.append(ft.Text(rt.recipient_explanation(t, draft.recipient())))
        except RightsError as exc:
            parts.append(ft.Text(rt.message(t, rt.problem(exc)), color=ft.Colors.ERROR))
    elif query.strip():
        found = list(search(query))[:8]
        if not found:
            parts.append(ft.Text(t("rights.no_municipality")))
        for municipality in found:
            tile = ft.ListTile(
                title=ft.Text(municipality.name),
                on_click=lambda _e, m=municipality: on_pick(m),
            )
            parts.append(
                tag(
                    f"rights-gemeente-{municipality.code}",
                    tile,
                    t("rights.pick", name=municipality.name),
                )
            )
    return stack(parts)


def fields_section(
    draft: Draft,
    on_value: OnValue,
    on_for_someone: Callable[..., None],
    *,
    t: Translator = DUTCH,
) -> ft.Column:
    """About you, whom you act for, and only the fields this kind of request needs."""
    from privacyapp.rights import RequestKind, Role, kind_spec

    spec = kind_spec(draft.kind)
    about = ft.Text(t("rights.about_you"), theme_style=ft.TextThemeStyle.TITLE_MEDIUM)
    parts: list[ft.Control] = [about]
    # The AP needs a postal address for a complaint (the letter refuses to go without one), so
    # there the hint says it is required, not "needed if you post it".
    hints = {key: t(f"rights.applicant.{key}.hint") for key in _APPLICANT_KEYS}
    if draft.kind is RequestKind.KLACHT_AP:
        hints["address"] = t("rights.applicant.address.required")
    parts += [
        _text_field(
            key,
            t(f"rights.applicant.{key}"),
            hints[key],
            draft.value(key),
            on_value,
            multiline=key == "address",
        )
        for key in _APPLICANT_KEYS
    ]
    someone = ft.Switch(
        value=draft.for_someone, on_change=lambda e: on_for_someone(bool(e.control.value))
    )
    parts.append(w.toggle_row(someone, t("rights.for_someone"), "rights-for-someone"))
    if draft.for_someone:
        role = ft.Dropdown(
            label=t("rights.role"),
            value=draft.role.value,
            options=[
                ft.DropdownOption(key=r.value, text=t(f"rights.role.{r.value}")) for r in Role
            ],
            on_select=lambda e: on_for_someone(True, role=e.control.value),
        )
        parts += [
            tag("rights-role", role),
            _text_field("person", t("rights.person"), "", draft.person, on_value),
            ft.Text(rt.role_proof(t, draft.role)),
            bullets(rt.age_rules(t)),
        ]
    heading = t("rights.your_request", title=rt.kind_title(t, draft.kind))
    parts.append(ft.Text(heading, theme_style=ft.TextThemeStyle.TITLE_MEDIUM))
    parts += [
        _choice_field(f.key, rt.field_label(t, f.key), draft.value(f.key), on_value, t)
        if f.key in _CHOICES
        else _text_field(
            f.key,
            rt.field_label(t, f.key),
            rt.field_hint(t, f.key),
            draft.value(f.key),
            on_value,
            multiline=f.multiline,
        )
        for f in spec.fields
    ]
    parts += [bullets(rt.kind_advice_lines(t, draft.kind))]
    return stack(parts)
