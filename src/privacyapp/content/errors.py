"""Errors of content bundles.

    PrivacyAppError
     └── ContentError            a bundle cannot be built or read
          ├── BundleInvalid      the bundle is damaged or of an unknown format
          └── ContentNotClean    the flows have errors, so no bundle is built

Every message says what the user (or editor) can do about it.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = ["BundleInvalid", "ContentError", "ContentNotClean"]


class ContentError(PrivacyAppError):
    """Base class of the content package's errors."""


class BundleInvalid(ContentError):
    """The bundle cannot be read: damaged, tampered with, or from a newer app."""


class ContentNotClean(ContentError):
    """The flows have errors; ``privacyapp flows check`` lists them."""
