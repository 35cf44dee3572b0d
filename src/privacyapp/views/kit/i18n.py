"""UI text in Dutch (default) and English: one catalog, filled by every screen module.

Only the *interface* is translated. Content (flows, advice, sources) is written in Dutch by the
editors and stays Dutch in the English UI; the English UI says so (``content.dutch_only``).

A feature module registers its own strings once, at import time::

    from privacyapp.views.kit import i18n

    i18n.register({
        "nl": {"overview.title": "Mijn overzicht"},
        "en": {"overview.title": "My overview"},
    })

and a builder translates with ``ctx.t("overview.title")`` (``str.format`` fields allowed:
``ctx.t("flow.progress", step=2, total=5)``). Keys are dotted, prefixed by the module's area.
A key missing in English falls back to Dutch; a key missing everywhere shows the key itself, so a
typo is visible on screen and in tests instead of crashing.

The domain packages (``opendata``, ``dossier``) write their messages in Dutch. A screen shows
them through :func:`from_dutch`: as they are in the Dutch UI, and in English as the text of a
key the screen picks from the error's type or the verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

__all__ = [
    "DUTCH",
    "LANGUAGES",
    "MONTHS_EN",
    "MONTHS_NL",
    "Translator",
    "catalog",
    "day_text",
    "from_dutch",
    "language_of",
    "month_name",
    "moment_text",
    "register",
]

MONTHS_EN = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
MONTHS_NL = (
    *("januari", "februari", "maart", "april", "mei", "juni"),
    *("juli", "augustus", "september", "oktober", "november", "december"),
)

#: Supported UI languages, the first is the default.
LANGUAGES = ("nl", "en")

_CATALOG: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}


def register(strings: Mapping[str, Mapping[str, str]]) -> None:
    """Add a module's strings to the catalog.

    Args:
        strings: ``{"nl": {key: text}, "en": {key: text}}``. Registering a key twice with a
            different text is a programming error (two modules claiming one key).

    Raises:
        ValueError: for an unknown language or a conflicting key.
    """
    for lang, texts in strings.items():
        if lang not in _CATALOG:
            raise ValueError(f"unknown UI language {lang!r}; use one of {', '.join(LANGUAGES)}")
        table = _CATALOG[lang]
        for key, text in texts.items():
            if key in table and table[key] != text:
                raise ValueError(f"UI text key {key!r} ({lang}) is registered twice")
            table[key] = text


def catalog(lang: str) -> Mapping[str, str]:
    """The registered strings of one language (read-only view for tests and checks)."""
    return dict(_CATALOG[lang])


@dataclass(frozen=True)
class Translator:
    """Translates UI keys into one language; falls back to Dutch, then to the key."""

    lang: str = "nl"

    def __call__(self, key: str, **fields: object) -> str:
        text = _CATALOG.get(self.lang, {}).get(key)
        if text is None:
            text = _CATALOG["nl"].get(key, key)
        return text.format(**fields) if fields else text


def language_of(t: Callable[..., str]) -> str:
    """The language of a translator; a plain function (a builder's Dutch default) is Dutch."""
    lang = getattr(t, "lang", LANGUAGES[0])
    return lang if isinstance(lang, str) else LANGUAGES[0]


def from_dutch(t: Callable[..., str], key: str, dutch: str, **fields: object) -> str:
    """A message a domain package wrote in Dutch, in the UI language of ``t``.

    Args:
        t: the screen's translator.
        key: the UI text to show instead in another language (chosen by the caller from the
            error's type or the verdict); in Dutch it is used only when ``dutch`` is empty.
        dutch: the package's own message, shown as it is in the Dutch UI (it is the most
            precise: which field, which error code).
        fields: ``str.format`` fields of ``key``.
    """
    if dutch and language_of(t) == "nl":
        return dutch
    return t(key, **fields)


def month_name(t: Callable[..., str], month: int) -> str:
    """The name of a month (1–12) in the UI language: ``november``, ``November``."""
    return (MONTHS_NL if language_of(t) == "nl" else MONTHS_EN)[month - 1]


def day_text(t: Callable[..., str], day: date) -> str:
    """A short date as the UI language writes it: ``22-11-2026`` in Dutch, ``22 Nov 2026`` in
    English (a month name, so nobody reads 03-04 as March or April)."""
    if language_of(t) == "nl":
        return f"{day:%d-%m-%Y}"
    return f"{day.day} {MONTHS_EN[day.month - 1][:3]} {day.year}"


def moment_text(t: Callable[..., str], moment: datetime) -> str:
    """Date and local time: ``22-11-2026 10:00`` in Dutch, ``22 Nov 2026, 10:00`` in English."""
    local = moment.astimezone()
    separator = " " if language_of(t) == "nl" else ", "
    return f"{day_text(t, local.date())}{separator}{local:%H:%M}"


DUTCH = Translator("nl")
"""The builders' default translator: Dutch, the language of the content and the services."""
