"""Benchmark the municipality directory: parsing the register's export, and name search.

The register's XML export is generated from the real CSV (all 342 municipalities, in the live
file's shape: every organisation with classifications, a council, a burgemeester with his own
contact, a nested department), padded with ``--pad`` extra functions per organisation to reach a
realistic size. Baselines are measured in the same run:

- parse: a plain ``ElementTree.parse`` of the same bytes (builds the tree, extracts nothing);
- refresh: the streaming parse plus building the directory, over an in-memory HTTP transport;
- search: a linear scan that lower-cases every name and tests ``in`` (no accents, no typos).

    PYTHONPATH=src .venv/bin/python benchmarks/opendata_bench.py [--repeat 5] [--pad 20]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))  # the export generator lives with the parser tests

from opendata.roo_xml import register_xml  # noqa: E402
from privacyapp.opendata import (  # noqa: E402
    MunicipalityDirectory,
    RegisterXmlParser,
    parse_register_csv,
)

CSV_FILE = REPO / "tests" / "opendata" / "fixtures" / "Gemeenten-2026-04-15.csv"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
QUERIES = (
    "Nijmegen",
    "den bosch",
    "sudwest fryslan",
    "amst",
    "Groningn",
    "bergen",
    "s-hertogenbosch",
    "Gemeente Utrecht",
    "zw",
    "Westerkwartier",
)
_FUNCTION = (
    '<p:functie p:systeemId="2"><p:naam>Wethouder</p:naam><p:medewerkers><p:medewerker>'
    "<p:naam>mw. B. Voorbeeld</p:naam><p:partijLidmaatschap>Partij</p:partijLidmaatschap>"
    "<p:contact><p:telefoonnummers><p:telefoonnummer><p:nummer>(012) 345 67 89</p:nummer>"
    "<p:label>algemeen</p:label></p:telefoonnummer></p:telefoonnummers></p:contact>"
    "</p:medewerker></p:medewerkers></p:functie>"
)


def best(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of ``repeat`` runs, in milliseconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def streaming_parse(data: bytes) -> int:
    parser = RegisterXmlParser()
    view = memoryview(data)
    for start in range(0, len(data), 65536):
        parser.feed(bytes(view[start : start + 65536]))
    export = parser.close()
    return sum(1 for e in export.entries if e.to_municipality() is not None)


def baseline_parse(data: bytes) -> int:
    return len(ET.parse(io.BytesIO(data)).getroot())


def refresh_over_http(data: bytes) -> int:
    transport = httpx.MockTransport(lambda _r: httpx.Response(200, content=data))
    with httpx.Client(transport=transport) as client:
        directory = MunicipalityDirectory(
            None, client, url="http://register.test/x.xml", clock=lambda: NOW
        )
        result = directory.refresh(force=True)
        assert result.status == "updated", result.message
        return len(directory.all())


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=5)
    options.add_argument("--pad", type=int, default=20, help="extra functies per organisation")
    args = options.parse_args()

    csv_text = CSV_FILE.read_text("utf-8")
    entries = parse_register_csv(csv_text)
    data = register_xml(entries)
    if args.pad:
        data = data.replace(b"<p:functies>", b"<p:functies>" + _FUNCTION.encode() * args.pad)
    assert streaming_parse(data) == 342

    directory = MunicipalityDirectory(clock=lambda: NOW)
    names = [m.name for m in directory.all()]

    def linear_scan() -> int:
        found = 0
        for query in QUERIES:
            needle = query.casefold()
            found += sum(1 for name in names if needle in name.casefold())
        return found

    def directory_search() -> int:
        return sum(len(directory.find(query)) for query in QUERIES)

    rows: list[tuple[str, float, str, float]] = []
    parse_ms = best(lambda: streaming_parse(data), args.repeat)
    tree_ms = best(lambda: baseline_parse(data), args.repeat)
    rows.append(("parse export, streaming + records", parse_ms, "ElementTree.parse", tree_ms))
    refresh_ms = best(lambda: refresh_over_http(data), args.repeat)
    rows.append(("refresh over HTTP (in memory)", refresh_ms, "ElementTree.parse", tree_ms))
    csv_ms = best(lambda: parse_register_csv(csv_text), args.repeat)
    rows.append(("parse CSV export (342 rows)", csv_ms, "ElementTree.parse", tree_ms))
    load_ms = best(lambda: MunicipalityDirectory(clock=lambda: NOW), args.repeat)
    rows.append(("load built-in list + index", load_ms, "ElementTree.parse", tree_ms))
    search_ms = best(directory_search, args.repeat * 4) / len(QUERIES)
    scan_ms = best(linear_scan, args.repeat * 4) / len(QUERIES)
    rows.append(("name search, per query", search_ms, "linear substring scan", scan_ms))

    print(f"export: {len(data) / 1e6:.2f} MB XML, 342 municipalities; best of {args.repeat} runs")
    print(f"{'measurement':36} {'ms':>9}   {'baseline':24} {'ms':>9} {'ratio':>7}")
    for label, ms, base_label, base_ms in rows:
        print(f"{label:36} {ms:9.3f}   {base_label:24} {base_ms:9.3f} {ms / base_ms:6.2f}x")
    mean_hits = statistics.mean(len(directory.find(q)) for q in QUERIES)
    print(f"queries: {len(QUERIES)} (typos, accents, aliases); mean hits {mean_hits:.1f}")


if __name__ == "__main__":
    main()
