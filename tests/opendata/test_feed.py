"""Refreshing from the register over real HTTP (a scripted server on 127.0.0.1).

In every failing case the last good data stays in use and the user is told its date.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from opendata.conftest import CSV_FILE, NOW
from opendata.http_server import Reply, ScriptedServer, refused_url
from opendata.roo_xml import NS_BASE, entry, register_xml
from privacyapp.opendata import (
    CACHE_FILE,
    FeedFormatError,
    FeedTooLargeError,
    FeedUnavailableError,
    MunicipalityDirectory,
)
from privacyapp.opendata._register import RegisterEntry
from privacyapp.opendata._roo_csv import parse_register_csv

SNAPSHOT_DATE = date(2026, 4, 15)
STAMP = "2026-11-20T22:00:10.863+01:00"


def full_export(*changes: RegisterEntry, **kwargs: str) -> bytes:
    """The real 342 municipalities (the CSV) as an XML export; ``changes`` replace or add."""
    entries = {e.municipality_code(): e for e in parse_register_csv(CSV_FILE.read_text("utf-8"))}
    for change in changes:
        entries[change.municipality_code()] = change
    return register_xml(entries.values(), **kwargs)


# A plausible refresh: every municipality, Weesp abolished, and two changed entries.
FRESH = full_export(
    entry("Weesp", "gm0457", end=date(2022, 3, 24)),
    entry("Amsterdam", "gm0363", email=None),
    entry("Nijmegen", "gm0268"),
    timestamp=STAMP,
)


def assert_fresh(directory: MunicipalityDirectory) -> None:
    """The data is FRESH's: all 342, Weesp gone, and the two changed entries as changed."""
    names = [m.name for m in directory.all()]
    assert len(names) == 342 and "Weesp" not in names
    nijmegen = directory.get("GM0268")
    assert nijmegen is not None and nijmegen.website == "https://www.gm0268.example"
    amsterdam = directory.get("GM0363")
    assert amsterdam is not None and amsterdam.email is None


HEADERS = {
    "Content-Type": "application/xml",
    "ETag": '"v1"',
    "Last-Modified": "Fri, 20 Nov 2026 21:00:10 GMT",
}


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


def make(
    tmp_path: Path, client: httpx.Client, url: str, clock: Clock, **kwargs: int
) -> MunicipalityDirectory:
    return MunicipalityDirectory(tmp_path, client, url=url, clock=clock, **kwargs)


def assert_kept_snapshot(directory: MunicipalityDirectory, message: str) -> None:
    assert len(directory.all()) == 342
    assert directory.updated_at == SNAPSHOT_DATE
    assert directory.origin == "snapshot"
    assert "15-04-2026" in message


def test_refresh_replaces_the_list_and_caches_it(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(body=FRESH, headers=HEADERS))
    directory = make(tmp_path, client, url, clock)
    assert directory.needs_refresh()  # the built-in list was never checked

    result = directory.refresh()

    assert result.status == "updated"
    assert "bijgewerkt op 20-11-2026" in result.message
    assert_fresh(directory)  # Weesp is abolished
    assert directory.updated_at == date(2026, 11, 20)
    assert directory.source_line == (
        "Bron: Register van Overheidsorganisaties, bijgewerkt op 20-11-2026"
    )
    assert not directory.needs_refresh()
    cached = json.loads((tmp_path / CACHE_FILE).read_text("utf-8"))
    assert cached["etag"] == '"v1"'
    assert len(cached["municipalities"]) == 342
    assert {m["code"] for m in cached["municipalities"]} >= {"GM0363", "GM0268"}
    # the next start uses the cache, without the network
    again = MunicipalityDirectory(tmp_path, None, clock=clock)
    assert again.origin == "cache"
    assert again.get("GM0268") == directory.get("GM0268")


