"""The municipality directory, kept current from the Register van Overheidsorganisaties.

Plain Python (no UI): :class:`MunicipalityDirectory` holds a typed, immutable
:class:`Municipality` per active municipality, searches it by name, refreshes it from the
register's XML export through an injected ``httpx.Client``, and looks up postcodes through the
PDOK Locatieserver when the user asks for it.
"""

from privacyapp.opendata._directory import (
    CACHE_FILE,
    MAX_AGE,
    MunicipalityDirectory,
    PostcodeMatch,
    RefreshResult,
)
from privacyapp.opendata._feed import DEFAULT_MAX_BYTES, REGISTER_URL
from privacyapp.opendata._http import HTTP_TIMEOUT, default_client
from privacyapp.opendata._model import Address, Municipality, normalise_postcode
from privacyapp.opendata._pdok import PDOK_URL, PostcodeArea
from privacyapp.opendata._roo_csv import parse_register_csv
from privacyapp.opendata._roo_xml import RegisterXmlParser
from privacyapp.opendata._search import search_key
from privacyapp.opendata._store import DirectoryData
from privacyapp.opendata.errors import (
    FeedError,
    FeedFormatError,
    FeedImplausibleError,
    FeedTooLargeError,
    FeedUnavailableError,
    InvalidPostcodeError,
    OpenDataCode,
    OpenDataError,
    PostcodeError,
    PostcodeLookupError,
    PostcodeUnavailableError,
    SnapshotError,
)

__all__ = [
    "Address",
    "CACHE_FILE",
    "DEFAULT_MAX_BYTES",
    "DirectoryData",
    "FeedError",
    "FeedFormatError",
    "FeedImplausibleError",
    "FeedTooLargeError",
    "FeedUnavailableError",
    "HTTP_TIMEOUT",
    "InvalidPostcodeError",
    "MAX_AGE",
    "Municipality",
    "MunicipalityDirectory",
    "OpenDataCode",
    "OpenDataError",
    "PDOK_URL",
    "PostcodeArea",
    "PostcodeError",
    "PostcodeLookupError",
    "PostcodeMatch",
    "PostcodeUnavailableError",
    "REGISTER_URL",
    "RefreshResult",
    "RegisterXmlParser",
    "SnapshotError",
    "default_client",
    "normalise_postcode",
    "parse_register_csv",
    "search_key",
]
