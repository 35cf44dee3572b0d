"""A readable per-node diff of two versions of a content file, for reviewers.

``describe_file(path, old_text, new_text)`` compares the files as data (not as lines), node by
node, and says in editors' words what changed: "Advies gezin-ots: uitleg gewijzigd; bron
toegevoegd: Jeugdwet art. 7.3.8". Prose fields also get a word-by-word diff
(``word_diff``: kept, removed and added pieces) for marks in the UI. Pure functions, no I/O.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from privacyapp.engine._document import YMap, parse_document

__all__ = ["FieldChange", "FileDiff", "NodeDiff", "WordPiece", "describe_file", "word_diff"]

NODE_TYPES = {"question": "Vraag", "info": "Uitleg", "checklist": "Checklist", "advice": "Advies"}
FIELD_NAMES = {
    "title": "titel",
    "summary": "samenvatting",
    "text": "tekst",
    "help": "hulp",
    "intro": "inleiding",
    "steps": "stappen",
    "explanation": "uitleg",
    "sources": "bronnen",
    "actions": "acties",
    "choices": "keuzes",
    "items": "onderdelen",
    "outcomes": "uitkomsten",
    "next": "volgende stap",
    "tags": "zoekwoorden",
    "type": "soort",
    "use": "bouwsteen",
    "audience": "doelgroep",
    "situations": "situaties",
    "status": "status",
    "version": "versie",
    "owner": "eigenaar",
    "review": "beoordeling",
    "valid_from": "geldig vanaf",
    "start": "eerste stap",
    "sector": "sector",
    "extends": "variant van",
}
#: Fields shown with a word-by-word diff.
PROSE = {"title", "summary", "text", "help", "intro", "explanation"}

Kind = Literal["same", "removed", "added"]


@dataclass(frozen=True)
class WordPiece:
    """A piece of text in a word diff."""

    kind: Kind
    text: str


@dataclass(frozen=True)
class FieldChange:
    """One changed field of a node (or of the flow's metadata)."""

    field: str
    summary: str
    old: Any = None
    new: Any = None
    words: tuple[WordPiece, ...] = ()


@dataclass(frozen=True)
class NodeDiff:
    """What happened to one node: added, removed or changed (with the fields)."""

    node: str
    label: str
    change: Literal["added", "removed", "changed"]
    fields: tuple[FieldChange, ...] = ()

    def sentence(self) -> str:
        """E.g. ``Advies x: uitleg gewijzigd; bron toegevoegd: Jeugdwet art. 7.3.8``."""
        if self.change == "added":
            return f"{self.label} {self.node}: nieuw"
        if self.change == "removed":
            return f"{self.label} {self.node}: verwijderd"
        return f"{self.label} {self.node}: " + "; ".join(f.summary for f in self.fields)


@dataclass(frozen=True)
class FileDiff:
    """The diff of one file: metadata changes and node changes, or a plain-text fallback."""

    path: str
    change: Literal["added", "removed", "changed"]
    metadata: tuple[FieldChange, ...] = ()
    nodes: tuple[NodeDiff, ...] = ()
    #: When a version cannot be read as YAML: the changed lines instead.
    lines: tuple[str, ...] = ()
    extra: list[str] = field(default_factory=list)

    def sentences(self) -> list[str]:
        """Every change as a sentence (the file's own first)."""
        out: list[str] = []
        if self.change == "added":
            out.append(f"{self.path}: nieuw bestand")
        elif self.change == "removed":
            out.append(f"{self.path}: bestand verwijderd")
        if self.metadata:
            out.append("Gegevens van de vraag: " + "; ".join(f.summary for f in self.metadata))
        out.extend(n.sentence() for n in self.nodes)
        if self.lines:
            out.append(f"{self.path}: tekst gewijzigd ({len(self.lines)} regels)")
        return out


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> tuple[WordPiece, ...]:
    """Word-level pieces from ``old`` to ``new`` (spaces count as words, so joins are exact)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[WordPiece] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(WordPiece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(WordPiece("removed", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(WordPiece("added", "".join(b[j1:j2])))
    return tuple(pieces)


def _citation(source: Any, laws: dict[str, str]) -> str:
    if not isinstance(source, dict):
        return str(source)
    law = str(source.get("law", "?"))
    text = laws.get(law, law)
    if source.get("article"):
        text += f" art. {source['article']}"
        if source.get("paragraph"):
            text += f" lid {source['paragraph']}"
    return text


def _item_name(value: Any, key: str, laws: dict[str, str]) -> str:
    if key == "sources":
        return _citation(value, laws)
    if isinstance(value, dict):
        for name in ("label", "text", "id", "next"):
            if isinstance(value.get(name), str):
                return str(value[name])
    return str(value)


_ITEM_WORDS = {
    "sources": "bron",
    "steps": "stap",
    "actions": "actie",
    "choices": "keuze",
    "items": "onderdeel",
    "outcomes": "uitkomst",
    "help": "hulproute",
    "tags": "zoekwoord",
    "audience": "doelgroep",
    "situations": "situatie",
}


def _list_change(key: str, old: list[Any], new: list[Any], laws: dict[str, str]) -> str:
    word = _ITEM_WORDS.get(key, FIELD_NAMES.get(key, key))
    added = [v for v in new if v not in old]
    removed = [v for v in old if v not in new]
    parts = []
    if added:
        parts.append(f"{word} toegevoegd: " + ", ".join(_item_name(v, key, laws) for v in added))
    if removed:
        names = ", ".join(_item_name(v, key, laws) for v in removed)
        parts.append(f"{word} verwijderd: {names}")
    if not parts:
        parts.append(f"{FIELD_NAMES.get(key, key)}: volgorde gewijzigd")
    return "; ".join(parts)


def _field_changes(
    old: dict[str, Any], new: dict[str, Any], laws: dict[str, str]
) -> list[FieldChange]:
    changes = []
    for key in [*old, *(k for k in new if k not in old)]:
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        name = FIELD_NAMES.get(key, key)
        if before is None:
            summary = f"{name} toegevoegd"
        elif after is None:
            summary = f"{name} verwijderd"
        elif isinstance(before, list) and isinstance(after, list):
            summary = _list_change(key, before, after, laws)
        else:
            summary = f"{name} gewijzigd"
        words: tuple[WordPiece, ...] = ()
        if key in PROSE and isinstance(before, str) and isinstance(after, str):
            words = word_diff(before, after)
        changes.append(FieldChange(key, summary, before, after, words))
    return changes


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _plain(text: str | None, path: str) -> dict[str, Any] | None:
    if text is None:
        return None
    document, problems = parse_document(text, path)
    if document is None or not isinstance(document, YMap) or any(p.is_error for p in problems):
        return None
    return document.plain()


def describe_file(
    path: str, old_text: str | None, new_text: str | None, laws: dict[str, str] | None = None
) -> FileDiff:
    """The readable diff of one file (``None`` text: the file is absent in that version).

    ``laws`` maps law keys to their citation names ("jeugdwet" -> "Jeugdwet").
    """
    laws = laws or {}
    change: Literal["added", "removed", "changed"] = (
        "added" if old_text is None else "removed" if new_text is None else "changed"
    )
    old, new = _plain(old_text, path), _plain(new_text, path)
    if (
        not path.endswith(".yaml")  # a golden walk: its lines
        or (old is None and old_text is not None)
        or (new is None and new_text is not None)
    ):
        lines = [
            line
            for line in difflib.unified_diff(
                (old_text or "").splitlines(), (new_text or "").splitlines(), lineterm="", n=0
            )
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        return FileDiff(path, change, lines=tuple(lines))
    old, new = old or {}, new or {}
    old_nodes = _mapping(old.get("nodes"))
    new_nodes = _mapping(new.get("nodes"))
    meta_old = {k: v for k, v in old.items() if k != "nodes"}
    meta_new = {k: v for k, v in new.items() if k != "nodes"}
    metadata = _field_changes(meta_old, meta_new, laws) if change == "changed" else []
    nodes: list[NodeDiff] = []
    for node_id in [*old_nodes, *(k for k in new_nodes if k not in old_nodes)]:
        before, after = old_nodes.get(node_id), new_nodes.get(node_id)
        if before == after:
            continue
        body = after if isinstance(after, dict) else before
        kind = body.get("type") if isinstance(body, dict) else None
        label = NODE_TYPES.get(str(kind), "Stap")
        if before is None:
            nodes.append(NodeDiff(node_id, label, "added"))
        elif after is None:
            nodes.append(NodeDiff(node_id, label, "removed"))
        else:
            fields = _field_changes(
                before if isinstance(before, dict) else {},
                after if isinstance(after, dict) else {},
                laws,
            )
            nodes.append(NodeDiff(node_id, label, "changed", tuple(fields)))
    return FileDiff(path, change, tuple(metadata), tuple(nodes))
