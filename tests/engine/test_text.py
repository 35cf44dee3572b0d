"""Folding text for search: the fast path for plain text gives what the full one gives."""

from __future__ import annotations

import unicodedata

import pytest

from privacyapp.engine.text import fold


def _fold_slowly(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@pytest.mark.parametrize(
    "text",
    [
        "Cliënt",
        "Mag ik het DOSSIER inzien?",
        "Straße",
        "ﬁets",
        "Ångström café naïef",
        "İstanbul",
        "Œuvre € 12,50",
        "ｆｕｌｌ",
        "",
        "a\u0301\u0308b",
    ],
)
def test_fold_drops_case_and_diacritics_like_the_unicode_rules(text: str) -> None:
    assert fold(text) == _fold_slowly(text)


def test_fold_examples_a_user_types() -> None:
    assert fold("Cliënt") == "client"
    assert fold("KOPIEËN") == "kopieen"
