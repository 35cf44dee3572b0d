"""Just enough PDF syntax for the lite signer and verifier (``_litesign``, ``_liteverify``).

Where pyHanko cannot run (the browser build has no PyCA ``cryptography``), the lite path still
has to read our own reportlab output, append an incremental update to it and find signature
dictionaries in files a user hands us. That needs the object syntax (dictionaries, arrays,
names, strings, numbers, references) and the classic cross-reference table, not a full reader:
no object streams, no xref streams, no filters. Values keep their original spelling where the
app does not need to understand them (``Raw``), so a rewritten dictionary keeps every key as it
was. Hostile input raises ``PdfSyntaxError`` and nothing else; nesting depth is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

__all__ = [
    "Document",
    "Hex",
    "Name",
    "PdfSyntaxError",
    "Raw",
    "Ref",
    "dump",
    "parse_object_at",
    "parse_value",
    "text_string",
    "decode_literal",
]


class PdfSyntaxError(ValueError):
    """The bytes are not PDF syntax this module can read."""


class Name(str):
    """A PDF name, without its slash and as spelled in the file (``#xx`` escapes kept)."""


class Raw(bytes):
    """A token written back exactly as read: a literal string, a real number, true/false/null."""


class Hex(bytes):
    """A hex string's digits as in the file (without ``<`` and ``>``)."""

    def decoded(self) -> bytes:
        """The string's bytes (an odd last digit counts as followed by 0, as the spec says)."""
        digits = re.sub(rb"\s+", b"", self)
        if len(digits) % 2:
            digits += b"0"
        return bytes.fromhex(digits.decode("ascii"))


@dataclass(frozen=True)
class Ref:
    """An indirect reference ``num gen R``."""

    num: int
    gen: int = 0


Value: TypeAlias = "int | Name | Raw | Hex | Ref | list[Value] | dict[str, Value]"

_MAX_DEPTH = 64
_SKIP = re.compile(rb"(?:[ \t\r\n\f\x00]+|%[^\r\n]*)*")
_NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")
_REF_TAIL = re.compile(rb"[ \t\r\n\f\x00]+(\d+)[ \t\r\n\f\x00]+R(?![^ \t\r\n\f\x00()<>\[\]{}/%])")
_NAME = re.compile(rb"/[^ \t\r\n\f\x00()<>\[\]{}/%]*")
_KEYWORD = re.compile(rb"[A-Za-z]+")
_HEX = re.compile(rb"<([0-9A-Fa-f \t\r\n\f\x00]*)>")
_OBJ = re.compile(rb"(\d+)[ \t\r\n\f\x00]+(\d+)[ \t\r\n\f\x00]+obj")


#: Longer integers are not PDF (its limits are far smaller); Python's ``int()`` would raise a
#: plain ValueError past 4300 digits, and a hostile file must only ever raise PdfSyntaxError.
_MAX_DIGITS = 32


def _int(token: bytes) -> int:
    """An integer token as ``int``; PdfSyntaxError when it is absurdly long."""
    if len(token.lstrip(b"+-")) > _MAX_DIGITS:
        raise PdfSyntaxError("number too long")
    return int(token)


def _skip(data: bytes, pos: int) -> int:
    match = _SKIP.match(data, pos)
    return match.end() if match else pos


def parse_value(data: bytes, pos: int, depth: int = 0) -> tuple[Value, int]:
    """Parse the value starting at ``pos`` (after whitespace); return it and the end offset."""
    if depth > _MAX_DEPTH:
        raise PdfSyntaxError("nested too deeply")
    pos = _skip(data, pos)
    if pos >= len(data):
        raise PdfSyntaxError("unexpected end of data")
    if data[pos : pos + 2] == b"<<":
        return _parse_dict(data, pos + 2, depth)
    if data[pos : pos + 1] == b"[":
        return _parse_array(data, pos + 1, depth)
    return _parse_scalar(data, pos)


def _parse_array(data: bytes, pos: int, depth: int) -> tuple[list[Value], int]:
    items: list[Value] = []
    while True:
        pos = _skip(data, pos)
        if data[pos : pos + 1] == b"]":
            return items, pos + 1
        item, pos = parse_value(data, pos, depth + 1)
        items.append(item)


def _parse_scalar(data: bytes, pos: int) -> tuple[Value, int]:
    """A name, string, number, reference or keyword at ``pos``."""
    char = data[pos : pos + 1]
    if char == b"/":
        match = _NAME.match(data, pos)
        assert match is not None  # a slash always matches
        return Name(match.group()[1:].decode("latin-1")), match.end()
    if char == b"(":
        end = _literal_end(data, pos)
        return Raw(data[pos:end]), end
    if char == b"<":
        hex_match = _HEX.match(data, pos)
        if hex_match is None:
            raise PdfSyntaxError(f"bad hex string at {pos}")
        return Hex(hex_match.group(1)), hex_match.end()
    number = _NUMBER.match(data, pos)
    if number is not None:
        token = number.group()
        if not token.lstrip(b"+-").isdigit():
            return Raw(token), number.end()
        ref = _REF_TAIL.match(data, number.end())
        if ref is not None:
            return Ref(_int(token), _int(ref.group(1))), ref.end()
        return _int(token), number.end()
    keyword = _KEYWORD.match(data, pos)
    if keyword is not None and keyword.group() in (b"true", b"false", b"null"):
        return Raw(keyword.group()), keyword.end()
    raise PdfSyntaxError(f"unexpected byte at {pos}")


def _parse_dict(data: bytes, pos: int, depth: int) -> tuple[dict[str, Value], int]:
    result: dict[str, Value] = {}
    while True:
        pos = _skip(data, pos)
        if data[pos : pos + 2] == b">>":
            return result, pos + 2
        key, pos = parse_value(data, pos, depth + 1)
        if not isinstance(key, Name):
            raise PdfSyntaxError(f"dictionary key is not a name at {pos}")
        value, pos = parse_value(data, pos, depth + 1)
        result[str(key)] = value


def _literal_end(data: bytes, pos: int) -> int:
    """Offset just after the literal string opening at ``pos`` (balanced parentheses)."""
    level = 0
    i = pos
    while i < len(data):
        byte = data[i]
        if byte == 0x5C:  # backslash: the next byte is escaped
            i += 2
            continue
        if byte == 0x28:
            level += 1
        elif byte == 0x29:
            level -= 1
            if level == 0:
                return i + 1
        i += 1
    raise PdfSyntaxError("unterminated string")


def decode_literal(raw: bytes) -> bytes:
    """The bytes of a literal string token ``(…)`` with its escapes resolved."""
    body = raw[1:-1]
    out = bytearray()
    i = 0
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
    while i < len(body):
        char = body[i : i + 1]
        if char != b"\\":
            out += char
            i += 1
            continue
        following = body[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(), 8) & 0xFF)
            i += 1 + len(octal.group())
        elif following in (b"\r", b"\n"):  # a line continuation
            i += 3 if body[i + 1 : i + 3] == b"\r\n" else 2
        else:
            out += escapes.get(following, following)
            i += 2
    return bytes(out)


