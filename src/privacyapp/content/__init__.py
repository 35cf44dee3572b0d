"""Content bundles: compile flows to JSON for the app, and load them back (no UI, no YAML)."""

from privacyapp.content.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_RESOURCE,
    build_bundle,
    builtin_library,
    bundle_bytes,
    load_bundle,
)
from privacyapp.content.errors import (
    BundleInvalid,
    BundleRollback,
    ContentError,
    ContentNotClean,
    SignatureInvalid,
    SigningKeyInvalid,
)
from privacyapp.content.signing import (
    accept_update,
    generate_signing_key,
    load_signing_key,
    sign_bundle,
    verify_bundle,
)

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_RESOURCE",
    "BundleInvalid",
    "BundleRollback",
    "ContentError",
    "ContentNotClean",
    "SignatureInvalid",
    "SigningKeyInvalid",
    "accept_update",
    "build_bundle",
    "builtin_library",
    "bundle_bytes",
    "generate_signing_key",
    "load_bundle",
    "load_signing_key",
    "sign_bundle",
    "verify_bundle",
]
