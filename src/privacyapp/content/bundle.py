"""The content bundle: every flow compiled to one JSON file that the app loads.

The app never parses YAML at run time (YAML is slow and risky to parse on a phone). Editors'
tooling compiles ``flows/`` with ``privacyapp flows build`` into
``src/privacyapp/assets/content-bundle.json``; a test fails when that file is stale.

The bundle holds the bundle format, ``content_version`` (from the registry), ``content_hash``
(SHA-256 of the canonical JSON of the registry and the resolved flows, the same hash a library
loaded from YAML has), the registry and the flows. It is deterministic: the same flows give the
same bytes.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from privacyapp.content.errors import BundleInvalid, ContentNotClean
from privacyapp.engine import Flow, Library, Registry, canonical_content, load_flows
from privacyapp.engine.library import hash_content

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


def bundle_bytes(library: Library) -> bytes:
    """The bundle of a library, as UTF-8 JSON (stable key order, one trailing newline)."""
    content = canonical_content(library.registry, library.flows.values())
    bundle: dict[str, Any] = {
        "bundle_format": BUNDLE_FORMAT,
        "content_version": library.content_version,
        "content_hash": library.content_hash,
        **content,
    }
    text = json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


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
    try:
        bundle = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleInvalid(f"the content bundle is damaged ({exc}); reinstall the app") from None
    if not isinstance(bundle, dict) or bundle.get("bundle_format") != BUNDLE_FORMAT:
        raise BundleInvalid("the content bundle has an unknown format; update the app")
    try:
        content = {"registry": bundle["registry"], "flows": bundle["flows"]}
        registry = Registry.model_validate(content["registry"])
        flows = [Flow.model_validate(flow) for flow in content["flows"]]
    except (KeyError, TypeError, ValidationError) as exc:
        raise BundleInvalid(f"the content bundle does not match this app: {exc}") from None
    # The bundle holds the canonical content, so hashing what was read is hashing the content.
    if hash_content(content) != bundle.get("content_hash"):
        raise BundleInvalid("the content bundle was changed after it was built; reinstall the app")
    library = Library(registry, flows, content_hash=bundle["content_hash"])
    return library


def builtin_library() -> Library:
    """The library shipped inside the app (``privacyapp/assets/content-bundle.json``)."""
    data = resources.files("privacyapp").joinpath("assets", BUNDLE_RESOURCE).read_bytes()
    return load_bundle(data)


def sha256(data: bytes) -> str:
    """Hex SHA-256 of some bytes (for update checks)."""
    return hashlib.sha256(data).hexdigest()
