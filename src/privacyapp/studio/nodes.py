"""Editing one node of a flow file without touching the rest of the text (ruamel.yaml).

The editor's forms change fields of one node; these functions apply the change to the YAML text
and keep every comment, the key order and the layout of everything else (all shipped flow files
round-trip byte for byte). Adding, moving and deleting nodes keeps the flow's links whole: a
node that other nodes lead to cannot be deleted until those links point elsewhere.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from privacyapp.studio.errors import InvalidInput

__all__ = [
    "LAW_TEMPLATES",
    "NODE_TEMPLATES",
    "SECTIONS",
    "add_node",
    "delete_node",
    "links_to",
    "move_node",
    "node_fields",
    "node_ids",
    "section_of",
    "update_node",
]

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

#: A new node of each type, with the fields its form shows (the editor fills them in).
NODE_TEMPLATES: dict[str, dict[str, Any]] = {
    "question": {"type": "question", "text": "Nieuwe vraag?", "choices": []},
    "info": {"type": "info", "title": "Nieuwe uitleg", "text": "Schrijf hier de uitleg."},
    "checklist": {
        "type": "checklist", "title": "Nieuwe checklist", "items": [], "outcomes": [],
    },
    "advice": {
        "type": "advice", "title": "Nieuw advies", "steps": ["Schrijf hier de eerste stap."],
        "explanation": "Schrijf hier waarom.", "sources": [],
    },
}  # fmt: skip

#: A new law in the registry, per kind. The editor fills in its id (a BWB law without its
#: ``bwb`` id is an error the check reports, so it cannot be published half done).
LAW_TEMPLATES: dict[str, dict[str, Any]] = {
    "bwb": {"title": "Nieuwe wet", "kind": "bwb"},
    "eu": {"title": "Nieuwe Europese regel", "kind": "eu"},
    "bill": {"title": "Nieuw wetsvoorstel", "kind": "bill"},
    "code": {"title": "Nieuwe beroepscode", "kind": "code"},
}


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


#: The sections of a content file that hold named entries, and what one entry is called.
SECTIONS = {"nodes": "stap", "fragments": "bouwsteen", "laws": "wet"}


def section_of(path: str) -> str:
    """Which section a file's forms edit: a flow's nodes, a fragments file, the registry's laws."""
    if path.endswith("/registry.yaml") or path == "registry.yaml":
        return "laws"
    if "/_fragments/" in path:
        return "fragments"
    return "nodes"


def _load(text: str, section: str = "nodes") -> CommentedMap:
    try:
        document = _yaml().load(text)
    except YAMLError as exc:
        raise InvalidInput(
            f"Het bestand is nu geen geldige YAML ({exc.__class__.__name__}). Herstel het in "
            "het tabblad YAML; daarna werkt het formulier weer."
        ) from None
    if not isinstance(document, CommentedMap) or not isinstance(
        document.get(section), CommentedMap
    ):
        raise InvalidInput(
            f"Dit bestand heeft geen {section}. Open een vraagbestand, een bestand met "
            "bouwstenen of het register."
        )
    return document


