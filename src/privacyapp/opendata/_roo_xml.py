"""Streaming parser for the register's XML export (``exportOO_gemeenten.xml``).

The export is fed in chunks as they arrive, so a large download never sits in memory as a whole
and the size limit can stop it early. Facts from the register's schema that shape this parser:

- every element is in one namespace whose last path segment is a version that changes
  (``…/oo/export/2.6.9`` today, ``2.4.x`` before): we match **local names** only;
- only the **direct** children of an ``organisatie`` describe it: ``functies/…/medewerker`` and
  nested ``organisaties`` carry their own ``naam``, ``contact`` and ``adressen``;
- an abolished municipality keeps its entry but gets an ``eindDatum``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from privacyapp.opendata._register import RegisterEntry
from privacyapp.opendata.errors import FeedFormatError

__all__ = ["RegisterExport", "RegisterXmlParser", "parse_date"]

_ROOT = "overheidsorganisaties"
_LIST = "organisaties"
_ORGANISATION = "organisatie"
#: Depth of an ``organisatie`` that is a register entry: root (1) / organisaties (2) / here (3).
_ENTRY_DEPTH = 3

_CONTACT_LISTS: dict[tuple[str, str, str], tuple[str, str]] = {
    # (list, item, field) → (which list on the entry, "value" or "label")
    ("telefoonnummers", "telefoonnummer", "nummer"): ("phones", "value"),
    ("telefoonnummers", "telefoonnummer", "label"): ("phones", "label"),
    ("emailadressen", "emailadres", "email"): ("emails", "value"),
    ("emailadressen", "emailadres", "label"): ("emails", "label"),
    ("internetadressen", "internetadres", "url"): ("websites", "value"),
    ("internetadressen", "internetadres", "label"): ("websites", "label"),
    ("contactformulieren", "contactformulier", "url"): ("forms", "value"),
    ("contactformulieren", "contactformulier", "label"): ("forms", "label"),
    # before schema 2.6.9 the contact form was called "contactpagina"
    ("contactpaginas", "contactpagina", "url"): ("forms", "value"),
    ("contactpaginas", "contactpagina", "label"): ("forms", "label"),
}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _attr(element: Element, name: str) -> str:
    """An attribute by local name, prefixed (``p:systeemId``) or not."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return ""


def parse_date(text: str) -> date | None:
    """``"2022-03-24"`` (optionally with a time zone) → a date; ``None`` when unreadable."""
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


@dataclass
class RegisterExport:
    """What one export file contains."""

    timestamp: datetime | None
    """The export moment from the root's ``timestamp`` attribute."""
    entries: list[RegisterEntry] = field(default_factory=list)
    """Every municipality entry, active or not, in file order."""


