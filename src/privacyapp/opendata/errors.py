"""Errors of the municipality directory (register feed and postcode lookup).

    PrivacyAppError
     └── OpenDataError
          ├── FeedError                 the register could not be refreshed; the old data stays
          │    ├── FeedUnavailableError   no connection, timeout, or an HTTP error status
          │    ├── FeedTooLargeError      the download passed the size limit; it was stopped
          │    ├── FeedFormatError        not the register's XML (truncated, malformed, CSV, empty)
          │    └── FeedImplausibleError   a well-formed export we do not believe: it drops most
          │                               municipalities, repeats a code, or is older than ours
          ├── SnapshotError             the built-in or cached list cannot be read
          └── PostcodeError             the postcode lookup failed
               ├── InvalidPostcodeError   the text is not a Dutch postcode (nothing was sent)
               └── PostcodeLookupError    PDOK could not be used
                    └── PostcodeUnavailableError  offline, no connection or no answer in time

Every message says what the user can do. When a refresh fails, the directory keeps the last good
data, so the messages say so too. Each error also has a ``code`` (:class:`OpenDataCode`), so a
screen says it in its own language (``municipality.<code>`` in the app's catalogs); the Dutch
message is for the CLI.
"""

from __future__ import annotations

from enum import StrEnum

from privacyapp.errors import PrivacyAppError

__all__ = [
    "FeedError",
    "FeedFormatError",
    "FeedImplausibleError",
    "FeedTooLargeError",
    "FeedUnavailableError",
    "InvalidPostcodeError",
    "OpenDataCode",
    "OpenDataError",
    "PostcodeError",
    "PostcodeLookupError",
    "PostcodeUnavailableError",
    "SnapshotError",
]


class OpenDataCode(StrEnum):
    """What went wrong with the register or the postcode lookup."""

    FEED_FAILED = "feed_failed"
    FEED_OFFLINE = "feed_offline"
    FEED_TOO_LARGE = "feed_too_large"
    FEED_FORMAT = "feed_format"
    FEED_IMPLAUSIBLE = "feed_implausible"
    SNAPSHOT = "snapshot"
    POSTCODE_INVALID = "no_postcode"
    POSTCODE_FAILED = "postcode_failed"
    POSTCODE_OFFLINE = "postcode_offline"


class OpenDataError(PrivacyAppError):
    """Base of all municipality-directory errors."""

    #: What went wrong, for a screen (each kind of error has its own).
    code: OpenDataCode = OpenDataCode.FEED_FAILED


class FeedError(OpenDataError):
    """The register feed could not be used; the last good data is still in use."""


class FeedUnavailableError(FeedError):
    """No connection, a timeout or an HTTP error status."""

    code = OpenDataCode.FEED_OFFLINE


class FeedTooLargeError(FeedError):
    """The download grew past the size limit and was stopped."""

    code = OpenDataCode.FEED_TOO_LARGE


class FeedFormatError(FeedError):
    """The download is not a usable register export."""

    code = OpenDataCode.FEED_FORMAT


class FeedImplausibleError(FeedError):
    """A well-formed export that cannot be right: it would drop most municipalities, names one
    code twice, or is older than the list in use. The list in use stays."""

    code = OpenDataCode.FEED_IMPLAUSIBLE


class SnapshotError(OpenDataError):
    """The built-in or cached municipality list cannot be read."""

    code = OpenDataCode.SNAPSHOT


class PostcodeError(OpenDataError):
    """Base of postcode lookup errors."""

    code = OpenDataCode.POSTCODE_FAILED


class InvalidPostcodeError(PostcodeError):
    """The text is not a Dutch postcode; nothing was sent."""

    code = OpenDataCode.POSTCODE_INVALID


class PostcodeLookupError(PostcodeError):
    """The postcode service could not be reached or gave an unusable answer."""


class PostcodeUnavailableError(PostcodeLookupError):
    """The postcode service could not be reached: offline, no connection or no answer in time.

    Its parent covers the rest (an error status, an answer we cannot read), so a screen can
    tell "try again when online" apart from "the service has a problem".
    """

    code = OpenDataCode.POSTCODE_OFFLINE
