"""mailto links: round trip through urllib.parse, header injection, addresses, length."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from privacyapp.rights import (
    FOOTER,
    MAILTO_LIMIT,
    Applicant,
    InvalidAddressError,
    Recipient,
    RequestInput,
    RequestKind,
    compose,
    mail_link,
    mailto_url,
    typed_recipient,
    validate_email,
)

SampleInput = Callable[[RequestKind, Recipient, Applicant], RequestInput]
TODAY = date(2026, 11, 22)


def _parse(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    assert parts.scheme == "mailto"
    assert parts.fragment == ""
    return unquote(parts.path), parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)


def test_round_trip_gives_back_exactly_to_subject_and_body() -> None:
    body = "Regel één\nRegel twee: café & co\n\nMet groet"
    to, fields = _parse(mailto_url("privacy@testdorp.nl", "Inzage (artikel 15)", body))
    assert to == "privacy@testdorp.nl"
    assert set(fields) == {"subject", "body"}
    assert fields["subject"] == ["Inzage (artikel 15)"]
    assert fields["body"] == [body.replace("\n", "\r\n")]


def test_line_breaks_are_crlf_percent_encoded() -> None:
    url = mailto_url("a@b.nl", "s", "een\ntwee\r\ndrie\rvier")
    assert "een%0D%0Atwee%0D%0Adrie%0D%0Avier" in url
    assert "\n" not in url and "\r" not in url and " " not in url


@pytest.mark.parametrize(
    "evil",
    [
        "hallo\r\nBcc: evil@example.com",
        "hallo%0ABcc:%20evil@example.com",
        "x&cc=evil@example.com",
        "x&bcc=evil@example.com&to=evil2@example.com",
        "?cc=evil@example.com",
        "#fragment&cc=evil@example.com",
        "a=b&subject=Nep",
        "%26cc%3Devil%40example.com",
        "cc=evil@example.com\nbcc=evil@example.com",
        "\x00\u202e&cc=evil@example.com",
    ],
)
def test_user_text_can_never_add_recipients_or_headers(evil: str) -> None:
    url = mailto_url("privacy@testdorp.nl", f"Onderwerp {evil}", f"Tekst {evil}")
    to, fields = _parse(url)
    assert to == "privacy@testdorp.nl"
    assert set(fields) == {"subject", "body"}
    assert len(fields["body"]) == 1 and len(fields["subject"]) == 1
    assert fields["body"][0] == "Tekst " + evil.replace("\r\n", "\n").replace("\n", "\r\n")
    assert "\r" not in fields["subject"][0] and "\n" not in fields["subject"][0]
    # the query contains only our two '&'-separated fields
    assert urlsplit(url).query.count("&") == 1
    assert "#" not in url


def test_injection_through_the_composer_stays_in_the_body(gemeente: Recipient) -> None:
    details = {"data": "alles&cc=evil@example.com?bcc=x@y.nl#z", "period": "%0D%0ABcc:x@y.nl"}
    letter = compose(
        RequestInput(
            RequestKind.INZAGE, Applicant("Sam\nCc: x@y.nl", phone="06"), gemeente, details
        ),
        TODAY,
    )
    link = mail_link(letter, limit=100_000)
    to, fields = _parse(link.url)
    assert to == "privacy@testdorp.nl" and set(fields) == {"subject", "body"}
    assert "alles&cc=evil@example.com?bcc=x@y.nl#z" in fields["body"][0]
    assert fields["body"][0].endswith(FOOTER)


@pytest.mark.parametrize(
    "address",
    [
        "privacy@testdorp.nl,evil@example.com",
        "privacy@testdorp.nl;evil@example.com",
        "privacy@testdorp.nl?cc=evil@example.com",
        "privacy@testdorp.nl&cc=evil@example.com",
        "privacy@testdorp.nl\r\nBcc: evil@example.com",
        "privacy@testdorp.nl%0Acc:evil@example.com",
        "Privacy <privacy@testdorp.nl>",
        "privacy@@testdorp.nl",
        "privacy@testdorp",
        "privacy@-testdorp.nl",
        "privacy.@testdorp.nl",
        "@testdorp.nl",
        "privacy@",
        "priv acy@testdorp.nl",
        "x" * 65 + "@testdorp.nl",
        "a@" + "b" * 250 + ".nl",
    ],
)
def test_invalid_addresses_are_refused_with_a_clear_message(address: str) -> None:
    with pytest.raises(InvalidAddressError, match="geen geldig e-mailadres"):
        mailto_url(address, "s", "b")


@pytest.mark.parametrize("address", ["", "   "])
def test_empty_address_asks_for_one(address: str) -> None:
    with pytest.raises(InvalidAddressError, match="Vul een e-mailadres in"):
        mailto_url(address, "s", "b")


def test_valid_addresses_are_cleaned() -> None:
    assert validate_email("  Privacy@TestDorp.NL ") == "Privacy@testdorp.nl"
    assert validate_email("j.o'brien+avg@sub.gemeente.nl") == "j.o'brien+avg@sub.gemeente.nl"
    assert validate_email("info@súdwest.nl") == "info@xn--sdwest-pya.nl"


def test_recipient_without_email_has_no_mail_link(applicant: Applicant) -> None:
    post_only = typed_recipient("Zorg BV", postal="Postbus 1\n1000 AA Amsterdam")
    letter = compose(RequestInput(RequestKind.INZAGE, applicant, post_only), TODAY)
    with pytest.raises(InvalidAddressError, match="Vul een e-mailadres in"):
        mail_link(letter)


def test_short_letter_fits_in_one_link(
    gemeente: Recipient, applicant: Applicant, sample_input: SampleInput
) -> None:
    letter = compose(sample_input(RequestKind.OVERDRAAGBAARHEID, gemeente, applicant), TODAY)
    link = mail_link(letter, limit=10_000)
    assert not link.shortened and link.note == "" and link.url == link.full_url
    _to, fields = _parse(link.url)
    assert fields["body"] == [letter.body.replace("\n", "\r\n")]


def test_long_letter_gets_a_short_body_and_the_user_is_told(
    gemeente: Recipient, applicant: Applicant
) -> None:
    details = {"wrong": "Dit klopt niet. " * 240}  # ~3,800 characters, legal but long
    letter = compose(RequestInput(RequestKind.RECTIFICATIE, applicant, gemeente, details), TODAY)
    link = mail_link(letter)
    assert link.shortened
    assert len(link.url) <= MAILTO_LIMIT < len(link.full_url)
    assert "de app kopieert de hele brief" in link.note
    _to, short = _parse(link.url)
    assert "[Plak hier de volledige brief" in short["body"][0]
    assert short["body"][0].endswith(FOOTER)
    assert short["subject"] == [letter.subject]
    _to, full = _parse(link.full_url)
    assert full["body"] == [letter.body.replace("\n", "\r\n")]


def test_very_long_hostile_input_stays_one_body() -> None:
    evil = ("x&cc=evil@example.com\r\nBcc: y@z.nl?#%0A" * 5000)[:100_000]
    to, fields = _parse(mailto_url("privacy@testdorp.nl", evil[:3000], evil))
    assert to == "privacy@testdorp.nl"
    assert set(fields) == {"subject", "body"}
    assert len(fields["body"]) == 1
    assert fields["body"][0] == evil.replace("\r\n", "\n").replace("\n", "\r\n")
