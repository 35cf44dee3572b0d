"""Packages the static web build fetches from its own site when they are first imported.

The first screen needs neither reportlab nor its 200 modules, yet every visit downloaded and
unpacked them with the app. The build (``scripts/_precompile.mjs``) puts such a package in a zip
next to the site's other files instead; :func:`fetch_on_import` registers a finder that, on the
first ``import reportlab`` (a letter or export PDF), fetches that zip from the same origin
(a synchronous request: the app's Python runs in a web worker, where that is allowed and the
import machinery needs it), unpacks it, and imports it like any installed package. The service
worker keeps the zip, so later visits read it from the browser's cache.

``is_fetchable`` lets capability checks say "this package can be imported" without fetching it.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import io
import shutil
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

__all__ = ["SitePackageError", "fetch_on_import", "is_fetchable", "same_origin_get"]


class SitePackageError(ImportError):
    """A package of the site could not be fetched or unpacked; reloading the page may help."""


def same_origin_get(url: str) -> bytes:  # pragma: no cover - Pyodide (web worker) only
    """GET ``url`` from the site, synchronously (a web worker's XMLHttpRequest)."""
    import js  # type: ignore[import-not-found]

    request = js.XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise SitePackageError(
            f"{url} could not be loaded (HTTP {request.status}); reload the page and try again"
        )
    return bytes(js.Uint8Array.new(request.response).to_py())


class _SiteFinder(importlib.abc.MetaPathFinder):
    def __init__(self, packages: dict[str, str], target: Path, get: Callable[[str], bytes]):
        self.packages = packages
        self.target = target
        self.get = get
        self.fetched: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        url = self.packages.get(fullname)
        if url is None or path is not None:  # only top-level names this finder knows
            return None
        folder = self.target / fullname
        if not folder.is_dir():
            self._unpack(url, folder)
        return importlib.machinery.PathFinder.find_spec(fullname, [str(folder)])

    def _unpack(self, url: str, folder: Path) -> None:
        data = self.get(url)
        self.fetched.append(url)
        partial = folder.with_name(folder.name + ".partial")
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                archive.extractall(partial)
        except (zipfile.BadZipFile, OSError) as exc:
            shutil.rmtree(partial, ignore_errors=True)
            raise SitePackageError(
                f"{url} is damaged ({exc}); reload the page and try again"
            ) from None
        partial.rename(folder)
        importlib.invalidate_caches()


def _finder() -> _SiteFinder | None:
    return next((f for f in sys.meta_path if isinstance(f, _SiteFinder)), None)


def fetch_on_import(
    packages: dict[str, str],
    *,
    target: Path = Path("/tmp/privacyapp-site-packages"),
    get: Callable[[str], bytes] = same_origin_get,
) -> None:
    """Fetch each top-level package in ``packages`` (name → site URL of its zip) on first import.

    The finder comes last in ``sys.meta_path``: a package that is installed wins.
    """
    target.mkdir(parents=True, exist_ok=True)
    existing = _finder()
    if existing is not None:
        existing.packages.update(packages)
        return
    sys.meta_path.append(_SiteFinder(dict(packages), target, get))


def is_fetchable(name: str) -> bool:
    """True when ``name`` is a package this build fetches on import (not fetched by asking)."""
    finder = _finder()
    return finder is not None and name in finder.packages
