"""Municipal overlays: a municipality's own text for the adaptable parts of national flows.

A national flow marks, per node, which fields a municipality may adapt (``adaptable``); every
other part is locked, and some parts can never be adapted: a question's choices, where a step
leads, a checklist's items and outcomes, an advice's title (its conclusion), sources, help
routes and actions. ``locked: true`` locks a whole node.

An overlay (one file per municipality, ``flows/_overlays/<GMxxxx>.yaml``, read by
``privacyapp.engine.overlay_files``) gives, per flow, new values for adaptable parts, and is
pinned to the national flow it was made on (``based_on``: version and :func:`flow_hash`).
Resolving (:func:`resolve`):

- a part without an override follows the national text, also after national changes;
- when the national flow changed since the pin but none of the overridden parts did, the
  overrides apply to the new national flow;
- when a part the overlay overrides changed nationally (or is no longer adaptable, or is
  gone), that part is a *conflict*: the municipality keeps its whole old base (the national
  flow it pinned, kept in ``_overlays/_bases/``) with its overrides, until an editor resolves
  every conflict (keep the local text or take the national one) and moves the pin.

Plain typed Python without YAML: the app reads resolved overlays from the bundle.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from privacyapp.engine.errors import ContentInvalid
from privacyapp.engine.model import AdviceNode, ChecklistNode, Flow, InfoNode, QuestionNode

__all__ = [
    "ADAPTABLE_FIELDS",
    "MUNICIPALITY_CODE",
    "MunicipalFlow",
    "MunicipalOverlay",
    "OverlayEntry",
    "Part",
    "PartState",
    "Pin",
    "adaptable_fields",
    "compare",
    "flow_hash",
    "part_value",
    "resolve",
]

#: CBS gemeentecode as the Register van Overheidsorganisaties writes it: GM and four digits.
MUNICIPALITY_CODE = r"^GM\d{4}$"

#: The fields a national editor may mark adaptable, per node type. Everything else is locked:
#: the route through the flow, the conclusion (an advice's title), sources, help and actions.
ADAPTABLE_FIELDS: Mapping[str, frozenset[str]] = {
    "question": frozenset({"help"}),
    "info": frozenset({"title", "text"}),
    "checklist": frozenset({"intro"}),
    "advice": frozenset({"summary", "steps", "explanation", "contacts", "links"}),
}

AnyNode = QuestionNode | InfoNode | ChecklistNode | AdviceNode


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Part(_Model):
    """One adaptable part: a field of a node (``advies-delen.contacts``)."""

    node: str
    field: str

    @property
    def name(self) -> str:
        return f"{self.node}.{self.field}"


class Pin(_Model):
    """The national flow an overlay entry was made on."""

    version: str
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class OverlayEntry(_Model):
    """One flow in an overlay: the pin and the overridden parts (node -> field -> value)."""

    based_on: Pin
    nodes: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def parts(self) -> list[Part]:
        return [Part(node=n, field=f) for n, fields in self.nodes.items() for f in fields]


PartStatus = Literal["local", "conflict"]


class PartState(_Model):
    """One overridden part, seen three ways (for the studio's conflict screen)."""

    part: Part
    status: PartStatus
    #: The national value when the overlay was made (None: the field was empty or is unknown).
    base: Any = None
    #: The national value now (None: empty, or the node is gone).
    national: Any = None
    local: Any = None
    #: Why it is a conflict, in editors' words (empty when it is not).
    reason: str = ""


class MunicipalFlow(_Model):
    """A flow as one municipality shows it: the resolved flow and which parts are local."""

    flow: Flow
    local: tuple[str, ...] = ()
    based_on: Pin
    #: Parts whose national text changed since the pin: the flow is the old base until resolved.
    conflicts: tuple[str, ...] = ()

    def is_local(self, node: str, field: str) -> bool:
        return f"{node}.{field}" in self.local

    def local_nodes(self) -> set[str]:
        return {part.split(".", 1)[0] for part in self.local}


class MunicipalOverlay(_Model):
    """One municipality's resolved overlay, as the bundle carries it."""

    code: str = Field(pattern=MUNICIPALITY_CODE)
    name: str = Field(min_length=1)
    flows: dict[str, MunicipalFlow] = Field(default_factory=dict)


def flow_hash(flow: Flow) -> str:
    """SHA-256 of a resolved flow's canonical JSON: what an overlay is pinned to."""
    data = flow.model_dump(mode="json", exclude_none=True)
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def adaptable_fields(node: AnyNode) -> frozenset[str]:
    """The fields of this node a municipality may adapt (empty when locked or unmarked)."""
    if node.locked or not node.adaptable:
        return frozenset()
    return frozenset(node.adaptable) & ADAPTABLE_FIELDS[node.type]


def part_value(flow: Flow, part: Part) -> Any:
    """A part's value in a flow as plain JSON data (None when empty or absent)."""
    node = flow.nodes.get(part.node)
    if node is None:
        return None
    return node.model_dump(mode="json", exclude_none=True).get(part.field)


def _why(flow: Flow, part: Part) -> str | None:
    """Why ``part`` cannot be overridden in ``flow`` (None: it can)."""
    node = flow.nodes.get(part.node)
    if node is None:
        return f'de landelijke vraag heeft geen stap "{part.node}" meer'
    if part.field not in adaptable_fields(node):
        return f'"{part.name}" mag in de landelijke versie niet meer lokaal worden aangepast'
    return None


def compare(national: Flow, entry: OverlayEntry, base: Flow | None) -> list[PartState]:
    """Every overridden part: local, or a conflict because the national side changed.

    ``base`` is the national flow the entry was pinned to (None when the pin is the current
    national flow, or when that version is not kept: then no change can be seen).
    """
    current = flow_hash(national) == entry.based_on.hash
    states = []
    for part in entry.parts():
        local = entry.nodes[part.node][part.field]
        now = part_value(national, part)
        then = now if current or base is None else part_value(base, part)
        reason = _why(national, part) or ""
        if not reason and then != now:
            reason = "de landelijke tekst is gewijzigd sinds deze lokale tekst is gemaakt"
        status: PartStatus = "conflict" if reason else "local"
        states.append(
            PartState(part=part, status=status, base=then, national=now, local=local, reason=reason)
        )
    return states


def _apply(flow: Flow, entry: OverlayEntry) -> Flow:
    data = flow.model_dump(mode="json", exclude_none=True, by_alias=True)
    for node_id, fields in entry.nodes.items():
        data["nodes"][node_id] = {**data["nodes"][node_id], **fields}
    try:
        return Flow.model_validate(data)
    except ValidationError as exc:
        raise ContentInvalid(
            f'the overlay for flow "{flow.id}" does not fit the flow: {exc.errors()[0]["msg"]}'
        ) from None


def resolve(national: Flow, entry: OverlayEntry, base: Flow | None) -> MunicipalFlow:
    """The flow one municipality shows (see the module text for the rules).

    Raises:
        ContentInvalid: the pin names a version that is not the current one and ``base`` is
            missing, or an override does not fit the flow (the loader reports these located).
    """
    if base is None and flow_hash(national) != entry.based_on.hash:
        raise ContentInvalid(
            f'the overlay for flow "{national.id}" is pinned to a version that is not kept; '
            "add its base to flows/_overlays/_bases/"
        )
    states = compare(national, entry, base)
    conflicts = tuple(sorted(s.part.name for s in states if s.status == "conflict"))
    on = base if conflicts and base is not None else national
    for state in states:
        reason = _why(on, state.part)
        if reason:  # the pinned base itself does not allow it: the loader reports this
            raise ContentInvalid(f'the overlay for flow "{national.id}" changes {reason}')
    return MunicipalFlow(
        flow=_apply(on, entry),
        local=tuple(sorted(s.part.name for s in states)),
        based_on=entry.based_on,
        conflicts=conflicts,
    )
