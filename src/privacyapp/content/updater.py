"""Content updates in the app: TUF-checked, engine-checked, swapped in atomically, never empty.

One check (``ContentUpdater.check``):

1. python-tuf's ``ngclient.Updater`` starts from the trusted root the app ships (or one given
   with ``--trust``), walks any newer roots (key rotation), and loads timestamp, snapshot and
   targets: signatures by a threshold of known keys, no version going back, nothing expired
   (by the injected clock), sizes capped, everything persisted before the next step.
2. The target ``content-bundle.json`` carries custom fields: content version, content hash,
   bundle format, minimum app version, publication time. Nothing newer: done (a few ms).
3. Otherwise the bundle is downloaded (length and SHA-256 from the signed targets), loaded
   with ``load_bundle`` (format, model, content hash) and run through the engine's own checks.
4. It is written with ``_atomic.write_atomic`` over ``content/bundle.json``; the bundle it
   replaces is kept as ``content/bundle.previous.json`` (the last good one).
5. ``content/status.json`` records the installed version, publication time, source, the last
   check and its result. Every failure leaves the installed content as it was.

At start the app calls ``active_library``: the installed bundle when it still loads, matches
its recorded hash, suits this app and is newer than the built-in one; otherwise the previous
one; otherwise the built-in bundle. The app is never without content.

The ``content/`` folder in the data directory holds only public, signed content and TUF
metadata: no user data, so it is not encrypted.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacyapp import __version__
from privacyapp._atomic import write_atomic
from privacyapp.content.bundle import (
    BUNDLE_FORMAT,
    BUNDLE_RESOURCE,
    builtin_library,
    load_bundle,
)
from privacyapp.content.errors import (
    BundleInvalid,
    ContentError,
    UpdateFailed,
    UpdateIncompatible,
    UpdateNotConfigured,
    UpdateRefused,
    UpdateUnavailable,
)
from privacyapp.content.signing import version_key
from privacyapp.engine import Library

if TYPE_CHECKING:  # python-tuf and httpx are imported on the first check, not at start
    import httpx
    from tuf.ngclient import Updater

    from privacyapp.content.fetcher import HttpxFetcher

#: The one target of the repository (``publish.TARGET_NAME`` is the same name).
TARGET_NAME = BUNDLE_RESOURCE

__all__ = [
    "CONTENT_DIR",
    "STALE_AFTER",
    "ContentAbout",
    "SOURCE_ENV",
    "TRUST_ENV",
    "ContentUpdater",
    "UpdateLimits",
    "UpdateOutcome",
    "UpdateSource",
    "UpdateStatus",
    "configured_source",
    "validate_library",
]

CONTENT_DIR = "content"
#: Package data a release sets (see README, "Inhoud bijwerken"): the address and trusted root.
SOURCE_RESOURCE = "content-update.json"
ROOT_RESOURCE = "content-root.json"
#: Environment overrides for private deployments and tests.
SOURCE_ENV = "PRIVACYAPP_CONTENT_URL"
TRUST_ENV = "PRIVACYAPP_CONTENT_ROOT"
#: After this long without a successful check the UI shows a notice (as long as a timestamp lives).
STALE_AFTER = timedelta(days=7)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class UpdateLimits:
    """Caps for one check: sizes in bytes, times in seconds."""

    bundle_bytes: int = 16 * 1024 * 1024
    root_bytes: int = 256 * 1024
    timestamp_bytes: int = 16 * 1024
    snapshot_bytes: int = 64 * 1024
    targets_bytes: int = 256 * 1024
    file_seconds: float = 60.0
    read_seconds: float = 15.0
    connect_seconds: float = 10.0


@dataclass(frozen=True)
class UpdateSource:
    """Where updates come from and which root to trust first."""

    url: str
    root: bytes
    #: ``app`` (shipped with the app), ``env`` or ``trust`` (given on the command line).
    origin: str = "app"

    @property
    def anchor(self) -> str:
        """A short id of the trusted root, naming its TUF metadata folder."""
        return hashlib.sha256(self.root).hexdigest()[:16]


@dataclass(frozen=True)
class UpdateOutcome:
    """What a successful check did."""

    result: str
    """``updated`` (new content installed) or ``current`` (nothing newer)."""
    content_version: str
    message: str
    library: Library | None = None
    """The new library when ``result`` is ``updated``."""


@dataclass(frozen=True)
class ContentAbout:
    """What Settings/Over shows (``ContentUpdater.about``)."""

    updates_enabled: bool
    """False: this build has no update address (or is offline); only built-in content."""
    from_update: bool
    """True: the content in use came from an update; False: the built-in bundle."""
    content_version: str | None
    """The update's content version (None: built-in; use ``Services.content.version``)."""
    published_at: str | None
    """When the update in use was published (ISO, UTC); None for built-in content."""
    last_check: str | None
    """When the app last checked (ISO, UTC); None: never."""
    last_success: str | None
    """When a check last succeeded (ISO, UTC); None: never."""
    last_result: str
    """``never``, ``updated``, ``current``, ``unavailable``, ``refused``, ``incompatible``,
    ``not-configured`` or ``failed``."""
    last_message: str
    """The last check's message (English, for support; not for the screen)."""
    stale: bool
    """True: updates are on but no check succeeded for a week: show a notice."""


