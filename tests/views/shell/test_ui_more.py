"""The Meer menu at the largest text size on a phone: its labels keep their words whole."""

from __future__ import annotations

import dataclasses

import flet as ft
import pytest
from viewkit import find, find_all, room_for

from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.theme import build_theme
from privacyapp.views.shell.more import more_view

PHONE = 390  # px: the narrowest window the app is checked at (docs/ui.md)
#: A glyph's width as a share of the font size: about 0.5 for Roboto's lower case, 0.6 for
#: its widest letters in the semibold the labels use, so 0.6 is the safe estimate.
GLYPH = 0.6
ENTRIES = ["about", "settings", "sources", "accessibility", "privacy", "check"]


def font_size(text: ft.Text, scale: float) -> float:
    """The size the theme gives a text at ``scale`` (its own ``size`` when it has one)."""
    if text.size:
        return float(text.size)
    assert text.theme_style is not None, f"{text.value!r} has neither size nor theme style"
    style = getattr(build_theme("light", scale).text_theme, text.theme_style.name.lower())
    return float(style.size)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
def test_every_meer_label_fits_its_longest_word_on_a_phone(
    ctx: ViewContext, lang: str, scale: float
) -> None:
    """At 390 px and 200 %, "Toegankelijkheid" and "Privacyverklaring" broke mid-word: the
    label had the room the icon and the chevron left, less than one long Dutch word."""
    from privacyapp.views.kit.i18n import Translator

    ctx.state.settings = dataclasses.replace(ctx.state.settings, text_scale=scale, language=lang)
    ctx.t = Translator(lang)
    view = more_view(ctx)
    for key in ENTRIES:
        label = ctx.t(f"more.{key}")
        (text,) = [t for t in find_all(find(view, f"more-{key}"), ft.Text) if t.value == label]
        word = max(label.split(), key=len)
        needed = len(word) * GLYPH * font_size(text, scale)
        room = room_for(view, text, PHONE)
        assert needed <= room, f"{word!r} needs {needed:.0f} px, has {room:.0f} px at {scale}"
