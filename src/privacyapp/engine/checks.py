"""Checks on resolved flows: references, graph shape, registry names, publishing rules.

Each check is a function ``(CheckContext) -> Iterable[Diagnostic]``. ``BUILTIN_CHECKS`` run on
every valid flow; more can be added without touching this module:

* append a function to ``EXTRA_CHECKS``; or
* write a module listed in ``PLUGIN_MODULES`` (``privacyapp.engine.readability``) with a
  ``CHECKS`` sequence of such functions: it is picked up when it exists.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
    "check_help_audience",
    "check_representative",
    "check_representative_requests",
    "check_review",
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
    #: Every flow that passed schema validation, by id (a variant's check compares its base).
    flows: Mapping[str, Flow] = field(default_factory=dict)

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


REPRESENTATIVE = "vertegenwoordiger"
#: Words that address the reader (or let the reader speak): a text with one of them is written
#: for one audience, so a representative variant must say it again for the representative.
_ADDRESS = re.compile(
    r"\b(je|jij|jou|jouw|jezelf|jullie|ik|mij|mijn|me|mezelf|wij|we|ons|onze|u|uw)\b",
    re.IGNORECASE,
)


def _addressed(value: object) -> bool:
    if isinstance(value, str):
        return _ADDRESS.search(value) is not None
    if isinstance(value, tuple | list):
        return any(_addressed(item) for item in value)
    return False


def _audience_parts(
    node: QuestionNode | InfoNode | ChecklistNode | AdviceNode,
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """The (field path inside the node, value) of every part that speaks to the user."""
    if isinstance(node, QuestionNode):
        yield ("text",), node.text
        yield ("help",), node.help
        for i, choice in enumerate(node.choices):
            yield ("choices", i, "label"), choice.label
            yield ("choices", i, "help"), choice.help
    elif isinstance(node, InfoNode):
        yield ("title",), node.title
        yield ("text",), node.text
    elif isinstance(node, ChecklistNode):
        yield ("title",), node.title
        yield ("intro",), node.intro
        for i, item in enumerate(node.items):
            yield ("items", i, "text"), item.text
            yield ("items", i, "help"), item.help
    else:
        yield ("title",), node.title
        yield ("summary",), node.summary
        yield ("steps",), node.steps
        yield ("explanation",), node.explanation
        for i, action in enumerate(node.actions):
            yield ("actions", i, "label"), action.label


def _at(
    node: QuestionNode | InfoNode | ChecklistNode | AdviceNode, path: tuple[str | int, ...]
) -> object:
    value: object = node
    for part in path:
        if isinstance(part, int):
            items = value if isinstance(value, tuple) else ()
            value = items[part] if part < len(items) else None
        else:
            value = getattr(value, part, None)
    return value


def _in_own_file(
    ctx: CheckContext, parts: tuple[str | int, ...], node_id: str
) -> tuple[tuple[str | int, ...], bool]:
    """Where to report a finding: the field when this file writes it, else the node, else
    ``extends`` (a variant's inherited parts are written in another file)."""
    own = ctx.source.path
    if ctx.loc(*parts).path == own:
        return parts, False
    node: tuple[str | int, ...] = ("nodes", node_id)
    if ctx.loc(*node, key=True).path == own or ctx.flow.extends is None:
        return node, True
    return ("extends",), False


def check_help_audience(ctx: CheckContext) -> Iterable[Diagnostic]:
    """A help route the registry keeps for other audiences (the Kindertelefoon for a parent)."""
    flow, reg = ctx.flow, ctx.registry
    for node_id, node in flow.nodes.items():
        if not isinstance(node, AdviceNode):
            continue
        for i, route in enumerate(node.help):
            meant = reg.help[route].audiences if route in reg.help else ()
            if meant and not set(meant) & set(flow.audience):
                where, key = _in_own_file(ctx, ("nodes", node_id, "help", i), node_id)
                yield ctx.warning(
                    where,
                    "help-audience",
                    f'the help route "{route}" is meant for {", ".join(meant)}, '
                    f"not for this flow's audience ({', '.join(flow.audience)})",
                    "offer a route for the people this flow speaks to",
                    key=key,
                )


def check_representative_requests(ctx: CheckContext) -> Iterable[Diagnostic]:
    """A rights request offered to a representative says for whom it is written."""
    flow = ctx.flow
    if flow.audience != (REPRESENTATIVE,):
        return
    for node_id, node in flow.nodes.items():
        if not isinstance(node, AdviceNode):
            continue
        for i, action in enumerate(node.actions):
            if action.kind == "rights-request" and action.on_behalf is None:
                where, key = _in_own_file(ctx, ("nodes", node_id, "actions", i), node_id)
                yield ctx.warning(
                    where,
                    "representative-request",
                    "this rights request is offered to a representative but does not say "
                    "for whom it is written",
                    "add on_behalf: ouder, voogd, curator or mentor, so the letter starts "
                    "in the mode for the person they represent",
                    key=key,
                )


def check_representative(ctx: CheckContext) -> Iterable[Diagnostic]:
    """A representative variant must speak to the representative in every part it shows.

    Flags a part of a variant for audience ``vertegenwoordiger`` that addresses the user and
    is inherited unchanged from a base flow written for another audience.
    """
    flow = ctx.flow
    base = ctx.flows.get(flow.extends) if flow.extends else None
    if base is None or REPRESENTATIVE not in flow.audience or REPRESENTATIVE in base.audience:
        return
    own = ctx.source.path
    for name in ("title", "summary"):
        if (
            getattr(flow, name) == getattr(base, name)
            and _addressed(getattr(flow, name))
            and ctx.loc(name).path != own
        ):
            yield ctx.warning(
                (name,),
                "representative-inherits",
                f'the variant keeps the {name} of "{base.id}", written for '
                f"{', '.join(base.audience)}",
                "write it for the parent, guardian, mentor, curator or bewindvoerder",
            )
    for node_id, node in flow.nodes.items():
        old = base.nodes.get(node_id)
        if old is None or old.type != node.type:
            continue
        for path, value in _audience_parts(node):
            parts = ("nodes", node_id, *path)
            if (
                value is None
                or value != _at(old, path)
                or not _addressed(value)
                or ctx.loc(*parts).path == own
            ):
                continue
            here, key = _in_own_file(ctx, parts, node_id)
            field_name = ".".join(str(p) for p in path)
            yield ctx.warning(
                here,
                "representative-inherits",
                f'"{node_id}" keeps its {field_name} from "{base.id}", written for '
                f"{', '.join(base.audience)}",
                "say it to the representative about the person they represent "
                "(your child, the person you represent), not to that person",
                key=key,
            )


def check_review(ctx: CheckContext) -> Iterable[Diagnostic]:
    """A published flow's review says who checked which law texts, in which version, and when."""
    flow, review = ctx.flow, ctx.flow.review
    if flow.status != "published" or review is None:
        return
    if review.self_review is None:
        yield ctx.warning(
            ("review",),
            "review-record",
            "the review does not say whether the authors checked their own text",
            "add self_review: true when the editors reviewed their own text, false otherwise",
        )
    if not review.checks:
        yield ctx.warning(
            ("review",),
            "review-record",
            "the review does not record which law texts were read, in which version",
            "add checks: [{by, at, independent, sources, text_version}]",
        )
    cited = {
        source.law
        for node in flow.nodes.values()
        if isinstance(node, AdviceNode)
        for source in node.sources
    }
    for key in sorted(cited):
        law = ctx.registry.laws.get(key)
        if law is not None and law.kind == "bill" and law.checked_at is None:
            yield ctx.warning(
                ("review",),
                "bill-check-date",
                f'the flow cites the bill "{key}", but the registry gives no date on which '
                "its status was checked",
                f"add checked_at to laws.{key} in flows/registry.yaml",
            )


def check_adaptable(ctx: CheckContext) -> Iterable[Diagnostic]:
    """``adaptable`` names only fields a municipality may adapt; a locked node has none."""
    from privacyapp.engine.overlays import ADAPTABLE_FIELDS

    for node_id, node in ctx.flow.nodes.items():
        if not node.adaptable:
            continue
        if node.locked:
            yield ctx.error(
                ("nodes", node_id, "locked"),
                "locked-adaptable",
                f'"{node_id}" is locked and also marks fields adaptable',
                "remove locked: true, or remove adaptable",
            )
            continue
        allowed = ADAPTABLE_FIELDS[node.type]
        for i, name in enumerate(node.adaptable):
            if name not in allowed:
                yield ctx.error(
                    ("nodes", node_id, "adaptable", i),
                    "not-adaptable",
                    f'"{name}" of a {node.type} step cannot be adaptable: the route, the '
                    "conclusion and the legal sources stay national",
                    f"a {node.type} step may mark: {', '.join(sorted(allowed))}",
                )


BUILTIN_CHECKS: tuple[FlowCheck, ...] = (
    check_metadata,
    check_references,
    check_graph,
    check_representative,
    check_representative_requests,
    check_help_audience,
    check_review,
    check_adaptable,
)
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
    flows = {s.flow_id: s.flow for s in sources if s.flow is not None}
    checks = [*BUILTIN_CHECKS, *EXTRA_CHECKS, *_plugin_checks()]
    diagnostics: list[Diagnostic] = []
    for source in sources:
        if source.flow is None:
            continue
        ctx = CheckContext(registry, source.flow, source, ids, statuses, flows)
        for check in checks:
            diagnostics.extend(check(ctx))
    return diagnostics
