"""UI text: Dutch default, English for every key, fallbacks that show instead of crash."""

from __future__ import annotations

import string

import pytest

from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.shell import text as _strings  # noqa: F401  (registers the shell's text)


def test_every_dutch_key_has_an_english_text() -> None:
    nl, en = i18n.catalog("nl"), i18n.catalog("en")
    assert set(nl) - set(en) == set()


def test_english_and_dutch_use_the_same_format_fields() -> None:
    nl, en = i18n.catalog("nl"), i18n.catalog("en")

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert {k: fields(v) for k, v in nl.items()} == {k: fields(en[k]) for k in nl}


def test_translator_formats_and_switches_language() -> None:
    assert Translator("nl")("flow.progress", step=2) == "Stap 2"
    assert Translator("en")("flow.progress", step=2) == "Step 2"


def test_missing_key_shows_the_key_and_english_falls_back_to_dutch() -> None:
    i18n.register({"nl": {"test.only_dutch": "Alleen Nederlands"}})
    assert Translator("en")("test.only_dutch") == "Alleen Nederlands"
    assert Translator("en")("test.no_such_key") == "test.no_such_key"


def test_english_ui_says_content_stays_dutch() -> None:
    assert "Dutch" in Translator("en")("content.dutch_only")
    assert Translator("nl")("content.dutch_only") == ""


def test_register_refuses_unknown_language_and_conflicting_key() -> None:
    with pytest.raises(ValueError, match="unknown UI language 'de'"):
        i18n.register({"de": {"x": "y"}})
    with pytest.raises(ValueError, match="registered twice"):
        i18n.register({"nl": {"nav.back": "Iets anders"}})
