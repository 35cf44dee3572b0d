"""The services the screens use, built once by the composition root (``app.build_services``).

Views never construct services and never do I/O themselves: they call the objects here. A field
that is ``None`` means that capability is not available (not built yet, or not on this
platform); a screen then says so honestly instead of failing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacyapp.content.updater import ContentUpdater
    from privacyapp.dossier import RecordService
    from privacyapp.engine import Library, SearchIndex
    from privacyapp.opendata import MunicipalityDirectory
    from privacyapp.views.kit.store_session import StoreService

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


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """Everything a builder may call. Built by ``privacyapp.app.build_services``; the domain
    types are imported for the type checker only, so building no screen loads them early."""

    data_dir: Path
    """Where encrypted files live (never written in web mode: data stays in the browser)."""
    web: bool
    """True when the Python runs on a server and the UI in a browser."""
    library: Library
    """Flows and the registry (audiences, sectors, laws, help routes)."""
    search: SearchIndex
    """The search index over the library."""
    content: ContentInfo
    """Version and date of the loaded content."""
    store: StoreService | None = None
    """Each page's encrypted store (files on desktop/mobile, the browser's storage on web)."""
    directory: MunicipalityDirectory | None = None
    """The municipality directory (built-in list, cached register refreshes, postcode lookup)."""
    signer: RecordService | None = None
    """Signing identities and signed PDF records."""
    content_updates: ContentUpdater | None = None
    """Signed content updates (TUF): ``about()`` says what Settings/Over shows. When an update
    is installed while the app runs, ``library``, ``search`` and ``content`` are replaced: read
    them from ``ctx.services`` each time; a flow in progress keeps its ``session.flow``."""
    clock: Callable[[], datetime] = field(default=_now)
    """The time (UTC); tests and benchmarks pass a fixed clock."""
