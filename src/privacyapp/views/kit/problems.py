"""The domain's problems in the UI language: every package reports a code, never a sentence.

``privacyapp.dossier`` gives each error a ``code`` and the ``fields`` its text needs; the
catalogs hold ``store.error.<code>`` and ``record.error.<code>`` in Dutch and English. The
wings that show store errors (the lock, Mijn overzicht, rights requests, records) word them
here, so the same error reads the same everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from privacyapp.errors import PrivacyAppError
from privacyapp.views.kit.i18n import Translator

if TYPE_CHECKING:
    from privacyapp.dossier import StoreError

__all__ = ["record_error", "store_error"]


def store_error(t: Translator, exc: StoreError, key: str | None = None) -> str:
    """The text of a store error in ``t``'s language.

    Args:
        t: the UI translator.
        exc: the error from ``privacyapp.dossier``; its ``code`` picks the text.
        key: a ``store.error.*`` key the screen knows fits better (e.g. ``undo_too_late``).
    """
    return t(key or f"store.error.{exc.code.value}", **exc.fields)


def record_error(t: Translator, exc: PrivacyAppError) -> str:
    """The text of an error of the record service (signing, identity, or the store it uses)."""
    from privacyapp.dossier import IdentityFieldError, RecordError, StoreError

    if isinstance(exc, IdentityFieldError):  # names the field: "Vul je naam in."
        field = t(f"record.field.{exc.field}")
        return t(f"record.error.{exc.code.value}", field=field, **exc.fields)
    if isinstance(exc, RecordError):
        return t(f"record.error.{exc.code.value}", **exc.fields)
    if isinstance(exc, StoreError):
        return t("record.error.store")
    return t("record.error.other")
