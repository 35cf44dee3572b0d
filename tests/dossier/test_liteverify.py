"""The lite verifier (``_liteverify``) against pyHanko's: the same verdict on genuine records,
every forgery, tampered bytes and hostile files; and it runs where neither ``cryptography`` nor
``pyhanko`` can be imported (the browser build)."""

from __future__ import annotations

import json
import logging
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from p256_ref import ReferenceCurves
from record_samples import WHEN, sample_identity, sample_record
from test_forgery import VARIANTS, _sign_again, _strip_and_resign
from test_verify import _append_changed_answer, _byte_range, _organisation_ca

from privacyapp.dossier import (
    SigningIdentity,
    VerificationReport,
    build_report,
    create_identity,
    make_signed_record,
    verify_pdf,
)
from privacyapp.dossier._liteverify import lite_verify_pdf

logging.getLogger("pyhanko").disabled = True


@pytest.fixture(scope="module")
def signed() -> bytes:
    return make_signed_record(sample_record(), sample_identity())


@pytest.fixture(scope="module")
def forger() -> SigningIdentity:
    real = sample_identity()
    return create_identity(
        name=real.name, organisation=real.organisation, email=real.email, now=WHEN
    )


def _same(data: bytes, **kwargs: object) -> VerificationReport:
    """Both verifiers on ``data``: the same verdict, codes and signers; returns lite's."""
    native = verify_pdf(data, **kwargs)  # type: ignore[arg-type]
    lite = lite_verify_pdf(data, **kwargs)  # type: ignore[arg-type]
    assert lite.ok == native.ok, (native.problems, lite.problems)
    assert lite.codes == native.codes, (native.problems, lite.problems)
    pick = [(s.fingerprint, s.signer, s.organisation, s.email) for s in native.signers]
    assert [(s.fingerprint, s.signer, s.organisation, s.email) for s in lite.signers] == pick
    return lite


def _change_hex_digit(data: bytes, offset: int) -> bytes:
    digit = data[offset : offset + 1]
    return data[:offset] + (b"1" if digit != b"1" else b"2") + data[offset + 1 :]


def _flip_content(data: bytes) -> bytes:
    offset = data.index(b"stream\n", 2000) + 40
    return data[:offset] + bytes([data[offset] ^ 1]) + data[offset + 1 :]


def _flip_signature(data: bytes) -> bytes:
    _, len1, start2, _ = _byte_range(data)
    contents = data[len1 + 1 : start2 - 1].rstrip(b"0")
    return _change_hex_digit(data, len1 + 1 + len(contents) - 20)


def _garbage_padding(data: bytes) -> bytes:
    _, _, start2, _ = _byte_range(data)
    return data[: start2 - 10] + b"7" + data[start2 - 9 :]


def _swap_certificate(data: bytes) -> bytes:
    start = data.lower().index(sample_identity().certificate_der.hex().encode())
    return _change_hex_digit(data, start + 300)


