"""Password hashes with Argon2id (``cryptography``'s KDF), salt and parameters stored with them.

A stored hash reads ``argon2id$v=1$m=<KiB>,t=<iterations>,p=<lanes>$<salt b64>$<hash b64>``, so
the cost can be raised later: old hashes keep their own parameters and are upgraded at the next
sign-in (``needs_rehash``).
"""

from __future__ import annotations

import base64
import hmac
import os
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from privacyapp.studio.errors import InvalidInput

__all__ = ["DEFAULT_PARAMS", "HashParams", "hash_password", "needs_rehash", "verify_password"]

MIN_PASSWORD_LENGTH = 12
_MAX_PASSWORD_LENGTH = 1024
_SALT_BYTES = 16
_HASH_BYTES = 32


@dataclass(frozen=True)
class HashParams:
    """Argon2id cost: memory in KiB, iterations (time cost) and lanes (parallelism)."""

    memory_kib: int = 65536
    iterations: int = 3
    lanes: int = 1


#: RFC 9106's second recommended option (64 MiB, t=3), about a tenth of a second here.
DEFAULT_PARAMS = HashParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def check_password_rules(password: str) -> None:
    """Refuse passwords that are too short or too long (with what to do)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"Het wachtwoord is te kort. Kies er een van minstens {MIN_PASSWORD_LENGTH} tekens, "
            "bijvoorbeeld vier losse woorden."
        )
    if len(password) > _MAX_PASSWORD_LENGTH:
        raise InvalidInput("Het wachtwoord is te lang. Kies er een van hooguit 1024 tekens.")


def _derive(password: str, salt: bytes, params: HashParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=_HASH_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(password.encode("utf-8"))


def hash_password(password: str, params: HashParams = DEFAULT_PARAMS) -> str:
    """A new salted Argon2id hash of ``password`` in the stored form."""
    check_password_rules(password)
    salt = os.urandom(_SALT_BYTES)
    digest = _derive(password, salt, params)
    cost = f"m={params.memory_kib},t={params.iterations},p={params.lanes}"
    return f"argon2id$v=1${cost}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[HashParams, bytes, bytes]:
    parts = stored.split("$")
    if len(parts) != 5 or parts[0] != "argon2id" or parts[1] != "v=1":
        raise ValueError("not an argon2id hash")
    cost = dict(item.split("=", 1) for item in parts[2].split(","))
    params = HashParams(int(cost["m"]), int(cost["t"]), int(cost["p"]))
    if not (8 <= params.memory_kib <= 4 * 1024 * 1024 and 1 <= params.iterations <= 64):
        raise ValueError("argon2id parameters out of range")
    if not 1 <= params.lanes <= 16:
        raise ValueError("argon2id lanes out of range")
    return params, _unb64(parts[3]), _unb64(parts[4])


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (constant-time compare); False otherwise."""
    if len(password) > _MAX_PASSWORD_LENGTH:
        return False
    try:
        params, salt, digest = _parse(stored)
    except (ValueError, KeyError):
        return False
    return hmac.compare_digest(_derive(password, salt, params), digest)


def needs_rehash(stored: str, params: HashParams = DEFAULT_PARAMS) -> bool:
    """True when ``stored`` was made with other parameters than ``params``."""
    try:
        return _parse(stored)[0] != params
    except (ValueError, KeyError):
        return True
