"""Content bundles: compile flows to JSON, publish them with TUF, and update installed apps.

- ``bundle``: build and load the bundle (no UI, no YAML at run time);
- ``publish``: the TUF repository editors publish to (python-tuf's Metadata API);
- ``updater``: the app's side: check, verify, install atomically, report (python-tuf ngclient
  over the app's injected httpx client, see ``fetcher``);
- ``signing``: detached Ed25519 signatures for one bundle file outside any repository.
"""

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
    ContentError,
    ContentNotClean,
    KeysMissing,
    PublishError,
    SignatureInvalid,
    SigningKeyInvalid,
    UpdateFailed,
    UpdateIncompatible,
    UpdateNotConfigured,
    UpdateRefused,
    UpdateUnavailable,
)
from privacyapp.content.signing import (
    generate_signing_key,
    load_signing_key,
    sign_bundle,
    verify_bundle,
)

__all__ = [
    "BUNDLE_FORMAT",
    "BUNDLE_RESOURCE",
    "BundleInvalid",
    "ContentError",
    "ContentNotClean",
    "KeysMissing",
    "PublishError",
    "SignatureInvalid",
    "SigningKeyInvalid",
    "UpdateFailed",
    "UpdateIncompatible",
    "UpdateNotConfigured",
    "UpdateRefused",
    "UpdateUnavailable",
    "build_bundle",
    "builtin_library",
    "bundle_bytes",
    "generate_signing_key",
    "load_bundle",
    "load_signing_key",
    "sign_bundle",
    "verify_bundle",
]
