"""The crypto backend seam (issue 16): same bytes as PyCA directly, and no import-time need for
``cryptography`` or ``yaml`` (the browser build has neither)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from privacyapp.dossier import _crypto
from privacyapp.dossier._crypto import KdfParams, derive_subkey, open_sealed, seal
from privacyapp.dossier._cryptobackend import NativeBackend, backend

SRC = Path(__file__).resolve().parents[2] / "src"


def test_native_backend_is_used_outside_the_browser() -> None:
    assert isinstance(backend(), NativeBackend)


def test_seal_is_aes_256_gcm_with_the_nonce_in_front() -> None:
    key = bytes(range(32))
    sealed = seal(key, b"gegevens van de client", b"rec-1")
    nonce, body = sealed[:12], sealed[12:]
    assert AESGCM(key).decrypt(nonce, body, b"rec-1") == b"gegevens van de client"
    made_by_pyca = nonce + AESGCM(key).encrypt(nonce, b"andere tekst", b"rec-2")
    assert open_sealed(key, made_by_pyca, b"rec-2") == b"andere tekst"


def test_a_wrong_aad_or_key_is_refused() -> None:
    key = os.urandom(32)
    sealed = seal(key, b"x", b"rec-1")
    for bad_key, aad in ((key, b"rec-2"), (os.urandom(32), b"rec-1")):
        try:
            open_sealed(bad_key, sealed, aad)
        except _crypto.DecryptionFailed:
            continue
        raise AssertionError("decrypted with the wrong key or associated data")


def test_subkeys_are_hkdf_sha256_without_salt() -> None:
    key = bytes(range(32))
    expected = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"journal").derive(key)
    assert derive_subkey(key, "journal") == expected


def test_pin_keys_are_the_same_argon2id_and_scrypt_as_pyca() -> None:
    salt = bytes(16)
    argon = KdfParams("argon2id", salt, iterations=2, memory_kib=1024, lanes=1)
    assert argon.derive("24680") == Argon2id(
        salt=salt, length=32, iterations=2, lanes=1, memory_cost=1024
    ).derive(b"24680")
    scrypt = KdfParams("scrypt", salt, log2_n=10)
    assert scrypt.derive("24680") == Scrypt(salt=salt, length=32, n=2**10, r=8, p=1).derive(
        b"24680"
    )


BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("cryptography", "yaml", "pyhanko"):
            raise ImportError(f"{name} is not available in the browser build")
        return None
sys.meta_path.insert(0, Block())
"""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", BLOCK + code], capture_output=True, text=True, env=env, check=False
    )


def test_the_dossier_and_engine_import_without_cryptography_or_yaml() -> None:
    result = _run(
        "import privacyapp.engine, privacyapp.dossier\n"
        "from privacyapp.dossier import RecordService, SigningIdentity, VerificationReport\n"
        "from privacyapp.engine import FlowSession, SearchIndex, Library, load_flows\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('cryptography', 'yaml')))\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_signing_without_cryptography_says_what_is_missing() -> None:
    result = _run(
        "from privacyapp.dossier import create_identity\n"
        "from datetime import datetime, UTC\n"
        "try:\n"
        "    create_identity(name='A', organisation='B', email='a@b.nl', now=datetime.now(UTC))\n"
        "except ImportError as exc:\n"
        "    print('refused:', exc)\n"
    )
    assert result.returncode == 0, result.stderr
    assert "cryptography" in result.stdout


def test_the_app_starts_without_cryptography_yaml_or_pyhanko(tmp_path: Path) -> None:
    """What the browser build does: build every service; only signing is missing, and says so."""
    result = _run(
        "from pathlib import Path\n"
        "from privacyapp.app import build_services\n"
        f"services = build_services(Path({str(tmp_path)!r}), web=True)\n"
        "assert services.signer is None, services.signer\n"
        "assert len(services.library) > 0\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'cryptography', 'yaml', 'pyhanko', 'reportlab'}))\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