def text_string(value: str) -> bytes:
    """A PDF text string token: a literal for printable ASCII, else UTF-16BE with BOM (hex)."""
    if all(32 <= ord(c) < 127 for c in value):
        escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        return b"(" + escaped.encode("ascii") + b")"
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def dump(value: Value) -> bytes:
    """Serialise a parsed value (what ``parse_value`` gives) back to PDF syntax."""
    if isinstance(value, bool):  # pragma: no cover - parse_value never makes one
        raise TypeError("use Raw(b'true')")
    if isinstance(value, int):
        return str(value).encode("ascii")
    if isinstance(value, Name):
        return b"/" + value.encode("latin-1")
    if isinstance(value, Hex):
        return b"<" + bytes(value) + b">"
    if isinstance(value, Raw):
        return bytes(value)
    if isinstance(value, Ref):
        return f"{value.num} {value.gen} R".encode("ascii")
    if isinstance(value, list):
        return b"[ " + b" ".join(dump(v) for v in value) + b" ]"
    if isinstance(value, dict):
        body = b"".join(_entry(k, v) for k, v in value.items())
        return b"<<\n" + body + b">>"
    raise TypeError(f"not a PDF value: {type(value).__name__}")


def _entry(key: str, value: Value) -> bytes:
    return b"/" + key.encode("latin-1") + b" " + dump(value) + b"\n"


def parse_object_at(data: bytes, offset: int) -> tuple[int, int, Value]:
    """Parse ``num gen obj <value>`` at ``offset``; return number, generation and value."""
    match = _OBJ.match(data, _skip(data, offset))
    if match is None:
        raise PdfSyntaxError(f"no object at {offset}")
    value, _ = parse_value(data, match.end())
    return _int(match.group(1)), _int(match.group(2)), value


