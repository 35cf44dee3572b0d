"""The register's XML and CSV exports, parsed from real files and from generated full-size ones."""

from __future__ import annotations

from datetime import date

import pytest

from opendata.conftest import CSV_FILE, XML_SAMPLE
from opendata.roo_xml import entry, register_xml
from privacyapp.opendata import (
    Address,
    FeedFormatError,
    Municipality,
    RegisterXmlParser,
    parse_register_csv,
)

TODAY = date(2026, 11, 22)


def parse_xml(data: bytes, chunk: int = 4096) -> list[Municipality]:
    parser = RegisterXmlParser()
    for start in range(0, len(data), chunk):
        parser.feed(data[start : start + chunk])
    export = parser.close()
    records = [e.to_municipality() for e in export.entries if e.is_active(TODAY)]
    return [r for r in records if r is not None]


@pytest.fixture(scope="module")
def csv_records() -> list[Municipality]:
    entries = parse_register_csv(CSV_FILE.read_text("utf-8"))
    records = [e.to_municipality() for e in entries]
    assert all(r is not None for r in records)
    return [r for r in records if r is not None]


def by_name(records: list[Municipality], name: str) -> Municipality:
    return next(r for r in records if r.name == name)


def test_sample_xml_gives_nijmegen_as_the_register_lists_it() -> None:
    records = parse_xml(XML_SAMPLE.read_bytes(), chunk=333)
    assert [r.name for r in records] == ["Nijmegen", "Súdwest-Fryslân"]
    nijmegen = records[0]
    assert nijmegen.code == "GM0268"
    assert nijmegen.register_id == "33391"
    assert nijmegen.official_name == "Gemeente Nijmegen"
    assert nijmegen.phone == "14 024"
    # Nijmegen's only e-mail address is for the Omgevingsloket (permits): not a general one
    assert nijmegen.email is None
    assert nijmegen.contact_form == "https://formulier.nijmegen.nl/contactformulier"
    assert nijmegen.website == "https://www.nijmegen.nl"
    assert nijmegen.visit_address == Address("Korte Nieuwstraat", "6", "6511 PP", "NIJMEGEN")
    assert nijmegen.postal_address == Address("Postbus", "9105", "6500 HG", "NIJMEGEN")
    assert nijmegen.postal_address.lines() == ["Postbus 9105", "6500 HG  NIJMEGEN"]


def test_sample_xml_timestamp_is_the_data_date() -> None:
    parser = RegisterXmlParser()
    parser.feed(XML_SAMPLE.read_bytes())
    export = parser.close()
    assert export.timestamp is not None
    assert export.timestamp.date() == date(2026, 4, 15)


def test_full_csv_has_342_active_municipalities_with_unique_codes(
    csv_records: list[Municipality],
) -> None:
    assert len(csv_records) == 342
    assert len({r.code for r in csv_records}) == 342
    assert all(r.code.startswith("GM") and len(r.code) == 6 for r in csv_records)
    # every one can be reached: a phone number, and an e-mail address, a contact form or post
    # (Rijssen-Holten lists no e-mail and only a building-question form, which is not shown)
    assert all(r.phone for r in csv_records)
    assert [r.name for r in csv_records if not (r.email or r.contact_form)] == ["Rijssen-Holten"]
    assert all(r.visit_address and r.postal_address for r in csv_records)
    assert all(r.website and r.website.startswith("https://") for r in csv_records)


def test_full_csv_fields_as_in_the_register(csv_records: list[Municipality]) -> None:
    bosch = by_name(csv_records, "'s-Hertogenbosch")
    assert bosch.code == "GM0796"
    assert bosch.aliases == ("Den Bosch",)
    assert bosch.phone == "(073) 615 51 55"
    assert bosch.email == "gemeente@s-hertogenbosch.nl"
    assert bosch.visit_address == Address("Wolvenhoek", "1", "5211 HH", "'S-HERTOGENBOSCH")
    amsterdam = by_name(csv_records, "Amsterdam")
    assert amsterdam.email is None  # Amsterdam lists no e-mail address at all
    assert amsterdam.contact_form == "https://www.amsterdam.nl/contact/"
    # an address part with commas inside ("Vergunningen, Toezicht en ...") does not break it
    assert amsterdam.postal_address == Address("Postbus", "202", "1000 AE", "AMSTERDAM")
    # Noardeast-Fryslân has no Organisatiecode in the CSV: the code comes from its TOOI URI
    assert by_name(csv_records, "Noardeast-Fryslân").code == "GM1970"
    assert by_name(csv_records, "Bergen (NH)").aliases == ("Bergen NH",)
    # the municipal short number, published as "(014) 030", is written so it can be dialled
    assert by_name(csv_records, "Utrecht").phone == "14 030"
    assert all(not r.phone.startswith(("(014)", "014")) for r in csv_records if r.phone)


