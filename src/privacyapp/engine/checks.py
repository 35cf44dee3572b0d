"""Checks on resolved flows: references, graph shape, registry names, publishing rules.

Each check is a function ``(CheckContext) -> Iterable[Diagnostic]``. ``BUILTIN_CHECKS`` run on
every valid flow; more can be added without touching this module:

* append a function to ``EXTRA_CHECKS``; or
* write a module listed in ``PLUGIN_MODULES`` (``privacyapp.engine.readability``) with a
  ``CHECKS`` sequence of such functions: it is picked up when it exists.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from privacyapp.engine._document import YMap, locate
from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity, did_you_mean
from privacyapp.engine.model import AdviceNode, ChecklistNode, Flow, InfoNode, QuestionNode
from privacyapp.engine.registry import Registry

__all__ = [
    "BUILTIN_CHECKS",
    "EXTRA_CHECKS",
    "PLUGIN_MODULES",
    "CheckContext",
    "FlowCheck",
    "FlowSource",
    "node_edges",
    "run_checks",
]


@dataclass(frozen=True)
class FlowSource:
    """A flow as read from YAML: where it came from and its resolved document."""

    flow_id: str
    path: str
    file: Path
    #: The sector folder the file is in (None when not in one).
    folder: str | None
    document: YMap
    #: None when the flow did not pass schema validation.
    flow: Flow | None


@dataclass(frozen=True)
class CheckContext:
    """What a check sees: one valid flow, its source and the names it may refer to."""

    registry: Registry
    flow: Flow
    source: FlowSource
    flow_ids: frozenset[str]
    #: The status of every flow that passed schema validation (``draft``, ``review``,
    #: ``published``): a published flow may only open published flows.
    statuses: Mapping[str, str] = field(default_factory=dict)

    def loc(self, *parts: str | int, key: bool = False) -> Loc:
        """The place of a field, e.g. ``loc("nodes", "start", "text")``."""
        return locate(self.source.document, parts, key=key)

    def error(
        self,
        parts: tuple[str | int, ...],
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
    ) -> Diagnostic:
        """An error at a field."""
        return Diagnostic.at(self.loc(*parts, key=key), Severity.ERROR, code, message, hint)

    def warning(
        self,
        parts: tuple[str | int, ...],
        code: str,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
    ) -> Diagnostic:
        """A warning at a field."""
        return Diagnostic.at(self.loc(*parts, key=key), Severity.WARNING, code, message, hint)


FlowCheck = Callable[[CheckContext], Iterable[Diagnostic]]


def node_edges(flow: Flow, node_id: str) -> list[tuple[tuple[str | int, ...], str]]:
    """The (field path, target id) pairs a node leads to."""
    node = flow.nodes[node_id]
    base: tuple[str | int, ...] = ("nodes", node_id)
    if isinstance(node, QuestionNode):
        return [((*base, "choices", i, "next"), c.next) for i, c in enumerate(node.choices)]
    if isinstance(node, InfoNode):
        return [((*base, "next"), node.next)]
    if isinstance(node, ChecklistNode):
        return [((*base, "outcomes", i, "next"), o.next) for i, o in enumerate(node.outcomes)]
    return []


def check_metadata(ctx: CheckContext) -> Iterable[Diagnostic]:
    """Registry names in the metadata, the folder, the file name and the review."""
    flow, reg = ctx.flow, ctx.registry
    if flow.sector not in reg.sectors:
        yield ctx.error(
            ("sector",),
            "unknown-sector",
            f'"{flow.sector}" is not a sector in the registry',
            did_you_mean(flow.sector, reg.sectors, fallback="add it to flows/registry.yaml"),
        )
    folder = ctx.source.folder
    if folder is not None and not folder.startswith("_") and folder != flow.sector:
        yield ctx.error(
            ("sector",),
            "sector-folder",
            f'the sector is "{flow.sector}" but the file is in the folder "{folder}"',
            f"move the file to flows/{flow.sector}/ or change the sector",
        )
    for i, audience in enumerate(flow.audience):
        if audience not in reg.audiences:
            yield ctx.error(
                ("audience", i),
                "unknown-audience",
                f'"{audience}" is not an audience in the registry',
                did_you_mean(
                    audience, reg.audiences, fallback=f"use one of: {', '.join(reg.audiences)}"
                ),
            )
    for i, situation in enumerate(flow.situations):
        if situation not in reg.situations:
            yield ctx.error(
                ("situations", i),
                "unknown-situation",
                f'"{situation}" is not a situation in the registry',
                did_you_mean(situation, reg.situations, fallback="add it to flows/registry.yaml"),
            )
    if flow.status == "published" and flow.review is None:
        yield ctx.error(
            ("status",),
            "no-review",
            "the flow is published but has no review",
            "add review: {reviewed_by, reviewed_at} or set status: review",
        )
    if (
        ctx.source.file.stem != flow.id
        and flow.extends is None
        or (flow.extends is not None and ctx.source.file.stem != flow.id)
    ):
        yield ctx.warning(
            ("id",),
            "file-name",
            f'the file is called "{ctx.source.file.name}" but the flow id is "{flow.id}"',
            f"rename the file to {flow.id}.yaml",
        )


def check_references(ctx: CheckContext) -> Iterable[Diagnostic]:
    """Node ids, checklist items, laws, help routes and flows that nodes refer to."""
    flow = ctx.flow
    if flow.start not in flow.nodes:
        yield ctx.error(
            ("start",),
            "unknown-node",
            f'the start "{flow.start}" is not a node of this flow',
            did_you_mean(flow.start, flow.nodes),
        )
    for node_id, node in flow.nodes.items():
        for parts, target in node_edges(flow, node_id):
            if target not in flow.nodes:
                yield ctx.error(
                    parts,
                    "unknown-node",
                    f'"{node_id}" leads to "{target}", which is not a node of this flow',
                    did_you_mean(target, flow.nodes),
                )
        base = ("nodes", node_id)
        if isinstance(node, QuestionNode):
            seen: set[str] = set()
            for i, choice in enumerate(node.choices):
                label = " ".join(choice.label.casefold().split())
                if label in seen:
                    yield ctx.error(
                        (*base, "choices", i, "label"),
                        "duplicate-choice",
                        f'the choice "{choice.label}" appears twice in this question',
                        "every choice needs its own label",
                    )
                seen.add(label)
        if isinstance(node, ChecklistNode):
            yield from _check_checklist(ctx, node_id, node)
        if isinstance(node, AdviceNode):
            yield from _check_advice(ctx, node_id, node)


def _check_checklist(ctx: CheckContext, node_id: str, node: ChecklistNode) -> Iterable[Diagnostic]:
    base = ("nodes", node_id)
    items: set[str] = set()
    for i, item in enumerate(node.items):
        if item.id in items:
            yield ctx.error(
                (*base, "items", i, "id"),
                "duplicate-id",
                f'the item id "{item.id}" appears twice in this checklist',
                "every item needs its own id",
            )
        items.add(item.id)
    for i, outcome in enumerate(node.outcomes):
        when = outcome.when
        where = (*base, "outcomes", i, "when")
        if when.item is not None and when.item not in items:
            yield ctx.error(
                (*where, "item"),
                "bad-when",
                f'the rule names the item "{when.item}", which is not in this checklist',
                did_you_mean(when.item, items),
            )
        if when.min is not None and when.min > len(node.items):
            yield ctx.error(
                (*where, "min"),
                "bad-when",
                f"the rule needs {when.min} answers; the checklist has {len(node.items)} items",
                "this rule can never match",
            )
        if when.otherwise and i != len(node.outcomes) - 1:
            yield ctx.error(
                (*base, "outcomes", i + 1),
                "no-otherwise",
                "this rule comes after `otherwise` and is never used",
                "put `when: otherwise` last",
            )
    if not node.outcomes[-1].when.otherwise:
        yield ctx.error(
            (*base, "outcomes"),
            "no-otherwise",
            "the last outcome of a checklist must be `when: otherwise`",
            "add `- {when: otherwise, next: ...}` so every set of answers leads somewhere",
        )


def _check_advice(ctx: CheckContext, node_id: str, node: AdviceNode) -> Iterable[Diagnostic]:
    base = ("nodes", node_id)
    reg = ctx.registry
    if not node.sources:
        yield ctx.error(
            base,
            "no-source",
            f'the advice "{node_id}" has no source',
            "add sources: [{law: ..., article: ...}] so users can check the advice",
            key=True,
        )
    for i, source in enumerate(node.sources):
        if source.law not in reg.laws:
            yield ctx.error(
                (*base, "sources", i, "law"),
                "unknown-law",
                f'"{source.law}" is not a law in the registry',
                did_you_mean(source.law, reg.laws, fallback="add it to flows/registry.yaml"),
            )
    for i, route in enumerate(node.help):
        if route not in reg.help:
            yield ctx.error(
                (*base, "help", i),
                "unknown-help",
                f'"{route}" is not a help route in the registry',
                did_you_mean(route, reg.help, fallback=f"use one of: {', '.join(reg.help)}"),
            )
    for i, action in enumerate(node.actions):
        if action.flow is not None and action.flow not in ctx.flow_ids:
            yield ctx.error(
                (*base, "actions", i, "flow"),
                "unknown-flow",
                f'the action opens "{action.flow}", which is not a flow',
                did_you_mean(action.flow, ctx.flow_ids),
            )
        elif (
            action.flow is not None
            and ctx.flow.status == "published"
            and ctx.statuses.get(action.flow, "published") != "published"
        ):
            # the app shows published flows only: this button would lead nowhere
            yield ctx.error(
                (*base, "actions", i, "flow"),
                "unpublished-flow",
                f'the action opens "{action.flow}", which is not published '
                f"(status: {ctx.statuses[action.flow]})",
                f'publish "{action.flow}" first, or leave this action out for now',
            )
    if not node.help and not node.actions:
        yield ctx.warning(
            base,
            "no-next-step",
            f'the advice "{node_id}" offers no action and no further help',
            "add help: [...] or actions: [...] so the user knows where to go next",
            key=True,
        )


def check_graph(ctx: CheckContext) -> Iterable[Diagnostic]:
    """Unreachable nodes, dead ends and loops without a way out."""
    flow = ctx.flow
    edges = {n: [t for _, t in node_edges(flow, n) if t in flow.nodes] for n in flow.nodes}
    broken = {n for n in flow.nodes if any(t not in flow.nodes for _, t in node_edges(flow, n))}
    reachable = _reach([flow.start] if flow.start in flow.nodes else [], edges)
    for node_id in flow.nodes:
        # A variant may leave nodes of its base unused; only its own nodes must be reachable.
        own = ctx.loc("nodes", node_id, key=True).path == ctx.source.path
        if node_id not in reachable and flow.start in flow.nodes and own:
            yield ctx.warning(
                ("nodes", node_id),
                "unreachable",
                f'the node "{node_id}" cannot be reached from the start',
                "lead to it from a choice, a next or an outcome, or remove it",
                key=True,
            )
    reverse: dict[str, list[str]] = {n: [] for n in flow.nodes}
    for source, targets in edges.items():
        for target in targets:
            reverse[target].append(source)
    # A node with a broken reference is reported once (unknown-node), not again as a dead end.
    ends = [n for n, node in flow.nodes.items() if isinstance(node, AdviceNode) or n in broken]
    good = _reach(ends, reverse)
    bad = [n for n in flow.nodes if n not in good]
    reported: set[str] = set()
    for node_id in bad:
        if node_id in reported:
            continue
        loop = [
            n
            for n in bad
            if n in _reach(edges[node_id], edges) and node_id in _reach(edges[n], edges)
        ]
        if node_id in loop:
            reported.update(loop)
            shown = " -> ".join(f'"{n}"' for n in [*loop, loop[0]])
            yield ctx.error(
                ("nodes", node_id),
                "cycle",
                f"the nodes {shown} form a loop with no way to an advice",
                "give one of them a choice or outcome that leads to an advice",
                key=True,
            )
    for node_id in bad:
        if node_id not in reported:
            yield ctx.error(
                ("nodes", node_id),
                "dead-end",
                f'no path from "{node_id}" reaches an advice',
                "every path must end in an advice node",
                key=True,
            )


def _reach(starts: Iterable[str], edges: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    todo = list(starts)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return seen


BUILTIN_CHECKS: tuple[FlowCheck, ...] = (check_metadata, check_references, check_graph)
#: Checks added at run time (e.g. by tests or tools); they run after the built-in ones.
EXTRA_CHECKS: list[FlowCheck] = []
#: Modules with a ``CHECKS`` sequence, used when they exist (written by the content team).
PLUGIN_MODULES: tuple[str, ...] = ("privacyapp.engine.readability",)


def _plugin_checks() -> list[FlowCheck]:
    found: list[FlowCheck] = []
    for name in PLUGIN_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the plugin exists but something it imports is missing
                raise
            continue
        found.extend(getattr(module, "CHECKS", ()))
    return found


def run_checks(
    registry: Registry, sources: Sequence[FlowSource], flow_ids: Iterable[str]
) -> list[Diagnostic]:
    """Run every check on every valid flow."""
    ids = frozenset(flow_ids)
    statuses = {s.flow_id: s.flow.status for s in sources if s.flow is not None}
    checks = [*BUILTIN_CHECKS, *EXTRA_CHECKS, *_plugin_checks()]
    diagnostics: list[Diagnostic] = []
    for source in sources:
        if source.flow is None:
            continue
        ctx = CheckContext(registry, source.flow, source, ids, statuses)
        for check in checks:
            diagnostics.extend(check(ctx))
    return diagnostics
