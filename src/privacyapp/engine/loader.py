"""Load flows from YAML: parse, apply fragments, expand variants, validate and check.

Every problem in every file is collected; nothing stops at the first one. The app itself never
calls this: it loads the JSON bundle that ``privacyapp flows build`` compiles from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from privacyapp.engine import model
from privacyapp.engine._bulk import paused_gc
from privacyapp.engine._document import YMap, YNode, YScalar, parse_document
from privacyapp.engine._schema_errors import field_names, schema_diagnostics
from privacyapp.engine.checks import FlowSource, node_edges, run_checks
from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity, did_you_mean, sort_diagnostics
from privacyapp.engine.library import Library
from privacyapp.engine.overlays import MunicipalOverlay
from privacyapp.engine.registry import Audience, HelpRoute, Law, Registry, Sector, Situation

__all__ = ["REGISTRY_FILE", "LoadResult", "find_registry", "load_flows"]

REGISTRY_FILE = "registry.yaml"
FRAGMENTS_DIR = "_fragments"
#: Municipal overlays (``privacyapp.engine.overlay_files``): not flows, read separately.
OVERLAYS_DIR = "_overlays"

_FLOW_FIELDS = field_names(
    model.Flow,
    model.QuestionNode,
    model.InfoNode,
    model.ChecklistNode,
    model.AdviceNode,
    model.Choice,
    model.ChecklistItem,
    model.Outcome,
    model.Condition,
    model.Source,
    model.Action,
    model.Review,
)
_REGISTRY_FIELDS = field_names(Registry, Audience, Sector, Situation, Law, HelpRoute)


@dataclass(frozen=True)
class LoadResult:
    """What loading found: the library (None when there are errors) and every diagnostic."""

    library: Library | None
    diagnostics: list[Diagnostic]
    #: The flows that are valid on their own, also when others have errors (for editors' tools).
    partial: Library | None = None

    @property
    def errors(self) -> list[Diagnostic]:
        """Only the errors."""
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        """Only the warnings."""
        return [d for d in self.diagnostics if not d.is_error]


def find_registry(path: Path) -> Path | None:
    """The nearest ``registry.yaml`` at or above ``path``."""
    start = path if path.is_dir() else path.parent
    for directory in (start, *start.parents):
        candidate = directory / REGISTRY_FILE
        if candidate.is_file():
            return candidate
    return None


@dataclass
class _Loader:
    display_base: Path
    root: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    fragments: dict[str, tuple[YMap, str]] = field(default_factory=dict)
    raw: dict[str, tuple[YMap, Path]] = field(default_factory=dict)
    #: Places already reported (a refused tag, a missing fragment): no schema error there too.
    reported: set[tuple[str, int, int]] = field(default_factory=set)

    def display(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.display_base.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def error(self, loc: Loc, code: str, message: str, hint: str | None = None) -> None:
        self.diagnostics.append(Diagnostic.at(loc, Severity.ERROR, code, message, hint))

    def read(self, path: Path) -> YMap | None:
        shown = self.display(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.error(Loc(shown), "unreadable", f"cannot read the file: {exc}")
            return None
        document, problems = parse_document(text, shown)
        self.diagnostics.extend(problems)
        self.reported.update((d.path, d.line, d.col) for d in problems)
        if document is None:
            return None
        if not isinstance(document, YMap):
            self.error(document.loc, "schema", "the file should be a mapping of fields")
            return None
        return document

    def registry(self, path: Path) -> Registry | None:
        document = self.read(path)
        if document is None:
            return None
        try:
            return Registry.model_validate(document.plain())
        except ValidationError as exc:
            self.diagnostics.extend(schema_diagnostics(document, exc, _REGISTRY_FIELDS))
            return None

    def add_fragments(self, path: Path) -> None:
        document = self.read(path)
        if document is None:
            return
        fragments = document.get("fragments")
        if not isinstance(fragments, YMap):
            self.error(document.loc, "schema", 'a fragments file needs a "fragments" mapping')
            return
        for fragment_id, fragment in fragments.entries.items():
            where = fragments.key_loc(fragment_id)
            if not isinstance(fragment, YMap):
                self.error(fragment.loc, "schema", f'fragment "{fragment_id}" should be a mapping')
            elif fragment_id in self.fragments:
                other = self.fragments[fragment_id][1]
                self.error(
                    where,
                    "duplicate-id",
                    f'the fragment id "{fragment_id}" is also used in {other}',
                    "give one of them another id",
                )
            else:
                self.fragments[fragment_id] = (fragment, f"{where.path}:{where.line}")

    def add_flow(self, path: Path) -> None:
        document = self.read(path)
        if document is None:
            return
        flow_id = document.get("id")
        if not isinstance(flow_id, YScalar):
            self.error(document.loc, "schema", 'the file is missing "id"')
            return
        if flow_id.value in self.raw:
            _, other = self.raw[flow_id.value]
            self.error(
                flow_id.loc,
                "duplicate-id",
                f'the flow id "{flow_id.value}" is also used in {self.display(other)}',
                "every flow needs its own id",
            )
            return
        self.raw[flow_id.value] = (document, path)

    def apply_fragments(self, document: YMap) -> YMap:
        nodes = document.get("nodes")
        if not isinstance(nodes, YMap):
            return document
        updated: dict[str, YNode] = {}
        for node_id, node in nodes.entries.items():
            use = node.get("use") if isinstance(node, YMap) else None
            if not isinstance(node, YMap) or use is None:
                continue
            node = node.without("use")
            if not isinstance(use, YScalar):
                self.error(use.loc, "schema", '"use" should be the id of a fragment')
            elif use.value not in self.fragments:
                where = nodes.entries[node_id].loc
                self.reported.add((where.path, where.line, where.col))
                self.error(
                    use.loc,
                    "unknown-fragment",
                    f'there is no fragment "{use.value}"',
                    did_you_mean(
                        use.value, self.fragments, fallback="fragments live in flows/_fragments/"
                    ),
                )
            else:
                fragment = self.fragments[use.value][0]
                node = fragment.replaced(node.entries, node.key_locs)
                node = YMap(node.entries, nodes.entries[node_id].loc, node.key_locs)
            updated[node_id] = node
        if not updated:
            return document
        new_nodes = nodes.replaced(updated, {})
        return document.replaced({"nodes": new_nodes}, {})

    def resolve(self, flow_id: str, chain: tuple[str, ...] = ()) -> YMap | None:
        document = self.apply_fragments(self.raw[flow_id][0])
        extends = document.get("extends")
        if extends is None:
            return document
        if not isinstance(extends, YScalar):
            self.error(extends.loc, "schema", '"extends" should be the id of another flow')
            return None
        base_id = extends.value
        if base_id in (*chain, flow_id):
            self.error(
                extends.loc,
                "extends-cycle",
                "variants extend each other in a circle: "
                + " -> ".join((*chain, flow_id, base_id)),
                "a variant must extend a flow that is not (a variant of) itself",
            )
            return None
        if base_id not in self.raw:
            self.error(
                extends.loc,
                "unknown-flow",
                f'"extends" names "{base_id}", which is not a flow',
                did_you_mean(base_id, self.raw),
            )
            return None
        base = self.resolve(base_id, (*chain, flow_id))
        if base is None:
            return None
        self.check_overrides(base, document, base_id)
        return _merge(base, document)

    def check_overrides(self, base: YMap, variant: YMap, base_id: str) -> None:
        """A variant's node without ``type`` changes a base node: that node must exist."""
        nodes, base_nodes = variant.get("nodes"), base.get("nodes")
        if not isinstance(nodes, YMap) or not isinstance(base_nodes, YMap):
            return
        for node_id, node in nodes.entries.items():
            if node_id in base_nodes.entries or not isinstance(node, YMap) or "type" in node:
                continue
            where = nodes.key_loc(node_id)
            self.reported.add((node.loc.path, node.loc.line, node.loc.col))
            self.error(
                where,
                "unknown-override",
                f'the variant changes the node "{node_id}", but "{base_id}" has no such node',
                did_you_mean(
                    node_id,
                    base_nodes.entries,
                    fallback="to add a new node instead, give it a type",
                ),
            )

    def validate(self, flow_id: str, document: YMap) -> model.Flow | None:
        try:
            return model.Flow.model_validate(document.plain())
        except ValidationError as exc:
            found = schema_diagnostics(document, exc, _FLOW_FIELDS)
            self.diagnostics.extend(
                d for d in found if (d.path, d.line, d.col) not in self.reported
            )
            return None


