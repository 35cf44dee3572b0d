"""Municipal overlays in the studio: what a gemeenteredacteur sees, may change and resolves.

The rules (enforced here, for the web UI and the CLI alike):

- a gemeenteredacteur is bound to one municipality and saves only that municipality's overlay
  file (``flows/_overlays/<GMxxxx>.yaml``); the kept national bases it needs are written by the
  studio itself;
- only parts the national flow marks adaptable can be overridden (the engine's own overlay
  checks decide: a locked, unmarked or unknown part is refused, nothing is saved);
- a pin (``based_on``) is never written by hand: an entry keeps the pin it has, or is pinned to
  the current national flow; when the national flow changed a part the overlay overrides,
  the studio shows the conflict ("Landelijke versie gewijzigd") and the editor keeps or takes
  each part; only then does the pin move.

Pure functions over :class:`~privacyapp.studio.core.StudioCore`; ``service.Studio`` calls them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from privacyapp.engine import Flow, load_flows
from privacyapp.engine._document import YMap, parse_document
from privacyapp.engine.overlay_files import (
    BASES_DIR,
    OVERLAYS_DIR,
    OverlaySet,
    base_file_name,
    base_json,
    load_overlays,
)
from privacyapp.engine.overlays import (
    OverlayEntry,
    Part,
    PartState,
    adaptable_fields,
    compare,
    flow_hash,
    part_value,
)
from privacyapp.studio.core import StudioCore
from privacyapp.studio.diff import FIELD_NAMES
from privacyapp.studio.errors import InvalidInput, NotAllowed, NotFound
from privacyapp.studio.model import User

__all__ = [
    "FlowOverlay",
    "OverlayPart",
    "OverlayView",
    "municipal_paths",
    "overlay_path",
    "resolved_text",
    "text_with_part",
    "value_from_text",
    "value_to_text",
    "view",
]

Choice = Literal["keep", "take"]
_REFUSED = {"overlay-locked", "unknown-node", "unknown-flow", "overlay-pin", "overlay-file-name"}
FIELD_NAMES_LOCAL = {**FIELD_NAMES, "contacts": "contactgegevens", "links": "extra links"}


def overlay_path(core: StudioCore, code: str) -> str:
    """The overlay file of a municipality in the repository (``flows/_overlays/GM0363.yaml``)."""
    return f"{core.repo.content_dir}/{OVERLAYS_DIR}/{code}.yaml"


def _base_path(core: StudioCore, flow: Flow) -> str:
    name = base_file_name(flow.id, flow_hash(flow))
    return f"{core.repo.content_dir}/{OVERLAYS_DIR}/{BASES_DIR}/{name}"


@dataclass(frozen=True)
class _State:
    flows: Mapping[str, Flow]
    overlays: OverlaySet


def _load(core: StudioCore, commit: str, replace: Mapping[str, str | None] | None = None) -> _State:
    """The national flows and the overlays of a version (with some files replaced)."""
    with tempfile.TemporaryDirectory(prefix="studio-overlay-") as tmp:
        base = Path(tmp)
        root = core.repo.export(commit, base)
        for path, text in (replace or {}).items():
            target = base / path
            if text is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
        loaded = load_flows(
            [root / p.name for p in root.iterdir() if p.is_dir() and p.name != OVERLAYS_DIR],
            registry=root / "registry.yaml",
            root=root,
            display_base=base,
        )
        flows = dict(loaded.partial.flows) if loaded.partial is not None else {}
        found = load_overlays(root, flows, lambda p: p.relative_to(base).as_posix())
    return _State(flows, found)


def _plain(text: str | None, path: str) -> dict[str, Any]:
    if not text:
        return {}
    document, _ = parse_document(text, path)
    return document.plain() if isinstance(document, YMap) else {}


def _dump(data: Mapping[str, Any]) -> str:
    return yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=96)


# ---------------------------------------------------------------- what the editor sees


@dataclass(frozen=True)
class OverlayPart:
    """One adaptable part of a flow for one municipality."""

    node: str
    field: str
    #: "Uitleg lokale-stap: tekst" (in editors' words).
    label: str
    national: Any
    local: Any = None
    #: "inherited" (follows the national text), "local" or "conflict".
    status: str = "inherited"
    #: For a conflict: the national value the local text was written for.
    base: Any = None
    reason: str = ""

    @property
    def name(self) -> str:
        return f"{self.node}.{self.field}"


@dataclass(frozen=True)
class FlowOverlay:
    """One national flow with adaptable parts, as one municipality has it."""

    flow_id: str
    title: str
    national_version: str
    pinned_version: str | None
    parts: tuple[OverlayPart, ...]

    @property
    def conflicts(self) -> list[OverlayPart]:
        return [p for p in self.parts if p.status == "conflict"]

    @property
    def local(self) -> list[OverlayPart]:
        return [p for p in self.parts if p.status != "inherited"]


@dataclass(frozen=True)
class OverlayView:
    code: str
    name: str
    flows: tuple[FlowOverlay, ...]
    #: Problems the engine found in this municipality's overlay file.
    problems: tuple[str, ...] = ()

    def flow(self, flow_id: str) -> FlowOverlay:
        for item in self.flows:
            if item.flow_id == flow_id:
                return item
        raise NotFound(f"De vraag {flow_id} heeft geen delen die een gemeente mag aanpassen.")

    @property
    def conflicts(self) -> list[FlowOverlay]:
        return [f for f in self.flows if f.conflicts]


def municipality_name(code: str) -> str:
    """The municipality's name from the app's built-in list (the code when it is unknown)."""
    from privacyapp.opendata._store import load_snapshot

    try:
        found = {m.code: m.name for m in load_snapshot().municipalities}
    except Exception:  # noqa: BLE001 - a missing list only costs the name
        return code
    return found.get(code, code)


def _label(flow: Flow, node_id: str, field: str) -> str:
    from privacyapp.studio.diff import NODE_TYPES

    node = flow.nodes.get(node_id)
    kind = NODE_TYPES.get(node.type, "Stap") if node is not None else "Stap"
    return f"{kind} {node_id}: {FIELD_NAMES_LOCAL.get(field, field)}"


def view(core: StudioCore, commit: str, code: str) -> OverlayView:
    """Every national flow with adaptable parts, and what municipality ``code`` did with them."""
    state = _load(core, commit)
    file = state.overlays.files.get(code)
    entries = file.entries if file is not None else {}
    flows = []
    for flow_id, flow in sorted(state.flows.items(), key=lambda kv: kv[1].title.casefold()):
        adaptable = [
            Part(node=n, field=f)
            for n, node in flow.nodes.items()
            for f in node.adaptable or ()
            if f in adaptable_fields(node)
        ]
        entry = entries.get(flow_id)
        if not adaptable and entry is None:
            continue
        states: dict[str, PartState] = {}
        if entry is not None:
            base = state.overlays.base(flow_id, entry.based_on.hash)
            states = {s.part.name: s for s in compare(flow, entry, base)}
        parts = []
        for part in adaptable + [s.part for s in states.values() if s.part not in adaptable]:
            found = states.get(part.name)
            parts.append(
                OverlayPart(
                    part.node,
                    part.field,
                    _label(flow, part.node, part.field),
                    part_value(flow, part),
                    local=found.local if found else None,
                    status=found.status if found else "inherited",
                    base=found.base if found else None,
                    reason=found.reason if found else "",
                )  # fmt: skip
            )
        flows.append(
            FlowOverlay(
                flow_id,
                flow.title,
                flow.version,
                entry.based_on.version if entry else None,
                tuple(parts),
            )  # fmt: skip
        )
    path = overlay_path(core, code)
    problems = tuple(d.format() for d in state.overlays.diagnostics if d.path == path)
    return OverlayView(code, file.name if file else municipality_name(code), tuple(flows), problems)


# ---------------------------------------------------------------- changing the text


def _entries(text: str | None, path: str, code: str, name: str) -> dict[str, Any]:
    data = _plain(text, path)
    data.setdefault("schema", "1")
    data["municipality"] = code
    data.setdefault("name", name)
    flows = data.get("flows")
    data["flows"] = flows if isinstance(flows, dict) else {}
    return data


def text_with_part(
    core: StudioCore,
    commit: str,
    code: str,
    name: str,
    flow_id: str,
    node: str,
    field: str,
    value: Any,
) -> str:
    """The overlay text with one part set (``value``) or dropped (``None``).

    Raises:
        NotFound: the flow does not exist in this version.
        InvalidInput: the flow has open conflicts (resolve them first).
    """
    state = _load(core, commit)
    national = state.flows.get(flow_id)
    if national is None:
        raise NotFound(f"Er is geen vraag {flow_id} in dit voorstel.")
    path = overlay_path(core, code)
    data = _entries(core.repo.read_file(commit, path), path, code, name)
    entry = data["flows"].get(flow_id)
    entry = entry if isinstance(entry, dict) else {}
    current = state.overlays.files.get(code)
    known = current.entries.get(flow_id) if current is not None else None
    if known is not None:
        base = state.overlays.base(flow_id, known.based_on.hash)
        if any(s.status == "conflict" for s in compare(national, known, base)):
            raise InvalidInput(
                "De landelijke versie van deze vraag is gewijzigd. Kies eerst per deel of je je "
                "eigen tekst houdt of de landelijke overneemt."
            )
    found = entry.get("nodes")
    nodes: dict[str, Any] = found if isinstance(found, dict) else {}
    fields = dict(nodes.get(node) or {})
    if value is None:
        fields.pop(field, None)
    else:
        fields[field] = value
    nodes = {**nodes, node: fields}
    nodes = {k: v for k, v in nodes.items() if v}
    if nodes:
        pin = {"version": national.version, "hash": flow_hash(national)}
        data["flows"][flow_id] = {"based_on": pin, "nodes": nodes}
    else:
        data["flows"].pop(flow_id, None)
    return _dump(data)


def resolved_text(
    core: StudioCore,
    commit: str,
    code: str,
    flow_id: str,
    choices: Mapping[str, Choice],
) -> str:
    """The overlay text after the editor chose, per conflicting part, keep or take.

    Every conflicting part needs a choice; "take" drops the local text (the national text is
    shown), "keep" keeps it. The pin then moves to the current national flow.

    Raises:
        InvalidInput: a conflicting part has no choice, or a choice names another part.
    """
    state = _load(core, commit)
    file = state.overlays.files.get(code)
    entry: OverlayEntry | None = file.entries.get(flow_id) if file is not None else None
    national = state.flows.get(flow_id)
    if file is None or entry is None or national is None:
        raise NotFound(f"{code} heeft geen eigen tekst in de vraag {flow_id}.")
    states = compare(national, entry, state.overlays.base(flow_id, entry.based_on.hash))
    open_parts = {s.part.name: s for s in states if s.status == "conflict"}
    if not open_parts:
        raise InvalidInput("Er is niets op te lossen: de landelijke versie raakt je tekst niet.")
    missing = sorted(set(open_parts) - set(choices))
    extra = sorted(set(choices) - set(open_parts))
    if missing or extra:
        raise InvalidInput(
            "Kies voor elk gewijzigd deel of je je eigen tekst houdt of de landelijke overneemt"
            + (f"; nog niet gekozen: {', '.join(missing)}" if missing else "")
            + (f"; niet gewijzigd: {', '.join(extra)}" if extra else "")
            + "."
        )
    for name, choice in choices.items():
        if choice not in ("keep", "take"):
            raise InvalidInput(f'Kies "keep" of "take" voor {name}, niet "{choice}".')
        if choice == "keep" and open_parts[name].reason.startswith(("de landelijke vraag", '"')):
            raise InvalidInput(
                f"{name} kan niet lokaal blijven: {open_parts[name].reason}. Neem de landelijke "
                "tekst over."
            )
    nodes: dict[str, dict[str, Any]] = {}
    for node_id, fields in entry.nodes.items():
        kept = {f: v for f, v in fields.items() if choices.get(f"{node_id}.{f}", "keep") == "keep"}
        if kept:
            nodes[node_id] = kept
    path = overlay_path(core, code)
    data = _entries(core.repo.read_file(commit, path), path, code, file.name)
    if nodes:
        pin = {"version": national.version, "hash": flow_hash(national)}
        data["flows"][flow_id] = {"based_on": pin, "nodes": nodes}
    else:
        data["flows"].pop(flow_id, None)
    return _dump(data)


def municipal_paths(
    core: StudioCore, user: User, commit: str, paths: Mapping[str, str | None]
) -> dict[str, str | None]:
    """Check a gemeenteredacteur's save; returns the files to save (with the kept bases).

    Raises:
        NotAllowed: another file than the own overlay, a locked or unknown part, or a pin
            written by hand.
    """
    code = user.municipality
    if code is None:
        raise NotAllowed(
            "Je account hoort bij geen gemeente. Vraag de beheerder om je gemeente in te stellen."
        )
    own = overlay_path(core, code)
    others = sorted(p for p in paths if p != own)
    if others:
        raise NotAllowed(
            f"Als gemeenteredacteur pas je alleen de lokale tekst van {code} aan ({own}), "
            f"niet {', '.join(others)}. Vraag de landelijke redactie om die wijziging."
        )
    state = _load(core, commit, paths)
    problems = [d for d in state.overlays.diagnostics if d.path == own and d.code in _REFUSED]
    if problems:
        raise NotAllowed(
            "Dit mag je niet lokaal aanpassen: "
            + "; ".join(f"{d.message} (regel {d.line})" for d in problems)
            + ". Alleen delen die de landelijke redactie aanpasbaar maakte, kun je wijzigen.",
        )
    before = _load(core, commit).overlays.files.get(code)
    after = state.overlays.files.get(code)
    out = dict(paths)
    for flow_id, entry in (after.entries if after is not None else {}).items():
        national = state.flows[flow_id]
        old = before.entries.get(flow_id) if before is not None else None
        pin = entry.based_on.hash
        if pin != flow_hash(national) and (old is None or old.based_on.hash != pin):
            raise NotAllowed(
                f"De landelijke versie waarop {flow_id} is gebaseerd (based_on) zet de studio "
                "zelf. Laat based_on staan zoals het was."
            )
        kept = _base_path(core, national)
        if pin == flow_hash(national) and core.repo.read_file(commit, kept) is None:
            out[kept] = base_json(national)
    return out | _unpinned_bases(core, commit, state, out)


def _unpinned_bases(
    core: StudioCore, commit: str, state: _State, saving: Mapping[str, str | None]
) -> dict[str, None]:
    """The kept national flows that no municipality pins after this save (its pin moved on and
    no other overlay is on that version): they leave the repository with it (git history
    keeps every old one)."""
    pinned = {
        base_file_name(flow_id, entry.based_on.hash)
        for file in state.overlays.files.values()
        for flow_id, entry in file.entries.items()
    }
    folder = f"{core.repo.content_dir}/{OVERLAYS_DIR}/{BASES_DIR}/"
    return {
        path: None
        for path in core.repo.list_files(commit)
        if path.startswith(folder) and path not in saving and path[len(folder) :] not in pinned
    }


# ---------------------------------------------------------------- values as form text


def value_to_text(field: str, value: Any) -> str:
    """A part's value as the text a form shows (lists one item per line)."""
    if value is None:
        return ""
    if field == "contacts":
        return "\n".join(
            " | ".join(str(c.get(k, "")) for k in ("name", "phone", "email", "url")).rstrip(" |")
            for c in value
        )
    if field == "links":
        return "\n".join(f"{v.get('label', '')} | {v.get('url', '')}" for v in value)
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return str(value)


def value_from_text(field: str, text: str) -> Any:
    """A form's text as a part's value (None when empty: the part follows the national text).

    ``steps``: one step per line; ``contacts``: ``naam | telefoon | e-mail | website`` per line;
    ``links``: ``tekst | https://…`` per line.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if field == "steps":
        return lines
    if field == "contacts":
        contacts = []
        for line in lines:
            cells = [c.strip() for c in line.split("|")] + ["", "", "", ""]
            contact = {"name": cells[0]}
            for key, cell in zip(("phone", "email", "url"), cells[1:4], strict=True):
                if cell:
                    contact[key] = cell
            contacts.append(contact)
        return contacts
    if field == "links":
        links = []
        for line in lines:
            label, _, url = line.partition("|")
            links.append({"label": label.strip(), "url": url.strip()})
        return links
    return " ".join(text.split()) if field in ("title", "help") else text.strip()
