"""What this build can do with documents: see :mod:`privacyapp.capabilities` (kept outside the
dossier package, so asking does not load the store)."""

from __future__ import annotations

from privacyapp.capabilities import pdf_available, signing_available

__all__ = ["pdf_available", "signing_available"]
