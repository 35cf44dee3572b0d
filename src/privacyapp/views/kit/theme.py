"""Look and feel: a calm government style with one accent, in light, dark and high contrast.

Every text/background pair of every palette meets WCAG 2.1 AA (4.5:1 for text, 3:1 for
outlines); ``tests/views/kit/test_ui_theme.py`` computes the ratios. Text size is a factor
applied to the whole text theme, so every ``theme_style`` text scales together (up to 200 %).
"""

from __future__ import annotations

from dataclasses import dataclass

import flet as ft

__all__ = [
    "FOCUS_RING",
    "LARGE_TEXT",
    "MAX_CONTENT_WIDTH",
    "TOUCH_TARGET",
    "WIDE_BREAKPOINT",
    "Palette",
    "build_theme",
    "contrast_ratio",
    "palette",
]

#: Width from which the navigation rail replaces the bottom bar (Material's expanded class).
WIDE_BREAKPOINT = 840
#: Readable line length: content never gets wider than this.
MAX_CONTENT_WIDTH = 760
#: Minimum height and width of anything you can tap (WCAG 2.5.5 / platform guidelines).
TOUCH_TARGET = 48
#: Text scale from which a row gives its text the whole width: beside icons and buttons a long
#: Dutch word ("Privacyverklaring") no longer fits a 390 px phone and breaks mid-word.
LARGE_TEXT = 1.5


@dataclass(frozen=True)
class Palette:
    """The few colours a theme is made of."""

    background: str
    surface: str
    on_surface: str
    muted: str
    """Secondary text (still AA on background and surface)."""
    accent: str
    on_accent: str
    accent_soft: str
    """Tinted background for selected items and info boxes."""
    on_accent_soft: str
    outline: str
    urgent: str
    """Emergency entry background (the only non-accent colour, reserved for 112)."""
    on_urgent: str
    dark: bool


_PALETTES = {
    "light": Palette(
        background="#F5F7FA",
        surface="#FFFFFF",
        on_surface="#1A1F26",
        muted="#4A5563",
        accent="#1B4F8A",
        on_accent="#FFFFFF",
        accent_soft="#E3EDF8",
        on_accent_soft="#0E2C4E",
        outline="#6B7787",
        urgent="#A4161A",
        on_urgent="#FFFFFF",
        dark=False,
    ),
    "dark": Palette(
        background="#111418",
        surface="#1B2027",
        on_surface="#E8ECF1",
        muted="#B4BDC8",
        accent="#9FC7F0",
        on_accent="#0B2340",
        accent_soft="#22364F",
        on_accent_soft="#E3EDF8",
        outline="#8B96A3",
        urgent="#FFB4AB",
        on_urgent="#561E18",
        dark=True,
    ),
    "contrast": Palette(
        background="#FFFFFF",
        surface="#FFFFFF",
        on_surface="#000000",
        muted="#1F1F1F",
        accent="#002A5C",
        on_accent="#FFFFFF",
        accent_soft="#FFFFFF",
        on_accent_soft="#000000",
        outline="#000000",
        urgent="#7A0000",
        on_urgent="#FFFFFF",
        dark=False,
    ),
}


def palette(name: str) -> Palette:
    """The palette for a theme name (unknown names get the light palette)."""
    return _PALETTES.get(name, _PALETTES["light"])


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#RRGGBB`` colours (1.0 … 21.0)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# Material 3 sizes, with body text one step larger for readability.
_TEXT_SIZES = {
    "display_large": 48,
    "display_medium": 40,
    "display_small": 34,
    "headline_large": 30,
    "headline_medium": 26,
    "headline_small": 22,
    "title_large": 20,
    "title_medium": 17,
    "title_small": 15,
    "body_large": 18,
    "body_medium": 16,
    "body_small": 14,
    "label_large": 16,
    "label_medium": 14,
    "label_small": 13,
}


def _text_theme(p: Palette, scale: float) -> ft.TextTheme:
    styles = {
        name: ft.TextStyle(
            size=round(size * scale, 1),
            height=1.4 if name.startswith("body") else 1.25,
            weight=ft.FontWeight.W_600 if name.startswith(("headline", "title")) else None,
            color=p.on_surface if not name.startswith("label") else None,
        )
        for name, size in _TEXT_SIZES.items()
    }
    return ft.TextTheme(**styles)