TAMPERING: dict[str, Callable[[bytes], bytes]] = {
    "genuine": lambda d: d,
    "flipped content byte": _flip_content,
    "flipped signature digit": _flip_signature,
    "garbage in the padding": _garbage_padding,
    "swapped certificate": _swap_certificate,
    "appended update": _append_changed_answer,
    "truncated": lambda d: d[:5000],
    "cut at the end": lambda d: d[:-8],
    "not a pdf": lambda d: b"hallo",
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_same_verdict_as_pyhanko_on_tampered_records(signed: bytes, case: str) -> None:
    report = _same(TAMPERING[case](signed))
    assert report.ok == (case == "genuine")


def test_the_texts_are_the_native_ones(signed: bytes) -> None:
    for case in ("genuine", "flipped content byte", "garbage in the padding", "appended update"):
        data = TAMPERING[case](signed)
        assert lite_verify_pdf(data).problems == verify_pdf(data).problems, case


def test_unsigned_pdf() -> None:
    unsigned = build_report(sample_record(), fingerprint=sample_identity().fingerprint).data
    assert _same(unsigned).problems == ("Deze pdf is niet ondertekend.",)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_same_verdict_on_every_forgery(
    signed: bytes, forger: SigningIdentity, variant: str
) -> None:
    report = _same(_sign_again(signed, forger, VARIANTS[variant]))
    assert "several-signatures" in report.codes
    first = report.first_signature
    assert first is not None and first.fingerprint == sample_identity().fingerprint
    assert not first.covers_whole_file and first.modification == "other"


def test_resigned_forgery_and_registered_fingerprints(
    signed: bytes, forger: SigningIdentity
) -> None:
    own = sample_identity().fingerprint
    forged = _strip_and_resign(signed, forger)
    assert _same(forged).ok  # without a registered fingerprint: inherent, as native
    assert "not-registered" in _same(forged, registered=[own]).codes
    assert _same(signed, registered=[own.replace(":", "").lower()]).signers[0].registered
    assert _same(signed, registered=["00:11"]).signers[0].registered is False


def test_organisation_ca_makes_it_trusted_and_self_signed_never_is(signed: bytes) -> None:
    ca_der, identity = _organisation_ca()
    data = make_signed_record(sample_record(), identity)  # type: ignore[arg-type]
    assert not _same(data).signers[0].trusted
    trusted = _same(data, trust_roots=[ca_der])
    assert trusted.ok and trusted.signers[0].trusted
    assert not _same(signed, trust_roots=[ca_der]).signers[0].trusted


def test_a_natively_signed_rsa_record_verifies() -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from test_identity import _p12

    from privacyapp.dossier import import_pkcs12

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    identity = import_pkcs12(_p12(key, b"pw"), b"pw")
    data = make_signed_record(replace(sample_record(), title="RSA"), identity)
    report = _same(data)
    assert report.ok and report.signers[0].signer == "Bo Jansen"


def test_hostile_bytes_never_raise(signed: bytes) -> None:
    rng = random.Random(6)
    for cut in range(0, len(signed) - 1, len(signed) // 40):
        assert not lite_verify_pdf(signed[:cut]).ok
    for _ in range(60):  # one byte changed: only pyHanko's verdict may say it is still fine
        at = rng.randrange(len(signed))
        data = signed[:at] + bytes([rng.randrange(256)]) + signed[at + 1 :]
        assert lite_verify_pdf(data).ok == verify_pdf(data).ok, at
    for data in (
        b"%PDF-1.7\n" + b"[" * 10_000 + b"\nstartxref\n9\n%%EOF",
        b"%PDF-1.7\n1 0 obj << /ByteRange [0 1 2 3] /Contents <zz> /Type /Sig >> endobj"
        b"\nxref\nstartxref\n82\n%%EOF",
        b"%PDF-1.7\n1 0 obj << /ByteRange [0 9 99 3] /Contents <3000> /Type /Sig >> endobj"
        b"\nxref\nstartxref\n82\n%%EOF",
        signed.replace(b"/ByteRange [", b"/ByteRange [-5 "),
        signed.replace(b"/Contents <30", b"/Contents <31"),
        signed.replace(b"/ByteRange [", b"/ByteRange [" + b"[" * 500),
    ):
        report = lite_verify_pdf(data)
        assert isinstance(report, VerificationReport) and not report.ok


_CHILD = r"""
import importlib.abc, json, sys

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("cryptography", "pyhanko", "pyhanko_certvalidator"):
            raise ImportError(f"{name} is blocked in this test")
        return None

sys.meta_path.insert(0, Refuse())
sys.path.insert(0, sys.argv[1])
from types import SimpleNamespace
from p256_ref import ReferenceCurves
from privacyapp.dossier._litesign import make_lite_signed_record
from privacyapp.dossier._liteverify import lite_verify_pdf
from privacyapp.dossier._record import RecordInput

job = json.load(open(sys.argv[2]))
native = open(job["native"], "rb").read()
verdict = lite_verify_pdf(native, curves=ReferenceCurves())
identity = SimpleNamespace(**{k: bytes.fromhex(v) if k.endswith("_der") else v
                              for k, v in job["identity"].items()})
identity.chain_der = ()
record = RecordInput.from_dict(job["record"])
made = make_lite_signed_record(record, identity, curves=ReferenceCurves())
open(job["out"], "wb").write(made)
own = lite_verify_pdf(made, curves=ReferenceCurves())
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("cryptography", "pyhanko"))
print(json.dumps({"native_ok": verdict.ok, "own_ok": own.ok, "loaded": loaded}))
"""


def test_lite_modules_need_neither_cryptography_nor_pyhanko(signed: bytes, tmp_path: Path) -> None:
    identity = sample_identity()
    native, out = tmp_path / "native.pdf", tmp_path / "lite.pdf"
    native.write_bytes(signed)
    fields = ("name", "organisation", "email", "role", "fingerprint", "origin")
    job = {
        "native": str(native),
        "out": str(out),
        "record": sample_record().to_dict(),
        "identity": {
            **{f: getattr(identity, f) for f in fields},
            "certificate_der": identity.certificate_der.hex(),
            "key_der": identity.key_der.hex(),
        },
    }
    (tmp_path / "job.json").write_text(json.dumps(job))
    src = Path(__file__).resolve().parents[2] / "src"
    run = subprocess.run(
        [sys.executable, "-c", _CHILD, str(Path(__file__).parent), str(tmp_path / "job.json")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result == {"native_ok": True, "own_ok": True, "loaded": []}
    assert verify_pdf(out.read_bytes()).ok  # and pyHanko accepts what it made
    assert ReferenceCurves().name == "reference"
