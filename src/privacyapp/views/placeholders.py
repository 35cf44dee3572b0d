"""Honest screens for what is not there: a feature still being built, or an unknown route."""

from __future__ import annotations

import flet as ft

from privacyapp.views import widgets as w
from privacyapp.views.routes import Builder, ViewContext

__all__ = ["coming_soon", "not_found_view"]


def coming_soon(feature: str) -> Builder:
    """The builder for a feature's reserved route until its module lands (``feature.<name>``)."""

    def build(ctx: ViewContext) -> ft.Control:
        return w.page_body(
            [
                w.heading(ctx.t(f"feature.{feature}"), 1, ident="soon-title"),
                w.notice(ctx.t("soon.text"), ident="soon-text", icon=ft.Icons.SCHEDULE),
                w.primary(
                    ctx.t("nav.home"), "soon-home", lambda _: ctx.nav.go("/"), icon=ft.Icons.HOME
                ),
            ]
        )

    return build


def not_found_view(ctx: ViewContext) -> ft.Control:
    """What a mistyped or outdated deep link shows: never a crash, always a way on."""
    return w.page_body(
        [
            w.heading(ctx.t("notfound.title"), 1, ident="notfound-title"),
            w.body(ctx.t("notfound.text")),
            w.primary(
                ctx.t("nav.home"), "notfound-home", lambda _: ctx.nav.go("/"), icon=ft.Icons.HOME
            ),
        ]
    )