def test_not_modified_keeps_the_data_and_marks_it_checked(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on(
        "/export.xml", Reply(body=FRESH, headers=HEADERS), Reply(status=304, headers=HEADERS)
    )
    directory = make(tmp_path, client, url, clock)
    directory.refresh()
    clock.now = NOW + timedelta(days=8)
    assert directory.needs_refresh()

    result = directory.refresh()

    assert result.status == "not-modified"
    assert result.message == "Bijgewerkt op 20-11-2026."
    _, headers = server.requests[-1]
    assert headers["if-none-match"] == '"v1"'
    assert headers["if-modified-since"] == "Fri, 20 Nov 2026 21:00:10 GMT"
    assert directory.checked_at == NOW + timedelta(days=8)
    assert not directory.needs_refresh()
    assert_fresh(directory)
    reloaded = MunicipalityDirectory(tmp_path, None, clock=clock)
    assert reloaded.checked_at == NOW + timedelta(days=8)


def test_a_fresh_list_is_not_fetched_again(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(body=FRESH, headers=HEADERS))
    directory = make(tmp_path, client, url, clock)
    directory.refresh()
    clock.now = NOW + timedelta(days=6)
    assert directory.refresh().ok
    assert len(server.requests) == 1


def test_first_request_is_not_conditional(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(body=FRESH, headers=HEADERS))
    make(tmp_path, client, url, clock).refresh()
    _, headers = server.requests[0]
    assert "if-none-match" not in headers and "if-modified-since" not in headers


def test_timeout_keeps_the_last_good_data(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(body=FRESH, stall=5.0))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert isinstance(result.error, FeedUnavailableError)
    assert "niet op tijd" in result.message
    assert_kept_snapshot(directory, result.message)


def test_connection_refused_keeps_the_last_good_data(
    tmp_path: Path, client: httpx.Client, clock: Clock
) -> None:
    directory = make(tmp_path, client, refused_url(), clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert "Geen verbinding" in result.message
    assert_kept_snapshot(directory, result.message)
    assert not (tmp_path / CACHE_FILE).exists()


@pytest.mark.parametrize("status", [404, 500])
def test_http_error_keeps_the_last_good_data(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock, status: int
) -> None:
    url = server.on("/export.xml", Reply(status=status, body=b"<html>fout</html>"))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert f"foutcode {status}" in result.message
    assert_kept_snapshot(directory, result.message)


def test_failure_after_a_good_refresh_keeps_the_refreshed_data(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(body=FRESH, headers=HEADERS), Reply(status=500))
    directory = make(tmp_path, client, url, clock)
    directory.refresh()
    result = directory.refresh(force=True)
    assert result.status == "failed"
    assert "20-11-2026" in result.message
    assert result.updated_at == date(2026, 11, 20)
    assert_fresh(directory)
    cached = MunicipalityDirectory(tmp_path, None, clock=clock)
    assert_fresh(cached)


@pytest.mark.parametrize(
    ("body", "error", "words"),
    [
        (FRESH[: len(FRESH) * 2 // 3], FeedFormatError, "niet helemaal binnengekomen"),
        (FRESH.replace(b"</p:naam>", b"</p:naaam>", 1), FeedFormatError, "beschadigd"),
        (register_xml([], timestamp=STAMP), FeedFormatError, "geen gemeenten"),
        (CSV_FILE.read_bytes(), FeedFormatError, "CSV-bestand"),
        (
            register_xml([entry("Weesp", "gm0457", end=date(2022, 3, 24))]),
            FeedFormatError,
            "geen actieve gemeenten",
        ),
    ],
    ids=["truncated", "malformed", "empty-list", "csv", "only-abolished"],
)
def test_bad_content_keeps_the_last_good_data(
    tmp_path: Path,
    client: httpx.Client,
    server: ScriptedServer,
    clock: Clock,
    body: bytes,
    error: type[Exception],
    words: str,
) -> None:
    url = server.on("/export.xml", Reply(body=body, headers={"Content-Type": "text/xml"}))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert isinstance(result.error, error)
    assert words in result.message
    assert_kept_snapshot(directory, result.message)
    assert not (tmp_path / CACHE_FILE).exists()


def test_connection_cut_mid_body_keeps_the_last_good_data(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    # the server promises the whole file but closes the connection halfway
    half = FRESH[: len(FRESH) // 2]
    reply = Reply(body=lambda: iter([half]), headers={"Content-Length": str(len(FRESH))})
    url = server.on("/export.xml", reply)
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert_kept_snapshot(directory, result.message)


def test_a_changed_namespace_version_still_refreshes(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    body = full_export(entry("Nijmegen", "gm0268"), namespace=NS_BASE + "2.6.13")
    url = server.on("/export.xml", Reply(body=body))
    directory = make(tmp_path, client, url, clock)
    assert directory.refresh().status == "updated"
    nijmegen = directory.get("GM0268")
    assert nijmegen is not None and nijmegen.website == "https://www.gm0268.example"


HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<p:overheidsorganisaties xmlns:p="'
    + NS_BASE.encode()
    + b'2.6.9"><p:organisaties>'
)
HUGE = 400 * 1024 * 1024


def endless_export() -> Iterator[bytes]:
    """A well-formed start, then 400 MB of padding: only the size limit stops it."""
    yield HEAD
    padding = b"<!-- " + b"x" * (1024 * 1024 - 9) + b" -->"
    for _ in range(HUGE // len(padding)):
        yield padding


def test_a_response_of_hundreds_of_mb_is_stopped_at_the_limit(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(body=endless_export))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert isinstance(result.error, FeedTooLargeError)
    assert "groter dan 50 MB" in result.message
    assert_kept_snapshot(directory, result.message)
    # the client hung up: the server could send only a fraction of the 400 MB
    assert server.script.sent["/export.xml"] < HUGE // 2


def test_a_declared_size_over_the_limit_is_refused_before_reading(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    reply = Reply(body=endless_export, headers={"Content-Length": str(HUGE)})
    url = server.on("/export.xml", reply)
    directory = make(tmp_path, client, url, clock, max_bytes=10 * 1024 * 1024)
    result = directory.refresh()
    assert isinstance(result.error, FeedTooLargeError)
    assert "groter dan 10 MB" in result.message
    assert server.script.sent.get("/export.xml", 0) < 10 * 1024 * 1024
    assert_kept_snapshot(directory, result.message)


def test_without_a_client_the_user_is_told_the_date(tmp_path: Path, clock: Clock) -> None:
    directory = MunicipalityDirectory(tmp_path, None, clock=clock)
    result = directory.refresh()
    assert result.status == "skipped"
    assert result.message == "Geen verbinding — we gebruiken de gegevens van 15-04-2026."
    assert not directory.online


def test_a_corrupt_cache_falls_back_to_the_built_in_list(tmp_path: Path, clock: Clock) -> None:
    cache = tmp_path / CACHE_FILE
    cache.parent.mkdir(parents=True)
    cache.write_text('{"format": 1, "municipalities": [', "utf-8")
    directory = MunicipalityDirectory(tmp_path, None, clock=clock)
    assert len(directory.all()) == 342
    assert directory.notice is not None and "beschadigd" in directory.notice
    assert cache.read_text("utf-8").startswith('{"format": 1')  # not silently deleted


def test_an_older_cache_loses_to_a_newer_built_in_list(tmp_path: Path, clock: Clock) -> None:
    cache = tmp_path / CACHE_FILE
    cache.parent.mkdir(parents=True)
    old = MunicipalityDirectory(tmp_path, None, clock=clock)
    data = {
        "format": 1,
        "updated_at": "2025-01-01",
        "municipalities": [old.all()[0].to_dict()],
    }
    cache.write_text(json.dumps(data), "utf-8")
    assert len(MunicipalityDirectory(tmp_path, None, clock=clock).all()) == 342
