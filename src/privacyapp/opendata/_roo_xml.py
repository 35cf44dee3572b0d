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

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from privacyapp.opendata._register import RegisterEntry
from privacyapp.opendata.errors import FeedFormatError

__all__ = ["RegisterExport", "RegisterXmlParser", "parse_date"]

_ROOT = "overheidsorganisaties"
_LIST = "organisaties"
_ORGANISATION = "organisatie"
#: Depth of an ``organisatie`` that is a register entry: root (1) / organisaties (2) / here (3).
_ENTRY_DEPTH = 3


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
        self._depth = 0
        self._started = False
        self._in_list = False
        self._root: Element | None = None
        self._timestamp: datetime | None = None
        self._entries: list[RegisterEntry] = []
        self._list_element: Element | None = None

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
        # Hot loop: two events per element of a multi-MB file. Only depth is tracked here;
        # an organisation is read as a whole subtree when it ends, then dropped from memory.
        depth = self._depth
        events = cast(Iterator[tuple[str, Element]], self._parser.read_events())
        for event, element in events:  # only "start"/"end" were asked for
            if event == "start":
                depth += 1
                if depth <= _ENTRY_DEPTH:
                    self._depth = depth
                    self._start(element, depth)
            else:
                depth -= 1
                if depth == _ENTRY_DEPTH - 1 and self._in_list:
                    self._entry_ended(element)
                elif depth == 1:
                    self._in_list = False
                    if self._root is not None:
                        self._root.clear()  # a finished top-level section (e.g. regelingen)
        self._depth = depth

    def _start(self, element: Element, depth: int) -> None:
        name = _local(element.tag)
        if depth == 1:
            if name != _ROOT:
                raise FeedFormatError(
                    f"Dit is niet de lijst van het Register van Overheidsorganisaties (het "
                    f"bestand begint met <{name}>). We gebruiken de gegevens die we al hadden."
                )
            self._root = element
            stamp = _attr(element, "timestamp")
            if stamp:
                try:
                    self._timestamp = datetime.fromisoformat(stamp)
                except ValueError:
                    self._timestamp = None
        elif depth == 2:
            self._in_list = name == _LIST
            self._list_element = element if self._in_list else None

    def _entry_ended(self, element: Element) -> None:
        if _local(element.tag) == _ORGANISATION:
            entry = _read_organisation(element)
            if entry is not None:
                self._entries.append(entry)
        if self._list_element is not None:
            self._list_element.clear()  # keep memory flat: this entry is done


def _children(element: Element | None) -> list[tuple[str, Element]]:
    return [] if element is None else [(_local(child.tag), child) for child in element]


def _text(element: Element) -> str:
    return (element.text or "").strip()


def _read_organisation(org: Element) -> RegisterEntry | None:
    """One entry from the **direct** children of an ``organisatie`` (never nested ones)."""
    entry = RegisterEntry(
        register_id=_attr(org, "systeemId"), tooi=_attr(org, "resourceIdentifierTOOI")
    )
    types: list[str] = []
    for name, child in _children(org):
        if name in _SIMPLE:
            _SIMPLE[name](entry, _text(child))
        elif name == "types":
            types += [_text(t) for _, t in _children(child)]
        elif name == "adressen":
            entry.addresses += [
                {field: _text(part) for field, part in _children(address)}
                for kind, address in _children(child)
                if kind == "adres"
            ]
        elif name == "contact":
            _read_contact(child, entry)
        elif name == "identificatiecodes":
            codes = [_text(c) for _, c in _children(child) if _attr(c, "naam") == "Organisatiecode"]
            entry.code = codes[0] if codes else entry.code
    if types and not any(t.casefold() == "gemeente" for t in types):
        return None  # the full export also lists provinces, ministries, ...
    return entry


def _set_name(entry: RegisterEntry, text: str) -> None:
    entry.name = text


def _add_abbreviation(entry: RegisterEntry, text: str) -> None:
    if text:
        entry.abbreviations.append(text)


def _set_alternative(entry: RegisterEntry, text: str) -> None:
    entry.alternative_name = text


def _set_end(entry: RegisterEntry, text: str) -> None:
    entry.end_date = parse_date(text)


_SIMPLE: dict[str, Callable[[RegisterEntry, str], None]] = {
    "naam": _set_name,
    "afkorting": _add_abbreviation,
    "subnaam": _set_alternative,
    "eindDatum": _set_end,
}


def _read_contact(contact: Element, entry: RegisterEntry) -> None:
    for list_name, items in _children(contact):
        target = _CONTACT_TARGETS.get(list_name)
        if target is None:
            continue
        values: list[tuple[str, str]] = getattr(entry, target[0])
        for _, item in _children(items):
            fields = {name: _text(part) for name, part in _children(item)}
            values.append((fields.get(target[1], ""), fields.get("label", "")))


#: contact list element → (list on the entry, the field holding the value)
_CONTACT_TARGETS: dict[str, tuple[str, str]] = {
    "telefoonnummers": ("phones", "nummer"),
    "emailadressen": ("emails", "email"),
    "internetadressen": ("websites", "url"),
    "contactformulieren": ("forms", "url"),
    "contactpaginas": ("forms", "url"),  # the name before schema 2.6.9
}


def _broken(exc: ParseError, *, truncated: bool = False) -> FeedFormatError:
    line = getattr(exc, "position", (0, 0))[0]
    where = f" (regel {line})" if line else ""
    what = "is niet helemaal binnengekomen" if truncated else "is beschadigd"
    return FeedFormatError(
        f"De lijst van het register {what}{where}. We gebruiken de gegevens die we al hadden; "
        "probeer het later opnieuw."
    )
