"""The store's errors and problems in the UI language (the screens' own text is in the catalogs).

The encrypted store (``privacyapp.dossier``) writes its error messages in Dutch, because the CLI
shows them too and the dossier package knows nothing of the UI. ``store_error`` shows those
messages in the UI language: in Dutch the error's own (most precise) text, in English a text
chosen by the error's type, or by a key the screen passes when it knows more (e.g. which field
the user got wrong).
"""

from __future__ import annotations

from privacyapp.dossier import (
    CorruptDataError,
    InvalidRecordError,
    JournalTamperedError,
    KdfLimitError,
    KeyFileError,
    LockedOutError,
    MissingKeysError,
    NewerFormatError,
    PinPolicyError,
    RecordNotFoundError,
    StoreError,
    StoreProblem,
    StoreWriteError,
    VaultLockedError,
    WrongPinError,
)
from privacyapp.dossier._keys import MIN_PIN_LENGTH
from privacyapp.dossier._records import MAX_REFERENCE, MAX_TITLE
from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator

__all__ = ["MIN_PIN_LENGTH", "problem_text", "status_label", "store_error"]


#: English text per error type; the first match wins, so subclasses come before their base.
_ERROR_KEYS: tuple[tuple[type[StoreError], str], ...] = (
    (KdfLimitError, "store.error.kdf_limit"),
    (LockedOutError, "store.error.locked_out"),
    (WrongPinError, "store.error.wrong_pin"),
    (PinPolicyError, "store.error.pin_policy"),
    (NewerFormatError, "store.error.newer"),
    (KeyFileError, "store.error.key_file"),
    (CorruptDataError, "store.error.corrupt"),
    (MissingKeysError, "store.error.missing_keys"),
    (JournalTamperedError, "store.error.journal"),
    (StoreWriteError, "store.error.write"),
    (RecordNotFoundError, "store.error.not_found"),
    (InvalidRecordError, "store.error.invalid"),
    (VaultLockedError, "store.error.vault_locked"),
)


def _fields(exc: StoreError) -> dict[str, object]:
    seconds = max(1, round(getattr(exc, "retry_after", 0) or 0))
    return {"seconds": seconds, "min": MIN_PIN_LENGTH}


def store_error(t: Translator, exc: StoreError, key: str | None = None) -> str:
    """The message of a store error in ``t``'s language.

    Args:
        t: the UI translator.
        exc: the error from ``privacyapp.dossier``.
        key: a ``store.error.*`` key the screen knows fits better than the error's type (its
            format fields may be ``seconds``, ``min`` and ``max``).
    """
    if key is None and isinstance(exc, InvalidRecordError) and exc.reason:
        key = f"store.error.{exc.reason}"  # which rule refused the title or reference
    if key is None:
        key = next((k for kind, k in _ERROR_KEYS if isinstance(exc, kind)), "store.error.other")
    fields = {**_fields(exc), "max": MAX_TITLE if "title" in key else MAX_REFERENCE}
    # in Dutch, the dossier's own text says most precisely what happened
    return i18n.from_dutch(t, key, str(exc), **fields)


def status_label(t: Translator, status: str) -> str:
    """A record's status in the UI language; a status the app does not know is shown as is."""
    key = f"overview.status.{status}"
    text = t(key)
    return status if text == key else text


def problem_text(t: Translator, problem: StoreProblem) -> str:
    """What the store found wrong when it opened, in the UI language (Dutch: its own words)."""
    return i18n.from_dutch(
        t, f"store.problem.{problem.kind}", problem.text, subject=problem.subject
    )
