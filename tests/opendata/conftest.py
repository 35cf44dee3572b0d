"""Fixtures for the municipality directory tests: real data files and a real HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from opendata.http_server import ScriptedServer

FIXTURES = Path(__file__).parent / "fixtures"
CSV_FILE = FIXTURES / "Gemeenten-2026-04-15.csv"
XML_SAMPLE = FIXTURES / "exportOO_gemeenten_sample.xml"
PDOK_SAMPLE = FIXTURES / "pdok_free_postcode_3584CC.json"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    # short timeouts: the timeout test's server stalls longer than this
    with httpx.Client(timeout=httpx.Timeout(1.0)) as http:
        yield http
