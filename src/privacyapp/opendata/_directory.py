"""The municipality directory: the service the app, the CLI and rights requests use.

It starts from the cached refresh if there is a good one, else from the built-in snapshot, and
replaces its data only when a refresh succeeds. Reading (``find``, ``get``, ``all``) never touches
the network; ``refresh`` and ``lookup_postcode`` do, through the injected ``httpx.Client``.
The current data is one immutable value swapped in a single assignment, so a refresh running on
a worker thread never shows the UI half a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx

from privacyapp.opendata._feed import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BYTES,
    REGISTER_URL,
    fetch_register,
)
from privacyapp.opendata._model import Municipality, normalise_postcode
from privacyapp.opendata._pdok import PDOK_URL, PostcodeArea, lookup_postcode
from privacyapp.opendata._search import NameIndex, search_key
from privacyapp.opendata._store import DirectoryData, load_data, load_snapshot, save_data
from privacyapp.opendata.errors import FeedError, PostcodeUnavailableError, SnapshotError

__all__ = ["CACHE_FILE", "MAX_AGE", "MunicipalityDirectory", "PostcodeMatch", "RefreshResult"]

#: Where a refreshed list is kept, relative to the app's data directory.
CACHE_FILE = Path("opendata") / "gemeenten.json"
#: How old the last check may be before opening the page triggers a refresh.
MAX_AGE = timedelta(days=7)


@dataclass(frozen=True)
class RefreshResult:
    """What a refresh did, in words the user can read."""

    status: str
    """``"updated"``, ``"not-modified"``, ``"failed"`` or ``"skipped"`` (no client)."""
    message: str
    updated_at: date
    """The date of the data now in use (also after a failure)."""
    error: FeedError | None = None

    @property
    def ok(self) -> bool:
        """True when the register was reached and the data is current."""
        return self.status in ("updated", "not-modified")


@dataclass(frozen=True)
class PostcodeMatch:
    """A municipality found for a postcode (``municipality`` is None if not in the directory)."""

    area: PostcodeArea
    municipality: Municipality | None


@dataclass(frozen=True)
class _State:
    data: DirectoryData
    by_code: dict[str, Municipality]
    ordered: tuple[Municipality, ...]
    index: NameIndex


def _format_date(value: date) -> str:
    return value.strftime("%d-%m-%Y")


class MunicipalityDirectory:
    """All active Dutch municipalities with their contact details.

    Args:
        data_dir: the app's data directory (the cache lives in ``data_dir/opendata``); ``None``
            keeps everything in memory.
        client: the HTTP client for refreshes and postcode lookups; ``None`` means offline.
        url: the register export to refresh from.
        pdok_url: the Locatieserver ``free`` endpoint.
        clock: returns the current time (timezone-aware).
        max_bytes: the size limit for one download.
        deadline: seconds for one whole download (a trickling server is cut off).
        data: start from this data instead of the cache or the snapshot (tests, other services).
        asks_register: False where the register is never asked (the static web build: its
            client reaches only PDOK, and the export is tens of megabytes for a phone's
            browser); the built-in list then stays in use and ``refresh`` does nothing.
    """

    def __init__(
        self,
        data_dir: Path | None = None,
        client: httpx.Client | None = None,
        *,
        url: str = REGISTER_URL,
        pdok_url: str = PDOK_URL,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        max_bytes: int = DEFAULT_MAX_BYTES,
        data: DirectoryData | None = None,
        deadline: float = DEFAULT_DEADLINE,
        asks_register: bool = True,
    ) -> None:
        self._client = client
        self._asks_register = asks_register
        self._url = url
        self._pdok_url = pdok_url
        self._clock = clock
        self._max_bytes = max_bytes
        self._deadline = deadline
        self._cache_path = data_dir / CACHE_FILE if data_dir is not None else None
        #: A problem with the cached file, shown to the user once; the snapshot is used instead.
        self.notice: str | None = None
        if data is None:
            data = self._load()
        self._set(data)

    @classmethod
    def from_records(
        cls,
        records: Sequence[Municipality],
        *,
        updated_at: date,
        source: str = "Register van Overheidsorganisaties",
    ) -> MunicipalityDirectory:
        """An offline directory over the given records (for tests and previews)."""
        data = DirectoryData(tuple(records), updated_at=updated_at, source=source)
        return cls(data=data)

    # ------------------------------------------------------------------ reading

    @property
    def updated_at(self) -> date:
        """The date the data is from (the register's export date)."""
        return self._data.updated_at

    @property
    def checked_at(self) -> datetime | None:
        """When the register was last reached; ``None`` while the built-in list is in use."""
        return self._data.checked_at

    @property
    def source(self) -> str:
        """Where the data comes from, for "Bron: …"."""
        return self._data.source

    @property
    def origin(self) -> str:
        """``"snapshot"``, ``"cache"`` or ``"register"``."""
        return self._data.origin

    @property
    def source_line(self) -> str:
        """``"Bron: Register van Overheidsorganisaties, bijgewerkt op 15-04-2026"``."""
        return f"Bron: {self.source}, bijgewerkt op {_format_date(self.updated_at)}"

    def all(self) -> list[Municipality]:
        """Every municipality, sorted by name."""
        return list(self._state.ordered)

    def get(self, code: str) -> Municipality | None:
        """By code: ``"GM0344"``, ``"gm0344"`` or PDOK's ``"0344"``; ``None`` if unknown."""
        match = re.fullmatch(r"\s*(?:gm)?(\d{1,4})\s*", code, re.IGNORECASE)
        if match is None:
            return None
        return self._state.by_code.get(f"GM{int(match.group(1)):04d}")

    def find(self, query: str, limit: int = 20) -> list[Municipality]:
        """Name search, best match first (see :mod:`privacyapp.opendata._search`)."""
        return self._state.index.find(query, limit)

    @staticmethod
    def is_postcode(text: str) -> bool:
        """True when ``text`` is a Dutch postcode (then :meth:`lookup_postcode` applies)."""
        return normalise_postcode(text) is not None

    # ------------------------------------------------------------------ network

    @property
    def online(self) -> bool:
        """False when the directory was built without an HTTP client."""
        return self._client is not None

    @property
    def refreshes(self) -> bool:
        """True when ``refresh`` asks the register (a client, and not the static web build)."""
        return self._client is not None and self._asks_register

    @property
    def asks_register(self) -> bool:
        """False in the static web build, which never asks the register (even when online)."""
        return self._asks_register

    def needs_refresh(self) -> bool:
        """True when the last check is older than a week (or there never was one)."""
        checked = self._data.checked_at
        return checked is None or self._clock() - checked >= MAX_AGE

    def refresh(self, *, force: bool = False) -> RefreshResult:
        """Refresh from the register if the data is older than a week, or always with ``force``.

        Never raises for feed problems: on any failure the current data stays in use and the
        result says what went wrong and which date the data is from.
        """
        if not force and not self.needs_refresh():
            return RefreshResult("not-modified", self._fresh_message(), self.updated_at)
        if not self._asks_register:
            message = (
                f"De webversie haalt de lijst niet zelf op. Je ziet de gegevens van "
                f"{_format_date(self.updated_at)}, die bij de app horen."
            )
            return RefreshResult("skipped", message, self.updated_at)
        if self._client is None:
            message = self._stale_message("geen verbinding")
            return RefreshResult("skipped", message, self.updated_at)
        previous = self._data
        try:
            result = fetch_register(
                self._client,
                url=self._url,
                previous=previous,
                now=self._clock,
                max_bytes=self._max_bytes,
                deadline=self._deadline,
            )
        except FeedError as exc:
            return RefreshResult("failed", f"{exc} {self._in_use()}", self.updated_at, exc)
        if result.data is None:
            data = DirectoryData(
                previous.municipalities,
                updated_at=previous.updated_at,
                source=previous.source,
                url=previous.url,
                checked_at=self._clock(),
                etag=previous.etag,
                last_modified=previous.last_modified,
                origin=previous.origin,
            )
            self._save(data)
            self._set(data)
            return RefreshResult("not-modified", self._fresh_message(), self.updated_at)
        self._save(result.data)
        self._set(result.data)
        return RefreshResult(
            "updated",
            f"Bijgewerkt: {len(result.data.municipalities)} gemeenten, "
            f"bijgewerkt op {_format_date(self.updated_at)}.",
            self.updated_at,
        )

    def lookup_postcode(self, postcode: str) -> list[PostcodeMatch]:
        """Municipalities for a postcode via PDOK (sends the postcode to PDOK).

        Raises:
            InvalidPostcodeError: not a postcode; nothing was sent.
            PostcodeUnavailableError: offline, or PDOK could not be reached.
            PostcodeLookupError: PDOK answered with an error or nonsense.
            Name search still works in every case.
        """
        if self._client is None:
            raise PostcodeUnavailableError(
                "Zoeken op postcode kan nu niet: er is geen verbinding. Zoek je gemeente op naam."
            )
        areas = lookup_postcode(self._client, postcode, url=self._pdok_url)
        matches = []
        for area in areas:
            record = self.get(area.municipality_code)
            if record is None and area.municipality_name:
                named = self.find(area.municipality_name, limit=1)
                record = named[0] if named else None
            matches.append(PostcodeMatch(area, record))
        return matches

    # ------------------------------------------------------------------ internals

    def _fresh_message(self) -> str:
        return f"Bijgewerkt op {_format_date(self.updated_at)}."

    def _in_use(self) -> str:
        return f"(Gegevens van {_format_date(self.updated_at)}.)"

    def _stale_message(self, reason: str) -> str:
        return (
            f"{reason.capitalize()} — we gebruiken de gegevens van {_format_date(self.updated_at)}."
        )

    def _load(self) -> DirectoryData:
        snapshot = load_snapshot()
        if self._cache_path is None:
            return snapshot
        try:
            cached = load_data(self._cache_path)
        except SnapshotError as exc:
            self.notice = f"{exc} We gebruiken de ingebouwde lijst tot de volgende update."
            return snapshot
        if cached is None or cached.updated_at < snapshot.updated_at:
            return snapshot  # an app update can bring a newer built-in list than the cache
        return cached

    def _save(self, data: DirectoryData) -> None:
        """Cache ``data``; a full disk only costs the cache, the new data is used anyway."""
        if self._cache_path is None:
            return
        try:
            save_data(self._cache_path, data)
        except OSError as exc:
            self.notice = f"De nieuwe lijst kon niet worden bewaard ({exc.strerror})."

    def _set(self, data: DirectoryData) -> None:
        by_code = {record.code: record for record in data.municipalities}
        ordered = tuple(sorted(data.municipalities, key=lambda r: search_key(r.name)))
        # one assignment: readers on another thread see the old or the new state, never a mix
        self._state = _State(data, by_code, ordered, NameIndex(ordered))

    @property
    def _data(self) -> DirectoryData:
        return self._state.data
