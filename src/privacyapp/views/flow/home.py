"""Home ("Waar gaat je vraag over?") and the question list for an audience and sector."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote

import flet as ft

from privacyapp.engine import Audience, Flow, Sector, Situation
from privacyapp.views.flow.emergency import emergency_strip
from privacyapp.views.flow.state import FlowState
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.theme import LARGE_TEXT

__all__ = ["audience_picker", "home_view", "label", "questions_view", "search_field"]


def label(item: Audience | Sector | Situation, language: str) -> str:
    """A registry label in the UI language (``label_en`` where the registry has one)."""
    if language == "en" and item.label_en:
        return item.label_en
    return item.label


def audience_picker(ctx: ViewContext, ident_prefix: str = "home") -> ft.Control:
    """The three audiences as large choices; the choice is remembered and can be changed."""
    settings = ctx.state.settings
    registry = ctx.services.library.registry

    def pick(key: str) -> w.Handler:
        def handler(_: object) -> None:
            ctx.state.settings = replace(ctx.state.settings, audience=key)
            ctx.state.features.get(FlowState).picking_audience = False
            ctx.nav.refresh()

        return handler

    choices = [
        w.choice(
            label(audience, settings.language),
            f"{ident_prefix}-audience-{key}",
            pick(key),
            description=audience.description,
            selected=settings.audience == key,
            icon=ft.Icons.RADIO_BUTTON_CHECKED
            if settings.audience == key
            else ft.Icons.RADIO_BUTTON_UNCHECKED,
            text_scale=ctx.row_scale,
        )
        for key, audience in registry.audiences.items()
    ]
    return w.section(ctx.t("home.audience"), choices)


def search_field(
    ctx: ViewContext, ident: str, *, autofocus: bool = False, label_key: str = "search.label"
) -> ft.Control:
    """A search box that opens the search screen with what was typed (Enter or the button)."""
    field = ft.TextField(
        label=ctx.t(label_key),
        hint_text=ctx.t("home.search.hint"),
        value=ctx.state.query,
        prefix_icon=ft.Icons.SEARCH,
        autofocus=autofocus,
        expand=True,
        text_size=None,
    )

    def submit(_: object) -> None:
        ctx.state.query = (field.value or "").strip()
        ctx.nav.go("/zoeken?q=" + quote(ctx.state.query) if ctx.state.query else "/zoeken")

    def keep(_: object) -> None:
        # Kept in the state so that a re-render (resize, language) never loses what was typed.
        ctx.state.query = field.value or ""

    field.on_submit = submit
    field.on_change = keep
    button = ft.Semantics(
        identifier=f"{ident}-button",
        button=True,
        label=ctx.t("search.button"),
        content=ft.IconButton(
            icon=ft.Icons.ARROW_FORWARD,
            tooltip=ctx.t("search.button"),
            on_click=submit,
            icon_size=24,
            style=ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=10), padding=12),
        ),
    )
    return ft.Row(
        [ft.Semantics(identifier=ident, content=field, expand=True), button],
        spacing=8,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


def _audience_summary(ctx: ViewContext) -> ft.Control:
    """The chosen audience in one line, with a button to change it."""
    settings = ctx.state.settings
    audiences = ctx.services.library.registry.audiences
    audience = audiences.get(settings.audience) if settings.audience else None
    name = label(audience, settings.language) if audience is not None else settings.audience

    def change(_: object) -> None:
        ctx.state.features.get(FlowState).picking_audience = True
        ctx.nav.refresh()

    line = ft.Row(
        [
            ft.Icon(ft.Icons.PERSON_OUTLINE, color=ft.Colors.PRIMARY),
            ft.Text(
                ctx.t("home.audience.chosen", audience=name),
                theme_style=ft.TextThemeStyle.TITLE_MEDIUM,
                expand=True,
            ),
        ],
        spacing=10,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
    button = w.secondary(ctx.t("home.audience.change"), "home-audience-change", change)
    if ctx.row_scale >= LARGE_TEXT:  # beside the button the audience broke mid-word (phone)
        return ft.Column([line, ft.Row([button])], spacing=8)
    line.controls.append(button)
    return line


def home_view(ctx: ViewContext) -> ft.Control:
    """Home: emergency entry, search, audience, sectors, and what the app is about."""
    settings = ctx.state.settings
    library = ctx.services.library
    picking = settings.audience is None or ctx.state.features.get(FlowState).picking_audience
    controls: list[ft.Control] = [w.heading(ctx.t("home.title"), 1, ident="home-title")]
    if settings.audience is None:
        controls.append(w.body(ctx.t("home.intro")))
    controls += [
        emergency_strip(ctx),
        search_field(ctx, "home-search", label_key="home.search.label"),
    ]
    if note := i18n.own_text(ctx.t, "content.dutch_only"):
        controls.append(w.notice(note, ident="home-dutch-only"))
    # The skip link ("Naar de inhoud") passes the emergency block and search: to "Wie ben je?".
    if picking:
        controls.append(audience_picker(ctx))
        ctx.main = f"home-audience-{next(iter(library.registry.audiences), '')}"
    else:
        controls.append(_audience_summary(ctx))
        ctx.main = "home-audience-change"
    if settings.audience is not None:
        sectors: list[ft.Control] = []
        for key, sector in library.registry.sectors.items():
            count = len(library.flows_for(settings.audience, key))
            if count == 0:
                continue  # no dead ends: a sector without questions is not offered
            sectors.append(
                w.choice(
                    label(sector, settings.language),
                    f"home-sector-{key}",
                    _go(ctx, f"/vragen/{key}"),
                    description=sector.description,
                    text_scale=ctx.row_scale,
                )
            )
        everything = w.choice(
            ctx.t("home.sectors.all"),
            "home-sector-all",
            _go(ctx, "/vragen"),
            text_scale=ctx.row_scale,
        )
        sectors.append(everything)
        controls.append(w.section(ctx.t("home.sectors"), sectors))
    controls.append(w.notice(ctx.t("home.disclaimer"), ident="home-disclaimer"))
    return w.page_body(controls)


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def questions_view(ctx: ViewContext) -> ft.Control:
    """The questions for the chosen audience (and sector), grouped by situation."""
    settings = ctx.state.settings
    library = ctx.services.library
    registry = library.registry
    sector_key = ctx.params.get("sector")
    sector = registry.sectors.get(sector_key) if sector_key else None
    title = (
        ctx.t("questions.title.sector", sector=label(sector, settings.language))
        if sector is not None
        else ctx.t("questions.title")
    )
    controls: list[ft.Control] = [w.heading(title, 1, ident="questions-title")]
    if sector is not None and sector.description:
        controls.append(w.body(sector.description))
    if settings.audience is None:
        controls.append(audience_picker(ctx, "questions"))
        return w.page_body(controls)
    flows = library.flows_for(settings.audience, sector_key if sector is not None else None)
    if not flows:
        controls.append(w.notice(ctx.t("questions.empty"), ident="questions-empty"))
        controls.append(w.primary(ctx.t("nav.home"), "questions-home", _go(ctx, "/")))
        return w.page_body(controls)
    groups: dict[str, list[Flow]] = {}
    for flow in flows:
        situation = next((s for s in flow.situations if s in registry.situations), "")
        groups.setdefault(situation, []).append(flow)
    order = [key for key in registry.situations if key in groups]
    if "" in groups:
        order.append("")
    for key in order:
        heading = (
            label(registry.situations[key], settings.language) if key else ctx.t("questions.other")
        )
        controls.append(
            w.section(
                heading,
                [
                    w.choice(
                        flow.title,
                        f"flow-{flow.id}",
                        _go(ctx, f"/vraag/{flow.id}"),
                        description=flow.summary,
                        text_scale=ctx.row_scale,
                    )
                    for flow in groups[key]
                ],
            )
        )
    return w.page_body(controls)
