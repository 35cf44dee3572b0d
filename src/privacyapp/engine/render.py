"""Plain-text and JSON views of flows and walks, for editors' tools and golden tests."""

from __future__ import annotations

from typing import Any

from privacyapp.engine.library import Library
from privacyapp.engine.model import AdviceNode, ChecklistNode, Flow, InfoNode, QuestionNode
from privacyapp.engine.session import FlowSession

__all__ = [
    "advice_json",
    "flow_rows",
    "flow_schema",
    "flow_json",
    "flow_tree",
    "table",
    "walk_json",
    "walk_text",
]


def flow_rows(library: Library) -> list[dict[str, Any]]:
    """One row per flow: id, title, sector, audience, status, version."""
    return [
        {
            "id": flow.id,
            "title": flow.title,
            "sector": flow.sector,
            "audience": list(flow.audience),
            "status": flow.status,
            "version": flow.version,
        }
        for flow in library.flows.values()
    ]


def table(rows: list[dict[str, Any]]) -> str:
    """Rows as aligned text columns."""
    columns = ("id", "sector", "audience", "status", "version", "title")
    cells = [
        [", ".join(v) if isinstance(v := row[c], list) else str(v) for c in columns] for row in rows
    ]
    widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines) + f"\n{len(rows)} flows\n"


def _source_lines(library: Library, node: AdviceNode, pad: str) -> list[str]:
    """An advice's sources for the tree: the citation, and its note (if any) below it."""
    lines = []
    for source in node.sources:
        lines.append(f"{pad}bron: {source.citation(library.registry)}")
        if source.note:
            lines.append(f"{pad}  ({source.note})")
    return lines


def flow_tree(library: Library, flow: Flow) -> str:
    """The flow as an indented tree from its start; nodes seen before are shown as references."""
    lines = [
        f"{flow.title}  [{flow.id} {flow.version}, {flow.status}]",
        f"sector {flow.sector}; audience {', '.join(flow.audience)}"
        + (f"; variant of {flow.extends}" if flow.extends else ""),
        "",
    ]
    seen: set[str] = set()

    def visit(node_id: str, depth: int, via: str) -> None:
        pad = "    " * depth
        node = flow.nodes.get(node_id)
        if node is None:
            lines.append(f"{pad}{via}?? {node_id} (missing)")
            return
        if node_id in seen:
            lines.append(f"{pad}{via}-> see {node_id}")
            return
        seen.add(node_id)
        if isinstance(node, QuestionNode):
            lines.append(f"{pad}{via}[vraag] {node.text}  ({node_id})")
            for n, choice in enumerate(node.choices, 1):
                visit(choice.next, depth + 1, f"{n}. {choice.label} => ")
        elif isinstance(node, InfoNode):
            lines.append(f"{pad}{via}[info] {node.title}  ({node_id})")
            visit(node.next, depth + 1, "")
        elif isinstance(node, ChecklistNode):
            lines.append(f"{pad}{via}[checklist] {node.title}  ({node_id})")
            for n, item in enumerate(node.items, 1):
                lines.append(f"{pad}      {n}) {item.text}")
            for rule in node.outcomes:
                visit(rule.next, depth + 1, f"{rule.when.describe()} => ")
        else:
            lines.append(f"{pad}{via}[advies] {node.title}  ({node_id})")
            lines.extend(_source_lines(library, node, f"{pad}      "))

    visit(flow.start, 0, "")
    unreached = [n for n in flow.nodes if n not in seen]
    if unreached:
        lines += ["", "not reached from the start: " + ", ".join(unreached)]
    return "\n".join(lines) + "\n"


def advice_json(library: Library, node: AdviceNode) -> dict[str, Any]:
    """An advice with citations, links and help routes filled in from the registry."""
    registry = library.registry
    return {
        "node_id": node.id,
        "title": node.title,
        "summary": node.summary,
        "steps": list(node.steps),
        "explanation": node.explanation,
        "sources": [
            {"citation": s.citation(registry), "url": s.url(registry), "note": s.note}
            for s in node.sources
        ],
        "help": [
            {
                "id": key,
                "title": registry.help[key].title,
                "phone": registry.help[key].phone,
                "url": registry.help[key].url,
            }
            for key in node.help
            if key in registry.help
        ],
        "actions": [a.model_dump(mode="json", exclude_none=True) for a in node.actions],
    }