class RegisterXmlParser:
    """Feed bytes with :meth:`feed`, then call :meth:`close` for the result.

    Raises :class:`FeedFormatError` as soon as the input cannot be the register's XML.
    """

    def __init__(self) -> None:
        self._parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
        self._stack: list[str] = []
        self._started = False
        self._root_seen = False
        self._timestamp: datetime | None = None
        self._entries: list[RegisterEntry] = []
        self._entry: RegisterEntry | None = None
        self._list_element: Element | None = None
        self._item: dict[str, str] = {}
        self._types: list[str] = []

    def feed(self, chunk: bytes) -> None:
        """Parse the next piece of the download."""
        if not self._started:
            head = chunk.lstrip(b"\xef\xbb\xbf \t\r\n")
            if not head:
                return
            self._started = True
            if not head.startswith(b"<"):
                kind = "een CSV-bestand" if b";" in head.split(b"\n", 1)[0] else "geen XML"
                raise FeedFormatError(
                    f"Het register stuurde {kind} in plaats van de XML-lijst van gemeenten. "
                    "We gebruiken de gegevens die we al hadden; probeer het later opnieuw."
                )
        try:
            self._parser.feed(chunk)
            self._drain()
        except ParseError as exc:
            raise _broken(exc) from None

    def close(self) -> RegisterExport:
        """Finish parsing; raises :class:`FeedFormatError` for truncated or empty input."""
        if not self._started:
            raise FeedFormatError(
                "Het register stuurde een leeg bestand. We gebruiken de gegevens die we al hadden."
            )
        try:
            self._parser.close()
            self._drain()
        except ParseError as exc:  # an error only at the end: the document stopped early
            raise _broken(exc, truncated=True) from None
        if not self._entries:
            raise FeedFormatError(
                "De lijst van het register bevat geen gemeenten. We gebruiken de gegevens die "
                "we al hadden; probeer het later opnieuw."
            )
        return RegisterExport(self._timestamp, self._entries)

    # ------------------------------------------------------------------ event handling

    def _drain(self) -> None:
        for item in self._parser.read_events():
            event: object = item[0]
            element: object = item[-1]
            if not isinstance(element, Element):
                continue  # only start/end events are asked for; this keeps the types exact
            if event == "start":
                self._start(element)
            else:
                self._end(element)

    def _start(self, element: Element) -> None:
        name = _local(element.tag)
        self._stack.append(name)
        depth = len(self._stack)
        if depth == 1:
            if name != _ROOT:
                raise FeedFormatError(
                    f"Dit is niet de lijst van het Register van Overheidsorganisaties (het "
                    f"bestand begint met <{name}>). We gebruiken de gegevens die we al hadden."
                )
            self._root_seen = True
            stamp = _attr(element, "timestamp")
            if stamp:
                try:
                    self._timestamp = datetime.fromisoformat(stamp)
                except ValueError:
                    self._timestamp = None
        elif depth == 2 and name == _LIST:
            self._list_element = element
        elif depth == _ENTRY_DEPTH and name == _ORGANISATION and self._stack[1] == _LIST:
            self._entry = RegisterEntry(
                register_id=_attr(element, "systeemId"),
                tooi=_attr(element, "resourceIdentifierTOOI"),
            )
            self._types = []

    def _end(self, element: Element) -> None:
        entry = self._entry
        path = tuple(self._stack[_ENTRY_DEPTH:])
        self._stack.pop()
        if entry is None:
            return
        if not path:  # the organisatie itself has ended
            if not self._types or any(t.casefold() == "gemeente" for t in self._types):
                self._entries.append(entry)
            self._entry = None
            if self._list_element is not None:
                self._list_element.clear()  # keep memory flat: this entry is done
            return
        text = (element.text or "").strip()
        self._field(entry, path, text, element)

    def _field(self, entry: RegisterEntry, path: tuple[str, ...], text: str, el: Element) -> None:
        top = path[0]
        if len(path) == 1:
            self._own_field(entry, top, text)
        elif path == ("types", "type"):
            self._types.append(text)
        elif path == ("identificatiecodes", "resourceIdentifier"):
            if _attr(el, "naam") == "Organisatiecode":
                entry.code = text
        elif top == "adressen" and len(path) == 3 and path[1] == "adres":
            self._item[path[2]] = text
        elif path == ("adressen", "adres"):
            entry.addresses.append(self._item)
            self._item = {}
        elif top == "contact" and len(path) == 4:
            self._contact_field(entry, path[1:], text)
        elif top == "contact" and len(path) == 3 and path[1:] in _ITEMS:
            target: list[tuple[str, str]] = getattr(entry, _ITEMS[path[1:]])
            target.append((self._item.get("value", ""), self._item.get("label", "")))
            self._item = {}

    @staticmethod
    def _own_field(entry: RegisterEntry, name: str, text: str) -> None:
        if name == "naam":
            entry.name = text
        elif name == "afkorting" and text:
            entry.abbreviations.append(text)
        elif name == "subnaam":
            entry.alternative_name = text
        elif name == "eindDatum":
            entry.end_date = parse_date(text)

    def _contact_field(self, entry: RegisterEntry, path: tuple[str, ...], text: str) -> None:
        key = (path[0], path[1], path[2])
        if key in _CONTACT_LISTS:
            self._item[_CONTACT_LISTS[key][1]] = text


_ITEMS: dict[tuple[str, str], str] = {
    (lst, item): target for (lst, item, _), (target, _) in _CONTACT_LISTS.items()
}


def _broken(exc: ParseError, *, truncated: bool = False) -> FeedFormatError:
    line = getattr(exc, "position", (0, 0))[0]
    where = f" (regel {line})" if line else ""
    what = "is niet helemaal binnengekomen" if truncated else "is beschadigd"
    return FeedFormatError(
        f"De lijst van het register {what}{where}. We gebruiken de gegevens die we al hadden; "
        "probeer het later opnieuw."
    )
