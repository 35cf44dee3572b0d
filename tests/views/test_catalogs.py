"""The gettext catalogs: complete in both languages, compiled from the current ``.po``, and
holding every key the code names.

The catalogs are files, read whole when the app starts, so these checks do not depend on which
modules a test run happened to import first.
"""

from __future__ import annotations

import gettext
import io
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import privacyapp.views
from privacyapp.dossier import CLIENT_REFERENCE_WARNING, FORGOTTEN_PIN_WARNING, REFERENCE_WARNING
from privacyapp.views.kit import i18n

VIEWS = Path(privacyapp.views.__file__).parent
LOCALE = VIEWS.parent / "assets" / "locale"
#: Texts only the English UI needs (the Dutch UI has nothing to say there).
ENGLISH_ONLY = {"content.dutch_only", "record.pdf_dutch", "rights.letter_dutch"}
#: What English-only entries for the rights service's Dutch messages say to translators.
SERVICE_NOTE = "English for a message the rights service writes in Dutch"


def po(lang: str) -> Catalog:
    with (LOCALE / lang / "LC_MESSAGES" / "privacyapp.po").open("rb") as file:
        return read_po(file, locale=lang)


def entries(catalog: Catalog) -> dict[str, object]:
    return {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in catalog if m.id}


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_compiled_catalog_is_the_current_po(lang: str) -> None:
    """A ``.po`` edited without ``scripts/translations compile`` would not reach the app."""
    out = io.BytesIO()
    write_mo(out, po(lang))
    fresh = gettext.GNUTranslations(io.BytesIO(out.getvalue()))
    shipped = i18n.translations(lang)
    assert fresh._catalog == shipped._catalog  # type: ignore[attr-defined]


def test_every_dutch_text_has_its_english_translation() -> None:
    nl, en = entries(po("nl")), entries(po("en"))
    assert sorted(k for k in nl if not en.get(k)) == []
    assert all(nl.values()) and all(en.values())


def test_english_only_entries_are_notices_or_the_rights_services_messages() -> None:
    nl = entries(po("nl"))
    for message in po("en"):
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key and key not in nl and key not in ENGLISH_ONLY:
            note = " ".join(message.auto_comments)
            assert SERVICE_NOTE in note, key


def test_dutch_and_english_use_the_same_format_fields() -> None:
    def fields(text: object) -> set[str]:
        texts = text if isinstance(text, tuple) else (text,)
        return {n for t in texts for _, n, _, _ in string.Formatter().parse(str(t)) if n}

    nl, en = entries(po("nl")), entries(po("en"))
    assert {k: fields(v) for k, v in nl.items()} == {k: fields(en[k]) for k in nl}


def test_plural_entries_have_both_forms_in_both_languages() -> None:
    for lang in i18n.LANGUAGES:
        for message in po(lang):
            if message.pluralizable:
                assert len(message.string) == 2 and all(message.string), (lang, message.id)


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    """Babel's extractor finds every literal key in ``t("…")``, ``ctx.t("…")`` and
    ``t.n("…", n)``; a typo in one would show the key itself on screen."""
    keywords = {"t": (1,), "n": (1,), "own_text": (2,)}
    nl = set(entries(po("nl"))) | ENGLISH_ONLY | set(entries(po("en")))
    named: dict[str, str] = {}
    for filename, _, message, _, _ in extract_from_dir(
        str(VIEWS), method_map=[("**.py", "python")], keywords=keywords, comment_tags=()
    ):
        key = message if isinstance(message, str) else message[0]
        if key and "." in key and " " not in key:  # keys are dotted, never prose
            named[key] = filename
    missing = {k: f for k, f in named.items() if k not in nl}
    assert missing == {}
    assert len(named) > 250  # the extractor really read the screens


def test_texts_copied_from_the_dossier_are_still_its_own() -> None:
    """Three warnings are the dossier's own sentences, shown in the Dutch UI word for word."""
    dutch = i18n.DUTCH
    assert dutch("record.reference_warning") == CLIENT_REFERENCE_WARNING
    assert dutch("lock.warning") == FORGOTTEN_PIN_WARNING
    assert dutch("overview.reference_warning") == REFERENCE_WARNING


def test_month_names_come_from_the_catalog() -> None:
    assert i18n.MONTHS_NL[10] == "november" and i18n.MONTHS_EN[2] == "March"
    assert len(set(i18n.MONTHS_NL)) == len(set(i18n.MONTHS_EN)) == 12


def test_every_code_the_domain_reports_has_dutch_and_english() -> None:
    """The store, the record service and the municipality register say what went wrong as
    codes; each one a screen can show has its text in both catalogs."""
    from privacyapp.dossier import RecordCode, StoreCode
    from privacyapp.opendata import OpenDataCode

    keys = [f"store.error.{code.value}" for code in StoreCode]
    keys += [f"record.error.{code.value}" for code in RecordCode]
    shown = set(OpenDataCode) - {OpenDataCode.FEED_OFFLINE, OpenDataCode.SNAPSHOT}
    keys += [f"municipality.{code.value}" for code in sorted(shown)]
    nl, en = entries(po("nl")), entries(po("en"))
    assert [key for key in keys if not nl.get(key) or not en.get(key)] == []