def flow_json(library: Library, flow: Flow) -> dict[str, Any]:
    """A flow with its metadata and every node; each advice with its citations and links."""
    registry = library.registry
    nodes: list[dict[str, Any]] = []
    for node_id, node in flow.nodes.items():
        if isinstance(node, QuestionNode):
            nodes.append(
                {
                    "node_id": node_id,
                    "kind": "question",
                    "text": node.text,
                    "help": node.help,
                    "choices": [
                        {"label": c.label, "next": c.next, "help": c.help} for c in node.choices
                    ],
                }
            )
        elif isinstance(node, InfoNode):
            nodes.append(
                {
                    "node_id": node_id,
                    "kind": "info",
                    "title": node.title,
                    "text": node.text,
                    "next": node.next,
                }
            )
        elif isinstance(node, ChecklistNode):
            nodes.append(
                {
                    "node_id": node_id,
                    "kind": "checklist",
                    "title": node.title,
                    "intro": node.intro,
                    "items": [{"id": i.id, "text": i.text, "help": i.help} for i in node.items],
                    "outcomes": [
                        {"when": r.when.describe(), "next": r.next} for r in node.outcomes
                    ],
                }
            )
        else:
            advice = advice_json(library, node)
            nodes.append({"kind": "advice", **advice, "tags": list(node.tags)})
    sector = registry.sectors.get(flow.sector)
    return {
        "id": flow.id,
        "title": flow.title,
        "summary": flow.summary,
        "sector": flow.sector,
        "sector_label": sector.label if sector is not None else flow.sector,
        "audience": list(flow.audience),
        "situations": list(flow.situations),
        "tags": list(flow.tags),
        "status": flow.status,
        "version": flow.version,
        "extends": flow.extends,
        "review": flow.review.model_dump(mode="json") if flow.review is not None else None,
        "valid_from": flow.valid_from.isoformat() if flow.valid_from is not None else None,
        "start": flow.start,
        "nodes": nodes,
    }


def walk_json(library: Library, session: FlowSession) -> dict[str, Any]:
    """The path taken and, when finished, the advice."""
    node = session.current
    return {
        "finished": session.finished,
        "current": session.current_id,
        "path": session.path.to_dict(),
        "advice": advice_json(library, node) if isinstance(node, AdviceNode) else None,
    }


def walk_text(library: Library, session: FlowSession) -> str:
    """Every step taken and the final advice, as text."""
    lines = [f"{session.flow.title}  [{session.flow.id} {session.flow.version}]", ""]
    for n, step in enumerate(session.steps, 1):
        if step.kind == "question":
            lines.append(f"{n}. {step.prompt}\n   -> {step.answer_label}")
        elif step.kind == "info":
            lines.append(f"{n}. (info) {step.prompt}")
        else:
            lines.append(f"{n}. (checklist) {step.prompt}")
            lines += [f"   - {c.text} -> {c.answer.label}" for c in step.checklist]
    node = session.current
    if not isinstance(node, AdviceNode):
        lines.append(f"\n(not finished: waiting at {session.current_id})")
        return "\n".join(lines) + "\n"
    advice = advice_json(library, node)
    lines += ["", f"ADVIES: {advice['title']}"]
    if advice["summary"]:
        lines.append(advice["summary"])
    lines += ["", "Wat kun je doen:"] + [f"  {i}. {s}" for i, s in enumerate(advice["steps"], 1)]
    lines += ["", "Waarom:", f"  {advice['explanation']}", "", "Bronnen:"]
    for source in advice["sources"]:
        url = f" <{source['url']}>" if source["url"] else ""
        lines.append(f"  - {source['citation']}{url}")
        if source["note"]:
            lines.append(f"    {source['note']}")
    if advice["help"]:
        lines += ["", "Meer hulp:"]
        for route in advice["help"]:
            extra = ", ".join(x for x in (route["phone"], route["url"]) if x)
            lines.append(f"  - {route['title']}" + (f" ({extra})" if extra else ""))
    if advice["actions"]:
        lines += ["", "Acties:"]
        for a in advice["actions"]:
            # a request written for a represented person says in which role
            role = f", namens: {a['on_behalf']}" if a.get("on_behalf") else ""
            lines.append(f"  - {a['label']} [{a['kind']}{role}]")
    return "\n".join(lines) + "\n"


def flow_schema() -> dict[str, Any]:
    """The JSON Schema of a flow file, for editors' YAML plug-ins.

    A file is a whole flow, or a variant (with ``extends``: every other field optional). A node
    with ``use`` takes its missing fields from a fragment, so it is only checked loosely here;
    ``privacyapp flows check`` checks everything.
    """
    flow = Flow.model_json_schema(by_alias=True, mode="validation")
    defs = flow.pop("$defs", {})
    partial_node = {
        "type": "object",
        "required": ["use"],
        "properties": {"use": {"type": "string", "description": "id of a fragment"}},
    }
    nodes = flow["properties"]["nodes"]
    nodes["additionalProperties"] = {"anyOf": [nodes["additionalProperties"], partial_node]}
    outcome = defs["Outcome"]["properties"]
    outcome["when"] = {"anyOf": [outcome["when"], {"const": "otherwise"}]}
    variant = {
        "type": "object",
        "title": "Variant",
        "description": "A flow that extends another flow and overrides named parts.",
        "required": ["schema", "id", "extends"],
        "properties": {
            **flow["properties"],
            "extends": {"type": "string", "description": "id of the flow this one varies"},
            "nodes": {"type": "object", "additionalProperties": {"type": "object"}},
        },
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://privacyapp.nl/schema/flow-1.json",
        "title": "PrivacyApp flow (schema 1)",
        "$defs": {**defs, "Flow": flow, "Variant": variant},
        "anyOf": [{"$ref": "#/$defs/Flow"}, {"$ref": "#/$defs/Variant"}],
    }
