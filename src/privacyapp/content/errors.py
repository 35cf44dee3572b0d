"""Errors of content bundles, their publication and their updates.

    PrivacyAppError
     └── ContentError                 a bundle cannot be built, published, fetched or read
          ├── BundleInvalid           the bundle is damaged or of an unknown format
          │    └── SignatureInvalid   the signature is missing, wrong, or from an unknown key
          ├── SigningKeyInvalid       a signing key file cannot be read
          ├── ContentNotClean         the flows have errors, so no bundle is built
          ├── PublishError            the TUF repository cannot be written or signed
          │    └── KeysMissing        too few private keys at hand for a role's threshold
          └── UpdateFailed            a content update was not installed (old content kept)
               ├── UpdateUnavailable  the server could not be reached, was too slow or too big
               ├── UpdateRefused      the server's metadata or bundle failed a security check
               ├── UpdateIncompatible the update needs a newer app (or has another format)
               └── UpdateNotConfigured no update address or trusted root is set

Every message says what the user (or editor) can do about it.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = [
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
]


class ContentError(PrivacyAppError):
    """Base class of the content package's errors."""


class BundleInvalid(ContentError):
    """The bundle cannot be read: damaged, tampered with, or from a newer app."""


class ContentNotClean(ContentError):
    """The flows have errors; ``privacyapp flows check`` lists them."""


class SignatureInvalid(BundleInvalid):
    """The bundle's signature does not verify with a trusted key."""


class SigningKeyInvalid(ContentError):
    """The signing key file is not an Ed25519 private key."""


class PublishError(ContentError):
    """The TUF repository cannot be made, read, signed or written."""


class KeysMissing(PublishError):
    """Fewer private keys of a role are at hand than its threshold needs."""


class UpdateFailed(ContentError):
    """A content update was not installed; the content the app had is still in use."""

    #: A short word for the status file and the UI: ``unavailable``, ``refused``, ...
    result = "failed"


class UpdateUnavailable(UpdateFailed):
    """The update server could not be reached, answered an error, was too slow or too big."""

    result = "unavailable"


class UpdateRefused(UpdateFailed):
    """The update failed a security check (signature, version, expiry, hash, or content)."""

    result = "refused"


class UpdateIncompatible(UpdateFailed):
    """The update needs a newer version of the app, or has a bundle format this app lacks."""

    result = "incompatible"


class UpdateNotConfigured(UpdateFailed):
    """This build has no update address or no trusted root."""

    result = "not-configured"