_STARTXREF = re.compile(rb"startxref[ \t\r\n\f\x00]+(\d+)[ \t\r\n\f\x00]+%%EOF[ \t\r\n\f\x00]*\Z")
_SUBSECTION = re.compile(rb"(\d+)[ \t]+(\d+)[ \t]*\r?\n")
_ENTRY = re.compile(rb"(\d{10})[ ](\d{5})[ ]([nf])[ \r\n]{2}")


@dataclass
class Document:
    """A PDF with classic cross-reference tables: the newest offset of every object."""

    data: bytes
    offsets: dict[int, int]
    trailer: dict[str, Value]
    startxref: int

    @classmethod
    def read(cls, data: bytes) -> Document:
        """Read the cross-reference chain from the end of ``data`` (``PdfSyntaxError`` if it
        is not classic xref tables that point at objects)."""
        tail = _STARTXREF.search(data, max(0, len(data) - 1024))
        if tail is None:
            raise PdfSyntaxError("no startxref at the end")
        start = int(tail.group(1))
        offsets: dict[int, int] = {}
        trailer: dict[str, Value] | None = None
        position: int | None = start
        seen: set[int] = set()
        while position is not None:
            if position in seen or len(seen) > 256 or not 0 <= position < len(data):
                raise PdfSyntaxError("bad /Prev chain")
            seen.add(position)
            section, older = _read_section(data, position)
            for num, offset in section.items():
                offsets.setdefault(num, offset)
            trailer = trailer if trailer is not None else older
            prev = older.get("Prev")
            position = prev if isinstance(prev, int) else None
        assert trailer is not None
        return cls(data=data, offsets=offsets, trailer=trailer, startxref=start)

    def get(self, value: Value) -> Value:
        """Resolve ``value`` if it is a reference (to the object's value), else return it."""
        if not isinstance(value, Ref):
            return value
        offset = self.offsets.get(value.num)
        if offset is None:
            raise PdfSyntaxError(f"object {value.num} is not in the xref")
        num, _, resolved = parse_object_at(self.data, offset)
        if num != value.num:
            raise PdfSyntaxError(f"xref points object {value.num} at object {num}")
        return resolved

    def dictionary(self, value: Value) -> dict[str, Value]:
        """Resolve ``value`` and require a dictionary."""
        resolved = self.get(value)
        if not isinstance(resolved, dict):
            raise PdfSyntaxError("expected a dictionary")
        return resolved

    def page_refs(self) -> list[Ref]:
        """Every page of the document in order (walks /Root /Pages /Kids)."""
        root = self.dictionary(self.trailer.get("Root", 0))
        pages: list[Ref] = []
        self._kids(root.get("Pages", 0), pages, 0)
        return pages

    def _kids(self, node: Value, pages: list[Ref], depth: int) -> None:
        if depth > 32 or not isinstance(node, Ref):
            raise PdfSyntaxError("bad page tree")
        found = self.dictionary(node)
        if found.get("Type") == "Page":
            pages.append(node)
            return
        kids = self.get(found.get("Kids", 0))
        if not isinstance(kids, list):
            raise PdfSyntaxError("page tree without /Kids")
        for kid in kids:
            self._kids(kid, pages, depth + 1)


def _read_section(data: bytes, position: int) -> tuple[dict[int, int], dict[str, Value]]:
    """One classic ``xref`` section and its trailer dictionary."""
    pos = _skip(data, position)
    if data[pos : pos + 4] != b"xref":
        raise PdfSyntaxError("not a classic xref table (xref streams are not supported)")
    pos = _skip(data, pos + 4)
    offsets: dict[int, int] = {}
    while (sub := _SUBSECTION.match(data, pos)) is not None:
        first, count = _int(sub.group(1)), _int(sub.group(2))
        pos = sub.end()
        for num in range(first, first + count):
            entry = _ENTRY.match(data, pos)
            if entry is None:
                raise PdfSyntaxError(f"bad xref entry at {pos}")
            if entry.group(3) == b"n":
                offsets[num] = int(entry.group(1))
            pos = entry.end()
        pos = _skip(data, pos)
    if data[pos : pos + 7] != b"trailer":
        raise PdfSyntaxError("no trailer after the xref table")
    trailer, _ = parse_value(data, pos + 7)
    if not isinstance(trailer, dict):
        raise PdfSyntaxError("trailer is not a dictionary")
    return offsets, trailer
