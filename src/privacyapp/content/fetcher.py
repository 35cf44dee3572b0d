"""The TUF fetcher over the app's injected httpx client: the only way updates touch the network.

python-tuf asks a ``FetcherInterface`` for bytes and counts them against the signed or
configured maximum length itself (endless data). This fetcher adds what TUF leaves to the
network layer:

- a time limit per file (a server that drips bytes is cut off, not waited for) on top of the
  client's per-read timeout;
- ``Accept-Encoding: identity`` and raw bytes, so a small compressed answer cannot unpack into
  gigabytes before TUF counts it;
- no cookie and no identifying header: the request carries only ``User-Agent: PrivacyApp``
  (no version, no device), and any ``Cookie`` header the shared client would add is removed;
- no redirects (an update address that moved must be set again on purpose).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import httpx
from tuf.api.exceptions import DownloadError, DownloadHTTPError
from tuf.ngclient import FetcherInterface

__all__ = ["REQUEST_HEADERS", "HttpxFetcher", "SlowDownload"]

#: Every header an update request sends (httpx adds Host, Accept and Connection).
REQUEST_HEADERS = {
    "User-Agent": "PrivacyApp",
    "Accept-Encoding": "identity",
    "Cache-Control": "no-cache",
}


class SlowDownload(DownloadError):
    """The server took longer than the time limit for one file."""


class HttpxFetcher(FetcherInterface):
    """Fetch TUF metadata and targets with an injected ``httpx.Client``."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        file_seconds: float = 60.0,
        timeout: httpx.Timeout | None = None,
        chunk_size: int = 64 * 1024,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """Args:
        client: the app's client (shared; this fetcher never changes its settings).
        file_seconds: the most one file may take, from request to last byte.
        timeout: per request connect/read timeouts (default 10 s connect, 15 s per read).
        chunk_size: bytes per read.
        monotonic: the clock for ``file_seconds`` (tests).
        """
        self._client = client
        self._file_seconds = file_seconds
        self._timeout = timeout or httpx.Timeout(15.0, connect=10.0)
        self._chunk_size = chunk_size
        self._monotonic = monotonic
        #: URLs fetched, in order (the benchmark and tests read it; never sent anywhere).
        self.fetched: list[str] = []

    def _fetch(self, url: str) -> Iterator[bytes]:
        request = self._client.build_request(
            "GET", url, headers=REQUEST_HEADERS, timeout=self._timeout
        )
        request.headers.pop("Cookie", None)
        self.fetched.append(url)
        deadline = self._monotonic() + self._file_seconds
        try:
            response = self._client.send(request, stream=True, follow_redirects=False)
        except httpx.TimeoutException:
            raise SlowDownload(f"the update server did not answer in time ({url})") from None
        except httpx.HTTPError as exc:
            raise DownloadError(f"the update server cannot be reached ({exc})") from None
        if response.status_code != 200:
            response.close()
            raise DownloadHTTPError(
                f"the update server answered {response.status_code} for {url}",
                response.status_code,
            )
        return self._chunks(response, url, deadline)

    def _chunks(self, response: httpx.Response, url: str, deadline: float) -> Iterator[bytes]:
        try:
            for chunk in response.iter_raw(self._chunk_size):
                if self._monotonic() > deadline:
                    raise SlowDownload(
                        f"the update server is too slow: {url} took more than "
                        f"{self._file_seconds:g} s"
                    )
                yield chunk
        except httpx.TimeoutException:
            raise SlowDownload(f"the update server stopped sending ({url})") from None
        except httpx.HTTPError as exc:
            raise DownloadError(f"the download of {url} broke off ({exc})") from None
        finally:
            response.close()
