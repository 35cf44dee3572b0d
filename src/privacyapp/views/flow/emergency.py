"""The emergency entry: Veilig Thuis and 112 as tappable phone links, from every screen."""

from __future__ import annotations

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = ["VEILIG_THUIS_TEL", "EMERGENCY_TEL", "emergency_strip", "emergency_view"]

VEILIG_THUIS_TEL = "tel:08002000"
EMERGENCY_TEL = "tel:112"


def _call(label: str, url: str, ident: str) -> ft.Control:
    button = ft.FilledButton(
        content=label,
        icon=ft.Icons.PHONE,
        url=url,
        bgcolor=ft.Colors.ERROR,
        color=ft.Colors.ON_ERROR,
        style=ft.ButtonStyle(
            shape=ft.RoundedRectangleBorder(radius=10),
            padding=ft.Padding.symmetric(horizontal=16, vertical=15),
        ),
    )
    return ft.Semantics(content=button, identifier=ident, link=True, label=label)


def emergency_strip(ctx: ViewContext) -> ft.Control:
    """The compact, always-visible emergency box on home."""
    return ft.Container(
        content=ft.Column(
            [
                w.heading(ctx.t("emergency.short"), 2, ident="emergency-heading"),
                ft.Row(
                    [
                        _call(
                            ctx.t("emergency.veilig_thuis"), VEILIG_THUIS_TEL, "call-veilig-thuis"
                        ),
                        _call(ctx.t("emergency.112"), EMERGENCY_TEL, "call-112"),
                    ],
                    wrap=True,
                    spacing=10,
                    run_spacing=10,
                ),
            ],
            spacing=10,
        ),
        border=ft.Border.all(2, ft.Colors.ERROR),
        border_radius=12,
        padding=14,
        bgcolor=ft.Colors.SURFACE,
    )


def emergency_view(ctx: ViewContext) -> ft.Control:
    """The full emergency screen (from the app bar on every screen)."""
    return w.page_body(
        [
            w.heading(ctx.t("emergency.title"), 1, ident="emergency-title"),
            w.body(ctx.t("emergency.veilig_thuis.text")),
            _call(ctx.t("emergency.veilig_thuis"), VEILIG_THUIS_TEL, "emergency-call-veilig-thuis"),
            w.body(ctx.t("emergency.112.text")),
            _call(ctx.t("emergency.112"), EMERGENCY_TEL, "emergency-call-112"),
        ]
    )
