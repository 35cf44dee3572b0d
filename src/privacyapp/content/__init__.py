"""Content bundles: compile flows to JSON for the app, and load them back (no UI, no YAML)."""

from privacyapp.content.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_RESOURCE,
    build_bundle,
    builtin_library,
    bundle_bytes,
    load_bundle,
)
from privacyapp.content.errors import BundleInvalid, ContentError, ContentNotClean

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_RESOURCE",
    "BundleInvalid",
    "ContentError",
    "ContentNotClean",
    "build_bundle",
    "builtin_library",
    "bundle_bytes",
    "load_bundle",
]
