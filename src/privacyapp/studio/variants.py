"""Copy and variant: a new flow from an existing one, independent or inheriting.

- A **copy** is a new, independent flow: the source flow as the app shows it (fragments
  applied, variants expanded) written out in full, with its own id, as a draft without review.
  Later changes to the source do not reach it.
- A **variant** ``extends`` the source and overrides named parts: only what it overrides is in
  its file; everything else is inherited and follows the source (see ``docs/flow-format.md``).

:func:`variant_parts` says per node and metadata field what a variant inherits, overrides or
adds, for the studio's editor.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any, Literal

from ruamel.yaml import YAML

from privacyapp.engine import Flow
from privacyapp.engine._document import YMap, parse_document
from privacyapp.studio.errors import InvalidInput

__all__ = ["VariantPart", "copy_text", "variant_parts", "variant_text"]

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
#: Written by the studio, never inherited into a copy: it is a new flow that needs its review.
_DRAFT = {"status": "draft", "version": "0.1.0"}


def _check_id(new_id: str, existing: set[str]) -> str:
    new_id = new_id.strip()
    if not _ID.match(new_id):
        raise InvalidInput(
            "Kies een id van kleine letters, cijfers en streepjes, bijvoorbeeld "
            "jeugd-inzage-dossier-amsterdam."
        )
    if new_id in existing:
        raise InvalidInput(f"Er is al een vraag met id {new_id}. Kies een ander id.")
    return new_id


def _dump(data: dict[str, Any]) -> str:
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def copy_text(source: Flow, new_id: str, title: str | None, existing: set[str]) -> str:
    """The YAML of an independent copy of ``source`` (resolved, as a draft)."""
    new_id = _check_id(new_id, existing)
    data = source.model_dump(mode="json", exclude_none=True)
    data.pop("review", None)
    data.pop("extends", None)
    nodes = {}
    for node_id, node in data["nodes"].items():
        node.pop("id", None)
        node.pop("use", None)
        nodes[node_id] = node
    ordered: dict[str, Any] = {"schema": 1, "id": new_id}
    ordered.update({k: v for k, v in data.items() if k not in ("schema", "id", "nodes")})
    ordered.update(_DRAFT)
    if title:
        ordered["title"] = " ".join(title.split())
    ordered["nodes"] = nodes
    return _dump(ordered)


def variant_text(source: Flow, new_id: str, title: str | None, existing: set[str]) -> str:
    """The YAML of a new variant of ``source``: it overrides only its id, title and status."""
    new_id = _check_id(new_id, existing)
    data: dict[str, Any] = {
        "schema": 1,
        "id": new_id,
        "extends": source.id,
        "title": " ".join((title or f"{source.title} (variant)").split()),
        **_DRAFT,
        "nodes": {},
    }
    return _dump(data)


Status = Literal["inherited", "overridden", "replaced", "new"]


@dataclass(frozen=True)
class VariantPart:
    """A node (or ``""`` for the metadata) of a variant and what it does with its base."""

    node: str
    status: Status
    #: The fields the variant writes itself (for "overridden").
    fields: tuple[str, ...] = ()


def variant_parts(variant_text_: str, base: Flow) -> list[VariantPart]:
    """Per base node and new node: inherited, overridden (which fields), replaced, new.

    The first entry (``node=""``) lists the metadata fields the variant writes itself.
    """
    document, _ = parse_document(variant_text_, "variant.yaml")
    plain = document.plain() if isinstance(document, YMap) else {}
    own = plain.get("nodes") if isinstance(plain.get("nodes"), dict) else {}
    assert isinstance(own, dict)
    meta = tuple(k for k in plain if k not in ("schema", "nodes", "extends"))
    parts = [VariantPart("", "overridden" if meta else "inherited", meta)]
    for node_id, node in base.nodes.items():
        mine = own.get(node_id)
        if mine is None:
            parts.append(VariantPart(node_id, "inherited"))
        elif isinstance(mine, dict) and mine.get("type") not in (None, node.type):
            parts.append(VariantPart(node_id, "replaced", tuple(mine)))
        else:
            fields = tuple(mine) if isinstance(mine, dict) else ()
            parts.append(VariantPart(node_id, "overridden", fields))
    parts.extend(VariantPart(n, "new") for n in own if n not in base.nodes)
    return parts
