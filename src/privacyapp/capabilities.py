"""What this build of the app can do with documents (the static web build can do less).

The browser build (Pyodide) has no PyCA ``cryptography`` and no pyHanko: it signs and checks
records with its own lite path (asn1crypto and @noble/curves). It has no Pillow either, but its
entry point lets reportlab run without it (``dossier._nopillow``), so letters and the export are
PDFs there too. Screens ask these functions and say plainly what is not possible here instead
of failing.

Standard library only, and outside the dossier package: the composition root asks before the
first screen, and importing the dossier would load the whole store and its PDF code.
"""

from __future__ import annotations

import importlib.util
import sys

__all__ = ["pdf_available", "signing_available"]


def _importable(*names: str) -> bool:
    try:
        return all(importlib.util.find_spec(name) is not None for name in names)
    except (ImportError, ValueError):
        return False


def _fetchable(name: str) -> bool:
    """True when this build fetches ``name`` from its own site on import (the browser build).
    Only ``dossier._sitepackages`` installs such a fetcher: none while it is not loaded."""
    sitepackages = sys.modules.get("privacyapp.dossier._sitepackages")
    return sitepackages is not None and bool(sitepackages.is_fetchable(name))


def signing_available() -> bool:
    """True when signed PDF records can be made and checked: with PyCA cryptography and pyHanko,
    or in the browser build with asn1crypto and the page's @noble/curves (``dossier._litesign``).
    """
    if not pdf_available():
        return False
    return _importable("cryptography", "pyhanko") or _lite_signing_available()


def _lite_signing_available() -> bool:
    if sys.platform != "emscripten":
        return False
    try:
        import js  # type: ignore[import-not-found]  # Pyodide only
    except ImportError:
        return False
    crypto = getattr(js, "privacyappCrypto", None)  # its P-256 may still be loading (curves)
    loading = crypto is not None and getattr(crypto, "curves", None) is not None
    return loading and (_fetchable("asn1crypto") or _importable("asn1crypto"))


def pdf_available() -> bool:
    """True when PDFs (export, letters, records) can be made: reportlab and Pillow, or the
    no-images placeholder of ``_nopillow`` where Pillow is missing (the browser build)."""
    reportlab = _fetchable("reportlab") or _importable("reportlab")  # not fetched by asking
    return reportlab and _importable("PIL")
