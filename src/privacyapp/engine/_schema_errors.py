"""Turn pydantic validation errors into diagnostics an editor can act on."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from privacyapp.engine._document import YMap, YNode, YSeq, locate
from privacyapp.engine.diagnostics import Diagnostic, Severity, did_you_mean

__all__ = ["field_names", "schema_diagnostics"]

_KINDS = {
    "tuple_type": "a list",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "string_type": "text",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "date_from_datetime_parsing": "a date like 2026-11-20",
    "date_parsing": "a date like 2026-11-20",
    "date_type": "a date like 2026-11-20",
    "enum": "yes, no or unknown",
}
_PATTERN_HINTS = {
    "id": "use lower-case letters, digits and hyphens, e.g. jeugd-inzage-dossier",
    "version": "use a version like 1.0.0 (and raise it on every change)",
    "bwb": "a BWB id is BWBR followed by 7 digits",
    "url": "links start with https://",
}


def field_names(*models: type[BaseModel]) -> frozenset[str]:
    """Every field name and alias of these models (for "did you mean" on unknown fields)."""
    names: set[str] = set()
    for model in models:
        for name, info in model.model_fields.items():
            names.add(info.alias or name)
    return frozenset(names)


def _field_path(doc: YNode, loc: tuple[str | int, ...]) -> str:
    """The readable path of the parts of ``loc`` that exist in the document."""
    parts: list[str] = []
    current: YNode = doc
    for part in loc:
        if isinstance(current, YMap) and isinstance(part, str) and part in current.entries:
            parts.append(part if not parts else f".{part}")
            current = current.entries[part]
        elif isinstance(current, YSeq) and isinstance(part, int) and 0 <= part < len(current.items):
            parts.append(f"[{part + 1}]")
            current = current.items[part]
        elif isinstance(part, str) and not parts:
            parts.append(part)
        elif isinstance(part, str) and part not in ("question", "info", "checklist", "advice"):
            parts.append(f".{part}")
    return "".join(parts) or "the file"


def _describe(err: Any, doc: YNode, known: frozenset[str]) -> tuple[str, str, str | None, bool]:
    """(code, message, hint, at_key) for one pydantic error."""
    loc: tuple[str | int, ...] = tuple(err["loc"])
    kind: str = err["type"]
    name = _field_path(doc, loc)
    last = str(loc[-1]) if loc else ""
    code = "bad-when" if "when" in loc else "schema"
    value = err.get("input")
    if kind == "extra_forbidden":
        return code, f'unknown field "{last}"', did_you_mean(last, known), True
    if kind == "missing":
        parent = _field_path(doc, loc[:-1]) if len(loc) > 1 else "the file"
        return code, f'{parent} is missing "{last}"', None, False
    if kind == "union_tag_invalid":
        tag = err.get("ctx", {}).get("tag", "")
        hint = did_you_mean(str(tag), ("question", "info", "checklist", "advice"))
        return code, f'"{tag}" is not a node type', hint or _NODE_TYPES, False
    if kind == "union_tag_not_found":
        return code, f'{name} has no "type"', _NODE_TYPES, False
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return code, f'{name}: "{value}" is not allowed here', f"use {expected}", False
    if kind == "string_pattern_mismatch":
        return (
            code,
            f'{name}: "{value}" does not have the right form',
            _PATTERN_HINTS.get(last),
            False,
        )
    if kind in ("too_short", "string_too_short"):
        return code, f"{name} is empty", "write at least one", False
    if kind == "value_error":
        message = str(err["msg"]).removeprefix("Value error, ")
        return code, f"{name}: {message}", None, False
    if kind in _KINDS:
        return code, f"{name} should be {_KINDS[kind]}", None, False
    return code, f"{name}: {err['msg']}", None, False


_NODE_TYPES = "a node's type is question, info, checklist or advice"


def schema_diagnostics(
    doc: YNode, exc: ValidationError, known_fields: frozenset[str]
) -> list[Diagnostic]:
    """One diagnostic per validation error, at the place it was written."""
    diagnostics = []
    for err in exc.errors(include_url=False):
        code, message, hint, at_key = _describe(err, doc, known_fields)
        loc = tuple(err["loc"])
        if err["type"] == "union_tag_invalid":
            loc = (*loc, "type")
        place = locate(doc, loc, key=at_key)
        diagnostics.append(Diagnostic.at(place, Severity.ERROR, code, message, hint))
    return diagnostics