#: Width of the keyboard focus ring on buttons (px).
FOCUS_RING = 3


def _button_style(
    p: Palette,
    label: ft.TextStyle,
    *,
    color: str,
    bgcolor: str | None = None,
    side: ft.BorderSide | None = None,
) -> ft.ButtonStyle:
    """A button: at least 48 px high at 100 % text (15 px above and below the label), and a
    focus ring."""
    return ft.ButtonStyle(
        text_style=label,
        color=color,
        bgcolor=bgcolor,
        padding=ft.Padding.symmetric(horizontal=20, vertical=15),
        side={
            ft.ControlState.FOCUSED: ft.BorderSide(FOCUS_RING, p.on_surface),
            ft.ControlState.DEFAULT: side or ft.BorderSide(0, ft.Colors.TRANSPARENT),
        },
    )


def build_theme(name: str, scale: float) -> ft.Theme:
    """The Flet theme for a palette name and a text-size factor."""
    p = palette(name)
    scheme = ft.ColorScheme(
        primary=p.accent,
        on_primary=p.on_accent,
        primary_container=p.accent_soft,
        on_primary_container=p.on_accent_soft,
        secondary=p.accent,
        on_secondary=p.on_accent,
        secondary_container=p.accent_soft,
        on_secondary_container=p.on_accent_soft,
        surface=p.surface,
        on_surface=p.on_surface,
        on_surface_variant=p.muted,
        surface_container_lowest=p.surface,
        surface_container_low=p.surface,
        surface_container=p.background,
        surface_container_high=p.surface,
        surface_container_highest=p.accent_soft,
        outline=p.outline,
        outline_variant=p.outline,
        error=p.urgent,
        on_error=p.on_urgent,
    )
    text = _text_theme(p, scale)
    label = ft.TextStyle(size=round(16 * scale, 1), weight=ft.FontWeight.W_600)
    # Navigation labels stay at platform size: four tabs must fit a 360 px phone at any scale;
    # every destination keeps its accessible name and icon.
    nav_label = ft.TextStyle(size=14, color=p.on_surface)
    return ft.Theme(
        color_scheme=scheme,
        text_theme=text,
        primary_text_theme=text,
        scaffold_bgcolor=p.background,
        visual_density=ft.VisualDensity.STANDARD,
        divider_color=p.outline,
        # No sliding between screens: calmer, no motion for people sensitive to it (WCAG 2.3.3),
        # and a new step is on screen at once.
        page_transitions=ft.PageTransitionsTheme(
            android=ft.PageTransitionTheme.NONE,
            ios=ft.PageTransitionTheme.NONE,
            linux=ft.PageTransitionTheme.NONE,
            macos=ft.PageTransitionTheme.NONE,
            windows=ft.PageTransitionTheme.NONE,
        ),
        # Every button is at least 48 px high (docs/ui.md), and keyboard focus draws a clear
        # 3 px ring in the text colour (WCAG 2.4.7 / 2.4.11: ≥ 3:1 against the background),
        # not only Material's faint tint.
        button_theme=ft.ButtonTheme(style=_button_style(p, label, color=p.accent)),
        filled_button_theme=ft.FilledButtonTheme(
            style=_button_style(p, label, color=p.on_accent, bgcolor=p.accent)
        ),
        outlined_button_theme=ft.OutlinedButtonTheme(
            style=_button_style(p, label, color=p.accent, side=ft.BorderSide(1, p.outline))
        ),
        text_button_theme=ft.TextButtonTheme(style=_button_style(p, label, color=p.accent)),
        icon_button_theme=ft.IconButtonTheme(
            style=ft.ButtonStyle(
                padding=12,  # 24 px icon + 2 × 12: a 48 px target
                side={
                    ft.ControlState.FOCUSED: ft.BorderSide(FOCUS_RING, p.on_surface),
                    ft.ControlState.DEFAULT: ft.BorderSide(0, ft.Colors.TRANSPARENT),
                },
            )
        ),
        navigation_bar_theme=ft.NavigationBarTheme(
            label_text_style=nav_label, bgcolor=p.surface, indicator_color=p.accent_soft
        ),
        navigation_rail_theme=ft.NavigationRailTheme(
            selected_label_text_style=nav_label,
            unselected_label_text_style=nav_label,
            bgcolor=p.surface,
            indicator_color=p.accent_soft,
        ),
    )
