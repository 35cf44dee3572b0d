"""Packages the browser build fetches from its own site on first import (reportlab there)."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacyapp.dossier import _sitepackages as site
from privacyapp.dossier._sitepackages import SitePackageError, fetch_on_import, is_fetchable

NAME = "privacyapp_lazy_sample"


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{NAME}/__init__.py", "VALUE = 'geladen'\n")
        archive.writestr(f"{NAME}/part.py", "from . import VALUE\nTWICE = VALUE * 2\n")
        archive.writestr(f"{NAME}-1.0.dist-info/METADATA", "Name: sample\n")
    return out.getvalue()


@pytest.fixture
def clean() -> Iterator[None]:
    yield
    sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, site._SiteFinder)]
    for module in [m for m in sys.modules if m.split(".")[0] == NAME]:
        del sys.modules[module]


def test_a_package_is_fetched_once_on_first_import_not_when_asked(
    tmp_path: Path, clean: None
) -> None:
    asked: list[str] = []

    def get(url: str) -> bytes:
        asked.append(url)
        return _zip()

    fetch_on_import({NAME: "/vendor/python/sample.zip"}, target=tmp_path, get=get)
    assert is_fetchable(NAME) and not is_fetchable("reportlab_elsewhere")
    assert asked == []  # asking whether it is there fetches nothing
    module = __import__(f"{NAME}.part", fromlist=["TWICE"])
    assert module.TWICE == "geladengeladen"
    assert asked == ["/vendor/python/sample.zip"]
    del sys.modules[NAME], sys.modules[f"{NAME}.part"]
    assert __import__(NAME).VALUE == "geladen"  # unpacked once: no second fetch
    assert asked == ["/vendor/python/sample.zip"]


def test_an_installed_package_wins(tmp_path: Path, clean: None) -> None:
    def get(url: str) -> bytes:
        raise AssertionError("fetched although installed")

    fetch_on_import({"json": "/vendor/python/json.zip"}, target=tmp_path, get=get)
    del sys.modules["json"]
    import json

    assert json.dumps([1]) == "[1]"


def test_a_damaged_or_missing_zip_says_what_to_do(tmp_path: Path, clean: None) -> None:
    fetch_on_import({NAME: "/vendor/python/sample.zip"}, target=tmp_path, get=lambda _u: b"nee")
    with pytest.raises(SitePackageError, match="damaged.*reload the page"):
        __import__(NAME)
    assert not (tmp_path / NAME).exists()  # nothing half-unpacked is used later

    def missing(url: str) -> bytes:
        raise SitePackageError(f"{url} could not be loaded (HTTP 404); reload the page")

    site._finder().get = missing  # type: ignore[union-attr]
    with pytest.raises(ImportError, match="HTTP 404"):
        __import__(NAME)
    site._finder().get = lambda _u: _zip()  # type: ignore[union-attr]
    assert __import__(NAME).VALUE == "geladen"  # a later try, after a good answer, works
