"""`privacyapp records …` through ``cli.main``: what a support person or a script sees."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privacyapp import cli
from privacyapp.commands.records import save_path
from privacyapp.dossier import AppLock, FileBackend, KdfParams

PIN = "24680"
FAST = KdfParams("argon2id", b"\0" * 16, iterations=1, memory_kib=64)
NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def run(data_dir: Path, *argv: str, pin: str | None = PIN) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    env = {"PRIVACYAPP_PIN": pin} if pin else {}
    code = cli.main(
        ["--data-dir", str(data_dir), *argv], stdout=out, stderr=err, env=env, clock=lambda: NOW
    )
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    vault = AppLock(FileBackend(data_dir), kdf=FAST, clock=lambda: NOW).set_pin(PIN)
    vault.create(
        "path", "Delen met de huisarts", {"steps": ["q1:ja"]}, reference="D-17", flow_id="jeugd-a"
    )
    vault.create("request", "Inzageverzoek gemeente", {"to": "gemeente"}, status="verstuurd")
    vault.create("identity", "Mijn sleutel", {"private_key_pem": "SECRET-KEY"})
    return data_dir


def test_list_text(store: Path) -> None:
    code, out, err = run(store, "records", "list")
    assert code == 0, err
    assert "Delen met de huisarts  [D-17]" in out
    assert "verzoek" in out and "verstuurd" in out
    assert len(out.splitlines()) == 3


def test_list_json_filters_kind_and_has_no_payload(store: Path) -> None:
    code, out, _ = run(store, "records", "list", "--kind", "path", "--format", "json")
    assert code == 0
    [item] = json.loads(out)
    assert item["title"] == "Delen met de huisarts"
    assert item["flow_id"] == "jeugd-a"
    assert "payload" not in item


def test_show_by_prefix_and_identity_secret_never_shown(store: Path) -> None:
    _, out, _ = run(store, "records", "list", "--format", "json")
    ids = {item["title"]: item["id"] for item in json.loads(out)}
    code, out, _ = run(store, "records", "show", ids["Delen met de huisarts"][:6])
    assert code == 0 and "q1:ja" in out and "jeugd-a" in out
    code, out, _ = run(store, "records", "show", ids["Mijn sleutel"], "--format", "json")
    assert code == 0 and "SECRET-KEY" not in out and "niet geëxporteerd" in out


def test_show_unknown_id(store: Path) -> None:
    code, _, err = run(store, "records", "show", "ffffffff")
    assert code == 1 and "Er is geen bewaard item" in err


def test_wrong_pin_and_missing_pin(store: Path) -> None:
    code, _, err = run(store, "records", "list", pin="99999")
    assert code == 1 and "pincode klopt niet" in err
    code, _, err = run(store, "records", "list", pin=None)
    assert code == 1 and "PRIVACYAPP_PIN" in err


def test_export_zip_has_json_and_pdf(store: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "export.zip"
    code, out, err = run(store, "records", "export", str(out_file))
    assert code == 0 and "3 item(s)" in out and "niet versleuteld" in err
    with zipfile.ZipFile(out_file) as bundle:
        data = json.loads(bundle.read("mijn-overzicht.json"))
        pdf = bundle.read("mijn-overzicht.pdf")
    assert {r["title"] for r in data["records"]} >= {"Delen met de huisarts"}
    assert pdf.startswith(b"%PDF")
    assert "SECRET-KEY" not in json.dumps(data)


def test_export_pdf_lists_titles(store: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out_file = tmp_path / "export.zip"
    run(store, "records", "export", str(out_file))
    with zipfile.ZipFile(out_file) as bundle:
        reader = PdfReader(io.BytesIO(bundle.read("mijn-overzicht.pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Delen met de huisarts" in text
    assert "niet versleuteld" in text


def test_export_json_only(store: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "alles.json"
    code, _, _ = run(store, "records", "export", str(out_file))
    assert code == 0
    assert len(json.loads(out_file.read_text())["records"]) == 3


def test_delete(store: Path) -> None:
    _, out, _ = run(store, "records", "list", "--format", "json")
    target = json.loads(out)[0]
    code, out, _ = run(store, "records", "delete", target["id"])
    assert code == 0 and target["title"] in out
    _, out, _ = run(store, "records", "list", "--format", "json")
    assert target["id"] not in out


def test_wipe_needs_yes_and_works_without_pin(store: Path) -> None:
    code, _, err = run(store, "records", "wipe")
    assert code == 1 and "niet ongedaan" in err
    assert (store / "keys.json").exists()
    code, out, _ = run(store, "records", "wipe", "--yes", pin=None)
    assert code == 0 and "gewist" in out
    assert list(store.iterdir()) == []
    code, out, _ = run(store, "records", "list")
    assert code == 0 and "Nog niets bewaard" in out


def test_problems_are_warned_and_exit_1(store: Path) -> None:
    victim = next(store.glob("rec-*.bin"))
    victim.write_bytes(victim.read_bytes()[:30])
    code, out, err = run(store, "records", "list")
    assert code == 1
    assert "waarschuwing" in err and "ingekort" in err
    assert len(out.splitlines()) == 2


def test_newer_format_is_a_clear_error(store: Path) -> None:
    body = json.loads((store / "keys.json").read_text())
    body["format"] = 9
    (store / "keys.json").write_text(json.dumps(body))
    code, _, err = run(store, "records", "list")
    assert code == 1 and "nieuwere versie" in err


def test_save_path_creates_the_store_and_refuses_a_bsn(tmp_path: Path) -> None:
    data_dir = tmp_path / "nieuw"
    ctx = cli.CliContext(
        data_dir=data_dir, stdout=io.StringIO(), stderr=io.StringIO(),
        env={"PRIVACYAPP_PIN": PIN}, clock=lambda: NOW,
    )  # fmt: skip
    with pytest.raises(Exception, match="BSN"):
        save_path(ctx, {"steps": []}, title="x", flow_id="f", reference="111222333")
    assert not data_dir.exists() or not any(data_dir.iterdir())
    record = save_path(ctx, {"steps": []}, title="Pad", flow_id="f", reference="K-1")
    assert record.reference == "K-1"
    assert "vergeten" in ctx.stderr.getvalue() and "BSN" in ctx.stderr.getvalue()


REPO = Path(__file__).resolve().parents[2]


def test_flows_walk_save_stores_the_path_encrypted(store: Path) -> None:
    walk = ["flows", "walk", "algemeen-delen-zonder-toestemming", "--answers", "2,Nee,1"]
    flows = ["--flows", str(REPO / "flows")]
    code, _, err = run(store, *walk, *flows, "--save", "--reference", "CASUS-42")
    assert code == 0, err
    assert "bewaard als" in err and "BSN" in err
    _, out, _ = run(store, "records", "list", "--kind", "path", "--format", "json")
    saved = next(item for item in json.loads(out) if item["reference"] == "CASUS-42")
    assert saved["flow_id"] == "algemeen-delen-zonder-toestemming"
    _, shown, _ = run(store, "records", "show", saved["id"], "--format", "json")
    payload = json.loads(shown)["payload"]
    assert payload["flow_id"] == "algemeen-delen-zonder-toestemming"
    assert payload["advice_node_id"]
    everything = b"".join(p.read_bytes() for p in store.iterdir())
    assert b"CASUS-42" not in everything and b"delen-zonder" not in everything


def test_flows_walk_save_refuses_a_bsn_reference(store: Path) -> None:
    walk = ["flows", "walk", "algemeen-delen-zonder-toestemming", "--answers", "2,Nee,1"]
    code, _, err = run(
        store, *walk, "--flows", str(REPO / "flows"), "--save", "--reference", "111 222 333"
    )
    assert code == 1 and "lijkt op een BSN" in err
    _, out, _ = run(store, "records", "list", "--format", "json")
    assert len(json.loads(out)) == 3