def _dump(document: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(document, out)
    return out.getvalue()


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return None if value is None else str(value)


def node_ids(text: str, section: str = "nodes") -> list[str]:
    """The node ids of a flow file (or the entries of another section), in file order."""
    return [str(k) for k in _load(text, section)[section]]


def node_fields(text: str, node_id: str, section: str = "nodes") -> dict[str, Any]:
    """One node's fields as plain values (strings, lists, dicts)."""
    nodes = _load(text, section)[section]
    if node_id not in nodes:
        raise InvalidInput(f"De stap {node_id} staat niet in dit bestand.")
    plain = _plain(nodes[node_id])
    return plain if isinstance(plain, dict) else {}


def _new_value(value: Any) -> Any:
    """A plain value as ruamel data; short mappings in lists (sources, choices) in flow style."""
    if isinstance(value, Mapping):
        mapping = CommentedMap(
            (str(k), _new_value(v)) for k, v in value.items() if v not in (None, "")
        )
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(_new_value(v) for v in value)
        for item in seq:
            if isinstance(item, CommentedMap) and all(
                not isinstance(v, list) for v in item.values()
            ):
                item.fa.set_flow_style()
        return seq
    return value


def _merge_list(old: CommentedSeq, new: list[Any]) -> CommentedSeq:
    """A new list that reuses the old items it keeps (their quotes and layout stay)."""
    unused = list(old)
    seq = CommentedSeq()
    for value in new:
        match = next((o for o in unused if _same(o, value)), None)
        if match is not None:
            unused.remove(match)
            seq.append(match)
        else:
            item = _new_value(value)
            if isinstance(item, CommentedMap) and all(
                not isinstance(v, list) for v in item.values()
            ):
                item.fa.set_flow_style()
            seq.append(item)
    if old.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def _same(old: Any, new: Any) -> bool:
    return bool(_plain(old) == _plain(new))


def update_node(
    text: str, node_id: str, fields: Mapping[str, Any], *, section: str = "nodes"
) -> str:
    """The text with these fields of one node set (``None`` or ``""`` removes a field).

    Unchanged fields keep their exact text (quotes, flow style, comments).
    """
    document = _load(text, section)
    nodes = document[section]
    if node_id not in nodes:
        raise InvalidInput(f"De stap {node_id} staat niet in dit bestand.")
    node = nodes[node_id]
    for key, value in fields.items():
        if value is None or value == "" or value == []:
            if key in node and key not in ("type",):
                del node[key]
            continue
        if key in node and _same(node[key], value):
            continue
        current = node.get(key)
        if isinstance(current, CommentedSeq) and isinstance(value, list):
            node[key] = _merge_list(current, value)
        else:
            node[key] = _new_value(value)
    return _dump(document)


def links_to(text: str, node_id: str) -> list[str]:
    """The nodes (and ``start``) that lead to ``node_id``."""
    document = _load(text)
    found = ["start"] if document.get("start") == node_id else []
    for other, node in document["nodes"].items():
        if not isinstance(node, Mapping):
            continue
        targets = [node.get("next")]
        for key in ("choices", "outcomes"):
            targets += [c.get("next") for c in node.get(key) or [] if isinstance(c, Mapping)]
        if node_id in targets:
            found.append(str(other))
    return found


def add_node(
    text: str, node_id: str, kind: str, *, after: str | None = None, section: str = "nodes"
) -> str:
    """The text with a new node (from ``NODE_TEMPLATES``) after ``after`` (default: at the end).

    In the registry (``section="laws"``) the new entry is a law (``kind`` is its kind).
    """
    if not _ID.match(node_id):
        raise InvalidInput(
            "Een id is kleine letters, cijfers en streepjes, bijvoorbeeld advies-delen."
        )
    templates = LAW_TEMPLATES if section == "laws" else NODE_TEMPLATES
    if kind not in templates:
        raise InvalidInput(f"Kies een soort: {', '.join(templates)}.")
    document = _load(text, section)
    nodes = document[section]
    if node_id in nodes:
        raise InvalidInput(f"De stap {node_id} bestaat al. Kies een andere naam.")
    position = len(nodes)
    if after is not None and after in nodes:
        position = list(nodes).index(after) + 1
    nodes.insert(position, node_id, _new_value(templates[kind]))
    return _dump(document)


def move_node(text: str, node_id: str, offset: int, *, section: str = "nodes") -> str:
    """The text with one node moved up (``-1``) or down (``+1``) in the file."""
    document = _load(text, section)
    nodes = document[section]
    keys = list(nodes)
    if node_id not in keys:
        raise InvalidInput(f"De stap {node_id} staat niet in dit bestand.")
    index = keys.index(node_id)
    target = max(0, min(len(keys) - 1, index + offset))
    if target == index:
        return text
    value = nodes.pop(node_id)
    nodes.insert(target, node_id, value)
    return _dump(document)


def delete_node(text: str, node_id: str, *, section: str = "nodes") -> str:
    """The text without ``node_id``; refused while other nodes lead to it."""
    linked = links_to(text, node_id) if section == "nodes" else []
    if linked:
        raise InvalidInput(
            f"De stap {node_id} kan niet weg: {', '.join(linked)} leidt ernaartoe. "
            "Laat die eerst naar een andere stap gaan."
        )
    document = _load(text, section)
    if node_id not in document[section]:
        raise InvalidInput(f"De stap {node_id} staat niet in dit bestand.")
    del document[section][node_id]
    return _dump(document)
