"""The services the screens use, built once by the composition root (``app.build_services``).

Views never construct services and never do I/O themselves: they call the objects here. A field
that is ``None`` means that capability is not available (not built yet, or not on this
platform); a screen then says so honestly instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["ContentInfo", "Services"]


@dataclass(frozen=True)
class ContentInfo:
    """What the Meer screen shows about the content that is loaded."""

    version: str
    """The content bundle version (or ``"ontwikkel"`` when flows are read from source)."""
    date: str
    """When the content was published, ISO date."""
    flows: int
    """How many published flows the app has."""


@dataclass
class Services:
    """Everything a builder may call. Built by ``privacyapp.app.build_services``.

    Feature engineers add their service where ``build_services`` marks it; the type of each
    optional field is documented here and in ``docs/ui.md``.
    """

    data_dir: Path
    """Where encrypted files live (never written in web mode: data stays in the browser)."""
    web: bool
    """True when the Python runs on a server and the UI in a browser."""
    library: Any
    """``privacyapp.engine.Library``: flows, registry (audiences, sectors, laws, help routes)."""
    search: Any
    """``privacyapp.engine.SearchIndex`` over the library."""
    content: ContentInfo
    """Version and date of the loaded content."""
    http_client: Any = None
    """An ``httpx.Client`` for the services that may go online (municipality register)."""
    store: Any = None
    """``privacyapp.dossier`` encrypted store (issue 5/6), or None."""
    directory: Any = None
    """``privacyapp.opendata`` municipality directory (issue 7), or None."""
    rights: Any = None
    """``privacyapp.rights`` request composer (issue 8), or None."""
    signer: Any = None
    """``privacyapp.dossier`` PDF signer (issue 6), or None."""
