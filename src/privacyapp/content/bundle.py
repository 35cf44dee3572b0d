"""The content bundle: every flow compiled to one JSON file that the app loads.

The app never parses YAML at run time (YAML is slow and risky to parse on a phone). Editors'
tooling compiles ``flows/`` with ``privacyapp flows build`` into
``src/privacyapp/assets/content-bundle.json``; a test fails when that file is stale.

The bundle holds the bundle format, ``content_version`` (from the registry), ``content_hash``
(SHA-256 of the canonical JSON of the registry and the resolved flows, the same hash a library
loaded from YAML has), ``bundle_hash`` (SHA-256 of the bundle's own bytes with this field set to
zeros, so loading checks the bytes instead of serialising the content again), the registry and the
flows, and (when there are any) the municipalities' resolved overlays: per municipality, each
adapted flow as it shows it and which parts are local (``privacyapp.engine.overlays``). It is
deterministic: the same flows give the same bytes. A bundle without ``bundle_hash``
(built before it existed) is checked against ``content_hash`` as before.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from privacyapp.content.errors import BundleInvalid, ContentNotClean
from privacyapp.engine import Flow, Library, Registry, canonical_content, load_flows
from privacyapp.engine._bulk import paused_gc
from privacyapp.engine.library import hash_content
from privacyapp.engine.overlays import MunicipalOverlay

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_RESOURCE",
    "build_bundle",
    "builtin_library",
    "bundle_bytes",
    "load_bundle",
]

BUNDLE_FORMAT = 1
BUNDLE_RESOURCE = "content-bundle.json"
_NO_HASH = "0" * 64


def bundle_bytes(library: Library) -> bytes:
    """The bundle of a library, as UTF-8 JSON (stable key order, one trailing newline)."""
    with paused_gc():
        content = canonical_content(
            library.registry, library.flows.values(), library.overlays.values()
        )
    bundle: dict[str, Any] = {
        "bundle_format": BUNDLE_FORMAT,
        "bundle_hash": _NO_HASH,
        "content_version": library.content_version,
        "content_hash": library.content_hash,
        **content,
    }
    text = json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1)
    unsigned = (text + "\n").encode("utf-8")
    return unsigned.replace(
        _hash_field(_NO_HASH), _hash_field(hashlib.sha256(unsigned).hexdigest()), 1
    )


def _hash_field(value: str) -> bytes:
    return f'"bundle_hash": "{value}"'.encode("ascii")


def _bytes_intact(data: bytes, bundle_hash: Any) -> bool:
    """True when ``data`` hashes to its own ``bundle_hash`` (that field read as zeros)."""
    if not isinstance(bundle_hash, str) or len(bundle_hash) != 64 or not bundle_hash.isalnum():
        return False
    unsigned = data.replace(_hash_field(bundle_hash), _hash_field(_NO_HASH), 1)
    return hashlib.sha256(unsigned).hexdigest() == bundle_hash


def build_bundle(flows_dir: Path | str) -> bytes:
    """Load and check ``flows_dir`` and compile it into a bundle.

    Raises:
        ContentNotClean: when the flows have errors (warnings are allowed).
    """
    result = load_flows([Path(flows_dir)])
    if result.library is None:
        count = len(result.errors)
        raise ContentNotClean(
            f"the flows have {count} error(s); run `privacyapp flows check` and fix them first"
        )
    return bundle_bytes(result.library)


def load_bundle(data: bytes) -> Library:
    """Read a bundle into a library and verify its content hash.

    Raises:
        BundleInvalid: when the bundle is not valid JSON, has another format, does not match
            the model, or its hash does not match its content.
    """
    with paused_gc(freeze=True):  # millions of small objects; see privacyapp.engine._bulk
        return _load_bundle(data)


def _load_bundle(data: bytes) -> Library:
    try:
        bundle = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleInvalid(f"the content bundle is damaged ({exc}); reinstall the app") from None
    if not isinstance(bundle, dict) or bundle.get("bundle_format") != BUNDLE_FORMAT:
        raise BundleInvalid("the content bundle has an unknown format; update the app")
    try:
        content = {"registry": bundle["registry"], "flows": bundle["flows"]}
        if "overlays" in bundle:
            content["overlays"] = bundle["overlays"]
        registry = Registry.model_validate(content["registry"])
        flows = [Flow.model_validate(flow) for flow in content["flows"]]
        overlays = [MunicipalOverlay.model_validate(o) for o in content.get("overlays", ())]
    except (KeyError, TypeError, ValidationError) as exc:
        raise BundleInvalid(f"the content bundle does not match this app: {exc}") from None
    # The bytes carry their own hash; an older bundle holds the canonical content, so hashing
    # what was read is hashing the content.
    if "bundle_hash" in bundle:
        intact = _bytes_intact(data, bundle["bundle_hash"])
    else:
        intact = hash_content(content) == bundle.get("content_hash")
    if not intact:
        raise BundleInvalid("the content bundle was changed after it was built; reinstall the app")
    library = Library(registry, flows, content_hash=bundle["content_hash"], overlays=overlays)
    return library


@functools.cache
def builtin_library() -> Library:
    """The library shipped inside the app (``privacyapp/assets/content-bundle.json``).

    Read once per process: a library is immutable, so every caller can share it.
    """
    data = resources.files("privacyapp").joinpath("assets", BUNDLE_RESOURCE).read_bytes()
    return load_bundle(data)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes (for update checks)."""
    return hashlib.sha256(data).hexdigest()
