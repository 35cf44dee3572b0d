"""Textbook P-256 ECDSA in plain Python, for tests only: a ``Curves`` that needs no library.

It lets a test run the lite signer and verifier in a process where PyCA ``cryptography`` cannot
be imported. Affine arithmetic, not constant time, deterministic nonces from a hash: never use
it for real keys.
"""

from __future__ import annotations

import hashlib

P = 2**256 - 2**224 + 2**192 + 2**96 - 1
N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551
B = 0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B
G = (
    0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
)
Point = tuple[int, int] | None


def _add(p: Point, q: Point) -> Point:
    if p is None:
        return q
    if q is None:
        return p
    if p[0] == q[0] and (p[1] + q[1]) % P == 0:
        return None
    if p == q:
        slope = (3 * p[0] * p[0] - 3) * pow(2 * p[1], -1, P) % P
    else:
        slope = (q[1] - p[1]) * pow(q[0] - p[0], -1, P) % P
    x = (slope * slope - p[0] - q[0]) % P
    return x, (slope * (p[0] - x) - p[1]) % P


def _mul(k: int, p: Point) -> Point:
    result: Point = None
    while k:
        if k & 1:
            result = _add(result, p)
        p = _add(p, p)
        k >>= 1
    return result


def _der(r: int, s: int) -> bytes:
    def integer(v: int) -> bytes:
        body = v.to_bytes((v.bit_length() + 8) // 8, "big")
        return b"\x02" + bytes([len(body)]) + body

    body = integer(r) + integer(s)
    return b"\x30" + bytes([len(body)]) + body


def _undER(sig: bytes) -> tuple[int, int]:
    if len(sig) < 8 or sig[0] != 0x30 or sig[1] != len(sig) - 2 or sig[2] != 2:
        raise ValueError("not DER")
    r_len = sig[3]
    r = int.from_bytes(sig[4 : 4 + r_len], "big")
    if sig[4 + r_len] != 2:
        raise ValueError("not DER")
    s_len = sig[5 + r_len]
    return r, int.from_bytes(sig[6 + r_len : 6 + r_len + s_len], "big")


class ReferenceCurves:
    """The ``Curves`` protocol on the functions above."""

    name = "reference"

    def p256_generate(self) -> bytes:
        raise NotImplementedError("tests pass their own keys")

    def p256_public(self, private: bytes) -> bytes:
        point = _mul(int.from_bytes(private, "big"), G)
        assert point is not None
        return b"\x04" + point[0].to_bytes(32, "big") + point[1].to_bytes(32, "big")

    def p256_sign(self, private: bytes, digest: bytes) -> bytes:
        d, z = int.from_bytes(private, "big"), int.from_bytes(digest, "big")
        k = int.from_bytes(hashlib.sha256(private + digest).digest(), "big") % N or 1
        point = _mul(k, G)
        assert point is not None
        r = point[0] % N
        s = pow(k, -1, N) * (z + r * d) % N
        return _der(r, s)

    def p256_verify(self, public: bytes, digest: bytes, signature: bytes) -> bool:
        try:
            r, s = _undER(signature)
        except (ValueError, IndexError):
            return False
        if len(public) != 65 or public[0] != 4 or not (0 < r < N and 0 < s < N):
            return False
        q = (int.from_bytes(public[1:33], "big"), int.from_bytes(public[33:], "big"))
        if (q[1] ** 2 - q[0] ** 3 + 3 * q[0] - B) % P:
            return False  # not on the curve
        w = pow(s, -1, N)
        z = int.from_bytes(digest, "big")
        point = _add(_mul(z * w % N, G), _mul(r * w % N, q))
        return point is not None and point[0] % N == r
