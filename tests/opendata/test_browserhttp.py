"""The static web build's HTTP client: the browser's own request, to PDOK only, and the register
never asked. A fake ``XMLHttpRequest`` stands in for the browser (the real one is driven in
``tests/e2e/test_web_static.py``)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from opendata.conftest import PDOK_SAMPLE
from privacyapp.opendata import (
    PDOK_URL,
    MunicipalityDirectory,
    PostcodeLookupError,
    PostcodeUnavailableError,
)
from privacyapp.opendata._browserhttp import BrowserTransport

PDOK_HOST = httpx.URL(PDOK_URL).host
SAMPLE = PDOK_SAMPLE.read_bytes()


class FakeXhr:
    """What the browser does with one synchronous request, as scripted by a test."""

    def __init__(self, status: int, body: bytes, headers: str = "", *, fail: str = ""):
        self.status, self.response, self._headers, self._fail = status, body, headers, fail
        self.timeout = 0
        self.opened: tuple[str, str, bool] | None = None
        self.sent_headers: dict[str, str] = {}
        self.responseType = ""

    def open(self, method: str, url: str, asynchronous: bool) -> None:
        self.opened = (method, url, asynchronous)

    def setRequestHeader(self, name: str, value: str) -> None:  # noqa: N802 - the DOM's name
        self.sent_headers[name] = value

    def send(self, body: Any) -> None:
        if self._fail:
            raise RuntimeError(self._fail)  # Pyodide turns the browser's DOMException into this

    def getAllResponseHeaders(self) -> str:  # noqa: N802
        return self._headers


def client_with(xhr: FakeXhr, made: list[FakeXhr] | None = None) -> httpx.Client:
    def factory() -> FakeXhr:
        if made is not None:
            made.append(xhr)
        return xhr

    return httpx.Client(transport=BrowserTransport([PDOK_HOST], xhr=factory))


def test_the_browser_sends_the_lookup_and_its_answer_comes_back() -> None:
    xhr = FakeXhr(
        200,
        SAMPLE,
        "content-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: 9\r\n",
    )
    answer = client_with(xhr).get(PDOK_URL, params={"q": "3584CC"}, headers={"Accept": "x/y"})
    assert xhr.opened is not None
    method, url, asynchronous = xhr.opened
    assert method == "GET" and url.startswith(PDOK_URL + "?q=3584CC") and asynchronous is False
    assert xhr.sent_headers["accept"] == "x/y"
    assert not {"host", "user-agent", "accept-encoding"} & set(xhr.sent_headers)  # the browser's
    assert xhr.responseType == "arraybuffer"
    # the browser already unzipped the body: httpx must not try again
    assert answer.status_code == 200 and answer.json()["response"]["docs"]
    assert answer.headers["content-type"] == "application/json"


@pytest.mark.parametrize(
    "url", ["https://organisaties.overheid.nl/archive/x.xml", "http://" + PDOK_HOST + "/free"]
)
def test_any_other_host_or_plain_http_is_refused_before_the_browser_sees_it(url: str) -> None:
    made: list[FakeXhr] = []
    with pytest.raises(httpx.ConnectError, match="does not ask"):
        client_with(FakeXhr(200, b""), made).get(url)
    assert made == []


@pytest.mark.parametrize(
    "xhr", [FakeXhr(0, b""), FakeXhr(200, b"", fail="NetworkError: A network error occurred.")]
)
def test_a_refused_request_is_no_connection(xhr: FakeXhr) -> None:
    """Offline, CORS or the CSP: the browser says status 0 or throws; the app says "no
    connection" and name search goes on."""
    directory = MunicipalityDirectory(None, client_with(xhr), asks_register=False)
    with pytest.raises(PostcodeUnavailableError):
        directory.lookup_postcode("3584 CC")


def test_a_request_the_browser_gives_up_on_says_it_took_too_long() -> None:
    """A synchronous request holds Python until it ends, so it must carry a time limit; when the
    browser gives up, the user hears the service was slow, not that there is no connection."""
    xhr = FakeXhr(200, b"", fail="TimeoutError: Failed to execute 'send': The request timed out.")
    directory = MunicipalityDirectory(None, client_with(xhr), asks_register=False)
    with pytest.raises(PostcodeUnavailableError, match="niet op tijd"):
        directory.lookup_postcode("3584 CC")
    assert xhr.timeout == 15_000


def test_the_directory_finds_the_municipality_through_the_browser() -> None:
    directory = MunicipalityDirectory(None, client_with(FakeXhr(200, SAMPLE)), asks_register=False)
    matches = directory.lookup_postcode("3584cc")
    assert [m.municipality.name for m in matches if m.municipality is not None] == ["Utrecht"]


def test_an_error_status_from_pdok_is_a_lookup_error() -> None:
    directory = MunicipalityDirectory(None, client_with(FakeXhr(503, b"busy")), asks_register=False)
    with pytest.raises(PostcodeLookupError, match="503"):
        directory.lookup_postcode("3584 CC")


def test_the_web_build_never_asks_the_register_and_says_so() -> None:
    made: list[FakeXhr] = []
    directory = MunicipalityDirectory(
        None, client_with(FakeXhr(200, b""), made), asks_register=False
    )
    assert directory.online and not directory.refreshes
    result = directory.refresh(force=True)
    assert result.status == "skipped" and "webversie" in result.message
    assert result.updated_at == directory.updated_at
    assert made == []  # nothing was sent
