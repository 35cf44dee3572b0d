"""UI text in Dutch (default) and English, from gettext catalogs.

Only the *interface* is translated. Content (flows, advice, sources) is written in Dutch by the
editors and stays Dutch in the English UI; the English UI says so (``content.dutch_only``).

The text lives in ``privacyapp/assets/locale/<lang>/LC_MESSAGES/privacyapp.po`` (monolingual
gettext: the msgid is the key the code uses, the msgstr the text; Dutch is the base language,
English its translation), compiled to ``.mo`` by ``scripts/translations compile``. At run time
the standard library's :mod:`gettext` reads the ``.mo`` files; Babel is only a tool for editors
and tests. A builder translates with ``ctx.t("overview.title")`` (``str.format`` fields allowed:
``ctx.t("flow.progress", step=2, total=5)``) and counts with
``ctx.t.n("store.unreadable", count)``. Keys are dotted, prefixed by the screen's area. A key
missing in English falls back to Dutch; a key missing everywhere shows the key itself, so a typo
is visible on screen and in tests instead of crashing.

The domain packages report problems and statuses as codes with fields (``StoreError.code``,
``rights.Message``, ``OpenDataError.code``); a screen words a code from the catalogs in either
language (``kit.problems``, ``rights.service_text``). :func:`from_dutch` is left for text that is
Dutch by nature in the Dutch UI (a content label, the PDF's own date line).
"""

from __future__ import annotations

import functools
import gettext
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources

__all__ = [
    "DOMAIN",
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
    "own_text",
    "translations",
]

#: Supported UI languages, the first is the default (and the base of the catalogs).
LANGUAGES = ("nl", "en")
#: The gettext domain: ``<lang>/LC_MESSAGES/privacyapp.mo``.
DOMAIN = "privacyapp"


@functools.cache
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalog of one UI language (read once per process).

    Raises:
        ValueError: for a language the app does not have.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown UI language {lang!r}; use one of {', '.join(LANGUAGES)}")
    path = resources.files("privacyapp") / "assets" / "locale" / lang / "LC_MESSAGES"
    data = (path / f"{DOMAIN}.mo").read_bytes()
    return gettext.GNUTranslations(io.BytesIO(data))


def catalog(lang: str) -> Mapping[str, str]:
    """Every key of one language with its text (plurals under their singular key, first form);
    for tests and checks."""
    entries = translations(lang)._catalog  # type: ignore[attr-defined]  # stdlib, stable since 2.x
    out: dict[str, str] = {}
    for msgid, text in entries.items():
        if isinstance(msgid, tuple):  # (msgid, plural index)
            if msgid[1] == 0:
                out[msgid[0]] = text
        elif msgid:  # "" is the header
            out[msgid] = text
    return out


@dataclass(frozen=True)
class Translator:
    """Translates UI keys into one language; falls back to Dutch, then to the key."""

    lang: str = "nl"

    def __call__(self, key: str, **fields: object) -> str:
        text = translations(self.lang).gettext(key) if self.lang in LANGUAGES else key
        if text == key and self.lang != LANGUAGES[0]:
            text = translations(LANGUAGES[0]).gettext(key)
        return text.format(**fields) if fields else text

    def n(self, key: str, count: int, **fields: object) -> str:
        """A text that depends on a number: the language's own plural rule picks the form
        (the ``.po`` entry has ``msgid_plural "<key>.plural"``); ``{count}`` is filled in."""
        plural = key + ".plural"
        lang = self.lang if self.lang in LANGUAGES else LANGUAGES[0]
        text = translations(lang).ngettext(key, plural, count)
        if text in (key, plural) and lang != LANGUAGES[0]:
            text = translations(LANGUAGES[0]).ngettext(key, plural, count)
        return text.format(count=count, **fields)


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


def own_text(t: Callable[..., str], key: str, **fields: object) -> str:
    """A text that only some languages need, or "": the English UI says that the content is
    Dutch (``content.dutch_only``); the Dutch catalog has no such entry, and no fallback."""
    lang = language_of(t)
    text = translations(lang).gettext(key) if lang in LANGUAGES else key
    if text == key:
        return ""
    return text.format(**fields) if fields else text


def month_name(t: Callable[..., str], month: int) -> str:
    """The name of a month (1–12) in the UI language: ``november``, ``November``."""
    return Translator(language_of(t))(f"month.{month}")


def day_text(t: Callable[..., str], day: date) -> str:
    """A short date as the UI language writes it: ``22-11-2026`` in Dutch, ``22 Nov 2026`` in
    English (a month name, so nobody reads 03-04 as March or April)."""
    if language_of(t) == "nl":
        return f"{day:%d-%m-%Y}"
    return f"{day.day} {month_name(t, day.month)[:3]} {day.year}"


def moment_text(t: Callable[..., str], moment: datetime) -> str:
    """Date and local time: ``22-11-2026 10:00`` in Dutch, ``22 Nov 2026, 10:00`` in English."""
    local = moment.astimezone()
    separator = " " if language_of(t) == "nl" else ", "
    return f"{day_text(t, local.date())}{separator}{local:%H:%M}"


DUTCH = Translator("nl")
"""The builders' default translator: Dutch, the language of the content and the services."""

#: The month names of each language, from the catalogs (``month.1`` … ``month.12``).
MONTHS_NL = tuple(DUTCH(f"month.{m}") for m in range(1, 13))
MONTHS_EN = tuple(Translator("en")(f"month.{m}") for m in range(1, 13))