def _merge(base: YMap, variant: YMap) -> YMap:
    """A variant over its base: whole fields replace, nodes merge field by field."""
    updates: dict[str, YNode] = {}
    for key, value in variant.entries.items():
        base_nodes = base.get("nodes")
        if key == "nodes" and isinstance(value, YMap) and isinstance(base_nodes, YMap):
            merged: dict[str, YNode] = {}
            for node_id, node in value.entries.items():
                old = base_nodes.get(node_id)
                same_type = (
                    isinstance(old, YMap)
                    and isinstance(node, YMap)
                    and (
                        node.get("type") is None
                        or _text(node.get("type")) == _text(old.get("type"))
                    )
                )
                if same_type and isinstance(old, YMap) and isinstance(node, YMap):
                    merged[node_id] = YMap(
                        {**old.entries, **node.entries}, node.loc, {**old.key_locs, **node.key_locs}
                    )
                else:
                    merged[node_id] = node
            updates[key] = YMap(
                {**base_nodes.entries, **merged},
                value.loc,
                {**base_nodes.key_locs, **value.key_locs},
            )
        else:
            updates[key] = value
    return YMap({**base.entries, **updates}, variant.loc, {**base.key_locs, **variant.key_locs})


def _prune_inherited(flow: model.Flow, document: YMap, path: str) -> model.Flow:
    """Drop nodes a variant inherited but can no longer reach (its own nodes stay, for checks)."""
    reachable: set[str] = set()
    todo = [flow.start]
    while todo:
        node_id = todo.pop()
        if node_id in reachable or node_id not in flow.nodes:
            continue
        reachable.add(node_id)
        todo.extend(target for _, target in node_edges(flow, node_id))
    nodes = document.get("nodes")
    keep = {
        node_id: node
        for node_id, node in flow.nodes.items()
        if node_id in reachable or (isinstance(nodes, YMap) and nodes.key_loc(node_id).path == path)
    }
    return flow if len(keep) == len(flow.nodes) else flow.model_copy(update={"nodes": keep})


