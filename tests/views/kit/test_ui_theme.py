"""Every theme meets WCAG 2.1 AA contrast; text scales to 200 %."""

from __future__ import annotations

import flet as ft
import pytest

from privacyapp.views.kit.state import THEMES
from privacyapp.views.kit.theme import build_theme, contrast_ratio, palette


def test_contrast_ratio_known_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", THEMES)
def test_text_pairs_meet_aa(name: str) -> None:
    p = palette(name)
    pairs = {
        "text on background": (p.on_surface, p.background),
        "text on surface": (p.on_surface, p.surface),
        "muted on background": (p.muted, p.background),
        "muted on surface": (p.muted, p.surface),
        "accent text on surface": (p.accent, p.surface),
        "accent text on background": (p.accent, p.background),
        "on accent": (p.on_accent, p.accent),
        "info box": (p.on_accent_soft, p.accent_soft),
        "emergency button": (p.on_urgent, p.urgent),
    }
    low = {k: round(contrast_ratio(*v), 2) for k, v in pairs.items() if contrast_ratio(*v) < 4.5}
    assert low == {}


@pytest.mark.parametrize("name", THEMES)
def test_outlines_meet_non_text_contrast(name: str) -> None:
    p = palette(name)
    assert contrast_ratio(p.outline, p.surface) >= 3.0
    assert contrast_ratio(p.outline, p.background) >= 3.0


def test_text_scale_applies_to_every_style() -> None:
    normal, double = build_theme("light", 1.0), build_theme("light", 2.0)
    assert normal.text_theme is not None and double.text_theme is not None
    assert double.text_theme.body_large.size == 2 * normal.text_theme.body_large.size
    assert double.text_theme.headline_medium.size == 2 * normal.text_theme.headline_medium.size


@pytest.mark.parametrize("name", THEMES)
def test_keyboard_focus_draws_a_clear_ring_on_every_button(name: str) -> None:
    """User walk: focus was only a faint grey fill. Now a 3 px ring in the text colour, at
    least 3:1 against the background (WCAG 2.4.7, 2.4.11), on every kind of button."""
    from privacyapp.views.kit.theme import FOCUS_RING, build_theme, contrast_ratio, palette

    theme = build_theme(name, 1.0)
    p = palette(name)
    for part in (theme.button_theme, theme.filled_button_theme, theme.outlined_button_theme,
                 theme.text_button_theme, theme.icon_button_theme):  # fmt: skip
        assert part is not None and part.style is not None
        ring = part.style.side[ft.ControlState.FOCUSED]
        assert ring.width == FOCUS_RING
        assert contrast_ratio(str(ring.color), p.background) >= 3.0


def test_buttons_are_48_px_high_at_normal_text_size() -> None:
    from privacyapp.views.kit.theme import build_theme

    style = build_theme("light", 1.0).filled_button_theme.style  # type: ignore[union-attr]
    assert style is not None
    padding = style.padding
    assert padding.top + padding.bottom + 20 >= 48  # a 16 px label's line is 20 px high
