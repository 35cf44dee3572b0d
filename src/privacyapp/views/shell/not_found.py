"""The screen for a route that does not exist (a mistyped or outdated deep link)."""

from __future__ import annotations

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = ["not_found_view"]


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
