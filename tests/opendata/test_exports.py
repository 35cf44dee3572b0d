"""The package's public surface: what ``__all__`` lists exists, is sorted, and has no flet."""

from __future__ import annotations

import sys

import privacyapp.opendata as opendata


def test_all_is_sorted_and_complete() -> None:
    assert opendata.__all__ == sorted(opendata.__all__)
    for name in opendata.__all__:
        assert hasattr(opendata, name), name
    public = {n for n in vars(opendata) if not n.startswith("_") and n[0].isupper()}
    assert public <= set(opendata.__all__) | {"annotations"}


def test_errors_are_rooted_at_the_app_error() -> None:
    from privacyapp.errors import PrivacyAppError

    for name in opendata.__all__:
        value = getattr(opendata, name)
        if isinstance(value, type) and issubclass(value, Exception):
            assert issubclass(value, PrivacyAppError), name


def test_opendata_does_not_import_flet() -> None:
    assert "privacyapp.opendata" in sys.modules
    module_files = [
        m.__file__ for n, m in sys.modules.items() if n.startswith("privacyapp.opendata")
    ]
    for path in module_files:
        assert path is not None
        with open(path, encoding="utf-8") as handle:
            assert "import flet" not in handle.read(), path
