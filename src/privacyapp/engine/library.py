"""The library: every flow, resolved, with the registry and a content hash.

A library comes from YAML (``load_flows``, for editors) or from a JSON bundle
(``privacyapp.content.load_bundle``, for the app); both give the same content hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from privacyapp.engine.errors import FlowNotFound
from privacyapp.engine.model import Flow
from privacyapp.engine.registry import Registry

if TYPE_CHECKING:
    from privacyapp.engine.overlays import MunicipalFlow, MunicipalOverlay

__all__ = ["Library", "canonical_content", "hash_content"]


def canonical_content(
    registry: Registry, flows: Iterable[Flow], overlays: Iterable[MunicipalOverlay] = ()
) -> dict[str, Any]:
    """The JSON-safe content: the registry, the flows sorted by id and (only when there are
    any) the municipalities' resolved overlays sorted by code."""
    content: dict[str, Any] = {
        "registry": registry.model_dump(mode="json", exclude_none=True),
        "flows": [
            flow.model_dump(mode="json", exclude_none=True)
            for flow in sorted(flows, key=lambda f: f.id)
        ],
    }
    local = sorted(overlays, key=lambda o: o.code)
    if local:
        content["overlays"] = [o.model_dump(mode="json", exclude_none=True) for o in local]
    return content


def hash_content(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of ``{"registry": …, "flows": […]}``."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Library:
    """All flows, resolved (fragments applied, variants expanded), read-only."""

    __slots__ = ("_flows", "content_hash", "content_version", "overlays", "registry")

    def __init__(
        self,
        registry: Registry,
        flows: Iterable[Flow],
        *,
        content_hash: str | None = None,
        overlays: Iterable[MunicipalOverlay] = (),
    ) -> None:
        """Build a library; the hash is computed from the content unless given."""
        ordered = sorted(flows, key=lambda f: f.id)
        local = sorted(overlays, key=lambda o: o.code)
        self.registry = registry
        self._flows: Mapping[str, Flow] = MappingProxyType({f.id: f for f in ordered})
        #: The municipalities' resolved overlays, by CBS gemeentecode (``GM0363``).
        self.overlays: Mapping[str, MunicipalOverlay] = MappingProxyType({o.code: o for o in local})
        self.content_version = registry.content_version
        self.content_hash = (
            content_hash
            if content_hash is not None
            else hash_content(canonical_content(registry, ordered, local))
        )

    def published(self) -> Library:
        """The flows users may see: only ``status: published`` (drafts and flows in review stay
        with the editors). The content hash stays the bundle's, so a saved path names the
        content it came from."""
        shown = {f.id for f in self._flows.values() if f.status == "published"}
        return Library(
            self.registry,
            (self._flows[i] for i in shown),
            content_hash=self.content_hash,
            overlays=(
                o.model_copy(update={"flows": {k: v for k, v in o.flows.items() if k in shown}})
                for o in self.overlays.values()
            ),
        )

    def for_municipality(self, flow_id: str, code: str | None) -> MunicipalFlow | None:
        """The flow as municipality ``code`` shows it (None: it has no local version).

        The result's ``flow`` replaces the national one; ``local`` names the parts
        (``node.field``) that are the municipality's own text.
        """
        overlay = self.overlays.get(code) if code else None
        return overlay.flows.get(flow_id) if overlay is not None else None

    def flow_for(self, flow_id: str, code: str | None) -> Flow:
        """The flow to show for municipality ``code``: its local version, else the national one.

        Raises:
            FlowNotFound: when there is no such flow.
        """
        national = self.get(flow_id)
        local = self.for_municipality(flow_id, code)
        return local.flow if local is not None else national

    @property
    def flows(self) -> Mapping[str, Flow]:
        """Flows by id, sorted by id."""
        return self._flows

    def get(self, flow_id: str) -> Flow:
        """The flow with this id.

        Raises:
            FlowNotFound: with a "did you mean" when the id is close to a known one.
        """
        try:
            return self._flows[flow_id]
        except KeyError:
            from privacyapp.engine.diagnostics import did_you_mean

            hint = did_you_mean(flow_id, self._flows, fallback="run `privacyapp flows list`")
            raise FlowNotFound(f'there is no flow "{flow_id}"; {hint}') from None

    def flows_for(self, audience: str | None = None, sector: str | None = None) -> list[Flow]:
        """Flows for an audience and/or sector (None: any), sorted by title."""
        found = [
            flow
            for flow in self._flows.values()
            if (audience is None or audience in flow.audience)
            and (sector is None or flow.sector == sector)
        ]
        return sorted(found, key=lambda f: (f.title.casefold(), f.id))

    def __len__(self) -> int:
        return len(self._flows)

    def __contains__(self, flow_id: object) -> bool:
        return flow_id in self._flows
