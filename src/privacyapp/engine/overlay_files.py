"""Reading municipal overlay files, with located diagnostics (the YAML side of overlays).

``flows/_overlays/<GMxxxx>.yaml`` holds one municipality's overrides of adaptable parts of
national flows; ``flows/_overlays/_bases/<flow-id>@<hash16>.json`` keeps each national flow an
overlay is pinned to, so a municipality can keep its old base while a conflict is open. The
format and the rules are in ``docs/overlays.md``; the resolution in
``privacyapp.engine.overlays``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from privacyapp.engine._document import YMap, YNode, YScalar, parse_document
from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity, did_you_mean
from privacyapp.engine.errors import ContentInvalid
from privacyapp.engine.model import Flow, Node
from privacyapp.engine.overlays import (
    ADAPTABLE_FIELDS,
    MUNICIPALITY_CODE,
    MunicipalFlow,
    MunicipalOverlay,
    OverlayEntry,
    Pin,
    flow_hash,
    resolve,
)

__all__ = [
    "BASES_DIR",
    "OVERLAYS_DIR",
    "OverlayFile",
    "OverlaySet",
    "base_file_name",
    "base_json",
    "load_overlays",
]

OVERLAYS_DIR = "_overlays"
BASES_DIR = "_bases"
_CODE = re.compile(MUNICIPALITY_CODE)
_HASH = re.compile(r"^[0-9a-f]{64}$")
_TOP_FIELDS = ("schema", "municipality", "name", "flows")
_NODE = TypeAdapter(Node)


def base_file_name(flow_id: str, pin_hash: str) -> str:
    """The file that keeps a pinned national flow: ``<flow-id>@<first 16 of the hash>.json``."""
    return f"{flow_id}@{pin_hash[:16]}.json"


def base_json(flow: Flow) -> str:
    """A national flow as kept for overlays (canonical JSON, one trailing newline)."""
    data = flow.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


@dataclass(frozen=True)
class OverlayFile:
    """One municipality's overlay file as read (entries that passed their checks)."""

    code: str
    name: str
    path: str
    entries: dict[str, OverlayEntry]


@dataclass
class OverlaySet:
    """Every overlay under a content root: the files, the kept bases, the resolved overlays."""

    files: dict[str, OverlayFile] = field(default_factory=dict)
    bases: dict[tuple[str, str], Flow] = field(default_factory=dict)
    resolved: list[MunicipalOverlay] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def base(self, flow_id: str, pin_hash: str) -> Flow | None:
        return self.bases.get((flow_id, pin_hash))


