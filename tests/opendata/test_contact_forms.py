"""Contact-form links that lead to permit or building pages are not shown as the contact form.

The register lists, for many municipalities, only an "Omgevingsloket" form: a page about
building permits, or the site of the regional omgevingsdienst. A privacy question sent there
lands at the wrong desk. The rule is tested on the real register export and on the built-in list.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from opendata.conftest import CSV_FILE
from privacyapp.opendata import Municipality, parse_register_csv
from privacyapp.opendata._register import RegisterEntry, is_permit_page
from privacyapp.rights.recipient import Channel, recipient_from_municipality

#: Municipalities whose only register "contact form" in the 2026-04-15 export is a permit,
#: building or omgevingsdienst page (read one by one in the CSV).
PERMIT_ONLY = {
    "Aalsmeer", "Altena", "Amstelveen", "Apeldoorn", "Beesel", "Bodegraven-Reeuwijk", "Boxtel",
    "Brummen", "Doesburg", "Ede", "Eersel", "Groningen", "Heemstede", "Hilversum",
    "Horst aan de Maas", "Leiderdorp", "Lingewaard", "Lochem", "Lopik", "Maasdriel",
    "Montferland", "Montfoort", "Neder-Betuwe", "Oirschot", "Renkum", "Reusel-De Mierden",
    "Rheden", "Rijssen-Holten", "Scherpenzeel", "Sint-Michielsgestel", "Sluis", "Stadskanaal",
    "Stichtse Vecht", "Tilburg", "Utrecht", "Veldhoven", "Voorschoten", "Waddinxveen",
    "West Betuwe", "Wijchen", "Wijk bij Duurstede", "Zaltbommel", "Zandvoort",
}  # fmt: skip


@pytest.fixture(scope="module")
def entries() -> list[RegisterEntry]:
    return parse_register_csv(CSV_FILE.read_text("utf-8"))


@pytest.fixture(scope="module")
def records(entries: list[RegisterEntry]) -> dict[str, Municipality]:
    made = [e.to_municipality() for e in entries]
    return {r.name: r for r in made if r is not None}


def test_no_municipality_shows_a_permit_page_as_its_contact_form(
    records: dict[str, Municipality],
) -> None:
    shown = [r.contact_form for r in records.values() if r.contact_form]
    assert shown and not [url for url in shown if is_permit_page(url)]
    assert len(shown) == 199  # of the 242 with a form in the register


def test_the_permit_only_municipalities_lose_the_form_and_keep_the_website(
    entries: list[RegisterEntry], records: dict[str, Municipality]
) -> None:
    with_forms = {e.to_municipality().name for e in entries if e.forms}  # type: ignore[union-attr]
    assert len(with_forms) == 242
    without = {name for name in with_forms if records[name].contact_form is None}
    assert without == PERMIT_ONLY
    for name in PERMIT_ONLY:
        assert records[name].website and records[name].website.startswith("https://")
    utrecht = records["Utrecht"]
    assert utrecht.contact_form is None
    assert utrecht.website == "https://www.utrecht.nl"
    assert utrecht.email == "Gemeente@utrecht.nl"


def test_a_general_form_next_to_a_permit_form_is_chosen(
    records: dict[str, Municipality],
) -> None:
    # Zuidplas lists the omgevingsdienst's page and its own general contact page
    assert records["Zuidplas"].contact_form == "https://www.zuidplas.nl/openingstijden-en-contact"
    entry = RegisterEntry(
        name="Gemeente Proefdorp",
        code="GM9999",
        forms=[
            ("https://www.proefdorp.nl/omgevingsvergunning-aanvragen", "Omgevingsloket"),
            ("www.proefdorp.nl/contact", ""),
        ],
    )
    record = entry.to_municipality()
    assert record is not None and record.contact_form == "https://www.proefdorp.nl/contact"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.amsterdam.nl/contact/",
        "https://formulier.nijmegen.nl/contactformulier",
        "http://www.hoorn.nl/contactformulier",
        "https://www.tholen.nl/informatieaanvraag-wet-open-overheid",
        "https://afspraken.buren.nl/Afspraken",
    ],
)
def test_general_pages_are_not_taken_for_permit_pages(url: str) -> None:
    assert not is_permit_page(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.utrecht.nl/wonen-en-leven/bouwen-en-verbouwen/hebt-u-een-vraag-over-bouwplan",
        "https://loket.aalsmeer.nl/aanvraag?schema=registratie_b1100_loketbouwenvergunningen",
        "https://www.odrivierenland.nl/contact/",
        "https://www.ede.nl/baliebwm",
        "https://www.eersel.nl/contact-omgevingswet",
    ],
)
def test_permit_and_building_pages_are_recognised(url: str) -> None:
    assert is_permit_page(url)


def test_an_od_site_is_the_omgevingsdienst_only_when_it_is_not_the_own_website() -> None:
    assert is_permit_page("https://www.odmh.nl/over-odmh/contact/", "https://www.waddinxveen.nl")
    assert not is_permit_page("https://www.odijk.nl/contact", "https://www.odijk.nl")


def test_the_built_in_list_follows_the_rule(records: dict[str, Municipality]) -> None:
    text = resources.files("privacyapp.assets").joinpath("gemeenten.json").read_text("utf-8")
    built_in = {m["name"]: m for m in json.loads(text)["municipalities"]}
    assert len(built_in) == 342
    forms = [m["contact_form"] for m in built_in.values() if m["contact_form"]]
    assert forms and not [url for url in forms if is_permit_page(url)]
    assert built_in["Utrecht"]["contact_form"] is None
    assert built_in["Utrecht"]["website"] == "https://www.utrecht.nl"
    assert {n: m["contact_form"] for n, m in built_in.items()} == {
        n: r.contact_form for n, r in records.items()
    }


def test_a_letter_to_a_permit_only_municipality_without_email_goes_by_post(
    records: dict[str, Municipality],
) -> None:
    # Rijssen-Holten lists no e-mail and only a building-question form: the letter is posted
    recipient = recipient_from_municipality(records["Rijssen-Holten"])
    assert recipient.channel is Channel.POST
    assert recipient.contact_form == ""
    assert recipient.postal_lines
