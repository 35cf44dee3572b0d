"""The rights service's Dutch UI text in the user's language.

``privacyapp.rights`` writes Dutch: the letters (which stay Dutch) and the text around them that
the screens show (kind names, field labels, advice, terms, status lines, notices and errors).
This module gives that second group in English when the UI is English, chosen by what the text
is about (kind id, field key, stage, deadline rule, recipient channel) rather than by its words.
In Dutch those functions return the service's own text, unchanged. Notices and errors reach the
screen as codes with fields (``privacyapp.rights.Message``); :func:`message` words them from the
catalogs (``rights.<code>``) in either language.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import MONTHS_EN, Translator

if TYPE_CHECKING:
    from privacyapp.rights import (
        Deadline,
        FieldValue,
        Label,
        MailLink,
        Message,
        NextStep,
        Recipient,
        RequestKind,
        RightsError,
        RightsRequest,
        Role,
    )

__all__ = [
    "DUTCH",
    "age_rules",
    "date_text",
    "field_hint",
    "field_label",
    "identity_advice",
    "kind_advice_lines",
    "kind_summary",
    "kind_title",
    "label_text",
    "mail_note",
    "message",
    "no_server",
    "problem",
    "recipient_explanation",
    "role_proof",
    "step_text",
    "term_explanation",
]

#: The default translator of the builders: Dutch, the service's own text.
DUTCH = i18n.DUTCH


def _dutch(t: Translator) -> bool:
    return t.lang == "nl"


def date_text(t: Translator, day: date) -> str:
    """``"1 oktober 2026"`` in Dutch, ``"1 October 2026"`` in English."""
    from privacyapp.rights import dutch_date

    if _dutch(t):
        return dutch_date(day)
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


# ------------------------------------------------------------------------------- by id
def kind_title(t: Translator, kind: RequestKind) -> str:
    """The name of a kind of request, as listed to choose from."""
    from privacyapp.rights import kind_spec

    return kind_spec(kind).title if _dutch(t) else t(f"rights.kind.{kind.value}")


def kind_summary(t: Translator, kind: RequestKind) -> str:
    """One line: what this kind of request does."""
    from privacyapp.rights import kind_spec

    return kind_spec(kind).summary if _dutch(t) else t(f"rights.kind.{kind.value}.summary")


def field_label(t: Translator, key: str) -> str:
    """The label of a field a kind asks (``FIELDS``)."""
    from privacyapp.rights import FIELDS

    return FIELDS[key].label if _dutch(t) else t(f"rights.field.{key}")


def field_hint(t: Translator, key: str) -> str:
    """The hint under a field a kind asks (``FIELDS``)."""
    from privacyapp.rights import FIELDS

    return FIELDS[key].hint if _dutch(t) else t(f"rights.field.{key}.hint")


def role_proof(t: Translator, role: Role) -> str:
    """Which proof an organisation may ask of a representative."""
    from privacyapp.rights import role_spec

    return role_spec(role).proof if _dutch(t) else t(f"rights.role.{role.value}.proof")


def _lines(t: Translator, dutch: Sequence[str], prefix: str) -> list[str]:
    return list(dutch) if _dutch(t) else [t(f"{prefix}.{i}") for i in range(len(dutch))]


def kind_advice_lines(t: Translator, kind: RequestKind) -> list[str]:
    """Short tips for this kind of request."""
    from privacyapp.rights import kind_advice

    return _lines(t, kind_advice(kind), f"rights.advice.{kind.value}")


def age_rules(t: Translator) -> list[str]:
    """Who may send a request, by age."""
    from privacyapp.rights import AGE_RULES

    return _lines(t, AGE_RULES, "rights.age")


def identity_advice(t: Translator) -> list[str]:
    """How to show who you are, safely."""
    from privacyapp.rights import IDENTITY_ADVICE

    return _lines(t, IDENTITY_ADVICE, "rights.identity")


def no_server(t: Translator) -> str:
    """The letter does not go through our server."""
    from privacyapp.rights import NO_SERVER

    return NO_SERVER if _dutch(t) else t("rights.no_server")


def mail_note(t: Translator, link: MailLink) -> str:
    """What to know about a shortened mail link ("" when the link holds the whole letter)."""
    if _dutch(t) or not link.shortened:
        return link.note
    return t("rights.mail_note")


def recipient_explanation(t: Translator, recipient: Recipient) -> str:
    """Why the app sends the letter this way (by e-mail, contact form or post)."""
    from privacyapp.rights import AP_RECIPIENT, Channel

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
    from privacyapp.rights import DeadlineRule, kind_spec

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
    from privacyapp.rights import Stage

    if _dutch(t):
        return step.title, step.text
    key = f"rights.stage.{step.stage.value}"
    term = request.deadline()
    due = date_text(t, term.due) if term else ""
    until = request.reminder_due()
    if step.stage is Stage.HERINNERD and until is None:
        return t(key), t(f"{key}.text-no-date")
    return t(key), t(f"{key}.text", due=due, until=date_text(t, until) if until else "")


# ------------------------------------------------------------------------------- by code
def label_text(t: Translator, label: Label) -> str:
    """The name of an input an error names (``Label``), in the UI language."""
    from privacyapp.rights import label_dutch

    if _dutch(t):
        return label_dutch(label)
    text = t(f"rights.{label.key}")
    return text.lower() if label.lower else text


def _field(t: Translator, value: FieldValue) -> str:
    from privacyapp.rights import Label

    if isinstance(value, Label):
        return label_text(t, value)
    if isinstance(value, tuple):
        return ", ".join(label_text(t, label) for label in value)
    if isinstance(value, date):
        return date_text(t, value)
    return str(value)


def message(t: Translator, said: Message) -> str:
    """A notice or error of ``privacyapp.rights`` (a code with fields) in the UI language."""
    fields = {name: _field(t, value) for name, value in said.fields.items()}
    return t(f"rights.{said.code.value}", **fields)


def problem(exc: RightsError) -> Message:
    """What a rights error says, as a code (an error without one says "something went
    wrong" and shows its text: only the CLI raises those)."""
    from privacyapp.rights import Code, Message

    if exc.message is not None:
        return exc.message
    return Message(Code.OTHER, {"text": str(exc)})