@dataclass
class UpdateStatus:
    """What ``content/status.json`` holds (and ``privacyapp content status`` prints)."""

    installed: dict[str, Any] | None = None
    """The installed update: content_version, content_hash, sha256, published_at,
    min_app_version, source, installed_at. None: the app uses its built-in content."""
    previous: dict[str, Any] | None = None
    """The update installed before it (the last good fallback), same fields."""
    source: str | None = None
    """The address of the last check."""
    last_check: str | None = None
    last_success: str | None = None
    checking_since: str | None = None
    """The first check ever (a notice is due when nothing succeeded for a week since)."""
    last_result: str = "never"
    """``never``, ``updated``, ``current``, ``unavailable``, ``refused``, ``incompatible``,
    ``not-configured`` or ``failed``."""
    last_message: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The status as plain JSON data."""
        data = asdict(self)
        data.pop("extra")
        return data


def configured_source(env: Mapping[str, str] | None = None) -> UpdateSource | None:
    """The update source of this build: environment overrides, else the package data.

    None when no address or no root is set (this build does not update its content).

    Raises:
        UpdateNotConfigured: when an override names a root file that cannot be read.
    """
    env = os.environ if env is None else env
    url = env.get(SOURCE_ENV, "")
    root_path = env.get(TRUST_ENV, "")
    if url and root_path:
        try:
            return UpdateSource(url, Path(root_path).read_bytes(), origin="env")
        except OSError as exc:
            raise UpdateNotConfigured(
                f"the trusted root {root_path} ({TRUST_ENV}) cannot be read: {exc.strerror}"
            ) from None
    assets = resources.files("privacyapp").joinpath("assets")
    try:
        config = json.loads(assets.joinpath(SOURCE_RESOURCE).read_bytes())
        root = assets.joinpath(ROOT_RESOURCE).read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(config, dict):
        return None
    url = url or str(config.get("url", ""))
    return UpdateSource(url, root, origin="app") if url else None


def validate_library(library: Library) -> None:
    """Run the engine's own checks over a loaded bundle (as ``flows check`` does on YAML).

    Raises:
        UpdateRefused: naming the first problems, when any check reports an error.
    """
    from privacyapp.engine._document import YMap
    from privacyapp.engine.checks import FlowSource, run_checks
    from privacyapp.engine.diagnostics import Loc

    sources = [
        FlowSource(
            flow.id,
            f"bundle:{flow.id}",
            Path(f"{flow.id}.yaml"),
            None,
            YMap({}, Loc(f"bundle:{flow.id}")),
            flow,
        )
        for flow in library.flows.values()
    ]
    errors = [d for d in run_checks(library.registry, sources, library.flows) if d.is_error]
    if not any(f.status == "published" for f in library.flows.values()):
        raise UpdateRefused("the update has no published flows; it was not installed")
    if errors:
        shown = "; ".join(f"{d.path}: {d.message}" for d in errors[:3])
        raise UpdateRefused(
            f"the update's content has {len(errors)} error(s) ({shown}); it was not installed"
        )


def _is_newer(version: str, than: str) -> bool:
    try:
        return version_key(version) > version_key(than)
    except ContentError:
        return False


class ContentUpdater:
    """Checks for, installs and reports content updates in one data directory.

    Thread-safe: one check at a time (python-tuf's Updater is single-instance by design).
    """

    def __init__(
        self,
        data_dir: Path,
        http_client: httpx.Client | Callable[[], httpx.Client] | None,
        *,
        source: UpdateSource | None = None,
        clock: Clock = lambda: datetime.now(UTC),
        app_version: str = __version__,
        builtin: Callable[[], Library] = builtin_library,
        limits: UpdateLimits | None = None,
        on_installed: Callable[[Library], None] | None = None,
    ) -> None:
        """Args:
        data_dir: the app's data directory (updates live in its ``content/`` folder).
        http_client: the app's injected client, or what makes it on the first check (so the
            app's start does not build one); None: offline (checks fail clearly).
        source: address and trusted root; None: this build has none (see ``configured_source``).
        clock: the time for expiry checks and the status (tests freeze or move it).
        app_version: this app's version, compared with a bundle's minimum app version.
        builtin: the content shipped with the app.
        limits: size and time caps.
        on_installed: called with the new library after an update is installed.
        """
        self.dir = data_dir / CONTENT_DIR
        self._client_source = http_client
        self._client: httpx.Client | None = None
        self.source = source
        self.clock = clock
        self.app_version = app_version
        self._builtin = builtin
        self.limits = limits or UpdateLimits()
        self.on_installed = on_installed
        self._lock = threading.Lock()
        self._lock_client = threading.Lock()
        self.fetcher: HttpxFetcher | None = None
        self._stops: list[threading.Event] = []
        self._in_use: dict[str, Any] | None = None

    @property
    def client(self) -> httpx.Client | None:
        """The injected client; one given as a factory is made on the first ask."""
        if self._client is None and self._client_source is not None:
            with self._lock_client:
                if self._client is None:
                    source = self._client_source
                    self._client = source() if callable(source) else source
        return self._client

    @property
    def online(self) -> bool:
        """Whether a client is injected (made or not yet): checks can go out."""
        return self._client_source is not None

    # ------------------------------------------------------------------ status

    @property
    def bundle_path(self) -> Path:
        """The installed update."""
        return self.dir / "bundle.json"

    @property
    def previous_path(self) -> Path:
        """The update installed before it (the last good one)."""
        return self.dir / "bundle.previous.json"

    def status(self) -> UpdateStatus:
        """The stored status (a damaged status file reads as no update installed)."""
        try:
            data = json.loads((self.dir / "status.json").read_bytes())
        except (OSError, ValueError):
            return UpdateStatus()
        if not isinstance(data, dict):
            return UpdateStatus()
        known = {k: data[k] for k in UpdateStatus.__dataclass_fields__ if k in data}
        known.pop("extra", None)
        try:
            return UpdateStatus(**known)
        except TypeError:
            return UpdateStatus()

    def _save_status(self, status: UpdateStatus) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        data = json.dumps(status.to_json(), ensure_ascii=False, indent=1, sort_keys=True)
        write_atomic(self.dir / "status.json", (data + "\n").encode("utf-8"), mode=0o644)

    def is_stale(self, status: UpdateStatus | None = None) -> bool:
        """True when a source is set and no check succeeded for ``STALE_AFTER`` (UI notice)."""
        if self.source is None:
            return False
        status = status or self.status()
        since = status.last_success or status.checking_since
        if since is None:
            return False  # not checked yet (the first start): nothing to warn about
        try:
            last = datetime.fromisoformat(since)
        except ValueError:
            return True
        return self.clock() - last > STALE_AFTER

    def about(self) -> ContentAbout:
        """What Settings/Over shows about the content in use and the checks (no bundle read)."""
        status = self.status()
        record = self._in_use
        enabled = self.source is not None and self.online
        return ContentAbout(
            updates_enabled=enabled,
            from_update=record is not None,
            content_version=str(record["content_version"]) if record else None,
            published_at=str(record.get("published_at") or "") or None if record else None,
            last_check=status.last_check,
            last_success=status.last_success,
            last_result=status.last_result,
            last_message=status.last_message,
            stale=enabled and self.is_stale(status),
        )

    # ------------------------------------------------------------------ the content in use

    def _intact(self, path: Path, record: dict[str, Any]) -> bytes | None:
        """The file's bytes when they are what was installed and suit this app; else None."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != record.get("sha256"):
            return None
        if not self._app_suits(str(record.get("min_app_version", ""))):
            return None
        return data

    def _load_installed(self, path: Path, record: dict[str, Any] | None) -> Library | None:
        data = self._intact(path, record) if record is not None else None
        if data is None:
            return None
        try:
            return load_bundle(data)
        except BundleInvalid:
            return None

    def _installed(self) -> tuple[Library, dict[str, Any]] | None:
        status = self.status()
        for path, record in (
            (self.bundle_path, status.installed),
            (self.previous_path, status.previous),
        ):
            library = self._load_installed(path, record)
            if library is not None and record is not None:
                return library, record
        return None

    def installed_library(self) -> Library | None:
        """The installed update (or the previous one) when it is intact; else None."""
        found = self._installed()
        return found[0] if found is not None else None

    def active_library(self) -> Library:
        """The content to use: an intact installed update newer than the built-in, else built-in.

        Also what ``about`` reports from then on.
        """
        builtin = self._builtin()
        found = self._installed()
        if found is not None and _is_newer(found[0].content_version, builtin.content_version):
            self._in_use = found[1]
            return found[0]
        self._in_use = None
        return builtin

    def _app_suits(self, min_app_version: str) -> bool:
        try:
            return version_key(self.app_version) >= version_key(min_app_version)
        except ContentError:
            return False

    # ------------------------------------------------------------------ in the background

    def start_background(
        self, *, first_delay: float = 5.0, every: float = 24 * 3600.0
    ) -> threading.Event:
        """Check on a daemon thread after ``first_delay`` seconds, then every ``every`` seconds.

        The first screen never waits for it. Failures are stored in the status, never raised.
        Set the returned event to stop. Does nothing (returns a set event) without a source or
        a client.
        """
        stop = threading.Event()
        self._stops.append(stop)
        if self.source is None or not self.online:
            stop.set()
            return stop

        def loop() -> None:
            delay = first_delay
            while not stop.wait(delay):
                self.check_quietly()
                delay = every

        threading.Thread(target=loop, name="privacyapp-content-updates", daemon=True).start()
        return stop

    def stop_background(self) -> None:
        """Stop every background loop this updater started (a check under way finishes)."""
        for stop in self._stops:
            stop.set()

    # ------------------------------------------------------------------ checking

    def check(self) -> UpdateOutcome:
        """Check for new content and install it.

        Raises:
            UpdateNotConfigured: no source or no client.
            UpdateUnavailable: the server cannot be reached, is too slow or sends too much.
            UpdateRefused: a security or content check failed.
            UpdateIncompatible: the update needs a newer app.
        """
        with self._lock:
            status = self.status()
            status.last_check = self.clock().astimezone(UTC).isoformat()
            status.checking_since = status.checking_since or status.last_check
            status.source = self.source.url if self.source is not None else None
            try:
                outcome = self._check(status)
            except UpdateFailed as exc:
                status.last_result = exc.result
                status.last_message = str(exc)
                self._save_status(status)
                raise
            status.last_success = status.last_check
            status.last_result = outcome.result
            status.last_message = outcome.message
            self._save_status(status)
        if outcome.library is not None and self.on_installed is not None:
            try:
                self.on_installed(outcome.library)
            except Exception as exc:
                raise UpdateFailed(
                    f"content {outcome.content_version} was installed, but the running app "
                    f"could not switch to it ({exc!r}); it is used from the next start"
                ) from None
        return outcome

    def check_quietly(self) -> UpdateOutcome | UpdateFailed:
        """``check`` for a background job: the failure is returned (and stored), not raised."""
        try:
            return self.check()
        except UpdateFailed as exc:
            return exc
        except Exception as exc:  # a background check must never take the app down
            failure = UpdateFailed(f"the content check failed unexpectedly ({exc!r})")
            status = self.status()
            status.last_result = failure.result
            status.last_message = str(failure)
            self._save_status(status)
            return failure

    def _updater(self, source: UpdateSource, client: httpx.Client) -> Updater:
        import httpx
        from tuf.api.metadata import Metadata, Root
        from tuf.ngclient import Updater, UpdaterConfig

        from privacyapp.content.fetcher import HttpxFetcher

        metadata_dir = self.dir / "tuf" / source.anchor
        metadata_dir.mkdir(parents=True, exist_ok=True)
        base = source.url.rstrip("/")
        limits = self.limits
        self.fetcher = HttpxFetcher(
            client,
            file_seconds=limits.file_seconds,
            timeout=httpx.Timeout(limits.read_seconds, connect=limits.connect_seconds),
        )
        config = UpdaterConfig(
            root_max_length=limits.root_bytes,
            timestamp_max_length=limits.timestamp_bytes,
            snapshot_max_length=limits.snapshot_bytes,
            targets_max_length=limits.targets_bytes,
            max_delegations=1,
        )
        try:
            Metadata[Root].from_bytes(source.root)
            updater = Updater(
                str(metadata_dir),
                f"{base}/metadata/",
                str(self.dir / "download"),
                f"{base}/targets/",
                self.fetcher,
                config,
                bootstrap=source.root,
            )
        except Exception as exc:
            raise UpdateNotConfigured(
                f"the trusted root cannot be used ({exc}); reinstall the app or give another "
                "--trust file"
            ) from None
        # ngclient reads the clock once, when it starts; checks use the app's clock instead, so
        # a frozen or moved clock in tests is the clock every expiry is compared with.
        updater._trusted_set.reference_time = self.clock().astimezone(UTC)
        return updater

    def _check(self, status: UpdateStatus) -> UpdateOutcome:
        source = self.source
        if source is None:
            raise UpdateNotConfigured(
                "this app has no update address; its built-in content stays in use"
            )
        if self.client is None:
            raise UpdateNotConfigured("the app is offline (no network client); try again later")
        updater = self._updater(source, self.client)
        info = _tuf(lambda: updater.get_targetinfo(TARGET_NAME))
        if info is None:
            raise UpdateRefused("the update server lists no content bundle; nothing was installed")
        custom = info.custom if isinstance(info.custom, dict) else {}
        version = str(custom.get("content_version", ""))
        if custom.get("bundle_format") != BUNDLE_FORMAT:
            raise UpdateIncompatible(
                f"the update has bundle format {custom.get('bundle_format')!r}, this app reads "
                f"{BUNDLE_FORMAT}; update the app to get newer content"
            )
        min_app = str(custom.get("min_app_version", ""))
        if not self._app_suits(min_app):
            raise UpdateIncompatible(
                f"content {version} needs app version {min_app} or newer (this is "
                f"{self.app_version}); update the app to get it"
            )
        decision = self._compare(version, str(custom.get("content_hash", "")), status)
        if decision is not None:
            return decision
        if info.length > self.limits.bundle_bytes:
            raise UpdateRefused(
                f"the update is {info.length} bytes, more than this app accepts "
                f"({self.limits.bundle_bytes}); it was not downloaded"
            )
        path = Path(_tuf(lambda: updater.download_target(info)))
        try:
            data = path.read_bytes()
        finally:
            path.unlink(missing_ok=True)
        try:
            library = load_bundle(data)
        except BundleInvalid as exc:
            raise UpdateRefused(f"the update cannot be read: {exc}") from None
        if library.content_version != version or library.content_hash != custom.get("content_hash"):
            raise UpdateRefused(
                "the update's content does not match what its signed metadata says; "
                "it was not installed"
            )
        validate_library(library)
        record = {
            "content_version": version,
            "content_hash": library.content_hash,
            "sha256": hashlib.sha256(data).hexdigest(),
            "published_at": str(custom.get("published_at", "")),
            "min_app_version": min_app,
            "source": source.url,
            "installed_at": self.clock().astimezone(UTC).isoformat(),
        }
        try:
            self._install(data, record, status)
        except OSError as exc:
            raise UpdateFailed(
                f"the update cannot be saved on this device ({exc.strerror or exc}); the content "
                "you have stays in use"
            ) from None
        return UpdateOutcome(
            "updated", version, f"content {version} was installed", library=library.published()
        )

    def _compare(
        self, version: str, content_hash: str, status: UpdateStatus
    ) -> UpdateOutcome | None:
        """None when the published content should be installed; else why not."""
        installed = status.installed
        if installed is not None and self._intact(self.bundle_path, installed):
            have = str(installed.get("content_version"))
            if installed.get("content_hash") == content_hash:
                return UpdateOutcome("current", have, f"content {have} is up to date")
            if not _is_newer(version, have):
                raise UpdateRefused(
                    f"the server offers content {version}, which is not newer than the "
                    f"installed {have}; it was not installed"
                )
        builtin = self._builtin()
        if not _is_newer(version, builtin.content_version):
            have = builtin.content_version
            return UpdateOutcome(
                "current", have, f"the built-in content {have} is as new as the server's {version}"
            )
        return None

    def _install(self, data: bytes, record: dict[str, Any], status: UpdateStatus) -> None:
        """Write the bundle atomically, keeping the one it replaces; then the status."""
        self.dir.mkdir(parents=True, exist_ok=True)
        keep_previous = status.installed is not None and self.bundle_path.exists()

        def keep() -> None:
            if keep_previous:
                write_atomic(self.previous_path, self.bundle_path.read_bytes(), mode=0o644)

        write_atomic(self.bundle_path, data, mode=0o644, before_replace=keep)
        if keep_previous:
            status.previous = status.installed
        status.installed = record
        self._in_use = record


def _tuf(call: Callable[[], Any]) -> Any:
    """Run a python-tuf call and turn its errors into the app's, with a message per attack."""
    from tuf.api import exceptions as tuf_errors

    try:
        return call()
    except tuf_errors.DownloadLengthMismatchError:
        raise UpdateRefused(
            "the update server sent more data than allowed (an endless or oversized answer); "
            "nothing was installed"
        ) from None
    except tuf_errors.DownloadError as exc:
        raise UpdateUnavailable(f"{exc}; the content you have stays in use") from None
    except tuf_errors.ExpiredMetadataError as exc:
        raise UpdateRefused(
            f"the update's signed metadata has expired ({exc}); the server may be frozen on old "
            "content, so nothing was installed"
        ) from None
    except tuf_errors.EqualVersionNumberError as exc:
        raise UpdateRefused(f"the update's metadata repeats a version ({exc})") from None
    except tuf_errors.BadVersionNumberError as exc:
        raise UpdateRefused(
            f"the update server offers older metadata than this app has seen ({exc}): a "
            "rollback or a mix of two versions; nothing was installed"
        ) from None
    except tuf_errors.UnsignedMetadataError as exc:
        raise UpdateRefused(
            f"the update's metadata is not signed by enough trusted keys ({exc}); nothing was "
            "installed"
        ) from None
    except tuf_errors.LengthOrHashMismatchError as exc:
        raise UpdateRefused(
            f"a downloaded file does not match its signed length or hash ({exc}): it was "
            "changed; nothing was installed"
        ) from None
    except tuf_errors.RepositoryError as exc:
        raise UpdateRefused(
            f"the update's metadata is not valid ({exc}); nothing was installed"
        ) from None
    except OSError as exc:
        raise UpdateFailed(f"the update cannot be saved on this device ({exc})") from None
