"""`privacyapp gemeenten update|find|snapshot`, called through ``cli.main``."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

# the register fixtures and the scripted HTTP server live with the opendata tests
sys.path.insert(0, str(Path(__file__).parents[1]))

from opendata.http_server import Reply, ScriptedServer, refused_url  # noqa: E402
from opendata.roo_xml import entry, register_xml  # noqa: E402
from opendata.test_feed import full_export  # noqa: E402
from privacyapp.cli import main  # noqa: E402

FIXTURES = Path(__file__).parents[1] / "opendata" / "fixtures"
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
PDOK_PATH = "/bzk/locatieserver/search/v3_1/free"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def run(*argv: str, data_dir: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--data-dir", str(data_dir), *argv], stdout=out, stderr=err, env={}, clock=lambda: NOW
    )
    return code, out.getvalue(), err.getvalue()


def test_update_fetches_caches_and_says_when(tmp_path: Path, server: ScriptedServer) -> None:
    body = full_export(entry("Nijmegen", "gm0268"), timestamp="2026-11-21T22:00:00+01:00")
    url = server.on("/export.xml", Reply(body=body, headers={"ETag": '"a"'}))
    code, out, err = run("gemeenten", "update", "--url", url, data_dir=tmp_path)
    assert code == 0, err
    assert "Bijgewerkt: 342 gemeenten, bijgewerkt op 21-11-2026." in out
    assert "Bron: Register van Overheidsorganisaties, bijgewerkt op 21-11-2026" in out
    assert (tmp_path / "opendata" / "gemeenten.json").exists()
    # find now answers from the cache
    code, out, _ = run("gemeenten", "find", "nijmegen", data_dir=tmp_path)
    assert code == 0
    assert "Nijmegen (GM0268)" in out
    assert "bijgewerkt op 21-11-2026" in out


def test_update_without_connection_fails_and_keeps_the_date(tmp_path: Path) -> None:
    code, out, err = run("gemeenten", "update", "--url", refused_url(), data_dir=tmp_path)
    assert code == 1
    assert "Geen verbinding met het register" in err
    assert "bijgewerkt op 15-04-2026 (342 gemeenten)" in out


def test_update_rejects_a_csv(tmp_path: Path, server: ScriptedServer) -> None:
    url = server.on("/export.xml", Reply(body=(FIXTURES / "Gemeenten-2026-04-15.csv").read_bytes()))
    code, out, err = run("gemeenten", "update", "--url", url, data_dir=tmp_path)
    assert code == 1
    assert "CSV-bestand" in err
    assert "342 gemeenten" in out


def test_update_refuses_a_list_that_drops_most_municipalities(
    tmp_path: Path, server: ScriptedServer
) -> None:
    body = register_xml([entry("Nijmegen", "gm0268")], timestamp="2026-11-21T22:00:00+01:00")
    url = server.on("/export.xml", Reply(body=body))
    code, out, err = run("gemeenten", "update", "--url", url, data_dir=tmp_path)
    assert code == 1
    assert "mist 341 van de 342 gemeenten" in err
    assert "342 gemeenten" in out
    code, out, _ = run("gemeenten", "find", "Utrecht", data_dir=tmp_path)
    assert code == 0 and "Utrecht (GM0344)" in out


def test_find_by_name_as_text(tmp_path: Path) -> None:
    code, out, _ = run("gemeenten", "find", "Den Bosch", data_dir=tmp_path)
    assert code == 0
    assert out.splitlines()[0] == "'s-Hertogenbosch (GM0796)"
    assert "  telefoon: (073) 615 51 55" in out
    assert "  e-mail: gemeente@s-hertogenbosch.nl" in out
    assert "  bezoekadres: Wolvenhoek 1, 5211 HH  'S-HERTOGENBOSCH" in out
    assert out.rstrip().endswith("bijgewerkt op 15-04-2026")


def test_find_without_general_email_says_what_to_use(tmp_path: Path) -> None:
    code, out, _ = run("gemeenten", "find", "Amsterdam", data_dir=tmp_path)
    assert code == 0
    assert "e-mail: (geen algemeen e-mailadres; gebruik het formulier of bel)" in out
    assert "contactformulier: https://www.amsterdam.nl/contact/" in out


def test_find_by_name_as_json(tmp_path: Path) -> None:
    code, out, _ = run(
        "gemeenten", "find", "sudwest fryslan", "--format", "json", data_dir=tmp_path
    )
    assert code == 0
    payload = json.loads(out)
    assert payload["kind"] == "name"
    assert payload["updated_at"] == "2026-04-15"
    first = payload["results"][0]
    assert first["code"] == "GM1900"
    assert first["name"] == "Súdwest-Fryslân"
    assert first["postal_address"]["city"] == "SNEEK"


def test_find_nothing_is_exit_1(tmp_path: Path) -> None:
    code, _, err = run("gemeenten", "find", "xyzzyq", data_dir=tmp_path)
    assert code == 1
    assert "Geen gemeente gevonden" in err


def test_find_by_postcode_asks_pdok_and_says_so(tmp_path: Path, server: ScriptedServer) -> None:
    url = server.on(
        PDOK_PATH, Reply(body=(FIXTURES / "pdok_free_postcode_3584CC.json").read_bytes())
    )
    code, out, err = run(
        "gemeenten", "find", "3584CC", "--pdok-url", url, "--format", "json", data_dir=tmp_path
    )
    assert code == 0, err
    assert "naar PDOK" in err
    payload = json.loads(out)
    assert payload["kind"] == "postcode"
    assert [(r["name"], r["places"]) for r in payload["results"]] == [("Utrecht", ["Utrecht"])]


def test_find_by_postcode_without_network_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run(
        "gemeenten", "find", "3584 CC", "--pdok-url", refused_url(), data_dir=tmp_path
    )
    assert code == 1
    assert "Zoek je gemeente op naam" in err


def test_snapshot_builds_the_built_in_list(tmp_path: Path) -> None:
    out_file = tmp_path / "gemeenten.json"
    csv_file = FIXTURES / "Gemeenten-2026-04-15.csv"
    code, out, _ = run(
        "gemeenten", "snapshot", "--csv", str(csv_file), "--out", str(out_file), data_dir=tmp_path
    )
    assert code == 0
    assert "342 gemeenten, bijgewerkt op 2026-04-15" in out
    built = json.loads(out_file.read_text("utf-8"))
    shipped = json.loads(
        (Path(__file__).parents[2] / "src/privacyapp/assets/gemeenten.json").read_text("utf-8")
    )
    assert built == shipped  # the committed snapshot is exactly what the command makes


def test_snapshot_needs_a_date(tmp_path: Path) -> None:
    csv_file = tmp_path / "Gemeenten.csv"
    csv_file.write_bytes((FIXTURES / "Gemeenten-2026-04-15.csv").read_bytes())
    code, _, err = run(
        "gemeenten",
        "snapshot",
        "--csv",
        str(csv_file),
        "--out",
        str(tmp_path / "x.json"),
        data_dir=tmp_path,
    )
    assert code == 2
    assert "--date" in err


def test_snapshot_of_a_missing_file_is_an_error(tmp_path: Path) -> None:
    code, _, err = run(
        "gemeenten",
        "snapshot",
        "--csv",
        str(tmp_path / "nope.csv"),
        "--out",
        str(tmp_path / "x.json"),
        data_dir=tmp_path,
    )
    assert code == 1
    assert "niet lezen" in err