def _text(node: YNode | None) -> str | None:
    return node.value if isinstance(node, YScalar) else None


def _discover(paths: Iterable[Path], root: Path) -> tuple[list[Path], list[Path], list[Path]]:
    """(flow files, fragment files, missing paths); the root's fragments are always included."""
    flows: set[Path] = set()
    fragments: set[Path] = set((root / FRAGMENTS_DIR).glob("*.yaml"))
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            for file in path.rglob("*.y*ml"):
                if file.name == REGISTRY_FILE or file.suffix not in (".yaml", ".yml"):
                    continue
                if OVERLAYS_DIR in file.parts:
                    continue
                (fragments if FRAGMENTS_DIR in file.parts else flows).add(file)
        elif path.is_file() and OVERLAYS_DIR in path.parts:
            continue
        elif path.is_file():
            (fragments if path.parent.name == FRAGMENTS_DIR else flows).add(path)
        else:
            missing.append(path)
    return sorted(flows), sorted(fragments), missing


def load_flows(
    paths: Sequence[Path | str],
    *,
    registry: Path | str | None = None,
    root: Path | str | None = None,
    display_base: Path | str | None = None,
) -> LoadResult:
    """Load and check flows.

    Args:
        paths: flow files and/or folders (searched recursively).
        registry: the registry file; by default the nearest ``registry.yaml`` above the paths.
        root: the content root (where sector folders are); by default the registry's folder.
        display_base: paths in diagnostics are shown relative to this (default: the current
            directory).

    Returns:
        The library (None when there is an error) and all diagnostics, sorted.
    """
    with paused_gc():
        return _load(paths, registry, root, display_base)


def _load(
    paths: Sequence[Path | str],
    registry: Path | str | None,
    root: Path | str | None,
    display_base: Path | str | None,
) -> LoadResult:
    given = [Path(p) for p in paths]
    registry_path = Path(registry) if registry is not None else None
    if registry_path is None and given:
        registry_path = find_registry(given[0])
    base = Path(display_base) if display_base is not None else Path.cwd()
    content_root = (
        Path(root)
        if root is not None
        else (registry_path.parent if registry_path is not None else Path.cwd())
    )
    loader = _Loader(display_base=base, root=content_root)
    if registry_path is None or not registry_path.is_file():
        shown = loader.display(given[0]) if given else "."
        loader.error(
            Loc(shown),
            "no-registry",
            f"no {REGISTRY_FILE} found at or above this path",
            "run the command inside the content folder, e.g. flows/",
        )
        return LoadResult(None, sort_diagnostics(loader.diagnostics))
    flow_files, fragment_files, missing = _discover(given, content_root)
    for path in missing:
        loader.error(
            Loc(loader.display(path)), "no-such-file", "this file or folder does not exist"
        )
    with_overlays = any(
        p.resolve() == content_root.resolve() or OVERLAYS_DIR in p.resolve().parts for p in given
    )
    the_registry = loader.registry(registry_path)
    for path in fragment_files:
        loader.add_fragments(path)
    for path in flow_files:
        loader.add_flow(path)
    sources: list[FlowSource] = []
    for flow_id in sorted(loader.raw):
        document = loader.resolve(flow_id)
        if document is None:
            continue
        flow = loader.validate(flow_id, document)
        path = loader.raw[flow_id][1]
        if flow is not None and flow.extends is not None:
            flow = _prune_inherited(flow, document, loader.display(path))
        sources.append(
            FlowSource(
                flow_id, loader.display(path), path, _folder(path, content_root), document, flow
            )
        )
    if the_registry is None:
        return LoadResult(None, sort_diagnostics(loader.diagnostics))
    loader.diagnostics.extend(run_checks(the_registry, sources, set(loader.raw)))
    valid = [s.flow for s in sources if s.flow is not None]
    overlays: list[MunicipalOverlay] = []
    if with_overlays:
        from privacyapp.engine.overlay_files import load_overlays

        found = load_overlays(content_root, {f.id: f for f in valid}, loader.display)
        loader.diagnostics.extend(found.diagnostics)
        overlays = found.resolved
    diagnostics = sort_diagnostics(loader.diagnostics)
    broken = {d.path for d in diagnostics if d.is_error}
    partial_flows = [s.flow for s in sources if s.flow is not None and s.path not in broken]
    partial = Library(the_registry, partial_flows)
    if any(d.is_error for d in diagnostics):
        return LoadResult(None, diagnostics, partial)
    library = Library(the_registry, valid, overlays=overlays)
    return LoadResult(library, diagnostics, library)


def _folder(path: Path, root: Path) -> str | None:
    """The folder a flow file is in (its sector), or None when it lies directly in the root."""
    parent = path.resolve().parent
    root = root.resolve()
    if parent == root or not parent.is_relative_to(root):
        return None
    return parent.name
