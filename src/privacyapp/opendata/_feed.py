"""Download and parse the register's export, with conditional requests and a size limit.

The only network I/O of the directory goes through the injected ``httpx.Client``. The body is
streamed into the XML parser chunk by chunk; the download stops as soon as it passes the size
limit, so a runaway response is never read in full, and when it passes an overall deadline, so a
server that trickles a byte at a time cannot keep it going (httpx's timeouts count per read).

Redirects are followed only within the register's own host (http → https allowed), never to
another site. A well-formed export is still refused when it cannot be right: when it would drop
more than a tenth of the municipalities we know (mergers remove a handful a year), names one
municipality code twice, or is older than the list in use. The list in use then stays.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime

import httpx

from privacyapp.opendata._model import Municipality
from privacyapp.opendata._roo_xml import RegisterExport, RegisterXmlParser
from privacyapp.opendata._store import DirectoryData
from privacyapp.opendata.errors import (
    FeedFormatError,
    FeedImplausibleError,
    FeedTooLargeError,
    FeedUnavailableError,
)

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "FeedResult",
    "MAX_REDIRECTS",
    "MIN_KEPT_SHARE",
    "REGISTER_URL",
    "fetch_register",
]

REGISTER_URL = "https://organisaties.overheid.nl/archive/exportOO_gemeenten.xml"
#: The municipalities export is a few MB; the full export of all organisations is ~38 MB.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: Seconds for the whole download. The export is a few MB: on a slow mobile line (1 Mbit/s)
#: that is well under a minute; a server that needs longer is stalling.
DEFAULT_DEADLINE = 120.0
#: Redirects followed, all within the register's own host.
MAX_REDIRECTS = 5
#: Share of the known municipalities a new export must still list (the rest may have merged).
MIN_KEPT_SHARE = 0.9
_REDIRECTS = (301, 302, 303, 307, 308)


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
    deadline: float = DEFAULT_DEADLINE,
    monotonic: Callable[[], float] = time.monotonic,
) -> FeedResult:
    """Fetch the export at ``url``; conditional on ``previous`` when it came from ``url``.

    ``deadline`` bounds the whole download in seconds (checked after every piece of the body;
    one silent read is bounded by the client's own read timeout).

    Raises:
        FeedUnavailableError: no connection, timeout (also the overall deadline), an HTTP error
            status, or a redirect to another host.
        FeedTooLargeError: the body passed ``max_bytes``.
        FeedFormatError: the body is not a usable register export.
        FeedImplausibleError: a usable export that cannot be right compared with ``previous``.
    """
    headers = {"Accept": "application/xml, text/xml"}
    if previous is not None and previous.url == url and previous.origin != "snapshot":
        if previous.etag:
            headers["If-None-Match"] = previous.etag
        if previous.last_modified:
            headers["If-Modified-Since"] = previous.last_modified
    end = monotonic() + deadline
    try:
        with _open(client, url, headers) as response:
            if response.status_code == 304:
                return FeedResult(None)
            _check_response(response, max_bytes)
            export, total = _parse_body(response, max_bytes, lambda: monotonic() > end)
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
        if record is None:
            continue
        if record.code in records:
            raise FeedImplausibleError(
                f"De lijst van het register noemt gemeentecode {record.code} twee keer "
                f"({records[record.code].name} en {record.name}). Zo'n lijst klopt niet; we "
                "gebruiken de gegevens die we al hadden."
            )
        records[record.code] = record
    if not records:
        raise FeedFormatError(
            "De lijst van het register bevat geen actieve gemeenten. We gebruiken de gegevens "
            "die we al hadden."
        )
    updated = _data_date(export.timestamp, last_modified, today)
    if previous is not None:
        _check_against(previous, records, updated)
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


@contextmanager
def _open(client: httpx.Client, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
    """GET ``url`` as a stream, following redirects only within its own host."""
    target = httpx.URL(url)
    for _ in range(MAX_REDIRECTS + 1):
        request = client.build_request("GET", target, headers=headers)
        response = client.send(request, stream=True, follow_redirects=False)
        if response.status_code not in _REDIRECTS or "location" not in response.headers:
            try:
                yield response
            finally:
                response.close()
            return
        response.close()
        following = target.join(response.headers["location"])
        same_host = following.host == target.host and following.port == target.port
        scheme_ok = following.scheme == target.scheme or (
            target.scheme == "http" and following.scheme == "https"
        )
        if not (same_host and scheme_ok):
            raise FeedUnavailableError(
                f"Het register stuurde ons door naar een ander adres "
                f"({following.host or following.scheme + ':'}). "
                "Die volgen we niet: we gebruiken de gegevens die we al hadden. Probeer het "
                "later opnieuw."
            )
        target = following
    raise FeedUnavailableError(
        "Het register stuurde ons te vaak door. We gebruiken de gegevens die we al hadden; "
        "probeer het later opnieuw."
    )


def _check_against(
    previous: DirectoryData, records: dict[str, Municipality], updated: date
) -> None:
    """Refuse an export that is older than, or drops most of, the list in use."""
    if updated < previous.updated_at:
        raise FeedImplausibleError(
            f"De lijst van het register is van {updated:%d-%m-%Y}: ouder dan de lijst die we al "
            f"hebben ({previous.updated_at:%d-%m-%Y}). We gebruiken de nieuwere lijst."
        )
    known = {record.code: record.name for record in previous.municipalities}
    missing = [name for code, name in known.items() if code not in records]
    if len(known) - len(missing) < MIN_KEPT_SHARE * len(known):
        examples = ", ".join(sorted(missing)[:3])
        raise FeedImplausibleError(
            f"De nieuwe lijst van het register mist {len(missing)} van de {len(known)} "
            f"gemeenten die we kennen (bijvoorbeeld {examples}). Zoveel gemeenten verdwijnen "
            "niet tegelijk, dus de lijst klopt niet. We gebruiken de gegevens die we al hadden."
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


def _parse_body(
    response: httpx.Response, max_bytes: int, late: Callable[[], bool]
) -> tuple[RegisterExport, int]:
    """Stream the body into the parser; stop at ``max_bytes`` or when ``late()``.

    Pieces are taken as they arrive (no re-chunking, which would wait for 64 KB of a trickle).
    """
    parser = RegisterXmlParser()
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(max_bytes)
        if late():
            raise FeedUnavailableError(
                "Het register stuurde de lijst te langzaam; we zijn gestopt met downloaden. "
                "We gebruiken de gegevens die we al hadden; probeer het later opnieuw."
            )
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
