"""Detached bundle signatures: trusted key and untouched bytes (updates themselves: TUF)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from privacyapp.cli import main
from privacyapp.content import (
    ContentError,
    SignatureInvalid,
    SigningKeyInvalid,
    build_bundle,
    generate_signing_key,
    load_bundle,
    load_signing_key,
    sign_bundle,
    verify_bundle,
)
from privacyapp.content.signing import version_key

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle() -> bytes:
    return build_bundle(REPO / "tests" / "fixtures" / "examples")


@pytest.fixture(scope="module")
def keys() -> tuple[bytes, str]:
    return generate_signing_key()


def test_a_signed_bundle_verifies(bundle: bytes, keys: tuple[bytes, str]) -> None:
    signature = sign_bundle(bundle, load_signing_key(keys[0]))
    library = verify_bundle(bundle, signature, [keys[1]])
    assert library.content_hash == load_bundle(bundle).content_hash


def test_an_unknown_key_or_changed_bytes_are_refused(
    bundle: bytes, keys: tuple[bytes, str]
) -> None:
    signature = sign_bundle(bundle, load_signing_key(keys[0]))
    _, other_public = generate_signing_key()
    with pytest.raises(SignatureInvalid, match="does not trust"):
        verify_bundle(bundle, signature, [other_public])
    changed = bundle.replace(b"Mag ik", b"Moet ik", 1)
    with pytest.raises(SignatureInvalid, match="does not match its signature"):
        verify_bundle(changed, signature, [keys[1]])
    forged = json.loads(signature)
    forged["sha256"] = __import__("hashlib").sha256(changed).hexdigest()
    with pytest.raises(SignatureInvalid, match="not valid"):
        verify_bundle(changed, json.dumps(forged).encode(), [keys[1]])
    with pytest.raises(SignatureInvalid, match="damaged"):
        verify_bundle(bundle, b"\x00", [keys[1]])


def test_versions_compare_as_numbers() -> None:
    assert version_key("2026.11.10") > version_key("2026.11.9")
    with pytest.raises(ContentError, match="not numbers with dots"):
        version_key("november")


def test_a_bad_key_file_is_refused() -> None:
    with pytest.raises(SigningKeyInvalid):
        load_signing_key(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")


def test_keygen_sign_verify_from_the_command_line(tmp_path: Path, bundle: bytes) -> None:
    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        return main(list(argv), stdout=out, stderr=err, env={}), out.getvalue(), err.getvalue()

    key = tmp_path / "keys" / "content.pem"
    code, out, _ = run("flows", "keygen", "--out", str(key))
    assert code == 0 and (key.stat().st_mode & 0o777) == 0o600
    public = out.split("public key: ")[1].strip()
    assert run("flows", "keygen", "--out", str(key))[0] == 1  # never overwrites a key
    target = tmp_path / "bundle.json"
    target.write_bytes(bundle)
    assert run("flows", "sign", "--bundle", str(target), "--key", str(key))[0] == 0
    code, out, _ = run("flows", "verify", "--bundle", str(target), "--trust", public)
    assert code == 0 and out.startswith("signature valid: 4 flows")
    target.write_bytes(bundle.replace(b"Mag ik", b"Moet ik", 1))
    code, _, err = run("flows", "verify", "--bundle", str(target), "--trust", public)
    assert code == 1 and "does not match its signature" in err
