"""Cluster changes: what a change to a shared fragment does to every flow that uses it.

Before a fragment (``flows/_fragments/*.yaml``) change is saved, :func:`fragment_impact` lists
every flow that uses a changed fragment (directly with ``use:``, or through a variant of such a
flow) with that flow's rendered per-node diff: the flow as the app shows it now against the
flow with the new fragment (``studio.diff``). The editor then chooses:

- **change everywhere**: the fragment file is saved; every listed flow changes with it, in
  the same change set, reviewed once and published at once (one merge commit, one bundle);
- **copy into this flow only** (:func:`copy_into_flow`): the fragment stays as it is, and one
  flow gets the new fields written into its own nodes instead of ``use:``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from privacyapp.engine import Flow, Library, load_flows
from privacyapp.engine._document import YMap, parse_document
from privacyapp.studio.core import StudioCore
from privacyapp.studio.diff import FileDiff, describe_file
from privacyapp.studio.errors import InvalidInput, NotFound
from privacyapp.studio.nodes import update_node

__all__ = [
    "FlowImpact",
    "FragmentImpact",
    "Version",
    "copy_into_flow",
    "flow_yaml",
    "fragment_impact",
    "version_flows",
]


@dataclass(frozen=True)
class FlowImpact:
    """One flow a fragment change reaches, with what changes in it."""

    flow_id: str
    path: str
    title: str
    #: The nodes that use the fragment (in this flow's own file or its base's).
    nodes: tuple[str, ...]
    #: The base flow whose nodes use it, when this flow is a variant (else None).
    via: str | None
    diff: FileDiff

    @property
    def changes(self) -> list[str]:
        return self.diff.sentences()


@dataclass(frozen=True)
class FragmentImpact:
    fragment_id: str
    flows: tuple[FlowImpact, ...]


@dataclass(frozen=True)
class Version:
    """One version's resolved flows (the valid ones) and each flow's file as plain YAML."""

    flows: dict[str, Flow]
    #: flow id -> (file path in the repository, plain YAML of the file)
    files: dict[str, tuple[str, dict[str, Any]]]
    library: Library | None = None


def version_flows(
    core: StudioCore, commit: str, replace: Mapping[str, str] | None = None
) -> Version:
    """The resolved flows of ``commit`` (with some files replaced by new text)."""
    with tempfile.TemporaryDirectory(prefix="studio-cluster-") as tmp:
        base = Path(tmp)
        root = core.repo.export(commit, base)
        for path, text in (replace or {}).items():
            (base / path).write_text(text, encoding="utf-8")
        loaded = load_flows(
            [root / p.name for p in root.iterdir() if p.is_dir() and p.name != "_overlays"],
            registry=root / "registry.yaml",
            root=root,
            display_base=base,
        )
        files: dict[str, tuple[str, dict[str, Any]]] = {}
        for file in root.rglob("*.yaml"):
            rel = file.relative_to(base).as_posix()
            if "/_" in rel or file.name == "registry.yaml":
                continue
            document, _ = parse_document(file.read_text(encoding="utf-8"), rel)
            if isinstance(document, YMap) and isinstance(document.plain().get("id"), str):
                plain = document.plain()
                files[plain["id"]] = (rel, plain)
    flows = dict(loaded.partial.flows) if loaded.partial is not None else {}
    return Version(flows, files, loaded.partial)


def _fragments(text: str | None, path: str) -> dict[str, Any]:
    if text is None:
        return {}
    document, _ = parse_document(text, path)
    plain = document.plain() if isinstance(document, YMap) else {}
    found = plain.get("fragments")
    return found if isinstance(found, dict) else {}


def _users(files: Mapping[str, tuple[str, dict[str, Any]]], fragment_id: str) -> dict[str, Any]:
    """flow id -> (nodes using the fragment, base flow id through which, or None)."""
    direct: dict[str, tuple[str, ...]] = {}
    for flow_id, (_, plain) in files.items():
        nodes = plain.get("nodes") if isinstance(plain.get("nodes"), dict) else {}
        assert isinstance(nodes, dict)
        using = tuple(
            n
            for n, body in nodes.items()
            if isinstance(body, dict) and body.get("use") == fragment_id
        )
        if using:
            direct[flow_id] = using
    found: dict[str, Any] = {k: (v, None) for k, v in direct.items()}
    changed = True
    while changed:  # variants of users, and variants of those
        changed = False
        for flow_id, (_, plain) in files.items():
            base = plain.get("extends")
            if flow_id not in found and isinstance(base, str) and base in found:
                found[flow_id] = (found[base][0], found[base][1] or base)
                changed = True
    return found


def flow_yaml(flow: Flow | None) -> str | None:
    if flow is None:
        return None
    data = flow.model_dump(mode="json", exclude_none=True)
    for node in data["nodes"].values():
        node.pop("id", None)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def fragment_impact(
    core: StudioCore, commit: str, path: str, new_text: str, laws: Mapping[str, str]
) -> list[FragmentImpact]:
    """Every changed fragment of ``path`` and every flow it reaches, with its diff."""
    if "/_fragments/" not in f"/{path}":
        raise InvalidInput(f"{path} is geen bestand met bouwstenen (flows/_fragments/…).")
    old_text = core.repo.read_file(commit, path)
    old, new = _fragments(old_text, path), _fragments(new_text, path)
    changed = sorted(k for k in {*old, *new} if old.get(k) != new.get(k))
    if not changed:
        return []
    before = version_flows(core, commit)
    after = version_flows(core, commit, {path: new_text})
    out = []
    for fragment_id in changed:
        impacts = []
        for flow_id, (nodes, via) in sorted(_users(before.files, fragment_id).items()):
            file = before.files[flow_id][0]
            old_flow, new_flow = before.flows.get(flow_id), after.flows.get(flow_id)
            shown = new_flow or old_flow
            title = shown.title if shown is not None else flow_id
            diff = describe_file(file, flow_yaml(old_flow), flow_yaml(new_flow), dict(laws))
            impacts.append(FlowImpact(flow_id, file, title, nodes, via, diff))
        out.append(FragmentImpact(fragment_id, tuple(impacts)))
    return out


def copy_into_flow(
    core: StudioCore, commit: str, path: str, new_text: str, flow_id: str
) -> tuple[str, str]:
    """(the flow's file, its new text): every changed fragment the flow's own nodes use is
    written into those nodes (their own fields still win), and ``use:`` goes.

    Raises:
        NotFound: the flow does not use a changed fragment in its own file.
    """
    old = _fragments(core.repo.read_file(commit, path), path)
    new = _fragments(new_text, path)
    version = version_flows(core, commit)
    if flow_id not in version.files:
        raise NotFound(f"Er is geen vraag {flow_id} in dit voorstel.")
    file, plain = version.files[flow_id]
    text = core.repo.read_file(commit, file) or ""
    nodes = plain.get("nodes") if isinstance(plain.get("nodes"), dict) else {}
    assert isinstance(nodes, dict)
    touched = False
    for node_id, body in nodes.items():
        use = body.get("use") if isinstance(body, dict) else None
        if not isinstance(use, str) or old.get(use) == new.get(use) or use not in new:
            continue
        own = set(body)
        fields: dict[str, Any] = {k: v for k, v in new[use].items() if k not in own}
        fields["use"] = None
        text = update_node(text, node_id, fields)
        touched = True
    if not touched:
        raise NotFound(
            f"De vraag {flow_id} gebruikt in haar eigen bestand geen bouwsteen die je wijzigt. "
            "Kies een vraag uit de lijst, of wijzig de bouwsteen overal."
        )
    return file, text
