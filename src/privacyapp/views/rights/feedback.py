"""Which fields the composer's error is about, so its error summary can link to each of them.

The rights service says what is wrong in Dutch sentences that name the fields by their Dutch
labels ("Vul nog in: Je naam, Je adres."; "'Je naam' is te lang"; "'15-13-2026' is geen datum").
This module finds those labels (and a typed date) in the message, in the order the message
names them, and gives each one's semantics identifier and its label in the UI language.
"""

from __future__ import annotations

from privacyapp.rights.kinds import FIELDS
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.rights import service_text as rt

__all__ = ["error_targets"]

#: The applicant's fields by the Dutch label the service uses for them (``rights.letter``).
_APPLICANT = {
    "Je e-mailadres, telefoonnummer of adres": "email",
    "Je telefoonnummer": "phone",
    "Je naam": "name",
    "Je adres": "address",
    "Naam van je kind of de persoon voor wie je zorgt": "person",
}


def _label(t: Translator, key: str) -> str:
    if key == "person":
        return t("rights.person")
    if key in ("name", "email", "phone", "address"):
        return t(f"rights.applicant.{key}")
    return rt.field_label(t, key)


def error_targets(t: Translator, error: str, sent_text: str = "") -> list[tuple[str, str]]:
    """``(label, identifier)`` of every field the Dutch ``error`` names, in its order."""
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []

    def claim(text: str, ident: str, label: str) -> None:
        start = error.find(text)
        while start >= 0:
            end = start + len(text)
            if not any(a < end and start < b for a, b in taken):  # not inside a longer label
                taken.append((start, end))
                if all(i != ident for _, _, i in found):
                    found.append((start, label, ident))
                return
            start = error.find(text, end)

    labels = {**_APPLICANT, **{spec.label: key for key, spec in FIELDS.items()}}
    for text in sorted(labels, key=len, reverse=True):  # longest first: no label in another
        key = labels[text]
        claim(text, f"rights-field-{key}", _label(t, key))
    if sent_text.strip() and f"'{sent_text.strip()}'" in error:
        claim(f"'{sent_text.strip()}'", "rights-sent-date", t("rights.sent_on"))
    return [(label, ident) for _, label, ident in sorted(found)]
