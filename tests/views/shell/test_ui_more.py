"""The Meer menu at the largest text size on a phone: its labels keep their words whole."""

from __future__ import annotations

import dataclasses

import flet as ft
import pytest
from viewkit import find, find_all, longest_word_fits

from privacyapp.views.kit.context import ViewContext
from privacyapp.views.shell.more import more_view

ENTRIES = ["about", "settings", "sources", "accessibility", "privacy", "check"]


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
        assert not (problem := longest_word_fits(view, text, scale)), f"{problem} at {scale}"
