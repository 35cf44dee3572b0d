"""Choosing how to reach an organisation: municipality from the directory, or typed in."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from privacyapp.rights import (
    Channel,
    InvalidAddressError,
    Recipient,
    RecipientError,
    recipient_from_municipality,
    typed_recipient,
)


@dataclass(frozen=True)
class FakeAddress:
    street: str | None
    house_number: str | None
    postcode: str | None
    city: str | None

    def lines(self) -> list[str]:
        first = " ".join(p for p in (self.street, self.house_number) if p)
        second = " ".join(p for p in (self.postcode, self.city) if p)
        return [line for line in (first, second) if line]


@dataclass(frozen=True)
class FakeMunicipality:
    code: str
    name: str
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    contact_form: str | None = None
    visit_address: FakeAddress | None = None
    postal_address: FakeAddress | None = None


POST = FakeAddress("Postbus", "20", "1234 AB", "Testdorp")
VISIT = FakeAddress("Markt", "1", "1234 AA", "Testdorp")


def test_municipality_with_email() -> None:
    r = recipient_from_municipality(
        FakeMunicipality("GM0001", "Testdorp", email="Info@Testdorp.nl", postal_address=POST)
    )
    assert r.channel is Channel.EMAIL
    assert r.email == "Info@testdorp.nl"
    assert r.name == "Gemeente Testdorp"
    assert r.postal_lines == ("Gemeente Testdorp", "Postbus 20", "1234 AB Testdorp")
    assert "e-mailadres van de gemeente" in r.explanation
    assert r.municipality_code == "GM0001"


def test_municipality_without_email_uses_contact_form_and_explains() -> None:
    r = recipient_from_municipality(
        FakeMunicipality(
            "GM0002",
            "Zonderpost",
            contact_form="https://zonderpost.nl/contact",
            postal_address=POST,
        )
    )
    assert r.channel is Channel.CONTACT_FORM
    assert r.contact_form == "https://zonderpost.nl/contact"
    assert "geen e-mailadres in het register" in r.explanation
    assert "per post" in r.explanation


def test_municipality_with_broken_email_falls_back() -> None:
    r = recipient_from_municipality(
        FakeMunicipality("GM0003", "Kapot", email="info at kapot", visit_address=VISIT)
    )
    assert r.channel is Channel.POST
    assert r.postal_lines == ("Gemeente Kapot", "Markt 1", "1234 AA Testdorp")
    assert "print hem" in r.explanation


def test_municipality_without_any_contact_is_an_error() -> None:
    with pytest.raises(RecipientError, match="Bel de gemeente"):
        recipient_from_municipality(FakeMunicipality("GM0004", "Nergens"))


def test_typed_organisation_needs_a_name_and_an_address() -> None:
    with pytest.raises(RecipientError, match="naam van de organisatie"):
        typed_recipient("  ", email="a@b.nl")
    with pytest.raises(RecipientError, match="e-mailadres of een postadres van Zorg BV"):
        typed_recipient("Zorg BV")
    with pytest.raises(InvalidAddressError):
        typed_recipient("Zorg BV", email="zorg@bv")


def test_typed_organisation_by_post() -> None:
    r = typed_recipient("Zorg BV", postal="Postbus 1\r\n1000 AA  Amsterdam\x00")
    assert r.channel is Channel.POST
    assert r.postal_lines == ("Zorg BV", "Postbus 1", "1000 AA Amsterdam")


def test_recipient_round_trips_through_a_dict() -> None:
    r = typed_recipient("Zorg BV", email="privacy@zorg.nl", postal="Postbus 1")
    assert Recipient.from_dict(r.to_dict()) == r


def test_the_directory_record_fits_the_protocol() -> None:
    # The real record from privacyapp.opendata (branch issue-7) satisfies MunicipalityLike.
    from privacyapp.opendata import Address, Municipality

    record = Municipality(
        code="GM0268",
        name="Nijmegen",
        official_name="Gemeente Nijmegen",
        contact_form="https://www.nijmegen.nl/contact",
        postal_address=Address("Postbus", "9105", "6500 HG", "NIJMEGEN"),
    )
    r = recipient_from_municipality(record)
    assert r.channel is Channel.CONTACT_FORM
    assert r.postal_lines == ("Gemeente Nijmegen", "Postbus 9105", "6500 HG NIJMEGEN")


def test_every_municipality_choice_mentions_own_forms_and_digid() -> None:
    by_mail = recipient_from_municipality(
        FakeMunicipality("GM0001", "Testdorp", email="info@testdorp.nl")
    )
    by_post = recipient_from_municipality(FakeMunicipality("GM0003", "Kapot", visit_address=VISIT))
    for r in (by_mail, by_post):
        assert "DigiD" in r.explanation
