"""What this build of the app can do with documents (the static web build can do less).

The browser build (Pyodide) has no PyCA ``cryptography`` and no pyHanko (signed records and
their check). It has no Pillow either, but its entry point lets reportlab run without it
(``_nopillow``), so letters and the export are PDFs there too. Screens ask these functions and
say plainly what is not possible here instead of failing.
"""

from __future__ import annotations

import importlib.util

__all__ = ["pdf_available", "signing_available"]


def _importable(*names: str) -> bool:
    try:
        return all(importlib.util.find_spec(name) is not None for name in names)
    except (ImportError, ValueError):
        return False


def signing_available() -> bool:
    """True when signed PDF records can be made and checked (PyCA cryptography and pyHanko)."""
    return _importable("cryptography", "pyhanko") and pdf_available()


def pdf_available() -> bool:
    """True when PDFs (export, letters, records) can be made: reportlab and Pillow, or the
    no-images placeholder of ``_nopillow`` where Pillow is missing (the browser build)."""
    from privacyapp.dossier._sitepackages import is_fetchable

    reportlab = is_fetchable("reportlab") or _importable("reportlab")  # not fetched by asking
    return reportlab and _importable("PIL")
