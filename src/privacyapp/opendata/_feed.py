"""Download and parse the register's export, with conditional requests and a size limit.

The only network I/O of the directory goes through the injected ``httpx.Client``. The body is
streamed into the XML parser chunk by chunk; the download stops as soon as it passes the size
limit, so a runaway response is never read in full.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import httpx

from privacyapp.opendata._model import Municipality
from privacyapp.opendata._roo_xml import RegisterExport, RegisterXmlParser
from privacyapp.opendata._store import DirectoryData
from privacyapp.opendata.errors import FeedFormatError, FeedTooLargeError, FeedUnavailableError

__all__ = ["DEFAULT_MAX_BYTES", "REGISTER_URL", "FeedResult", "fetch_register"]

REGISTER_URL = "https://organisaties.overheid.nl/archive/exportOO_gemeenten.xml"
#: The municipalities export is a few MB; the full export of all organisations is ~38 MB.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FeedResult:
    """What a fetch produced: new data, or ``None`` when the register said "not modified"."""

    data: DirectoryData | None
    bytes_read: int = 0


def fetch_register(
    client: httpx.Client,
    *,
    url: str = REGISTER_URL,
    previous: DirectoryData | None = None,
    now: Callable[[], datetime],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FeedResult:
    """Fetch the export at ``url``; conditional on ``previous`` when it came from ``url``.

    Raises:
        FeedUnavailableError: no connection, timeout, or an HTTP error status.
        FeedTooLargeError: the body passed ``max_bytes``.
        FeedFormatError: the body is not a usable register export.
    """
    headers = {"Accept": "application/xml, text/xml"}
    if previous is not None and previous.url == url and previous.origin != "snapshot":
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return FeedResult(None)
            _check_response(response, max_bytes)
            export, total = _parse_body(response, max_bytes)
            etag = response.headers.get("etag")
            last_modified = response.headers.get("last-modified")
    except httpx.TimeoutException as exc:
        raise FeedUnavailableError(
            "Het register reageerde niet op tijd. We gebruiken de gegevens die we al hadden; "
            "probeer het later opnieuw."
        ) from exc
    except httpx.HTTPError as exc:
        raise FeedUnavailableError(
            "Geen verbinding met het register. We gebruiken de gegevens die we al hadden; "
            "controleer je internet en probeer het opnieuw."
        ) from exc
    moment = now()
    today = moment.date()
    records: dict[str, Municipality] = {}
    for entry in export.entries:
        record = entry.to_municipality() if entry.is_active(today) else None
        if record is not None and record.code not in records:
            records[record.code] = record
    if not records:
        raise FeedFormatError(
            "De lijst van het register bevat geen actieve gemeenten. We gebruiken de gegevens "
            "die we al hadden."
        )
    updated = _data_date(export.timestamp, last_modified, today)
    return FeedResult(
        DirectoryData(
            municipalities=tuple(records.values()),
            updated_at=updated,
            url=url,
            checked_at=moment,
            etag=etag,
            last_modified=last_modified,
            origin="register",
        ),
        bytes_read=total,
    )


def _check_response(response: httpx.Response, max_bytes: int) -> None:
    if not 200 <= response.status_code < 300:
        raise FeedUnavailableError(
            f"Het register gaf foutcode {response.status_code}. We gebruiken de "
            "gegevens die we al hadden; probeer het later opnieuw."
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(max_bytes)


def _parse_body(response: httpx.Response, max_bytes: int) -> tuple[RegisterExport, int]:
    """Stream the body into the parser; stop at ``max_bytes`` without reading the rest."""
    parser = RegisterXmlParser()
    total = 0
    for chunk in response.iter_bytes(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(max_bytes)
        parser.feed(chunk)
    return parser.close(), total


def _too_large(max_bytes: int) -> FeedTooLargeError:
    return FeedTooLargeError(
        f"Het bestand van het register is groter dan {max_bytes // (1024 * 1024)} MB. We zijn "
        "gestopt met downloaden en gebruiken de gegevens die we al hadden."
    )


def _data_date(stamp: datetime | None, last_modified: str | None, today: date) -> date:
    """The export's own timestamp, else the server's Last-Modified, else today."""
    if stamp is not None:
        return stamp.date()
    if last_modified:
        try:
            return parsedate_to_datetime(last_modified).date()
        except (TypeError, ValueError):
            pass
    return today
