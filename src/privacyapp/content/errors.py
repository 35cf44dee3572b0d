"""Errors of content bundles.

    PrivacyAppError
     └── ContentError                 a bundle cannot be built, signed or read
          ├── BundleInvalid           the bundle is damaged or of an unknown format
          │    ├── SignatureInvalid   the signature is missing, wrong, or from an unknown key
          │    └── BundleRollback     an update is older than the content already installed
          ├── SigningKeyInvalid       a signing key file cannot be read
          └── ContentNotClean         the flows have errors, so no bundle is built

Every message says what the user (or editor) can do about it.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = [
    "BundleInvalid",
    "BundleRollback",
    "ContentError",
    "ContentNotClean",
    "SignatureInvalid",
    "SigningKeyInvalid",
]


class ContentError(PrivacyAppError):
    """Base class of the content package's errors."""


class BundleInvalid(ContentError):
    """The bundle cannot be read: damaged, tampered with, or from a newer app."""


class ContentNotClean(ContentError):
    """The flows have errors; ``privacyapp flows check`` lists them."""


class SignatureInvalid(BundleInvalid):
    """The bundle's signature does not verify with a trusted key."""


class BundleRollback(BundleInvalid):
    """A content update is not newer than the installed content."""


class SigningKeyInvalid(ContentError):
    """The signing key file is not an Ed25519 private key."""
