"""The services the screens use, built once by the composition root (``app.build_services``).

Views never construct services and never do I/O themselves: they call the objects here. A field
that is ``None`` means that capability is not available (not built yet, or not on this
platform); a screen then says so honestly instead of failing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from privacyapp.content.updater import ContentUpdater
    from privacyapp.dossier import RecordService
    from privacyapp.engine import Library, SearchIndex
    from privacyapp.opendata import MunicipalityDirectory
    from privacyapp.views.kit.store_session import StoreService

__all__ = ["ContentInfo", "Lazy", "Services"]

_T = TypeVar("_T")


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


class Lazy(Generic[_T]):
    """A service built on its first use, once, and shared by every copy of the ``Services``
    that holds it: what the first screen does not need (the municipality directory, signing)
    is not loaded before it. Safe to ask from the UI loop and a worker thread at once."""

    def __init__(self, build: Callable[[], _T]) -> None:
        self._build: Callable[[], _T] | None = build
        self._value: _T | None = None
        self._lock = threading.Lock()

    @classmethod
    def ready(cls, value: _T) -> Lazy[_T]:
        """One that is built already (tests, or a service made elsewhere)."""
        made = cls(lambda: value)
        made.get()
        return made

    @property
    def built(self) -> bool:
        return self._build is None

    def get(self) -> _T:
        """The service, built now if this is the first ask (a failed build is tried again on
        the next ask)."""
        with self._lock:
            if self._build is not None:
                self._value = self._build()
                self._build = None
            return self._value  # type: ignore[return-value]  # built: set above


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
    directory_service: Lazy[MunicipalityDirectory] | None = None
    """The municipality directory, built on first use (read it as ``directory``)."""
    signer_service: Lazy[RecordService] | None = None
    """Signing and checking PDF records, built on first use (read it as ``signer``); None
    where this build cannot sign (the browser build)."""
    content_updates: ContentUpdater | None = None
    """Signed content updates (TUF): ``about()`` says what Settings/Over shows. When an update
    is installed while the app runs, ``library``, ``search`` and ``content`` are replaced: read
    them from ``ctx.services`` each time; a flow in progress keeps its ``session.flow``."""
    clock: Callable[[], datetime] = field(default=_now)
    """The time (UTC); tests and benchmarks pass a fixed clock."""

    @property
    def directory(self) -> MunicipalityDirectory | None:
        """The municipality directory (built-in list, cached register refreshes, postcode
        lookup); built on the first ask."""
        return self.directory_service.get() if self.directory_service is not None else None

    @directory.setter
    def directory(self, value: MunicipalityDirectory | None) -> None:
        self.directory_service = Lazy.ready(value) if value is not None else None

    @property
    def signer(self) -> RecordService | None:
        """Signing identities and signed PDF records; built on the first ask."""
        return self.signer_service.get() if self.signer_service is not None else None

    @signer.setter
    def signer(self, value: RecordService | None) -> None:
        self.signer_service = Lazy.ready(value) if value is not None else None

    @property
    def can_sign(self) -> bool:
        """Whether this build signs PDF records, without loading the signing code."""
        return self.signer_service is not None
