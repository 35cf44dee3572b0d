"""A hostile or broken register (security review 7b-7d), over real HTTP on 127.0.0.1.

A trickling body, a list that would drop most municipalities, duplicate codes, an older export
and a redirect to another host are all refused; the last good list stays and the user is told.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx

from opendata.http_server import Reply, ScriptedServer
from opendata.roo_xml import entry, register_xml
from opendata.test_feed import (
    FRESH,
    HEAD,
    HEADERS,
    STAMP,
    Clock,
    assert_fresh,
    assert_kept_snapshot,
    full_export,
    make,
)
from privacyapp.opendata import CACHE_FILE, FeedImplausibleError, FeedUnavailableError
from privacyapp.opendata._roo_csv import parse_register_csv

from .conftest import CSV_FILE

TRICKLE = 200  # bytes the trickling server would send, one every 0.1 s (20 s in all)


def trickle() -> Iterator[bytes]:
    yield HEAD
    for _ in range(TRICKLE):
        time.sleep(0.1)
        yield b" "


def test_a_trickling_body_is_cut_off_at_the_overall_deadline(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    # Every byte comes well within the client's 1 s read timeout: only a deadline stops it.
    url = server.on("/export.xml", Reply(body=trickle))
    directory = make(tmp_path, client, url, clock, deadline=1.0)
    result = directory.refresh()
    assert result.status == "failed"
    assert isinstance(result.error, FeedUnavailableError)
    assert "te langzaam" in result.message
    assert_kept_snapshot(directory, result.message)
    assert server.script.sent["/export.xml"] < len(HEAD) + TRICKLE // 2


def test_a_list_with_one_municipality_does_not_replace_342(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    body = register_xml([entry("Nijmegen", "gm0268")], timestamp=STAMP)
    url = server.on("/export.xml", Reply(body=body, headers=HEADERS))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert result.status == "failed"
    assert isinstance(result.error, FeedImplausibleError)
    assert "mist 341 van de 342 gemeenten" in result.message
    assert_kept_snapshot(directory, result.message)
    assert directory.find("Utrecht")  # still found
    assert not (tmp_path / CACHE_FILE).exists()


def test_a_list_missing_a_few_merged_municipalities_is_accepted(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    entries = parse_register_csv(CSV_FILE.read_text("utf-8"))[5:]  # five merged away
    url = server.on("/export.xml", Reply(body=register_xml(entries, timestamp=STAMP)))
    directory = make(tmp_path, client, url, clock)
    assert directory.refresh().status == "updated"
    assert len(directory.all()) == 337


def test_duplicate_codes_are_refused_and_the_real_municipality_stays(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    entries = parse_register_csv(CSV_FILE.read_text("utf-8"))
    fake = entry("Nepstad", "gm0268")
    body = register_xml([fake, *entries], timestamp=STAMP)  # the fake comes first
    url = server.on("/export.xml", Reply(body=body, headers=HEADERS))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert isinstance(result.error, FeedImplausibleError)
    assert "GM0268 twee keer" in result.message
    nijmegen = directory.get("GM0268")
    assert nijmegen is not None and nijmegen.name == "Nijmegen"
    assert_kept_snapshot(directory, result.message)


def test_an_export_older_than_the_list_in_use_is_refused(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    old = full_export(timestamp="2019-03-01T22:00:00+01:00")
    url = server.on("/export.xml", Reply(body=FRESH, headers=HEADERS), Reply(body=old))
    directory = make(tmp_path, client, url, clock)
    assert directory.refresh().status == "updated"
    result = directory.refresh(force=True)
    assert isinstance(result.error, FeedImplausibleError)
    assert "01-03-2019" in result.message and "ouder" in result.message
    assert directory.updated_at == date(2026, 11, 20)
    assert_fresh(directory)


def test_a_redirect_to_another_host_is_not_followed(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    with ScriptedServer() as other:
        elsewhere = other.on("/export.xml", Reply(body=FRESH)).replace("127.0.0.1", "localhost")
        url = server.on("/export.xml", Reply(status=302, headers={"Location": elsewhere}))
        directory = make(tmp_path, client, url, clock)
        result = directory.refresh()
        assert isinstance(result.error, FeedUnavailableError)
        assert "ander adres (localhost)" in result.message
        assert other.requests == []
    assert_kept_snapshot(directory, result.message)


def test_a_redirect_to_a_file_url_is_not_followed(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(status=302, headers={"Location": "file:///etc/passwd"}))
    result = make(tmp_path, client, url, clock).refresh()
    assert isinstance(result.error, FeedUnavailableError)
    assert "ander adres (file:)" in result.message


def test_a_redirect_within_the_register_host_is_followed(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    server.on("/nieuw/export.xml", Reply(body=FRESH, headers=HEADERS))
    url = server.on("/export.xml", Reply(status=301, headers={"Location": "/nieuw/export.xml"}))
    directory = make(tmp_path, client, url, clock)
    assert directory.refresh().status == "updated"
    assert_fresh(directory)


def test_a_redirect_loop_stops(
    tmp_path: Path, client: httpx.Client, server: ScriptedServer, clock: Clock
) -> None:
    url = server.on("/export.xml", Reply(status=302, headers={"Location": "/export.xml"}))
    directory = make(tmp_path, client, url, clock)
    result = directory.refresh()
    assert isinstance(result.error, FeedUnavailableError)
    assert "te vaak door" in result.message
    assert len(server.requests) == 6
