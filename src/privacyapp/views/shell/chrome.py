"""The shell's chrome: the bottom bar (narrow windows), the rail (wide ones), the app bar's title
with the skip link, and the emergency button."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from privacyapp.views.kit.context import TABS
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.widgets import Handler

__all__ = [
    "RAIL_WIDTH",
    "TabHandler",
    "bar_title",
    "bottom_bar",
    "emergency_button",
    "side_rail",
    "skip_link",
]

#: The rail and its divider, in logical pixels.
RAIL_WIDTH = 97
_TAB_ICONS = (ft.Icons.HELP_OUTLINE, ft.Icons.SEARCH, ft.Icons.FOLDER_OUTLINED, ft.Icons.MENU)

#: What a tab change calls (the shell goes to the tab's route).
TabHandler = Callable[[ft.Event[ft.NavigationBar] | ft.Event[ft.NavigationRail]], None]


def bottom_bar(t: Translator, selected: int, on_change: TabHandler) -> ft.NavigationBar:
    """The tabs at the bottom of a narrow window."""
    return ft.NavigationBar(
        selected_index=selected,
        on_change=on_change,
        destinations=[
            ft.NavigationBarDestination(
                icon=ft.Semantics(identifier=f"tab-{name}", content=ft.Icon(icon)),
                label=t(f"nav.{name}"),
            )
            for (name, _), icon in zip(TABS, _TAB_ICONS, strict=True)
        ],
    )


def side_rail(t: Translator, selected: int, on_change: TabHandler) -> ft.NavigationRail:
    """The tabs at the side of a wide window."""
    return ft.NavigationRail(
        selected_index=selected,
        on_change=on_change,
        label_type=ft.NavigationRailLabelType.ALL,
        min_width=RAIL_WIDTH - 1,
        destinations=[
            ft.NavigationRailDestination(
                icon=ft.Semantics(identifier=f"tab-{name}", content=ft.Icon(icon)),
                label=t(f"nav.{name}"),
            )
            for (name, _), icon in zip(TABS, _TAB_ICONS, strict=True)
        ],
    )


def skip_link(label: str, ident: str, on_click: Handler, *, size: float = 16) -> ft.Control:
    """ "Naar de inhoud": the first stop of the keyboard, past the app bar and the emergency
    block to the screen's own content (WCAG 2.4.1). Invisible until it has keyboard focus (then
    it shows its words on the surface colour with the focus ring), as the NL Design System's
    skip link; a screen reader always finds it. Put it on top of what it may cover."""
    hidden, shown = ft.Colors.TRANSPARENT, ft.Colors.SURFACE
    button = ft.TextButton(
        content=ft.Text(label, size=size, weight=ft.FontWeight.W_600, no_wrap=True),
        on_click=on_click,
        style=ft.ButtonStyle(
            color={ft.ControlState.FOCUSED: ft.Colors.PRIMARY, ft.ControlState.DEFAULT: hidden},
            bgcolor={ft.ControlState.FOCUSED: shown, ft.ControlState.DEFAULT: hidden},
            overlay_color=hidden,
            padding=ft.Padding.symmetric(horizontal=12, vertical=15),  # >= 48 px
            shape=ft.RoundedRectangleBorder(radius=8),
        ),
    )
    return ft.Semantics(content=button, identifier=ident, link=True, label=label)


def bar_title(name: str, skip_label: str, on_skip: Handler, text_scale: float) -> ft.Control:
    """The app bar's title: the app's name, and the skip link lying over it. The name is
    chrome, like the tab labels: it grows a little with the text size but leaves room for the
    back, search and emergency buttons."""
    size = round(20 * min(text_scale, 1.25))
    return ft.Stack(
        [
            ft.Semantics(
                identifier="nav-title",
                content=ft.Text(name, size=size, weight=ft.FontWeight.W_600),
            ),
            skip_link(skip_label, "nav-skip", on_skip, size=round(size * 0.8)),
        ],
        alignment=ft.Alignment.CENTER_LEFT,
    )


def emergency_button(
    t: Translator, *, wide: bool, text_scale: float, on_click: Handler
) -> ft.Control:
    """ "Hulp bij nood" in the app bar: words and icon in a wide window, the icon (48 px, with
    its name as tooltip) in a narrow one. Chrome like the title: its words grow a little with
    the text size, never out of the app bar's height."""
    if wide:
        button: ft.Control = ft.TextButton(
            content=ft.Text(t("nav.emergency"), size=round(16 * min(text_scale, 1.25))),
            icon=ft.Icons.EMERGENCY,
            icon_color=ft.Colors.ERROR,
            on_click=on_click,
        )
    else:
        button = ft.IconButton(
            padding=12,  # 24 px icon + 2 × 12 = a 48 px target
            icon=ft.Icons.EMERGENCY,
            icon_color=ft.Colors.ERROR,
            tooltip=t("nav.emergency"),
            on_click=on_click,
        )
    return ft.Semantics(identifier="nav-emergency", button=True, content=button)