@dataclass
class _Reader:
    flows: Mapping[str, Flow]
    display: Callable[[Path], str]
    out: OverlaySet = field(default_factory=OverlaySet)

    def error(self, loc: Loc, code: str, message: str, hint: str | None = None) -> None:
        self.out.diagnostics.append(Diagnostic.at(loc, Severity.ERROR, code, message, hint))

    def read_bases(self, folder: Path) -> None:
        for path in sorted(folder.glob("*.json")):
            shown = Loc(self.display(path))
            try:
                flow = Flow.model_validate(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError, ValidationError) as exc:
                self.error(shown, "overlay-base", f"cannot read this kept base: {exc}")
                continue
            pin = flow_hash(flow)
            if path.name != base_file_name(flow.id, pin):
                self.error(
                    shown,
                    "overlay-base",
                    "this kept base does not match its name: it was changed after it was kept",
                    f'restore it from history, or rename it to "{base_file_name(flow.id, pin)}"',
                )
                continue
            self.out.bases[(flow.id, pin)] = flow

    def read(self, path: Path) -> None:
        shown = self.display(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.error(Loc(shown), "unreadable", f"cannot read the file: {exc}")
            return
        document, problems = parse_document(text, shown)
        self.out.diagnostics.extend(problems)
        if document is None:
            return
        if not isinstance(document, YMap):
            self.error(document.loc, "schema", "an overlay file should be a mapping of fields")
            return
        code = self.header(document, path)
        if code is None:
            return
        name = _scalar(document.get("name"))
        if not name:
            self.error(
                document.key_loc("name"), "schema", 'an overlay needs the municipality\'s "name"'
            )
            name = code
        flows = document.get("flows")
        entries: dict[str, OverlayEntry] = {}
        if not isinstance(flows, YMap):
            self.error(
                document.key_loc("flows"),
                "schema",
                'an overlay needs "flows": a mapping from flow id to its local parts',
            )
        else:
            for flow_id, body in flows.entries.items():
                entry = self.entry(flows.key_loc(flow_id), flow_id, body)
                if entry is not None:
                    entries[flow_id] = entry
        self.out.files[code] = OverlayFile(code, name, shown, entries)

    def header(self, document: YMap, path: Path) -> str | None:
        """The municipality code of a file whose top fields are in order (None: refused)."""
        for key in document.entries:
            if key not in _TOP_FIELDS:
                self.error(
                    document.key_loc(key),
                    "schema",
                    f'unknown field "{key}" in an overlay file',
                    did_you_mean(key, _TOP_FIELDS, fallback=f"use {', '.join(_TOP_FIELDS)}"),
                )
        schema = _scalar(document.get("schema"))
        if schema != "1":
            self.error(document.key_loc("schema"), "schema", 'an overlay file needs "schema: 1"')
        code = _scalar(document.get("municipality"))
        if code is None or not _CODE.match(code):
            self.error(
                document.key_loc("municipality"),
                "schema",
                '"municipality" should be a CBS gemeentecode such as GM0363',
                "look the code up in the municipality directory (privacyapp gemeenten)",
            )
            return None
        if path.stem != code:
            self.error(
                document.key_loc("municipality"),
                "overlay-file-name",
                f'the overlay of {code} is in "{path.name}"',
                f'name the file "{code}.yaml" (one file per municipality)',
            )
        if code in self.out.files:
            self.error(
                document.key_loc("municipality"),
                "duplicate-id",
                f"{code} already has an overlay in {self.out.files[code].path}",
                "keep one file per municipality",
            )
            return None
        return code

    def entry(self, where: Loc, flow_id: str, body: YNode) -> OverlayEntry | None:
        national = self.flows.get(flow_id)
        if national is None:
            self.error(
                where,
                "unknown-flow",
                f'the overlay adapts "{flow_id}", which is not a flow',
                did_you_mean(flow_id, self.flows, fallback="remove it from the overlay"),
            )
            return None
        if not isinstance(body, YMap):
            self.error(body.loc, "schema", f'"{flow_id}" should be a mapping (based_on, nodes)')
            return None
        ok = True
        for key in body.entries:
            if key not in ("based_on", "nodes"):
                ok = False
                self.error(
                    body.key_loc(key),
                    "schema",
                    f'unknown field "{key}" in the overlay of "{flow_id}"',
                    did_you_mean(key, ("based_on", "nodes"), fallback="use based_on and nodes"),
                )
        pinned = self.pin(body, flow_id, national)
        if pinned is None:
            return None
        pin, on = pinned
        nodes = body.get("nodes")
        overrides: dict[str, dict[str, Any]] = {}
        if nodes is not None and not isinstance(nodes, YMap):
            self.error(nodes.loc, "schema", '"nodes" should map node ids to the local fields')
            return None
        for node_id, fields in (nodes.entries if isinstance(nodes, YMap) else {}).items():
            assert isinstance(nodes, YMap)
            local = self.node(nodes.key_loc(node_id), on, node_id, fields)
            if local is None:
                ok = False
            elif local:
                overrides[node_id] = local
        if not ok:
            return None
        entry = OverlayEntry(based_on=pin, nodes=overrides)
        return entry

    def pin(self, body: YMap, flow_id: str, national: Flow) -> tuple[Pin, Flow] | None:
        """The entry's pin and the national flow it names (current or kept)."""
        based = body.get("based_on")
        where = body.key_loc("based_on") if based is not None else body.loc
        hint = "the studio writes based_on when a municipality first adapts a flow"
        if not isinstance(based, YMap):
            self.error(
                where,
                "overlay-pin",
                f'the overlay of "{flow_id}" needs based_on: {{version, hash}} of the national '
                "flow it was made on",
                hint,
            )
            return None
        version, pin_hash = _scalar(based.get("version")), _scalar(based.get("hash"))
        if pin_hash is None or not _HASH.match(pin_hash):
            self.error(
                based.key_loc("hash"),
                "overlay-pin",
                "based_on.hash should be the 64-character content hash of the national flow",
                hint,
            )
            return None
        current = flow_hash(national)
        on = national if pin_hash == current else self.out.base(flow_id, pin_hash)
        if on is None:
            self.error(
                based.key_loc("hash"),
                "overlay-pin",
                f'the overlay of "{flow_id}" is pinned to a version that is neither the '
                "current national flow nor kept",
                f"keep that version as {OVERLAYS_DIR}/{BASES_DIR}/"
                f"{base_file_name(flow_id, pin_hash)}, or pin to the current version "
                f"(hash {current})",
            )
            return None
        if version != on.version:
            self.error(
                based.key_loc("version"),
                "overlay-pin",
                f'based_on.version is "{version}", but the pinned flow has version "{on.version}"',
                "the version and the hash must name the same national flow",
            )
            return None
        return Pin(version=on.version, hash=pin_hash), on

    def node(self, where: Loc, on: Flow, node_id: str, fields: YNode) -> dict[str, Any] | None:
        """The local fields of one node, checked against the flow it is pinned to."""
        target = on.nodes.get(node_id)
        if target is None:
            self.error(
                where,
                "unknown-node",
                f'the overlay adapts "{node_id}", which is not a node of "{on.id}"',
                did_you_mean(node_id, on.nodes, fallback="use the id of a node of the flow"),
            )
            return None
        if not isinstance(fields, YMap):
            self.error(fields.loc, "schema", f'"{node_id}" should map field names to local text')
            return None
        allowed = ADAPTABLE_FIELDS[target.type]
        marked = set() if target.locked else set(target.adaptable or ())
        ok = True
        local: dict[str, Any] = {}
        for name, value in fields.entries.items():
            key = fields.key_loc(name)
            if target.locked:
                why = f'"{node_id}" is locked by the national editors'
            elif name not in allowed:
                why = (
                    f'"{name}" of a {target.type} step can never be adapted locally (the route, '
                    "the conclusion and the legal sources stay national)"
                )
            elif name not in marked:
                why = f'"{node_id}.{name}" is not marked adaptable in "{on.id}"'
            else:
                local[name] = value.plain()
                continue
            ok = False
            hint = (
                f"adaptable here: {', '.join(sorted(marked & allowed))}"
                if marked & allowed
                else "ask the national editors to mark it adaptable, or remove the override"
            )
            self.error(key, "overlay-locked", why, hint)
        if not ok:
            return None
        data = {**target.model_dump(mode="json", exclude_none=True), **local}
        try:
            _NODE.validate_python(data)
        except ValidationError as exc:
            for problem in exc.errors():
                path = [p for p in problem["loc"] if p not in ADAPTABLE_FIELDS]
                at = next((str(p) for p in path if str(p) in local), None)
                loc = fields.key_loc(at) if at else where
                self.error(loc, "schema", f"{problem['msg']} (at {'.'.join(map(str, path))})")
            return None
        return local


def _scalar(node: YNode | None) -> str | None:
    return node.value if isinstance(node, YScalar) else None


def load_overlays(
    root: Path, flows: Mapping[str, Flow], display: Callable[[Path], str]
) -> OverlaySet:
    """Read and check every overlay under ``root/_overlays`` and resolve it.

    ``flows`` are the national flows (resolved) by id. Problems are in ``diagnostics``, each at
    its place; an entry with a problem is left out of the resolved overlay (so the municipality
    sees the national text there).
    """
    reader = _Reader(flows, display)
    folder = root / OVERLAYS_DIR
    if not folder.is_dir():
        return reader.out
    reader.read_bases(folder / BASES_DIR)
    for path in sorted(folder.glob("*.y*ml")):
        if path.suffix in (".yaml", ".yml"):
            reader.read(path)
    for code, file in sorted(reader.out.files.items()):
        resolved: dict[str, MunicipalFlow] = {}
        for flow_id, entry in file.entries.items():
            national = flows[flow_id]
            try:
                resolved[flow_id] = resolve(
                    national, entry, reader.out.base(flow_id, entry.based_on.hash)
                )
            except ContentInvalid as exc:
                reader.error(Loc(file.path), "overlay-conflict", str(exc))
        reader.out.resolved.append(MunicipalOverlay(code=code, name=file.name, flows=resolved))
    return reader.out
