"""UI text: Dutch default, English for every key, fallbacks that show instead of crash."""

from __future__ import annotations

import pytest

from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator


def test_translator_formats_and_switches_language() -> None:
    assert Translator("nl")("flow.progress", step=2) == "Stap 2"
    assert Translator("en")("flow.progress", step=2) == "Step 2"


def test_missing_key_shows_the_key_and_another_language_falls_back_to_dutch() -> None:
    assert Translator("en")("test.no_such_key") == "test.no_such_key"
    assert Translator("de")("nav.back") == Translator("nl")("nav.back")


def test_plural_forms_follow_the_count() -> None:
    assert Translator("nl").n("search.count", 1, query="bsn") == "1 resultaat voor 'bsn'"
    assert Translator("nl").n("search.count", 4, query="bsn") == "4 resultaten voor 'bsn'"
    assert Translator("en").n("search.count", 1, query="bsn") == "1 result for 'bsn'"
    assert Translator("en").n("search.count", 0, query="bsn") == "0 results for 'bsn'"


def test_english_ui_says_content_stays_dutch() -> None:
    assert "Dutch" in i18n.own_text(Translator("en"), "content.dutch_only")
    assert i18n.own_text(Translator("nl"), "content.dutch_only") == ""


def test_an_unknown_language_has_no_catalog() -> None:
    with pytest.raises(ValueError, match="unknown UI language 'de'"):
        i18n.translations("de")
