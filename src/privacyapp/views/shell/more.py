"""Meer: about, content version, sources, accessibility and privacy statements, settings."""

from __future__ import annotations

from datetime import datetime

import flet as ft

from privacyapp.engine import Law
from privacyapp.views.flow.home import label
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.state import TEXT_SCALES, THEMES, Settings

__all__ = [
    "about_view",
    "accessibility_view",
    "law_url",
    "more_view",
    "privacy_view",
    "settings_view",
    "sources_view",
]


def more_view(ctx: ViewContext) -> ft.Control:
    """The Meer menu."""
    info = ctx.services.content
    scale = ctx.row_scale
    entries = [
        ("about", "/meer/over", ft.Icons.INFO_OUTLINE),
        ("settings", "/meer/instellingen", ft.Icons.TUNE),
        ("sources", "/meer/bronnen", ft.Icons.GAVEL),
        ("accessibility", "/meer/toegankelijkheid", ft.Icons.ACCESSIBILITY_NEW),
        ("privacy", "/meer/privacy", ft.Icons.PRIVACY_TIP_OUTLINED),
        # for everyone who receives a record: a colleague, a client, a court
        ("check", "/vastleggen/controleren", ft.Icons.VERIFIED_USER_OUTLINED),
    ]
    return w.page_body(
        [
            w.heading(ctx.t("more.title"), 1, ident="more-title"),
            *[
                w.choice(
                    ctx.t(f"more.{key}"),
                    f"more-{key}",
                    _go(ctx, route),
                    icon=icon,
                    text_scale=scale,
                )
                for key, route, icon in entries
            ],
            w.muted(ctx.t("more.content", version=info.version, date=info.date, flows=info.flows)),
        ]
    )


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def about_view(ctx: ViewContext) -> ft.Control:
    """What the app is, and what it is not (privacy only, not the care itself)."""
    info = ctx.services.content
    return w.page_body(
        [
            w.heading(ctx.t("about.title"), 1, ident="about-title"),
            w.body(ctx.t("about.text")),
            w.notice(ctx.t("about.not"), ident="about-not"),
            w.secondary(  # issue 7: the disclaimer leads to the municipality's contact details
                ctx.t("municipality.about_link"),
                "about-municipality",
                _go(ctx, "/gemeente"),
                icon=ft.Icons.ACCOUNT_BALANCE,
            ),
            w.body(ctx.t("about.advice")),
            w.muted(ctx.t("about.content", version=info.version, date=info.date)),
            *_content_status(ctx),
        ]
    )


def _when(ctx: ViewContext, iso: str) -> str:
    try:
        return i18n.moment_text(ctx.t, datetime.fromisoformat(iso))
    except ValueError:  # written by this app, so never expected; show it as it is
        return iso


def _content_status(ctx: ViewContext) -> list[ft.Control]:
    """Where the content came from and when the app last looked for new content."""
    updates = ctx.services.content_updates
    if updates is None:
        return []
    about = updates.about()
    if not about.updates_enabled:
        return [w.muted(ctx.t("about.no_updates"))]
    out: list[ft.Control] = []
    if about.from_update and about.published_at:
        out.append(w.muted(ctx.t("about.published", date=_when(ctx, about.published_at))))
    if about.last_check:
        out.append(w.muted(ctx.t("about.checked", date=_when(ctx, about.last_check))))
    else:
        out.append(w.muted(ctx.t("about.never_checked")))
    if about.stale:
        out.append(w.notice(ctx.t("about.stale"), ident="about-stale"))
    elif about.last_result == "refused":
        out.append(w.notice(ctx.t("about.refused"), ident="about-refused"))
    return out


def law_url(law: Law) -> str | None:
    """The official text of a registry law: wetten.overheid.nl for Dutch law."""
    if law.kind == "bwb" and law.bwb:
        return f"https://wetten.overheid.nl/{law.bwb}"
    return law.url


def sources_view(ctx: ViewContext) -> ft.Control:
    """Every law the advice is based on, linked to its official text."""
    registry = ctx.services.library.registry
    rows: list[ft.Control] = []
    for key, law in registry.laws.items():
        url = law_url(law)
        title = law.title
        if law.kind == "bill" and not title.casefold().startswith("wetsvoorstel"):
            title += f" ({ctx.t('sources.bill')})"
        rows.append(w.link(title, url, f"source-{key}") if url else w.body(title))
    return w.page_body(
        [
            w.heading(ctx.t("sources.title"), 1, ident="sources-title"),
            w.body(ctx.t("sources.intro")),
            *rows,
        ]
    )


def accessibility_view(ctx: ViewContext) -> ft.Control:
    """The accessibility statement."""
    return w.page_body(
        [
            w.heading(ctx.t("a11y.title"), 1, ident="a11y-title"),
            w.body(ctx.t("a11y.text")),
            w.body(ctx.t("a11y.points")),
            w.body(ctx.t("a11y.contact")),
        ]
    )


def privacy_view(ctx: ViewContext) -> ft.Control:
    """The privacy statement: no tracking, encrypted on the device, online only on request."""
    return w.page_body(
        [
            w.heading(ctx.t("privacy.title"), 1, ident="privacy-title"),
            w.body(ctx.t("privacy.text")),
            w.body(ctx.t("privacy.storage")),
            *(
                [w.notice(ctx.t("privacy.server"), ident="privacy-server")]
                if ctx.services.web
                else []
            ),
            w.body(ctx.t("privacy.network")),
            *([w.body(ctx.t("privacy.updates"))] if _updates_on(ctx) else []),
        ]
    )


def _updates_on(ctx: ViewContext) -> bool:
    updates = ctx.services.content_updates
    return updates is not None and updates.about().updates_enabled


def settings_view(ctx: ViewContext) -> ft.Control:
    """Language, text size, colours and audience; every change applies at once and is kept."""
    settings = ctx.state.settings

    def change(**values: str | float | None) -> w.Handler:
        def handler(_: object) -> None:
            ctx.state.settings = Settings.from_dict({**ctx.state.settings.to_dict(), **values})
            ctx.nav.refresh()

        return handler

    languages = w.options(
        [
            w.option(
                ctx.t(f"settings.language.{lang}"),
                f"settings-language-{lang}",
                settings.language == lang,
                change(language=lang),
            )
            for lang in ("nl", "en")
        ]
    )
    sizes = w.options(
        [
            w.option(
                f"{int(scale * 100)}%",
                f"settings-text-{int(scale * 100)}",
                settings.text_scale == scale,
                change(text_scale=scale),
            )
            for scale in TEXT_SCALES
        ]
    )
    themes = w.options(
        [
            w.option(
                ctx.t(f"settings.theme.{name}"),
                f"settings-theme-{name}",
                settings.theme == name,
                change(theme=name),
            )
            for name in THEMES
        ]
    )
    audiences = ctx.services.library.registry.audiences
    audience_row = w.options(
        [
            w.option(
                label(audience, settings.language),
                f"settings-audience-{key}",
                settings.audience == key,
                change(audience=key),
            )
            for key, audience in audiences.items()
        ]
    )
    controls: list[ft.Control] = [
        w.heading(ctx.t("settings.title"), 1, ident="settings-title"),
        w.section(ctx.t("settings.language"), [languages]),
    ]
    if note := i18n.own_text(ctx.t, "content.dutch_only"):
        controls.append(w.notice(note, ident="settings-dutch-only"))
    controls += [
        w.section(ctx.t("settings.text_size"), [sizes]),
        w.section(ctx.t("settings.theme"), [themes]),
        w.section(ctx.t("settings.audience"), [audience_row]),
    ]
    return w.page_body(controls)
