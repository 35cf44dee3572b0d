"""Letters: exact golden text per kind, the footer, representation, and bad input."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from privacyapp.rights import (
    FOOTER,
    Applicant,
    InputTooLongError,
    InvalidAddressError,
    InvalidInputError,
    MissingFieldError,
    Recipient,
    Representation,
    RequestInput,
    RequestKind,
    Role,
    UnknownFieldError,
    compose,
    kind_spec,
    label_dutch,
    typed_recipient,
)

GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 11, 22)
SampleInput = Callable[[RequestKind, Recipient, Applicant], RequestInput]


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"golden file {path.name} missing; run with UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", list(RequestKind), ids=lambda k: k.value)
def test_golden_letter_per_kind(
    kind: RequestKind, gemeente: Recipient, applicant: Applicant, sample_input: SampleInput
) -> None:
    letter = compose(sample_input(kind, gemeente, applicant), TODAY)
    _check_golden(kind.value, letter.as_text())


def test_golden_letter_for_a_child(gemeente: Recipient, applicant: Applicant) -> None:
    request = RequestInput(
        RequestKind.INZAGE,
        applicant,
        gemeente,
        {"data": "het jeugddossier"},
        Representation(Role.OUDER, "Noor de Vries"),
    )
    _check_golden("inzage-namens-kind", compose(request, TODAY).as_text())


@pytest.mark.parametrize("kind", list(RequestKind), ids=lambda k: k.value)
def test_every_letter_ends_with_the_footer(
    kind: RequestKind, gemeente: Recipient, applicant: Applicant, sample_input: SampleInput
) -> None:
    letter = compose(sample_input(kind, gemeente, applicant), TODAY)
    assert letter.body.endswith("\n\n" + FOOTER)
    assert letter.as_text().rstrip("\n").splitlines()[-1] == FOOTER
    assert letter.as_text().count(FOOTER) == 1


def test_letters_cite_the_right_articles(
    gemeente: Recipient, applicant: Applicant, sample_input: SampleInput
) -> None:
    expected = {
        RequestKind.INZAGE: "artikel 15",
        RequestKind.RECTIFICATIE: "artikel 16",
        RequestKind.VERWIJDERING: "artikel 17",
        RequestKind.BEPERKING: "artikel 18",
        RequestKind.OVERDRAAGBAARHEID: "artikel 20",
        RequestKind.BEZWAAR: "artikel 21",
        RequestKind.VERNIETIGING: "artikel 7.3.9 van de Jeugdwet",
        RequestKind.KLACHT_AP: "artikel 77",
    }
    for kind, article in expected.items():
        text = compose(sample_input(kind, gemeente, applicant), TODAY).body
        assert article in text, kind
    inzage = compose(sample_input(RequestKind.INZAGE, gemeente, applicant), TODAY).body
    assert "binnen één maand" in inzage and "twee maanden verlengen" in inzage


def test_wmo_file_destruction_cites_wmo(gemeente: Recipient, applicant: Applicant) -> None:
    details = {"file": "mijn Wmo-dossier", "law": "Wmo 2015"}
    letter = compose(RequestInput(RequestKind.VERNIETIGING, applicant, gemeente, details), TODAY)
    assert "artikel 5.3.5 van de Wet maatschappelijke ondersteuning 2015" in letter.body
    assert letter.subject == "Verzoek om vernietiging van mijn Wmo-dossier (artikel 5.3.5 Wmo 2015)"
    assert "binnen drie maanden" in letter.body


def test_unknown_law_for_destruction_is_explained(
    gemeente: Recipient, applicant: Applicant
) -> None:
    details = {"file": "dossier", "law": "participatiewet"}
    with pytest.raises(InvalidInputError, match="Kies jeugd"):
        compose(RequestInput(RequestKind.VERNIETIGING, applicant, gemeente, details), TODAY)


def test_complaint_to_ap_goes_to_the_ap(
    gemeente: Recipient, applicant: Applicant, sample_input: SampleInput
) -> None:
    letter = compose(sample_input(RequestKind.KLACHT_AP, gemeente, applicant), TODAY)
    assert letter.recipient.name == "Autoriteit Persoonsgegevens"
    assert "Postbus 93374" in letter.as_text()
    assert "eerst zelf contact" in letter.body


def test_acting_for_a_ward_names_role_and_person(
    gemeente: Recipient, applicant: Applicant, samples: dict[RequestKind, dict[str, str]]
) -> None:
    request = RequestInput(
        RequestKind.VERWIJDERING,
        applicant,
        gemeente,
        dict(samples[RequestKind.VERWIJDERING]),
        Representation(Role.CURATOR, "Kees Jansen"),
    )
    body = compose(request, TODAY).body
    assert "Ik schrijf deze brief namens Kees Jansen. Ik ben de curator van Kees Jansen." in body
    assert "de persoonsgegevens van Kees Jansen" in body
    assert "of ik Kees Jansen mag vertegenwoordigen" in body


def test_all_missing_fields_are_listed_at_once() -> None:
    by_post = typed_recipient("Zorg BV", postal="Postbus 1")
    request = RequestInput(RequestKind.RECTIFICATIE, Applicant(""), by_post, {})
    with pytest.raises(MissingFieldError) as info:
        compose(request, TODAY)
    assert [label_dutch(label) for label in info.value.labels] == [
        "Je naam",
        "Wat klopt er niet",
        "Je e-mailadres, telefoonnummer of adres",
    ]
    assert [label.key for label in info.value.labels] == [
        "applicant.name",
        "field.wrong",
        "label.contact",
    ]
    assert "Vul nog in: Je naam, Wat klopt er niet" in str(info.value)


def test_missing_child_name_is_reported(gemeente: Recipient, applicant: Applicant) -> None:
    request = RequestInput(
        RequestKind.INZAGE, applicant, gemeente, {}, Representation(Role.VOOGD, "  ")
    )
    with pytest.raises(MissingFieldError, match="Naam van je kind"):
        compose(request, TODAY)


def test_complaint_to_ap_needs_a_postal_address(
    gemeente: Recipient, samples: dict[RequestKind, dict[str, str]]
) -> None:
    request = RequestInput(
        RequestKind.KLACHT_AP,
        Applicant("Sam", email="sam@example.nl"),
        gemeente,
        dict(samples[RequestKind.KLACHT_AP]),
    )
    with pytest.raises(MissingFieldError, match="Je adres"):
        compose(request, TODAY)


def test_unknown_detail_is_refused_with_the_allowed_ones(
    gemeente: Recipient, applicant: Applicant
) -> None:
    request = RequestInput(RequestKind.INZAGE, applicant, gemeente, {"wrong": "x"})
    with pytest.raises(UnknownFieldError, match="Wel om: data, period, reference"):
        compose(request, TODAY)


def test_invalid_own_email_is_refused(gemeente: Recipient) -> None:
    request = RequestInput(RequestKind.INZAGE, Applicant("Sam", email="sam@"), gemeente, {})
    with pytest.raises(InvalidAddressError):
        compose(request, TODAY)


def test_very_long_input_gets_a_clear_message(gemeente: Recipient, applicant: Applicant) -> None:
    details = {"data": "x", "reason": "lang " * 2000}
    with pytest.raises(InputTooLongError, match="'Waarom' is te lang .* korter dan 4000"):
        compose(RequestInput(RequestKind.BEZWAAR, applicant, gemeente, details), TODAY)
    with pytest.raises(InputTooLongError, match="'Je naam' is te lang"):
        compose(RequestInput(RequestKind.INZAGE, Applicant("n" * 500, phone="1"), gemeente), TODAY)


def test_odd_unicode_in_names_is_cleaned_but_kept_readable(gemeente: Recipient) -> None:
    name = "Ay\u015fe \u202eYılmaz\u202c\u200f \U0001f469\u200d\U0001f467\x00 \ufeffde\u00a0Boer"
    applicant = Applicant(name, email="ayse@example.nl")
    letter = compose(RequestInput(RequestKind.INZAGE, applicant, gemeente), TODAY)
    assert letter.sender == "Ayşe Yılmaz \U0001f469\u200d\U0001f467 de Boer"
    for bad in ("\x00", "\u202e", "\u202c", "\u200f", "\ufeff"):
        assert bad not in letter.as_text()
    assert "Met vriendelijke groet,\n\nAyşe Yılmaz" in letter.body


def test_line_breaks_in_a_name_cannot_add_lines(gemeente: Recipient) -> None:
    applicant = Applicant("Sam\r\nBcc: evil@example.com\n\nOnderwerp: x", phone="06")
    letter = compose(RequestInput(RequestKind.INZAGE, applicant, gemeente), TODAY)
    assert "Naam: Sam Bcc: evil@example.com Onderwerp: x" in letter.body
    assert "\r" not in letter.as_text()


def test_multiline_text_keeps_paragraphs_but_normalises_breaks(
    gemeente: Recipient, applicant: Applicant
) -> None:
    details = {"wrong": "regel 1\r\nregel 2\r\rregel 3\n\n\n\nregel 4\x00"}
    body = compose(RequestInput(RequestKind.RECTIFICATIE, applicant, gemeente, details), TODAY).body
    assert "Dit klopt niet:\nregel 1\nregel 2\n\nregel 3\n\nregel 4\n\n" in body


def test_each_kind_asks_only_its_own_fields() -> None:
    assert [f.key for f in kind_spec("inzage").fields] == ["data", "period", "reference"]
    assert [f.key for f in kind_spec("vernietiging").fields][:2] == ["file", "law"]
    assert "wrong" not in [f.key for f in kind_spec("bezwaar").fields]


def test_golden_reminder_letter(gemeente: Recipient) -> None:
    from privacyapp.rights import FollowUpKind, RightsRequest, compose_reminder

    sent = RightsRequest(
        id="r-1",
        kind=RequestKind.INZAGE,
        recipient=gemeente,
        subject="Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        sender="Sam de Vries",
        sent=date(2028, 1, 31),
        letter="",
        for_person="Noor de Vries",
    ).with_extension(date(2028, 2, 20))
    letter = compose_reminder(sent, date(2028, 5, 2))
    _check_golden("herinnering", letter.as_text())
    assert sent.with_follow_up(FollowUpKind.HERINNERING, date(2028, 5, 2)).reminder_due() == date(
        2028, 5, 16
    )
