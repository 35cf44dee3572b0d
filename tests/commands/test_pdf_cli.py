"""`privacyapp identity …` and `privacyapp pdf …` as a user runs them."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privacyapp.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dossier"))
from record_samples import sample_record  # noqa: E402

PIN = "24680"
NOW = datetime(2026, 11, 22, 13, 5, tzinfo=UTC)


def run(argv: list[str], data_dir: Path, **env: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    environ = {"PRIVACYAPP_PIN": PIN, **env}
    code = main(
        ["--data-dir", str(data_dir), *argv],
        stdout=out,
        stderr=err,
        env={k: v for k, v in environ.items() if v},
        clock=lambda: NOW,
    )
    return code, out.getvalue(), err.getvalue()


CREATE = [
    "identity", "create", "--name", "Anne de Vries", "--organisation", "Wijkteam Zuid",
    "--email", "anne@wijkteam.example", "--role", "Jeugdconsulent",
]  # fmt: skip


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def with_identity(data_dir: Path) -> str:
    code, out, err = run(CREATE, data_dir)
    assert code == 0, err
    return out.split("Vingerafdruk (SHA-256): ")[1].split()[0]


def test_create_then_show_gives_the_same_fingerprint(data_dir: Path, with_identity: str) -> None:
    code, out, _ = run(["identity", "show"], data_dir)
    assert code == 0
    assert with_identity in out and "Anne de Vries" in out and "zelf gemaakt" in out
    code, out, _ = run(["identity", "show", "--format", "json"], data_dir)
    info = json.loads(out)
    assert info["fingerprint_sha256"] == with_identity
    assert info["role"] == "Jeugdconsulent" and info["origin"] == "self-signed"


def test_identity_is_stored_encrypted(data_dir: Path, with_identity: str) -> None:
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"Anne de Vries" not in path.read_bytes()
            assert b"PRIVATE KEY" not in path.read_bytes()


def test_create_twice_needs_replace(data_dir: Path, with_identity: str) -> None:
    code, _, err = run(CREATE, data_dir)
    assert code == 1 and "--replace" in err
    code, out, _ = run([*CREATE, "--replace"], data_dir)
    assert code == 0 and with_identity not in out


def test_without_pin_or_with_wrong_pin_it_says_what_to_do(
    data_dir: Path, with_identity: str
) -> None:
    code, _, err = run(["identity", "show"], data_dir, PRIVACYAPP_PIN="")
    assert code == 1 and "PRIVACYAPP_PIN" in err
    code, _, err = run(["identity", "show"], data_dir, PRIVACYAPP_PIN="99999")
    assert code == 1 and err


def test_show_without_identity(data_dir: Path) -> None:
    code, _, err = run(["identity", "show"], data_dir)
    assert code == 1 and "identity create" in err


def test_bad_email_is_refused(data_dir: Path) -> None:
    argv = [*CREATE[:-4], "--email", "geen-adres"]
    code, _, err = run(argv, data_dir)
    assert code == 1 and "e-mailadres" in err


def test_import_of_a_weak_expired_p12_prints_warnings(data_dir: Path, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from test_identity_warnings import p12 as make_p12

    key = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    p12 = tmp_path / "oud.p12"
    p12.write_bytes(make_p12(key, days=(-400, -1)))
    code, out, err = run(["identity", "import", str(p12)], data_dir)
    assert code == 0, err
    assert "Bo Jansen" in out
    assert "Let op: Dit certificaat gebruikt een RSA-sleutel van 1024 bits" in err
    assert "Let op: Dit certificaat is verlopen op" in err
    code, out, err = run(["identity", "show", "--format", "json"], data_dir)
    assert [w["code"] for w in json.loads(out)["warnings"]] == ["weak-key", "expired"]


def test_import_p12_with_password_from_env(data_dir: Path, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric import ec
    from test_identity import _p12

    p12 = tmp_path / "org.p12"
    p12.write_bytes(_p12(ec.generate_private_key(ec.SECP256R1()), b"org-wachtwoord"))
    code, _, err = run(["identity", "import", str(p12)], data_dir)
    assert code == 1 and "wachtwoord" in err
    code, out, err = run(
        ["identity", "import", str(p12), "--role", "Wmo-consulent"],
        data_dir,
        PRIVACYAPP_P12_PASSWORD="org-wachtwoord",
    )
    assert code == 0, err
    assert "Bo Jansen" in out
    code, out, _ = run(["identity", "show"], data_dir)
    assert "van je organisatie" in out and "Wmo-consulent" in out
    code, _, err = run(["identity", "import", str(tmp_path / "weg.p12")], data_dir)
    assert code == 1 and "niet lezen" in err


def _make_pdf(data_dir: Path, tmp_path: Path) -> Path:
    record = tmp_path / "record.json"
    record.write_text(json.dumps(sample_record().to_dict()), encoding="utf-8")
    pdf = tmp_path / "record.pdf"
    code, out, err = run(["pdf", "make", str(record), "--out", str(pdf)], data_dir)
    assert code == 0, err
    return pdf


def test_make_and_verify_exit_0_with_signer_and_fingerprint(
    data_dir: Path, tmp_path: Path, with_identity: str
) -> None:
    pdf = _make_pdf(data_dir, tmp_path)
    code, out, _ = run(["pdf", "verify", str(pdf)], data_dir)
    assert code == 0
    assert "GELDIG" in out and "NIET GELDIG" not in out
    assert "Anne de Vries" in out and with_identity in out
    assert "Hele bestand gedekt: ja" in out
    code, out, _ = run(["pdf", "verify", str(pdf), "--format", "json"], data_dir)
    report = json.loads(out)
    assert code == 0 and report["ok"] is True
    sig = report["signatures"][0]
    assert sig["covers_whole_file"] is True
    assert sig["fingerprint_sha256"] == with_identity
    assert sig["signing_time"] == NOW.isoformat()


def test_verify_exits_1_for_appended_update(
    data_dir: Path, tmp_path: Path, with_identity: str
) -> None:
    from test_verify import _append_changed_answer

    pdf = _make_pdf(data_dir, tmp_path)
    pdf.write_bytes(_append_changed_answer(pdf.read_bytes()))
    code, out, _ = run(["pdf", "verify", str(pdf), "--format", "json"], data_dir)
    report = json.loads(out)
    assert code == 1
    assert report["ok"] is False
    assert report["signatures"][0]["valid"] is True
    assert report["signatures"][0]["covers_whole_file"] is False


def test_verify_exits_1_for_a_change_signed_again_by_a_forger(
    data_dir: Path, tmp_path: Path, with_identity: str
) -> None:
    from test_forgery import _sign_again, _white_box_and_text

    from privacyapp.dossier import create_identity

    forger = create_identity(
        name="Anne de Vries", organisation="Wijkteam Zuid", email="anne@wijkteam.example", now=NOW
    )
    pdf = _make_pdf(data_dir, tmp_path)
    pdf.write_bytes(_sign_again(pdf.read_bytes(), forger, _white_box_and_text))
    code, out, _ = run(["pdf", "verify", str(pdf)], data_dir)
    assert code == 1 and "NIET GELDIG" in out
    # Both signers are shown, the real one first.
    assert "Handtekening 1 van 2" in out and "Handtekening 2 van 2" in out
    assert out.index(with_identity) < out.index(forger.fingerprint)
    assert "2 handtekeningen" in out


def test_verify_exits_1_when_the_registered_fingerprint_does_not_match(
    data_dir: Path, tmp_path: Path, with_identity: str
) -> None:
    pdf = _make_pdf(data_dir, tmp_path)
    code, out, _ = run(["pdf", "verify", str(pdf), "--registered", with_identity], data_dir)
    assert code == 0 and "Geregistreerd:       ja" in out
    other = "AB:" * 31 + "CD"
    code, out, _ = run(["pdf", "verify", str(pdf), "--registered", other], data_dir)
    assert code == 1 and "NIET GELDIG" in out and "Geregistreerd:       NEE" in out
    code, out, _ = run(
        ["pdf", "verify", str(pdf), "--registered", other, "--format", "json"], data_dir
    )
    report = json.loads(out)
    assert report["ok"] is False and report["problem_codes"] == ["not-registered"]


def test_verify_exits_1_for_flipped_byte_unsigned_or_missing_file(
    data_dir: Path, tmp_path: Path, with_identity: str
) -> None:
    pdf = _make_pdf(data_dir, tmp_path)
    data = bytearray(pdf.read_bytes())
    data[len(data) // 3] ^= 0x01
    pdf.write_bytes(bytes(data))
    code, out, _ = run(["pdf", "verify", str(pdf)], data_dir)
    assert code == 1 and "NIET GELDIG" in out
    text = tmp_path / "brief.txt"
    text.write_text("geen pdf", encoding="utf-8")
    code, out, _ = run(["pdf", "verify", str(text)], data_dir)
    assert code == 1 and "geen pdf" in out
    code, _, err = run(["pdf", "verify", str(tmp_path / "weg.pdf")], data_dir)
    assert code == 1 and "niet lezen" in err


def test_make_with_a_broken_record_file(data_dir: Path, tmp_path: Path, with_identity: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": "x"}', encoding="utf-8")
    code, _, err = run(["pdf", "make", str(bad), "--out", str(tmp_path / "x.pdf")], data_dir)
    assert code == 1 and "onvolledig" in err


def test_verify_with_the_organisation_ca_reports_trusted(data_dir: Path, tmp_path: Path) -> None:
    from test_verify import _organisation_ca

    from privacyapp.dossier import make_signed_record

    ca_der, identity = _organisation_ca()
    pdf = tmp_path / "org.pdf"
    pdf.write_bytes(make_signed_record(sample_record(), identity))  # type: ignore[arg-type]
    ca = tmp_path / "ca.der"
    ca.write_bytes(ca_der)
    code, out, _ = run(["pdf", "verify", str(pdf), "--trust", str(ca), "--format", "json"],
                       data_dir)  # fmt: skip
    assert code == 0 and json.loads(out)["signatures"][0]["trusted"] is True
    code, out, _ = run(["pdf", "verify", str(pdf)], data_dir)
    assert code == 0 and "uitgever onbekend" in out
    code, _, err = run(["pdf", "verify", str(pdf), "--trust", str(pdf)], data_dir)
    assert code == 1 and "certificaat" in err
