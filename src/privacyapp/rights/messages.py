"""What the rights package tells the user, as codes with parameters (never as UI sentences).

Every error (``RightsError.message``) and every notice of the composer
(``ComposerState.error``/``notice``) is a :class:`Message`: a :class:`Code` plus typed fields.
A screen turns it into text in its own language (the app's catalogs hold ``rights.<code>`` in
Dutch and English); the CLI prints :meth:`Message.dutch`, the one Dutch rendering kept here.

Field values are plain: text, numbers, dates (each language writes its own), and
:class:`Label` — the name of an input (``field.<key>``, ``applicant.name``, ``kind.<kind>``…),
so a screen can name it in its own language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from privacyapp.rights._dates import dutch_date
from privacyapp.rights.kinds import FIELDS, RequestKind, kind_spec

__all__ = ["Code", "FieldValue", "Label", "Message", "label_dutch"]


class Code(StrEnum):
    """One thing the rights package can tell the user; the value is its catalog key after
    ``rights.``."""

    # errors: dates and input
    DATE = "error.date"
    MISSING = "error.missing"
    TOO_LONG = "error.too_long"
    LAW = "error.law"
    UNKNOWN_FIELD = "error.unknown_field"
    # errors: the recipient
    EMAIL_EMPTY = "error.email_empty"
    EMAIL_INVALID = "error.email_invalid"
    CHOOSE_MUNICIPALITY = "error.choose_municipality"
    UNREACHABLE = "error.unreachable"
    ORG_NAME = "error.org_name"
    ORG_ADDRESS = "error.org_address"
    # errors: terms and follow-up
    EXTENSION_BEFORE = "error.extension_before"
    FOLLOW_UP_BEFORE = "error.follow_up_before"
    NO_TERM = "error.no_term"
    TERM_RUNNING = "error.term_running"
    NO_TERM_AP = "error.no_term_ap"
    NOT_OBJECTABLE = "error.not_objectable"
    DECISION_AFTER_TODAY = "error.decision_after_today"
    # errors: files
    PDF_FONT = "error.pdf_font"
    STORED = "error.stored"
    #: An error raised outside this package with plain Dutch text (the CLI's own).
    OTHER = "error.other"
    # notices of the composer
    REMINDER_SAVED = "notice.reminder_saved"
    SAVED = "notice.saved"
    EXTENSION_SAVED = "notice.extension_saved"
    REMINDER_READY = "notice.reminder_ready"
    AP_PREFILLED = "notice.ap_prefilled"
    ANSWERED = "notice.answered"


@dataclass(frozen=True)
class Label:
    """The name of an input or a kind of request, by key (catalog ``rights.<key>``).

    ``lower``: written in lower case inside a sentence ("een inzage-verzoek").
    """

    key: str
    lower: bool = False


#: What a message's field may hold.
FieldValue = str | int | date | Label | tuple[Label, ...]

#: The Dutch of each code, for the CLI (and the source of the app's Dutch catalog entries,
#: which a test keeps equal). ``{name}`` marks a field.
_DUTCH: dict[Code, str] = {
    Code.DATE: (
        "'{text}' is geen datum. Schrijf hem bijvoorbeeld als 15-10-2026 of 15 oktober 2026."
    ),
    Code.MISSING: "Vul nog in: {labels}.",
    Code.TOO_LONG: "'{label}' is te lang ({length} tekens). Maak het korter dan {limit} tekens.",
    Code.LAW: "Bij 'Soort dossier' staat '{value}'. Kies jeugd (Jeugdwet) of wmo (Wmo 2015).",
    Code.UNKNOWN_FIELD: "Een {kind}-verzoek vraagt niet om: {unknown}. Wel om: {asked}.",
    Code.EMAIL_EMPTY: (
        "Vul een e-mailadres in, bijvoorbeeld privacy@gemeente.nl. "
        "Heb je geen e-mailadres? Kies dan een postadres."
    ),
    Code.EMAIL_INVALID: (
        "'{address}' is geen geldig e-mailadres. Controleer het adres; "
        "het ziet eruit als naam@organisatie.nl, zonder spaties of komma's."
    ),
    Code.CHOOSE_MUNICIPALITY: (
        "Kies eerst je gemeente, of kies 'Andere organisatie' en vul het adres in."
    ),
    Code.UNREACHABLE: (
        "We weten niet hoe je gemeente {name} kunt bereiken. Bel de gemeente of kijk op de "
        "website, en vul het adres zelf in."
    ),
    Code.ORG_NAME: "Vul de naam van de organisatie in.",
    Code.ORG_ADDRESS: (
        "Vul een e-mailadres of een postadres van {name} in. "
        "Zonder adres kan de brief niet verstuurd worden."
    ),
    Code.EXTENSION_BEFORE: (
        "De datum van de verlenging ligt vóór de datum van je verzoek. Controleer de datums."
    ),
    Code.FOLLOW_UP_BEFORE: "Een vervolgstap kan niet vóór je verzoek liggen.",
    Code.NO_TERM: "Voor dit verzoek geldt geen termijn, dus ook geen herinnering.",
    Code.TERM_RUNNING: (
        "De termijn loopt nog tot en met {date}. Stuur een herinnering pas als die datum "
        "voorbij is."
    ),
    Code.NO_TERM_AP: (
        "Voor een klacht bij de Autoriteit Persoonsgegevens geldt geen vaste termijn. "
        "De AP laat je weten hoe het verder gaat."
    ),
    Code.NOT_OBJECTABLE: (
        "Bezwaar maken kan tegen een besluit van een gemeente op een AVG-verzoek. Dit "
        "verzoek ging niet naar een gemeente, of het is geen AVG-verzoek. Klaag dan bij de "
        "organisatie of bij de Autoriteit Persoonsgegevens."
    ),
    Code.DECISION_AFTER_TODAY: (
        "De datum van het besluit ({date}) ligt na vandaag. Vul de datum in "
        "waarop de gemeente het besluit verstuurde."
    ),
    Code.PDF_FONT: (
        "Het lettertype van de app is niet gevonden, dus de PDF kan niet worden gemaakt. "
        "Kopieer de brief als tekst, of installeer de app opnieuw."
    ),
    Code.STORED: (
        "Een bewaard verzoek kan niet worden gelezen. Het is misschien gemaakt met een "
        "nieuwere versie van de app; werk de app bij. (Detail: {detail})"
    ),
    Code.OTHER: "{text}",
    Code.REMINDER_SAVED: "Je herinnering is bewaard bij je verzoek.",
    Code.SAVED: "Bewaard in Mijn overzicht, verstuurd op {date}.",
    Code.EXTENSION_SAVED: "De verlenging is bewaard.",
    Code.REMINDER_READY: "Je herinnering staat hieronder. Verstuur hem zoals je eerste brief.",
    Code.AP_PREFILLED: "Je klacht is voor je ingevuld. Vul je adres aan en maak de brief.",
    Code.ANSWERED: "Fijn! Het verzoek staat als beantwoord in Mijn overzicht.",
}

#: The Dutch names of the inputs that are not a kind's own field (those are ``FIELDS``).
_LABELS: dict[str, str] = {
    "applicant.name": "Je naam",
    "applicant.phone": "Je telefoonnummer",
    "applicant.address": "Je adres",
    "label.contact": "Je e-mailadres, telefoonnummer of adres",
    "label.person": "Naam van je kind of de persoon voor wie je zorgt",
    "label.municipality": "naam van de gemeente",
    "label.organisation": "naam van de organisatie",
    "label.postal": "postadres",
    "label.text": "tekst",
    "label.title": "titel",
    "label.description": "beschrijving",
}


def label_dutch(label: Label) -> str:
    """The Dutch name of an input (``field.<key>``: the field's label; ``kind.<kind>``: the
    kind's title)."""
    prefix, _, rest = label.key.partition(".")
    if prefix == "field":
        text = FIELDS[rest].label
    elif prefix == "kind":
        text = kind_spec(RequestKind(rest)).title
    else:
        text = _LABELS[label.key]
    return text.lower() if label.lower else text


def _dutch_value(value: FieldValue) -> str:
    if isinstance(value, Label):
        return label_dutch(value)
    if isinstance(value, tuple):
        return ", ".join(label_dutch(label) for label in value)
    if isinstance(value, date):
        return dutch_date(value)
    return str(value)


@dataclass(frozen=True)
class Message:
    """A code and its fields: what a screen shows in its own language."""

    code: Code
    fields: Mapping[str, FieldValue] = field(default_factory=dict)

    def dutch(self) -> str:
        """The message in Dutch (the CLI's text)."""
        values = {name: _dutch_value(value) for name, value in self.fields.items()}
        return _DUTCH[self.code].format(**values)

    def __str__(self) -> str:
        return self.dutch()

    def __hash__(self) -> int:
        return hash((self.code, tuple(sorted(self.fields.items()))))
