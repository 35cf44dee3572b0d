"""The rights service's Dutch UI text in the user's language.

``privacyapp.rights`` writes Dutch: the letters (which stay Dutch) and the text around them that
the screens show (kind names, field labels, advice, terms, status lines, notices and errors).
This module gives that second group in English when the UI is English, chosen by what the text
is about (kind id, field key, stage, deadline rule, recipient channel) rather than by its words.
Notices and errors reach the screen as strings (``ComposerState.error``/``notice``), so those
are recognised by the service's message templates; a message not recognised stays as it is.

In Dutch every function returns the service's own text, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from privacyapp.rights import (
    AGE_RULES,
    AP_RECIPIENT,
    FIELDS,
    IDENTITY_ADVICE,
    NO_SERVER,
    Channel,
    Deadline,
    DeadlineRule,
    MailLink,
    NextStep,
    Recipient,
    RequestKind,
    RightsRequest,
    Role,
    Stage,
    dutch_date,
    kind_advice,
    kind_spec,
    role_spec,
)
from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import MONTHS_EN, Translator

__all__ = [
    "DUTCH",
    "key_of",
    "age_rules",
    "date_text",
    "field_hint",
    "field_label",
    "identity_advice",
    "kind_advice_lines",
    "kind_summary",
    "kind_title",
    "mail_note",
    "message",
    "no_server",
    "recipient_explanation",
    "role_proof",
    "step_text",
    "term_explanation",
]

#: The default translator of the builders: Dutch, the service's own text.
DUTCH = i18n.DUTCH

#: A month the service wrote in Dutch ("1 oktober 2026") → its English name.
_MONTH_TO_EN = dict(zip(i18n.MONTHS_NL, MONTHS_EN, strict=True))
_DUTCH_MONTH = re.compile(r"\b(" + "|".join(i18n.MONTHS_NL) + r")\b")


def _dutch(t: Translator) -> bool:
    return t.lang == "nl"


def date_text(t: Translator, day: date) -> str:
    """``"1 oktober 2026"`` in Dutch, ``"1 October 2026"`` in English."""
    if _dutch(t):
        return dutch_date(day)
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def _english_dates(text: str) -> str:
    # A date the service already wrote in Dutch ("1 oktober 2026") inside a message.
    return _DUTCH_MONTH.sub(lambda m: _MONTH_TO_EN[m.group(1)], text)


# ------------------------------------------------------------------------------- by id
def kind_title(t: Translator, kind: RequestKind) -> str:
    """The name of a kind of request, as listed to choose from."""
    return kind_spec(kind).title if _dutch(t) else t(f"rights.kind.{kind.value}")


def kind_summary(t: Translator, kind: RequestKind) -> str:
    """One line: what this kind of request does."""
    return kind_spec(kind).summary if _dutch(t) else t(f"rights.kind.{kind.value}.summary")


def field_label(t: Translator, key: str) -> str:
    """The label of a field a kind asks (``FIELDS``)."""
    return FIELDS[key].label if _dutch(t) else t(f"rights.field.{key}")


def field_hint(t: Translator, key: str) -> str:
    """The hint under a field a kind asks (``FIELDS``)."""
    return FIELDS[key].hint if _dutch(t) else t(f"rights.field.{key}.hint")


def role_proof(t: Translator, role: Role) -> str:
    """Which proof an organisation may ask of a representative."""
    return role_spec(role).proof if _dutch(t) else t(f"rights.role.{role.value}.proof")


def _lines(t: Translator, dutch: Sequence[str], prefix: str) -> list[str]:
    return list(dutch) if _dutch(t) else [t(f"{prefix}.{i}") for i in range(len(dutch))]


def kind_advice_lines(t: Translator, kind: RequestKind) -> list[str]:
    """Short tips for this kind of request."""
    return _lines(t, kind_advice(kind), f"rights.advice.{kind.value}")


def age_rules(t: Translator) -> list[str]:
    """Who may send a request, by age."""
    return _lines(t, AGE_RULES, "rights.age")


def identity_advice(t: Translator) -> list[str]:
    """How to show who you are, safely."""
    return _lines(t, IDENTITY_ADVICE, "rights.identity")


def no_server(t: Translator) -> str:
    """The letter does not go through our server."""
    return NO_SERVER if _dutch(t) else t("rights.no_server")


def mail_note(t: Translator, link: MailLink) -> str:
    """What to know about a shortened mail link ("" when the link holds the whole letter)."""
    if _dutch(t) or not link.shortened:
        return link.note
    return t("rights.mail_note")


def recipient_explanation(t: Translator, recipient: Recipient) -> str:
    """Why the app sends the letter this way (by e-mail, contact form or post)."""
    if _dutch(t):
        return recipient.explanation
    if recipient.name == AP_RECIPIENT.name and recipient.channel is Channel.CONTACT_FORM:
        return t("rights.recipient.ap")
    if not recipient.municipality_code:
        if recipient.channel is Channel.EMAIL:
            return t("rights.recipient.email", email=recipient.email)
        return t("rights.recipient.post")
    note = t("rights.recipient.municipality_note")
    if recipient.channel is Channel.EMAIL:
        return t("rights.recipient.municipality_email", email=recipient.email) + note
    if recipient.channel is Channel.CONTACT_FORM:
        post = t("rights.recipient.municipality_form_post") if recipient.postal_lines else ""
        return t("rights.recipient.municipality_form", name=recipient.name) + post + note
    return t("rights.recipient.municipality_post", name=recipient.name) + note


def term_explanation(t: Translator, request: RightsRequest, term: Deadline) -> str:
    """The answer term of ``request`` in words."""
    if _dutch(t):
        return term.explanation
    rule = kind_spec(request.kind).deadline
    if rule is not DeadlineRule.AVG:
        return t(f"rights.term.{rule.value}")
    if term.extended:
        return t("rights.term.avg.extended")
    if request.extension_announced is not None:
        return t("rights.term.avg.late")
    return t("rights.term.avg")


def step_text(t: Translator, step: NextStep, request: RightsRequest) -> tuple[str, str]:
    """The title and the advice of where ``request`` stands."""
    if _dutch(t):
        return step.title, step.text
    key = f"rights.stage.{step.stage.value}"
    term = request.deadline()
    due = date_text(t, term.due) if term else ""
    until = request.reminder_due()
    if step.stage is Stage.HERINNERD and until is None:
        return t(key), t(f"{key}.text-no-date")
    return t(key), t(f"{key}.text", due=due, until=date_text(t, until) if until else "")


# ------------------------------------------------------------------------------- by template
@dataclass(frozen=True)
class _Template:
    """A service message (Dutch, ``{field}`` where it varies) and the key of its translation."""

    dutch: str
    key: str

    @property
    def pattern(self) -> re.Pattern[str]:
        parts = re.split(r"\{(\w+)\}", self.dutch)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        return re.compile(regex, re.DOTALL)


# The texts as ``privacyapp.rights`` writes them (tests raise each one and check it is found).
_TEMPLATES = (
    # privacyapp.rights.session (notices and the sent date)
    _Template("Je herinnering is bewaard bij je verzoek.", "rights.notice.reminder_saved"),
    _Template("Bewaard in Mijn overzicht, verstuurd op {date}.", "rights.notice.saved"),
    _Template("De verlenging is bewaard.", "rights.notice.extension_saved"),
    _Template(
        "Je herinnering staat hieronder. Verstuur hem zoals je eerste brief.",
        "rights.notice.reminder_ready",
    ),
    _Template(
        "Je klacht is voor je ingevuld. Vul je adres aan en maak de brief.",
        "rights.notice.ap_prefilled",
    ),
    _Template(
        "Fijn! Het verzoek staat als beantwoord in Mijn overzicht.", "rights.notice.answered"
    ),
    _Template(
        "'{text}' is geen datum. Schrijf hem bijvoorbeeld als 15-10-2026 of 15 oktober 2026.",
        "rights.error.date",
    ),
    # privacyapp.rights.errors / letter / _text / _paragraphs
    _Template("Vul nog in: {labels}.", "rights.error.missing"),
    _Template(
        "'{label}' is te lang ({length} tekens). Maak het korter dan {limit} tekens.",
        "rights.error.too_long",
    ),
    _Template(
        "Bij 'Soort dossier' staat '{value}'. Kies jeugd (Jeugdwet) of wmo (Wmo 2015).",
        "rights.error.law",
    ),
    # privacyapp.rights.recipient / draft
    _Template(
        "Vul een e-mailadres in, bijvoorbeeld privacy@gemeente.nl. "
        "Heb je geen e-mailadres? Kies dan een postadres.",
        "rights.error.email_empty",
    ),
    _Template(
        "'{address}' is geen geldig e-mailadres. Controleer het adres; "
        "het ziet eruit als naam@organisatie.nl, zonder spaties of komma's.",
        "rights.error.email_invalid",
    ),
    _Template(
        "Kies eerst je gemeente, of kies 'Andere organisatie' en vul het adres in.",
        "rights.error.choose_municipality",
    ),
    _Template(
        "We weten niet hoe je gemeente {name} kunt bereiken. Bel de gemeente of kijk op de "
        "website, en vul het adres zelf in.",
        "rights.error.unreachable",
    ),
    _Template("Vul de naam van de organisatie in.", "rights.error.org_name"),
    _Template(
        "Vul een e-mailadres of een postadres van {name} in. "
        "Zonder adres kan de brief niet verstuurd worden.",
        "rights.error.org_address",
    ),
    # privacyapp.rights.tracking / followup / deadline
    _Template(
        "De datum van de verlenging ligt vóór de datum van je verzoek. Controleer de datums.",
        "rights.error.extension_before",
    ),
    _Template("Een vervolgstap kan niet vóór je verzoek liggen.", "rights.error.follow_up_before"),
    _Template(
        "Voor dit verzoek geldt geen termijn, dus ook geen herinnering.", "rights.error.no_term"
    ),
    _Template(
        "De termijn loopt nog tot en met {date}. Stuur een herinnering pas als die datum "
        "voorbij is.",
        "rights.error.term_running",
    ),
    _Template(
        "Voor een klacht bij de Autoriteit Persoonsgegevens geldt geen vaste termijn. "
        "De AP laat je weten hoe het verder gaat.",
        "rights.error.no_term_ap",
    ),
    # privacyapp.rights.letterpdf
    _Template(
        "Het lettertype van de app is niet gevonden, dus de PDF kan niet worden gemaakt. "
        "Kopieer de brief als tekst, of installeer de app opnieuw.",
        "rights.error.pdf_font",
    ),
    _Template(
        "Een bewaard verzoek kan niet worden gelezen. Het is misschien gemaakt met een "
        "nieuwere versie van de app; werk de app bij. (Detail: {detail})",
        "rights.error.stored",
    ),
)


_PATTERNS = tuple((template.pattern, template.key) for template in _TEMPLATES)


def _label_keys() -> dict[str, str]:
    """Dutch labels that errors name (``MissingFieldError``, ``InputTooLongError``) → key."""
    keys = {spec.label: f"rights.field.{key}" for key, spec in FIELDS.items()}
    keys.update(
        {
            "Je naam": "rights.applicant.name",
            "Je telefoonnummer": "rights.applicant.phone",
            "Je adres": "rights.applicant.address",
            "Je e-mailadres, telefoonnummer of adres": "rights.label.contact",
            "Naam van je kind of de persoon voor wie je zorgt": "rights.label.person",
            "naam van de gemeente": "rights.label.municipality",
            "naam van de organisatie": "rights.label.organisation",
            "postadres": "rights.label.postal",
            "tekst": "rights.label.text",
        }
    )
    return keys


_LABELS = _label_keys()
# Longest first: "Je e-mailadres, telefoonnummer of adres" before "Je adres".
_LABEL_PATTERN = re.compile(
    "|".join(re.escape(label) for label in sorted(_LABELS, key=len, reverse=True))
)


def _labels(t: Translator, text: str) -> str:
    return _LABEL_PATTERN.sub(lambda m: t(_LABELS[m.group(0)]), text)


def key_of(text: str) -> str | None:
    """The UI key of a known message of ``privacyapp.rights`` (None for any other text)."""
    return next((key for pattern, key in _PATTERNS if pattern.fullmatch(text)), None)


def message(t: Translator, text: str) -> str:
    """A notice or error from ``privacyapp.rights`` in the UI language.

    Args:
        t: the UI language.
        text: the service's message (``str(exc)``, ``ComposerState.error`` or ``.notice``).

    Returns:
        The English when ``text`` is a known service message and the UI is English; else
        ``text`` unchanged (Dutch UI, or a message from elsewhere, e.g. the store).
    """
    if _dutch(t) or not text:
        return text
    for pattern, key in _PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        fields = found.groupdict()
        if "labels" in fields:
            fields["labels"] = _labels(t, fields["labels"])
        if "label" in fields:
            fields["label"] = _labels(t, fields["label"])
        if "date" in fields:
            fields["date"] = _english_dates(fields["date"])
        return t(key, **fields)
    return text
