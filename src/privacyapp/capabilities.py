"""What this build of the app can do with documents (the static web build can do less).

The browser build (Pyodide) has no PyCA ``cryptography`` and no pyHanko (signed records and
their check). It has no Pillow either, but its entry point lets reportlab run without it
(``dossier._nopillow``), so letters and the export are PDFs there too. Screens ask these
functions and say plainly what is not possible here instead of failing.

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
    """True when signed PDF records can be made and checked (PyCA cryptography and pyHanko)."""
    return _importable("cryptography", "pyhanko") and pdf_available()


def pdf_available() -> bool:
    """True when PDFs (export, letters, records) can be made: reportlab and Pillow, or the
    no-images placeholder of ``_nopillow`` where Pillow is missing (the browser build)."""
    reportlab = _fetchable("reportlab") or _importable("reportlab")  # not fetched by asking
    return reportlab and _importable("PIL")
