"""The library: every flow, resolved, with the registry and a content hash.

A library comes from YAML (``load_flows``, for editors) or from a JSON bundle
(``privacyapp.content.load_bundle``, for the app); both give the same content hash.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from privacyapp.engine.errors import FlowNotFound
from privacyapp.engine.model import Flow
from privacyapp.engine.registry import Registry

__all__ = ["Library", "canonical_content", "hash_content"]


def canonical_content(registry: Registry, flows: Iterable[Flow]) -> dict[str, Any]:
    """The JSON-safe content: the registry and the flows sorted by id."""
    return {
        "registry": registry.model_dump(mode="json", exclude_none=True),
        "flows": [
            flow.model_dump(mode="json", exclude_none=True)
            for flow in sorted(flows, key=lambda f: f.id)
        ],
    }


def hash_content(content: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the canonical JSON of ``{"registry": …, "flows": […]}``."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class Library:
    """All flows, resolved (fragments applied, variants expanded), read-only."""

    __slots__ = ("_flows", "content_hash", "content_version", "registry")

    def __init__(
        self,
        registry: Registry,
        flows: Iterable[Flow],
        *,
        content_hash: str | None = None,
    ) -> None:
        """Build a library; the hash is computed from the content unless given."""
        ordered = sorted(flows, key=lambda f: f.id)
        self.registry = registry
        self._flows: Mapping[str, Flow] = MappingProxyType({f.id: f for f in ordered})
        self.content_version = registry.content_version
        self.content_hash = (
            content_hash
            if content_hash is not None
            else hash_content(canonical_content(registry, ordered))
        )

    def published(self) -> Library:
        """The flows users may see: only ``status: published`` (drafts and flows in review stay
        with the editors). The content hash stays the bundle's, so a saved path names the
        content it came from."""
        return Library(
            self.registry,
            (f for f in self._flows.values() if f.status == "published"),
            content_hash=self.content_hash,
        )

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
