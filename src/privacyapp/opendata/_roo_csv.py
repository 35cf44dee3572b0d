"""Parser for the register's CSV export (``Gemeenten.csv``), the source of the built-in list.

Format facts (see the register's export page): semicolon-separated, every field quoted, UTF-8
(sometimes with a BOM), CRLF line ends, dates ``dd-mm-yyyy``. Cells with several items separate
them with ``;`` too, so only a real CSV reader can split the columns. Inside an item the parts are
``key: value`` pairs joined by ``", "``, but values may contain ``", "`` themselves
(``terAttentieVan: Vergunningen, Toezicht en Handhaving``), so we split only before known keys.
The column ``"Telefoonnummers "`` ends in a space; the address header uses old key names while
the cells use the new ones.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date

from privacyapp.opendata._register import Labelled, RegisterEntry
from privacyapp.opendata.errors import FeedFormatError

__all__ = ["parse_register_csv"]

_NAME = "Officiële naam"
_ADDRESS_PREFIX = "Adressen"
_ADDRESS_KEYS = (
    "adresType|toelichting|openbareRuimte|straat|huisnummer|toevoeging|postbus|postcode|"
    "antwoordnummer|terAttentieVan|woonplaats|plaats|regio|provincieAfkorting|provincie|land|"
    "centroideLatitude|centroideLongitude|centroideRdx|centroideRdy"
)
_ADDRESS_SPLIT = re.compile(rf", (?=(?:{_ADDRESS_KEYS}): )")
_ADDRESS_ITEM_SPLIT = re.compile(r";(?=adresType: )")
_OLD_KEYS = {"straat": "openbareRuimte", "plaats": "woonplaats", "type": "adresType"}
_FORM_ITEM = re.compile(
    r"(?:^|;)label: (?P<label>[^;]*?), url: (?P<url>.*?)(?:, taalcode: [^;]*)?(?=;label: |$)"
)


def parse_register_csv(text: str) -> list[RegisterEntry]:
    """Every row of a ``Gemeenten.csv`` export as a :class:`RegisterEntry`.

    Raises:
        FeedFormatError: the text is not the register's CSV (no ``Officiële naam`` column).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=";")
    columns = {name.strip(): name for name in reader.fieldnames or ()}
    if _NAME not in columns:
        raise FeedFormatError(
            f"Dit is niet de CSV-lijst van gemeenten uit het register (geen kolom '{_NAME}')."
        )
    address_column = next((c for c in columns.values() if c.startswith(_ADDRESS_PREFIX)), "")

    def cell(row: dict[str, str], name: str) -> str:
        return (row.get(columns.get(name, name)) or "").strip()

    entries = []
    for row in reader:
        entries.append(
            RegisterEntry(
                name=cell(row, _NAME),
                abbreviations=[a for a in [cell(row, "Afkorting")] if a],
                alternative_name=cell(row, "Alternatieve naam"),
                code=cell(row, "Organisatiecode"),
                tooi=cell(row, "TOOi URI"),
                end_date=_dutch_date(cell(row, "Einddatum")),
                addresses=list(_addresses((row.get(address_column) or "").strip())),
                phones=_labelled(cell(row, "Telefoonnummers")),
                emails=_labelled(cell(row, "E-mail adressen")),
                websites=_labelled(cell(row, "Internetpagina's")),
                forms=_forms(cell(row, "Contactformulieren") or cell(row, "Contactpagina's")),
            )
        )
    return entries


def _dutch_date(text: str) -> date | None:
    """``"24-03-2022"`` → a date; empty or unreadable → ``None``."""
    match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _addresses(cell: str) -> Iterable[dict[str, str]]:
    if not cell:
        return
    for item in _ADDRESS_ITEM_SPLIT.split(cell):
        fields: dict[str, str] = {}
        for part in _ADDRESS_SPLIT.split(item):
            key, sep, value = part.partition(": ")
            if sep:
                fields[_OLD_KEYS.get(key, key)] = value.strip()
        if fields:
            yield fields


def _labelled(cell: str) -> list[Labelled]:
    """``"14 020, label: algemeen;14 020, label: Omgevingsloket"`` → value/label pairs."""
    items: list[Labelled] = []
    for item in cell.split(";"):
        value, sep, label = item.rpartition(", label: ")
        if not sep:
            value, label = item, ""
        if value.strip():
            items.append((value.strip(), label.strip()))
    return items


def _forms(cell: str) -> list[Labelled]:
    """``"label: Algemeen, url: https://…, taalcode: nl-NL;…"`` → (url, label) pairs."""
    return [(m.group("url").strip(), m.group("label").strip()) for m in _FORM_ITEM.finditer(cell)]
