"""The package's public surface is its sorted ``__all__`` and nothing is missing from it."""

from __future__ import annotations

import privacyapp.rights as rights


def test_all_is_sorted_and_complete() -> None:
    # isort-style, as ruff's RUF022 sorts: CONSTANTS, then Classes, then functions
    def key(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert list(rights.__all__) == sorted(rights.__all__, key=key)
    for name in rights.__all__:
        assert hasattr(rights, name), name


def test_errors_share_one_root() -> None:
    from privacyapp.errors import PrivacyAppError

    for name in rights.__all__:
        obj = getattr(rights, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, rights.RightsError), name
            assert issubclass(obj, PrivacyAppError)
