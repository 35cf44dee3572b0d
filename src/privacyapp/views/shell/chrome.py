"""The shell's navigation chrome: the bottom bar (narrow windows) and the rail (wide ones)."""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from privacyapp.views.kit.context import TABS
from privacyapp.views.kit.i18n import Translator

__all__ = ["RAIL_WIDTH", "TabHandler", "bottom_bar", "side_rail"]

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
