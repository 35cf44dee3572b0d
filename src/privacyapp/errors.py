"""The root of every error the app raises on purpose.

    PrivacyAppError
     ├── privacyapp.engine.errors.EngineError      (flows, sessions, search)
     ├── privacyapp.dossier.errors.DossierError    (store, journal, PDF, signatures)
     ├── privacyapp.rights.errors.RightsError      (requests, mailto, deadlines)
     ├── privacyapp.opendata.errors.OpenDataError  (municipality register, postcode lookup)
     └── privacyapp.content.errors.ContentError    (bundles, publication workflow)

Each package draws its own subtree in its ``errors.py``. The CLI catches ``PrivacyAppError`` at
its edge only; every message says what the user can do about it.
"""

__all__ = ["PrivacyAppError"]


class PrivacyAppError(Exception):
    """Base class of all expected, user-explainable failures."""
