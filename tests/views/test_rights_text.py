"""The rights service's UI text in both languages: every kind, field, stage and message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from privacyapp.rights import (
    AGE_RULES,
    FIELDS,
    IDENTITY_ADVICE,
    KINDS,
    Code,
    ComposerState,
    DeadlineRule,
    Draft,
    FollowUpKind,
    Label,
    Message,
    RecipientMode,
    RequestKind,
    RightsError,
    RightsRequest,
    Role,
    Stage,
    compose_reminder,
    compute_deadline,
    kind_advice,
    next_step,
    recipient_from_municipality,
    typed_recipient,
    validate_email,
)
from privacyapp.views.kit import i18n
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.rights import service_text as rt

EN, NL = Translator("en"), Translator("nl")
TODAY = date(2026, 11, 22)


def _request(
    kind: RequestKind = RequestKind.INZAGE, sent: date = date(2026, 9, 1)
) -> RightsRequest:
    return RightsRequest(
        id="r1",
        kind=kind,
        recipient=typed_recipient("Zorg BV", email="privacy@zorg.nl"),
        subject="Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        sender="Sam",
        sent=sent,
        letter="Aan: Zorg BV",
    )


def test_every_kind_field_role_stage_and_advice_line_has_english() -> None:
    en = i18n.catalog("en")
    keys = [f"rights.kind.{k.value}" for k in KINDS] + [
        f"rights.kind.{k.value}.summary" for k in KINDS
    ]
    keys += [f"rights.field.{key}" for key in FIELDS] + [
        f"rights.field.{key}.hint" for key in FIELDS
    ]
    keys += [f"rights.role.{r.value}" for r in Role] + [
        f"rights.role.{r.value}.proof" for r in Role
    ]
    keys += [f"rights.stage.{s.value}" for s in Stage] + [
        f"rights.stage.{s.value}.text" for s in Stage
    ]
    keys += [f"rights.advice.{k.value}.{i}" for k in KINDS for i in range(len(kind_advice(k)))]
    keys += [f"rights.age.{i}" for i in range(len(AGE_RULES))]
    keys += [f"rights.identity.{i}" for i in range(len(IDENTITY_ADVICE))]
    keys += [f"rights.term.{r.value}" for r in DeadlineRule if r is not DeadlineRule.NONE]
    assert [key for key in keys if not en.get(key)] == []


def test_dutch_is_the_service_text_unchanged() -> None:
    spec = KINDS[RequestKind.VERNIETIGING]
    assert rt.kind_title(NL, spec.kind) == spec.title
    assert rt.field_hint(NL, "law") == FIELDS["law"].hint
    assert rt.age_rules(NL) == list(AGE_RULES)
    assert rt.date_text(NL, date(2026, 10, 1)) == "1 oktober 2026"
    request = _request()
    step = next_step(request, TODAY)
    assert rt.step_text(NL, step, request) == (step.title, step.text)
    assert rt.step_text(NL, step, request)[0] == "Termijn verlopen"


def _raises(action: Callable[[], object]) -> Message:
    with pytest.raises(RightsError) as caught:
        action()
    assert caught.value.message is not None  # raised by the service: a code, not a sentence
    return caught.value.message


class _Gemeente:
    code, name = "GM9999", "Nergens"
    email = contact_form = website = postal_address = visit_address = None


def _service_messages() -> list[Message | None]:
    """Every error and notice the composer can show, as the service writes it."""
    organisation = Draft(kind=RequestKind.VERNIETIGING, mode=RecipientMode.ORGANISATIE)
    organisation = organisation.with_value("org_name", "Zorg BV")
    organisation = organisation.with_value("org_email", "privacy@zorg.nl")
    wrong_law = organisation.with_value("name", "Sam").with_value("file", "mijn dossier")
    wrong_law = wrong_law.with_value("law", "belasting")
    long_name = organisation.with_value("name", "x" * 500)
    old = _request()
    state = ComposerState(draft=organisation.with_value("name", "Sam"), saved=old)
    messages = [
        _raises(lambda: organisation.compose(TODAY)),  # missing fields
        _raises(lambda: long_name.compose(TODAY)),
        _raises(lambda: wrong_law.compose(TODAY)),
        _raises(lambda: validate_email(" ")),
        _raises(lambda: validate_email("a,b@c")),
        _raises(lambda: Draft().recipient()),
        _raises(lambda: recipient_from_municipality(_Gemeente())),
        _raises(lambda: typed_recipient(" ")),
        _raises(lambda: typed_recipient("Zorg BV")),
        _raises(lambda: old.with_extension(date(2026, 1, 1))),
        _raises(lambda: old.with_follow_up(FollowUpKind.HERINNERING, date(2026, 1, 1))),
        _raises(lambda: compose_reminder(_request(RequestKind.KLACHT_AP), TODAY)),
        _raises(lambda: compose_reminder(_request(sent=TODAY), TODAY)),
        _raises(lambda: compute_deadline(TODAY, rule=DeadlineRule.NONE)),
        _raises(lambda: RightsRequest.from_dict({"version": 1})),
        state.extension("gisteren").error,
        state.extension("2026-09-10").notice,
        state.reminder(TODAY).notice,
        state.reminder(TODAY).store().notice,
        state.ap_complaint(TODAY)[0].notice,
        state.answered().notice,
    ]
    preview = ComposerState(draft=organisation.with_value("name", "Sam").with_value("file", "x"))
    preview = preview.with_draft(preview.draft.with_value("law", "jeugd")).preview(TODAY)
    messages.append(preview.store().notice)
    return messages


@pytest.mark.parametrize("said", _service_messages())
def test_every_service_message_is_shown_in_english(said: Message | None) -> None:
    assert said is not None  # the service said something
    english = rt.message(EN, said)
    assert english != said.dutch()
    assert "rights." not in english  # a key, not a text
    for dutch in (" je ", " de ", " van ", "Vul ", "november", "JJJJ"):
        assert dutch not in english, english


@pytest.mark.parametrize("said", _service_messages())
def test_the_dutch_ui_says_what_the_service_says(said: Message | None) -> None:
    """The Dutch catalog words each code as the service does for the CLI, word for word."""
    assert said is not None
    assert rt.message(NL, said) == said.dutch()


def test_every_code_has_dutch_and_english() -> None:
    nl, en = i18n.catalog("nl"), i18n.catalog("en")
    keys = [f"rights.{code.value}" for code in Code]
    assert [key for key in keys if not nl.get(key) or not en.get(key)] == []


def test_the_pdf_font_error_is_shown_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    import privacyapp.rights.letterpdf as letterpdf

    def no_font() -> None:
        raise OSError("font files missing")

    monkeypatch.setattr(letterpdf, "register_fonts", no_font)
    draft = Draft(mode=RecipientMode.ORGANISATIE).with_value("name", "Sam")
    draft = draft.with_value("org_name", "Zorg BV").with_value("org_email", "p@zorg.nl")
    said = _raises(lambda: letterpdf.letter_pdf(draft.compose(TODAY)))
    assert rt.message(EN, said).startswith("The app's font was not found")
    assert rt.message(NL, said) == str(said)


def test_message_translates_labels_and_dates() -> None:
    missing = Message(Code.MISSING, {"labels": (Label("applicant.name"), Label("label.contact"))})
    assert rt.message(EN, missing) == (
        "Please still fill in: Your name, Your email address, phone number or address."
    )
    assert rt.message(NL, missing) == (
        "Vul nog in: Je naam, Je e-mailadres, telefoonnummer of adres."
    )
    saved = Message(Code.SAVED, {"date": date(2026, 11, 20)})
    assert rt.message(EN, saved) == "Saved in My overview, sent on 20 November 2026."
    assert rt.message(NL, saved) == "Bewaard in Mijn overzicht, verstuurd op 20 november 2026."


def test_an_error_without_a_code_still_says_something() -> None:
    """Only the CLI raises rights errors with plain text; a screen would still show it."""
    said = rt.problem(RightsError("Meer gemeenten passen bij 'X'."))
    assert said.code is Code.OTHER
    assert rt.message(NL, said) == "Meer gemeenten passen bij 'X'."
    assert rt.message(EN, said).startswith("Something went wrong")


def test_recipient_explanations_follow_the_channel() -> None:
    from privacyapp.rights import AP_RECIPIENT

    assert rt.recipient_explanation(EN, typed_recipient("Zorg BV", email="a@zorg.nl")) == (
        "We send your letter to a@zorg.nl."
    )
    assert rt.recipient_explanation(EN, typed_recipient("Zorg BV", postal="Postbus 1")) == (
        "Save the letter as a PDF, print it and send it by post."
    )
    assert "complaint form on its website" in rt.recipient_explanation(EN, AP_RECIPIENT)
