"""`privacyapp rights …` through ``main(argv)``, as automation uses it."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from privacyapp.cli import main

FOOTER = "Dit bericht is gegenereerd door de PrivacyApp ondersteuning en zorg."


def _run(*argv: str, tmp_path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--data-dir", str(tmp_path), "rights", *argv],
        stdout=out,
        stderr=err,
        env={},
        clock=lambda: datetime(2026, 11, 22, 10, 0, tzinfo=UTC),
    )
    return code, out.getvalue(), err.getvalue()


BASE = ("compose", "--type", "inzage", "--to", "privacy@testdorp.nl", "--name", "Sam de Vries")


def test_compose_text(tmp_path: Path) -> None:
    code, out, err = _run(*BASE, "--detail", "data=mijn Wmo-dossier", tmp_path=tmp_path)
    assert code == 0
    assert out.startswith("Aan:\ntestdorp.nl\nprivacy@testdorp.nl\n\nDatum: 22 november 2026\n")
    assert "Het gaat vooral om: mijn Wmo-dossier." in out
    assert out.rstrip("\n").endswith(FOOTER)
    assert "KopieID" in err and "niet via een server van ons" in err


def test_compose_mailto_round_trip(tmp_path: Path) -> None:
    code, out, _err = _run(
        *BASE,
        "--organisation",
        "Gemeente Testdorp",
        "--detail",
        "data=a&cc=x@y.nl",
        "--format",
        "mailto",
        tmp_path=tmp_path,
    )
    assert code == 0
    parts = urlsplit(out.strip())
    assert parts.scheme == "mailto" and parts.path == "privacy@testdorp.nl"
    fields = parse_qs(parts.query)
    assert set(fields) == {"subject", "body"}


def test_compose_json_has_letter_mailto_and_record(tmp_path: Path) -> None:
    code, out, _err = _run(*BASE, "--format", "json", tmp_path=tmp_path)
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "inzage"
    assert data["body"].endswith(FOOTER)
    assert data["mailto"].startswith("mailto:privacy@testdorp.nl?subject=")
    assert data["deadline"] == "2026-12-22"
    assert data["request"]["sent"] == "2026-11-22"
    assert data["request"]["version"] == 1


def test_compose_for_a_child(tmp_path: Path) -> None:
    code, out, err = _run(
        *BASE, "--for-child", "Noor de Vries", "--role", "voogd", tmp_path=tmp_path
    )
    assert code == 0
    assert "Ik ben de voogd van Noor de Vries." in out
    assert "beschikking" in err and "16 jaar" in err


def test_compose_ics_and_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    code, out, err = _run(*BASE, "--format", "ics", "--pdf", str(pdf), tmp_path=tmp_path)
    assert code == 0
    assert "DTSTART;VALUE=DATE:20261222\r\n" in out
    assert "DTSTAMP:20261122T100000Z\r\n" in out
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "PDF bewaard" in err


def test_compose_ap_complaint_needs_no_to(tmp_path: Path) -> None:
    code, out, _err = _run(
        "compose",
        "--type",
        "klacht-ap",
        "--name",
        "Sam",
        "--address",
        "Dorpsstraat 1",
        "--detail",
        "organisation=Gemeente Testdorp",
        "--detail",
        "complaint=Geen antwoord",
        "--detail",
        "earlier=Brief op 1 september",
        "--detail",
        "wish=Antwoord",
        tmp_path=tmp_path,
    )
    assert code == 0
    assert "Postbus 93374" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--to", "bad"), "geen geldig e-mailadres"),
        (("--to", "a@b.nl,c@d.nl"), "geen geldig e-mailadres"),
        (("--to", ""), "naam van de organisatie"),
        (("--to", "", "--organisation", "Zorg BV"), "e-mailadres of een postadres"),
        (("--to", "a@b.nl", "--detail", "wrong=x"), "vraagt niet om: wrong"),
        (("--to", "a@b.nl", "--detail", "novalue"), "sleutel=waarde"),
    ],
)
def test_compose_bad_input_exits_1_with_a_message(
    argv: tuple[str, ...], message: str, tmp_path: Path
) -> None:
    code, out, err = _run("compose", "--type", "inzage", "--name", "Sam", *argv, tmp_path=tmp_path)
    assert code == 1
    assert out == ""
    assert message in err


def test_compose_missing_required_fields(tmp_path: Path) -> None:
    code, _out, err = _run(
        "compose", "--type", "verwijdering", "--to", "a@b.nl", "--name", " ", tmp_path=tmp_path
    )
    assert code == 1
    assert "Vul nog in: Je naam, Welke gegevens, Waarom" in err


def test_unknown_type_is_a_usage_error(tmp_path: Path) -> None:
    code, _out, _err = _run("compose", "--type", "nope", "--name", "x", tmp_path=tmp_path)
    assert code == 2


@pytest.mark.parametrize(
    ("argv", "due"),
    [
        (("--sent", "2028-01-31"), "29 februari 2028"),
        (("--sent", "2027-01-31"), "28 februari 2027"),
        (("--sent", "2028-01-31", "--extended", "2028-02-10"), "30 april 2028"),
        (("--sent", "2028-01-31", "--type", "vernietiging"), "30 april 2028"),
    ],
)
def test_deadline_text(argv: tuple[str, ...], due: str, tmp_path: Path) -> None:
    code, out, _err = _run("deadline", *argv, tmp_path=tmp_path)
    assert code == 0
    assert f"Uiterlijk antwoord: {due}" in out


def test_deadline_json_and_ics(tmp_path: Path) -> None:
    code, out, _err = _run(
        "deadline", "--sent", "2028-01-31", "--format", "json", tmp_path=tmp_path
    )
    assert code == 0
    assert json.loads(out)["due"] == "2028-02-29"
    code, out, _err = _run("deadline", "--sent", "2028-01-31", "--format", "ics", tmp_path=tmp_path)
    assert "DTSTART;VALUE=DATE:20280229" in out


def test_deadline_bad_dates(tmp_path: Path) -> None:
    assert _run("deadline", "--sent", "31-01-2028", tmp_path=tmp_path)[0] == 2
    code, _out, err = _run(
        "deadline", "--sent", "2028-01-31", "--extended", "2028-01-01", tmp_path=tmp_path
    )
    assert code == 1 and "vóór de datum" in err
    code, _out, err = _run(
        "deadline", "--sent", "2028-01-31", "--type", "klacht-ap", tmp_path=tmp_path
    )
    assert code == 1 and "geen vaste termijn" in err


def test_kinds_lists_every_kind(tmp_path: Path) -> None:
    code, out, _err = _run("kinds", tmp_path=tmp_path)
    assert code == 0
    for kind in ("inzage", "vernietiging", "klacht-ap"):
        assert f"{kind}: " in out
    assert "file (verplicht)" in out


def test_compose_to_a_municipality_from_the_directory(tmp_path: Path) -> None:
    code, out, err = _run(
        "compose", "--type", "inzage", "--gemeente", "aalsmeer", "--name", "Sam",
        "--format", "mailto", tmp_path=tmp_path,
    )  # fmt: skip
    assert code == 0, err
    parts = urlsplit(out.strip())
    assert parts.path == "info@aalsmeer.nl"
    assert set(parse_qs(parts.query)) == {"subject", "body"}


def test_municipality_without_email_explains_the_contact_form(tmp_path: Path) -> None:
    code, out, err = _run(
        "compose", "--type", "inzage", "--gemeente", "Nijmegen", "--name", "Sam",
        "--email", "sam@example.nl", tmp_path=tmp_path,
    )  # fmt: skip
    assert code == 0
    assert out.startswith("Aan:\nGemeente Nijmegen\nPostbus")
    assert "geen e-mailadres in het register" in err and "Contactformulier: http" in err
    code, _out, err = _run(
        "compose", "--type", "inzage", "--gemeente", "Nijmegen", "--name", "Sam",
        "--email", "sam@example.nl", "--format", "mailto", tmp_path=tmp_path,
    )  # fmt: skip
    assert code == 1 and "Een mail-link kan daarom niet" in err


@pytest.mark.parametrize(
    ("query", "message"),
    [("Bergen", "Meer gemeenten passen bij 'Bergen'"), ("xyzzy", "Geen gemeente gevonden")],
)
def test_municipality_query_problems(query: str, message: str, tmp_path: Path) -> None:
    code, _out, err = _run(
        "compose", "--type", "inzage", "--gemeente", query, "--name", "Sam", tmp_path=tmp_path
    )
    assert code == 1 and message in err