def test_generated_xml_of_the_full_csv_parses_to_the_same_records(
    csv_records: list[Municipality],
) -> None:
    entries = parse_register_csv(CSV_FILE.read_text("utf-8"))
    from_xml = parse_xml(register_xml(entries), chunk=65536)
    assert from_xml == csv_records


def test_only_direct_children_describe_the_municipality() -> None:
    # the generator adds a burgemeester with his own e-mail and a department with a phone
    records = parse_xml(register_xml([entry("Testdorp", "gm9001", email=None)]))
    assert records[0].email is None
    assert records[0].phone == "14 000"
    assert records[0].name == "Testdorp"


def test_abolished_municipality_is_left_out() -> None:
    data = register_xml(
        [
            entry("Weesp", "gm0457", end=date(2022, 3, 24)),
            entry("Amsterdam", "gm0363"),
            entry("Later", "gm9002", end=date(2030, 1, 1)),  # ends in the future: still active
        ]
    )
    assert [r.name for r in parse_xml(data)] == ["Amsterdam", "Later"]


@pytest.mark.parametrize(
    "namespace",
    [
        "https://organisaties.overheid.nl/static/schema/oo/export/2.6.13",
        "https://almanak.overheid.nl/static/schema/oo/export/2.4.23",
        "http://almanak.overheid.nl/schema/export/2.0",
    ],
)
def test_a_changed_namespace_version_still_parses(namespace: str) -> None:
    data = register_xml([entry("Testdorp", "gm9001")], namespace=namespace)
    assert [r.code for r in parse_xml(data)] == ["GM9001"]


def test_apostrophe_entity_and_bom_are_handled() -> None:
    data = b"\xef\xbb\xbf" + register_xml([entry("'s-Testdorp", "gm9003")])
    assert b"&#39;s-Testdorp" in data
    assert parse_xml(data)[0].name == "'s-Testdorp"


def test_truncated_xml_is_rejected() -> None:
    data = register_xml([entry("Testdorp", "gm9001")])
    with pytest.raises(FeedFormatError, match="niet helemaal binnengekomen"):
        parse_xml(data[: len(data) // 2])


def test_malformed_xml_is_rejected_with_a_line() -> None:
    data = register_xml([entry("Testdorp", "gm9001")]).replace(b"</p:naam>", b"</p:nam>", 1)
    with pytest.raises(FeedFormatError, match=r"beschadigd \(regel \d+\)"):
        parse_xml(data)


def test_csv_instead_of_xml_is_rejected() -> None:
    with pytest.raises(FeedFormatError, match="CSV"):
        parse_xml(CSV_FILE.read_bytes()[:5000])


def test_empty_organisation_list_is_rejected() -> None:
    with pytest.raises(FeedFormatError, match="geen gemeenten"):
        parse_xml(register_xml([]))


def test_empty_body_is_rejected() -> None:
    with pytest.raises(FeedFormatError, match="leeg"):
        RegisterXmlParser().close()


def test_another_document_is_rejected() -> None:
    with pytest.raises(FeedFormatError, match="niet de lijst"):
        parse_xml(b"<html><body>Onderhoud</body></html>")


def test_csv_without_the_name_column_is_rejected() -> None:
    with pytest.raises(FeedFormatError, match="Officiële naam"):
        parse_register_csv('"a";"b"\r\n"1";"2"\r\n')


def test_website_without_scheme_gets_https() -> None:
    record = entry("Beemster", "gm0370")
    record.websites = [("www.beemster.net", "algemeen")]
    municipality = record.to_municipality()
    assert municipality is not None
    assert municipality.website == "https://www.beemster.net"


def test_an_entity_expansion_bomb_is_rejected() -> None:
    entities = '<!ENTITY a0 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    data = (
        f'<?xml version="1.0"?><!DOCTYPE p:overheidsorganisaties [{entities}]>'
        '<p:overheidsorganisaties xmlns:p="https://organisaties.overheid.nl/static/schema/oo/'
        'export/2.6.9"><p:organisaties><p:organisatie><p:naam>&a9;</p:naam></p:organisatie>'
        "</p:organisaties></p:overheidsorganisaties>"
    ).encode()
    with pytest.raises(FeedFormatError):
        parse_xml(data)
