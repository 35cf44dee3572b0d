"""Write register entries in the shape of ``exportOO_gemeenten.xml`` (schema 2.6.9).

Used to build a full-size export from the real CSV (342 municipalities) for parser tests and the
benchmark, and small exports for the feed's fault tests. Each organisation also gets the parts a
parser must skip: classifications, a council, and a ``functie`` whose ``medewerker`` has its own
``naam``, ``contact`` and ``adressen`` (the "direct children only" trap).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from privacyapp.opendata._register import RegisterEntry

NS_BASE = "https://organisaties.overheid.nl/static/schema/oo/export/"


def _esc(text: str) -> str:
    # the live file writes an apostrophe as a numeric character reference
    return escape(text).replace("'", "&#39;")


def _el(name: str, text: str) -> str:
    return f"<p:{name}>{_esc(text)}</p:{name}>"


def _filler(entry: RegisterEntry) -> str:
    return (
        '<p:classificaties><p:classificatie p:type="CAO"><p:wettelijkeGrondslagen>'
        "<p:wettelijkeGrondslag><p:opschrift>CAO Gemeenten</p:opschrift>"
        "<p:referentie>https://www.caogemeenten.nl/</p:referentie></p:wettelijkeGrondslag>"
        "</p:wettelijkeGrondslagen></p:classificatie></p:classificaties><p:personeel/>"
    )


def _trap() -> str:
    return (
        "<p:raad><p:totaalZetels>3</p:totaalZetels><p:partijen><p:partij><p:naam>Partij</p:naam>"
        "<p:aantalZetels>3</p:aantalZetels></p:partij></p:partijen></p:raad>"
        '<p:functies><p:functie p:systeemId="1"><p:naam>Burgemeester</p:naam><p:medewerkers>'
        "<p:medewerker><p:naam>dhr. A. Valsnaam</p:naam><p:adressen><p:adres>"
        "<p:adresType>Bezoekadres</p:adresType><p:openbareRuimte>Valse straat</p:openbareRuimte>"
        "<p:huisnummer>99</p:huisnummer></p:adres></p:adressen><p:contact><p:emailadressen>"
        "<p:emailadres><p:email>burgemeester@vals.example</p:email><p:label>algemeen</p:label>"
        "</p:emailadres></p:emailadressen></p:contact></p:medewerker></p:medewerkers></p:functie>"
        "</p:functies>"
        "<p:organisaties><p:organisatie><p:naam>Afdeling Vals</p:naam><p:contact>"
        "<p:telefoonnummers><p:telefoonnummer><p:nummer>000</p:nummer><p:label>algemeen</p:label>"
        "</p:telefoonnummer></p:telefoonnummers></p:contact></p:organisatie></p:organisaties>"
    )


def organisation(entry: RegisterEntry) -> str:
    """One ``p:organisatie`` element for ``entry``."""
    parts = [_el("naam", entry.name)]
    parts += [_el("afkorting", a) for a in entry.abbreviations]
    parts.append("<p:types><p:type>Gemeente</p:type></p:types>")
    parts.append(_filler(entry))
    parts.append("<p:adressen>")
    order = (
        "adresType",
        "toelichting",
        "openbareRuimte",
        "huisnummer",
        "toevoeging",
        "postbus",
        "postcode",
        "terAttentieVan",
        "woonplaats",
        "regio",
        "land",
    )
    for address in entry.addresses:
        parts.append("<p:adres>")
        parts += [_el(key, address[key]) for key in order if key in address]
        parts.append("</p:adres>")
    parts.append("</p:adressen><p:contact>")
    lists = (
        ("telefoonnummers", "telefoonnummer", "nummer", entry.phones),
        ("emailadressen", "emailadres", "email", entry.emails),
        ("internetadressen", "internetadres", "url", entry.websites),
    )
    for outer, inner, field, items in lists:
        if items:
            parts.append(f"<p:{outer}>")
            for value, label in items:
                parts.append(f"<p:{inner}>{_el(field, value)}{_el('label', label)}</p:{inner}>")
            parts.append(f"</p:{outer}>")
    if entry.forms:
        parts.append("<p:contactformulieren>")
        for url, label in entry.forms:
            parts.append(
                f'<p:contactformulier taalcode="nl-NL">{_el("label", label)}{_el("url", url)}'
                "</p:contactformulier>"
            )
        parts.append("</p:contactformulieren>")
    parts.append("</p:contact>")
    if entry.end_date is not None:
        parts.append(_el("eindDatum", entry.end_date.isoformat()))
    parts.append(_trap())
    parts.append("<p:identificatiecodes>")
    if entry.code:
        parts.append(
            f'<p:resourceIdentifier p:naam="Organisatiecode">{_esc(entry.code)}'
            "</p:resourceIdentifier>"
        )
    parts.append("</p:identificatiecodes>")
    attrs = f"p:systeemId={quoteattr(entry.register_id)}" if entry.register_id else ""
    if entry.tooi:
        attrs += f" p:resourceIdentifierTOOI={quoteattr(entry.tooi)}"
    return f"<p:organisatie {attrs}>{''.join(parts)}</p:organisatie>\n"


def register_xml(
    entries: Iterable[RegisterEntry],
    *,
    version: str = "2.6.9",
    timestamp: str | None = "2026-04-15T22:00:10.863+02:00",
    namespace: str | None = None,
) -> bytes:
    """A complete export document for ``entries``."""
    ns = namespace if namespace is not None else NS_BASE + version
    stamp = f" p:timestamp={quoteattr(timestamp)}" if timestamp else ""
    body = "".join(organisation(entry) for entry in entries)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<p:overheidsorganisaties{stamp} xmlns:p="{ns}">\n<p:organisaties>\n{body}'
        "</p:organisaties>\n</p:overheidsorganisaties>\n"
    ).encode()


def entry(
    name: str, code: str, *, email: str | None = "info@example.nl", end: date | None = None
) -> RegisterEntry:
    """A small municipality entry for fault tests."""
    return RegisterEntry(
        name=f"Gemeente {name}",
        abbreviations=[name],
        code=code.lower(),
        end_date=end,
        addresses=[
            {
                "adresType": "Bezoekadres",
                "openbareRuimte": "Markt",
                "huisnummer": "1",
                "postcode": "1234 AB",
                "woonplaats": name.upper(),
            },
            {
                "adresType": "Postadres",
                "postbus": "100",
                "postcode": "1230AA",
                "woonplaats": name.upper(),
            },
        ],
        phones=[("14 000", "algemeen")],
        emails=[(email, "algemeen")] if email else [],
        websites=[(f"https://www.{code.lower()}.example", "algemeen")],
        forms=[(f"https://www.{code.lower()}.example/contact", "Algemeen")],
    )


def full_register_xml(csv_file: Path, *changes: RegisterEntry, **kwargs: str) -> bytes:
    """Every municipality of the register's CSV as an XML export (``changes`` replace or add):
    a refresh the directory accepts, which a one-municipality sample no longer is."""
    from privacyapp.opendata._roo_csv import parse_register_csv

    entries = {e.municipality_code(): e for e in parse_register_csv(csv_file.read_text("utf-8"))}
    for change in changes:
        entries[change.municipality_code()] = change
    return register_xml(entries.values(), **kwargs)
