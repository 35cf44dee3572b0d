"""YAML documents with a place for every value.

We compose YAML with PyYAML's *base* loader (C-accelerated when available): every scalar stays a
string, so a choice labelled ``nee`` or ``NO`` is never turned into ``False`` and ``1.10`` is not
``1.1``. We never construct Python objects from tags: any tag other than plain strings, mappings
and sequences is refused, as are aliases (reuse goes through fragments), and duplicate keys are
errors instead of "last one wins". Every value keeps its ``path:line:col`` for diagnostics.

Nesting is bounded before anything recursive runs: PyYAML's composer (C and Python) and our
converter recurse once per level, so ``[[[[…`` five hundred deep would be a RecursionError and
fifty thousand deep crashes the process. The event stream is read first (libyaml's parser keeps
its own stack, no recursion) and a document deeper than ``MAX_DEPTH`` gets a located
``yaml-too-deep`` error instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity

__all__ = ["MAX_DEPTH", "YMap", "YNode", "YScalar", "YSeq", "locate", "parse_document"]

#: Deepest nesting of lists and mappings a content file may have. The deepest real flow has 6
#: levels; 64 leaves room for any honest file and stays far below Python's recursion limit
#: (1000 frames; the converter uses about three per level, validation a few more).
MAX_DEPTH = 64

_BaseLoader: Any = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


@dataclass(slots=True)
class YScalar:
    """A scalar: always a string."""

    value: str
    loc: Loc

    def plain(self) -> str:
        """The Python value."""
        return self.value


@dataclass(slots=True)
class YSeq:
    """A sequence of located values."""

    items: tuple[YNode, ...]
    loc: Loc

    def plain(self) -> list[Any]:
        """The Python value."""
        return [item.plain() for item in self.items]


@dataclass(slots=True)
class YMap:
    """A mapping with string keys; ``key_locs`` holds where each key was written."""

    entries: dict[str, YNode]
    loc: Loc
    key_locs: dict[str, Loc] = field(default_factory=dict)

    def plain(self) -> dict[str, Any]:
        """The Python value."""
        return {key: value.plain() for key, value in self.entries.items()}

    def get(self, key: str) -> YNode | None:
        """The value at ``key`` or None."""
        return self.entries.get(key)

    def key_loc(self, key: str) -> Loc:
        """Where ``key`` is written (the map itself when the key is absent)."""
        return self.key_locs.get(key, self.loc)

    def replaced(self, updates: dict[str, YNode], update_locs: dict[str, Loc]) -> YMap:
        """A copy with whole fields replaced or added."""
        return YMap(
            {**self.entries, **updates},
            self.loc,
            {**self.key_locs, **update_locs},
        )

    def without(self, key: str) -> YMap:
        """A copy without ``key``."""
        entries = {k: v for k, v in self.entries.items() if k != key}
        locs = {k: v for k, v in self.key_locs.items() if k != key}
        return YMap(entries, self.loc, locs)

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)


YNode = YScalar | YSeq | YMap


def _loc(path: str, node: yaml.Node) -> Loc:
    mark = node.start_mark
    return Loc(path, mark.line + 1, mark.column + 1)


class _Converter:
    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[int] = set()

    def _error(self, node: yaml.Node, code: str, message: str, hint: str | None) -> None:
        self.diagnostics.append(
            Diagnostic.at(_loc(self.path, node), Severity.ERROR, code, message, hint)
        )

    def convert(self, node: yaml.Node) -> YNode:
        loc = _loc(self.path, node)
        if id(node) in self._seen:
            self._error(
                node, "yaml-alias", "aliases (*name) are not supported", "use a fragment instead"
            )
            return YScalar("", loc)
        self._seen.add(id(node))
        if node.tag not in (_STR, _SEQ, _MAP):
            self._error(
                node,
                "unsafe-tag",
                f'the tag "{node.tag}" is not allowed',
                "remove the tag: flows contain only text, lists and mappings",
            )
            return YScalar("", loc)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return YSeq(tuple(self.convert(item) for item in node.value), loc)
        return YScalar(str(node.value), loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> YMap:
        entries: dict[str, YNode] = {}
        key_locs: dict[str, Loc] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self._error(key_node, "bad-key", "a key must be plain text", None)
                continue
            key = str(key_node.value)
            if key in entries:
                first = key_locs[key]
                self._error(
                    key_node,
                    "duplicate-key",
                    f'the key "{key}" appears twice in this mapping',
                    f"the first one is on line {first.line}; keep one",
                )
                continue
            key_locs[key] = _loc(self.path, key_node)
            entries[key] = self.convert(value_node)
        return YMap(entries, loc, key_locs)


def _too_deep(text: str, path: str) -> Diagnostic | None:
    """A ``yaml-too-deep`` error where the nesting first passes ``MAX_DEPTH``, else None.

    Reads only events (no composing, no recursion). A syntax error found on the way is left to
    the composer, which reports it with its place.
    """
    loader = _BaseLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    where = Loc(path, mark.line + 1, mark.column + 1) if mark else Loc(path)
                    return Diagnostic.at(
                        where,
                        Severity.ERROR,
                        "yaml-too-deep",
                        f"the lists and mappings here are nested more than {MAX_DEPTH} levels deep",
                        "a flow needs only a few levels: look for brackets [ { that are never "
                        "closed, or indentation that keeps growing",
                    )
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return None


def parse_document(text: str, path: str) -> tuple[YNode | None, list[Diagnostic]]:
    """Parse one YAML document into located values.

    Returns the document (None when it could not be read) and every problem found.
    """
    deep = _too_deep(text, path)
    if deep is not None:
        return None, [deep]
    loader = _BaseLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(path, mark.line + 1, mark.column + 1) if mark is not None else Loc(path)
        message = exc.problem or exc.context or "the YAML cannot be read"
        hint = "check the indentation and the quotes around this spot"
        start = exc.context_mark
        if (
            exc.context
            and start is not None
            and (start.line + 1, start.column + 1) != (loc.line, loc.col)
        ):
            hint = f"{exc.context} that starts at line {start.line + 1}, column {start.column + 1}"
        return None, [Diagnostic.at(loc, Severity.ERROR, "yaml-syntax", message, hint)]
    except yaml.YAMLError as exc:
        return None, [Diagnostic.at(Loc(path), Severity.ERROR, "yaml-syntax", str(exc), None)]
    finally:
        loader.dispose()
    if node is None:
        return None, [
            Diagnostic.at(Loc(path), Severity.ERROR, "empty-file", "the file is empty", None)
        ]
    converter = _Converter(path)
    document = converter.convert(node)
    return document, converter.diagnostics


def locate(node: YNode, loc_path: tuple[str | int, ...], *, key: bool = False) -> Loc:
    """The place of ``loc_path`` (as pydantic reports it), as deep as the document goes.

    Path parts that match nothing, such as the union tag pydantic adds, are skipped; a missing key
    points at its mapping. With ``key=True`` a final key points at the key, not its value.
    """
    current = node
    last_key: Loc | None = None
    for part in loc_path:
        last_key = None
        if isinstance(current, YMap) and isinstance(part, str) and part in current.entries:
            last_key = current.key_loc(part)
            current = current.entries[part]
        elif isinstance(current, YSeq) and isinstance(part, int) and 0 <= part < len(current.items):
            current = current.items[part]
    if key and last_key is not None:
        return last_key
    return current.loc
