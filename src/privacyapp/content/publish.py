"""Publishing content as a TUF repository (python-tuf's Metadata API): a plain folder for any host.

Layout of the repository folder (serve it as it is, e.g. ``https://host/content/``)::

    metadata/1.root.json, 2.root.json ...   every root version (clients walk the chain)
    metadata/root.json                      a copy of the newest root (the app's bootstrap)
    metadata/N.targets.json                 the bundle's length, hash and custom fields
    metadata/N.snapshot.json                which targets version is current
    metadata/timestamp.json                 which snapshot is current; short-lived
    targets/<sha256>.content-bundle.json    every published bundle, named by its hash

Consistent snapshots are on, so a client that is halfway through an update while a new version
is published still sees one coherent version. Nothing is ever deleted: old files are small and
a client that started earlier may still fetch them.

Roles, keys and expiries (``EXPIRY``):

- ``root``: 3 offline keys, threshold 2, one year. Names every other role's keys.
- ``targets``: 1 offline key (the publisher), 180 days. Signing the targets is publishing.
- ``snapshot`` and ``timestamp``: 1 online key each (the publishing machine or CI), 30 and 7
  days; ``refresh_timestamp`` re-signs them (daily, from a scheduled job).

Private keys are PEM files ``KEYDIR/<role>/<keyid>.pem``. Several key folders can be given (two
root holders each bring theirs); a role is signed with every key of it that is at hand and must
reach its threshold. The key folder may never lie inside the repository folder.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from securesystemslib.signer import CryptoSigner, SSlibKey
from tuf.api.exceptions import UnsignedMetadataError
from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Signed,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from privacyapp._atomic import write_atomic
from privacyapp.content.bundle import BUNDLE_FORMAT, BUNDLE_RESOURCE, load_bundle
from privacyapp.content.errors import KeysMissing, PublishError
from privacyapp.content.signing import version_key

__all__ = [
    "EXPIRY",
    "ROLES",
    "TARGET_NAME",
    "ContentRepository",
    "PublishedBundle",
    "init_repository",
]

ROLES = ("root", "targets", "snapshot", "timestamp")
TARGET_NAME = BUNDLE_RESOURCE  # the one target: the bundle
EXPIRY: dict[str, timedelta] = {
    "root": timedelta(days=365),
    "targets": timedelta(days=180),
    "snapshot": timedelta(days=30),
    "timestamp": timedelta(days=7),
}
#: ``refresh_timestamp`` also re-signs the snapshot when it expires within this time.
SNAPSHOT_RENEW_BEFORE = timedelta(days=10)
ROOT_KEYS = 3
ROOT_THRESHOLD = 2

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class PublishedBundle:
    """What the targets metadata says about the bundle."""

    content_version: str
    content_hash: str
    bundle_format: int
    min_app_version: str
    published_at: str
    length: int
    sha256: str
    targets_version: int


def _now(clock: Clock) -> datetime:
    return clock().astimezone(UTC).replace(microsecond=0)


def _write_key(key_dir: Path, role: str, signer: CryptoSigner) -> Path:
    folder = key_dir / role
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{signer.public_key.keyid}.pem"
    write_atomic(path, signer.private_bytes, mode=0o600)
    return path


def _check_apart(repo: Path, key_dirs: Iterable[Path]) -> None:
    """Refuse a key folder inside the repository (it would be published) or the other way."""
    repo_abs = repo.resolve()
    for key_dir in key_dirs:
        keys_abs = key_dir.resolve()
        if keys_abs.is_relative_to(repo_abs) or repo_abs.is_relative_to(keys_abs):
            raise PublishError(
                f"the key folder {key_dir} and the repository {repo} overlap; private keys "
                "must never be published: keep them in a folder of their own"
            )


def init_repository(
    repo: Path,
    key_dir: Path,
    *,
    clock: Clock = lambda: datetime.now(UTC),
    root_keys: int = ROOT_KEYS,
    root_threshold: int = ROOT_THRESHOLD,
) -> ContentRepository:
    """Make the keys of every role and the first root (version 1) of a new repository.

    Raises:
        PublishError: when the repository or key folder already holds metadata or keys, the
            folders overlap, or the threshold is impossible.
    """
    if not 1 <= root_threshold <= root_keys:
        raise PublishError(
            f"a threshold of {root_threshold} of {root_keys} root keys is impossible; "
            "choose a threshold between 1 and the number of keys"
        )
    _check_apart(repo, [key_dir])
    if (repo / "metadata").exists():
        raise PublishError(f"{repo} already holds a repository; use it, or choose a new folder")
    if any(key_dir.glob("*/*.pem")):
        raise PublishError(f"{key_dir} already holds keys; choose an empty folder")
    root = Root(expires=_now(clock) + EXPIRY["root"], consistent_snapshot=True)
    signers: list[CryptoSigner] = []
    for role in ROLES:
        for _ in range(root_keys if role == "root" else 1):
            signer = CryptoSigner.generate_ed25519()
            _write_key(key_dir, role, signer)
            root.add_key(signer.public_key, role)
            if role == "root":
                signers.append(signer)
    root.roles["root"].threshold = root_threshold
    metadata = Metadata(root)
    for signer in signers:
        metadata.sign(signer, append=True)
    (repo / "metadata").mkdir(parents=True, exist_ok=True)
    (repo / "targets").mkdir(exist_ok=True)
    repository = ContentRepository(repo, [key_dir], clock=clock)
    repository._write_root(metadata)
    return repository


class ContentRepository:
    """A TUF repository folder and the key folders that can sign it."""

    def __init__(
        self,
        repo: Path,
        key_dirs: Sequence[Path],
        *,
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        """Open an existing repository.

        Raises:
            PublishError: when the folder holds no repository, or a key folder overlaps it.
        """
        self.repo = repo
        self.key_dirs = list(key_dirs)
        self.clock = clock
        self.metadata_dir = repo / "metadata"
        self.targets_dir = repo / "targets"
        _check_apart(repo, self.key_dirs)

    # ------------------------------------------------------------------ reading

    def _versions(self, role: str) -> list[int]:
        pattern = re.compile(rf"^(\d+)\.{role}\.json$")
        found = [pattern.match(p.name) for p in self.metadata_dir.glob(f"*.{role}.json")]
        return sorted(int(m.group(1)) for m in found if m)

    def _read(self, name: str, kind: type[Signed]) -> Metadata[Any]:
        path = self.metadata_dir / name
        try:
            metadata: Metadata[Any] = Metadata.from_bytes(path.read_bytes())
        except FileNotFoundError:
            raise PublishError(
                f"{path} is missing; run `privacyapp content init` first, or check --repo"
            ) from None
        except Exception as exc:  # tuf raises several types for a damaged file
            raise PublishError(f"{path} cannot be read ({exc}); restore it from a backup") from None
        if not isinstance(metadata.signed, kind):
            raise PublishError(f"{path} is not {kind.type} metadata; restore it from a backup")
        return metadata

    def root(self) -> Metadata[Root]:
        """The newest root."""
        versions = self._versions("root")
        if not versions:
            raise PublishError(
                f"{self.repo} holds no root metadata; run `privacyapp content init` first"
            )
        return self._read(f"{versions[-1]}.root.json", Root)

    def targets(self) -> Metadata[Targets] | None:
        """The newest targets, or None before the first publication."""
        versions = self._versions("targets")
        return self._read(f"{versions[-1]}.targets.json", Targets) if versions else None

    def snapshot(self) -> Metadata[Snapshot] | None:
        """The newest snapshot, or None before the first publication."""
        versions = self._versions("snapshot")
        return self._read(f"{versions[-1]}.snapshot.json", Snapshot) if versions else None

    def timestamp(self) -> Metadata[Timestamp] | None:
        """The current timestamp, or None before the first publication."""
        if not (self.metadata_dir / "timestamp.json").exists():
            return None
        return self._read("timestamp.json", Timestamp)

    def published(self) -> PublishedBundle | None:
        """What is published now, or None before the first publication."""
        targets = self.targets()
        if targets is None or TARGET_NAME not in targets.signed.targets:
            return None
        info = targets.signed.targets[TARGET_NAME]
        custom = info.custom if isinstance(info.custom, dict) else {}
        return PublishedBundle(
            content_version=str(custom.get("content_version", "")),
            content_hash=str(custom.get("content_hash", "")),
            bundle_format=int(custom.get("bundle_format", 0)),
            min_app_version=str(custom.get("min_app_version", "")),
            published_at=str(custom.get("published_at", "")),
            length=info.length,
            sha256=info.hashes.get("sha256", ""),
            targets_version=targets.signed.version,
        )

    # ------------------------------------------------------------------ signing

    def _find_key(self, keyid: str) -> Path | None:
        for key_dir in self.key_dirs:
            for path in key_dir.glob(f"*/{keyid}.pem"):
                return path
        return None

    def _signers(self, root: Root, role: str) -> list[CryptoSigner]:
        signers = []
        for keyid in root.roles[role].keyids:
            path = self._find_key(keyid)
            if path is None:
                continue
            public = root.keys[keyid]
            try:
                if not isinstance(public, SSlibKey):
                    raise TypeError(f"unsupported key type {public.keytype}")
                private = serialization.load_pem_private_key(path.read_bytes(), password=None)
                signers.append(CryptoSigner(private, public))
            except Exception as exc:
                raise PublishError(
                    f"the key {path} cannot be used ({exc}); it is damaged or belongs to "
                    "another repository"
                ) from None
        return signers

    def _sign(self, metadata: Metadata[Any], role: str, *roots: Root) -> None:
        """Sign with every key of ``role`` at hand in each of ``roots``; each must be satisfied."""
        metadata.signatures.clear()
        seen: set[str] = set()
        for root in roots:
            signers = self._signers(root, role)
            threshold = root.roles[role].threshold
            if len(signers) < threshold:
                raise KeysMissing(
                    f"signing {role} needs {threshold} of its keys, but only {len(signers)} "
                    f"are in {', '.join(str(d) for d in self.key_dirs)}; bring the other "
                    "key holders' folders with another --keys"
                )
            for signer in signers:
                if signer.public_key.keyid not in seen:
                    metadata.sign(signer, append=True)
                    seen.add(signer.public_key.keyid)
        for root in roots:  # never write metadata a client would refuse
            try:
                root.verify_delegate(role, metadata.signed_bytes, metadata.signatures)
            except UnsignedMetadataError as exc:
                raise KeysMissing(f"the {role} metadata would not verify: {exc}") from None

    def _write(self, metadata: Metadata[Any], name: str) -> None:
        data = metadata.to_bytes(JSONSerializer(compact=False))
        write_atomic(self.metadata_dir / name, data, mode=0o644)

    def _write_root(self, metadata: Metadata[Root]) -> None:
        version = metadata.signed.version
        if (self.metadata_dir / f"{version}.root.json").exists():
            raise PublishError(f"root version {version} already exists; it is never overwritten")
        self._write(metadata, f"{version}.root.json")
        self._write(metadata, "root.json")

    # ------------------------------------------------------------------ publishing

    def publish(
        self, bundle: bytes, *, min_app_version: str, allow_same_version: bool = False
    ) -> PublishedBundle:
        """Publish a bundle: write it as a target, then new targets, snapshot and timestamp.

        Raises:
            BundleInvalid: the bundle does not load (it is never published).
            PublishError: the content version is not newer than the published one, or the
                minimum app version is not numbers with dots.
            KeysMissing: the targets, snapshot or timestamp keys are not at hand.
        """
        library = load_bundle(bundle)  # never publish what the app cannot read
        version_key(min_app_version)
        current = self.published()
        if current is not None and not allow_same_version:
            if current.content_hash == library.content_hash:
                raise PublishError(
                    f"content {library.content_version} is already published with the same "
                    "text; nothing to do"
                )
            if version_key(library.content_version) <= version_key(current.content_version):
                raise PublishError(
                    f"the content version {library.content_version} is not newer than the "
                    f"published {current.content_version}; raise content_version in "
                    "registry.yaml (apps refuse older or equal versions)"
                )
        root = self.root().signed
        now = _now(self.clock)
        digest = hashlib.sha256(bundle).hexdigest()
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(self.targets_dir / f"{digest}.{TARGET_NAME}", bundle, mode=0o644)
        custom = {
            "content_version": library.content_version,
            "content_hash": library.content_hash,
            "bundle_format": BUNDLE_FORMAT,
            "min_app_version": min_app_version,
            "published_at": now.isoformat().replace("+00:00", "Z"),
        }
        target = TargetFile.from_data(TARGET_NAME, bundle, ["sha256"])
        target.unrecognized_fields["custom"] = custom
        previous = self.targets()
        version = previous.signed.version + 1 if previous is not None else 1
        targets = Metadata(
            Targets(version=version, expires=now + EXPIRY["targets"], targets={TARGET_NAME: target})
        )
        self._sign(targets, "targets", root)
        self._write(targets, f"{version}.targets.json")
        self._snapshot_and_timestamp(root)
        published = self.published()
        assert published is not None
        return published

    def _snapshot_and_timestamp(self, root: Root) -> None:
        targets = self.targets()
        if targets is None:
            raise PublishError("nothing is published yet; run `privacyapp content publish` first")
        now = _now(self.clock)
        previous = self.snapshot()
        version = previous.signed.version + 1 if previous is not None else 1
        snapshot = Metadata(
            Snapshot(
                version=version,
                expires=now + EXPIRY["snapshot"],
                meta={"targets.json": MetaFile(version=targets.signed.version)},
            )
        )
        self._sign(snapshot, "snapshot", root)
        self._write(snapshot, f"{version}.snapshot.json")
        self._timestamp(root, snapshot)

    def _timestamp(self, root: Root, snapshot: Metadata[Snapshot]) -> None:
        data = snapshot.to_bytes(JSONSerializer(compact=False))
        previous = self.timestamp()
        version = previous.signed.version + 1 if previous is not None else 1
        timestamp = Metadata(
            Timestamp(
                version=version,
                expires=_now(self.clock) + EXPIRY["timestamp"],
                snapshot_meta=MetaFile(
                    version=snapshot.signed.version,
                    length=len(data),
                    hashes={"sha256": hashlib.sha256(data).hexdigest()},
                ),
            )
        )
        self._sign(timestamp, "timestamp", root)
        self._write(timestamp, "timestamp.json")

    def refresh_timestamp(self) -> Timestamp:
        """Re-sign the timestamp (and the snapshot when it expires soon), for a daily job.

        Raises:
            PublishError: nothing is published yet.
            KeysMissing: the timestamp (or snapshot) key is not at hand.
        """
        root = self.root().signed
        snapshot = self.snapshot()
        if snapshot is None:
            raise PublishError("nothing is published yet; run `privacyapp content publish` first")
        if snapshot.signed.expires - _now(self.clock) < SNAPSHOT_RENEW_BEFORE:
            self._snapshot_and_timestamp(root)
        else:
            self._timestamp(root, snapshot)
        timestamp = self.timestamp()
        assert timestamp is not None
        return timestamp.signed

    # ------------------------------------------------------------------ keys and roots

    def _new_root(self, change: Callable[[Root], None]) -> Metadata[Root]:
        """Write root N+1 = ``change``(root N), signed by the old and the new root keys.

        Afterwards every role whose keys changed is re-signed with its new keys, so clients
        never see metadata their new root does not accept.
        """
        old = self.root()
        new = Metadata[Root].from_bytes(old.to_bytes())
        change(new.signed)
        new.signed.version = old.signed.version + 1
        new.signed.expires = _now(self.clock) + EXPIRY["root"]
        self._sign(new, "root", old.signed, new.signed)
        self._write_root(new)
        changed = {
            role
            for role in ("targets", "snapshot", "timestamp")
            if old.signed.roles[role] != new.signed.roles[role]
        }
        if self.targets() is not None:
            if "targets" in changed:
                self.resign("targets")
            elif changed:
                self._snapshot_and_timestamp(new.signed)
        return new

    def add_key(self, role: str, key_dir: Path) -> str:
        """Make a new key for ``role`` in ``key_dir`` and add it to a new root; its key id."""
        self._check_role(role)
        signer = CryptoSigner.generate_ed25519()
        _write_key(key_dir, role, signer)
        if key_dir not in self.key_dirs:
            self.key_dirs.append(key_dir)
        self._new_root(lambda root: root.add_key(signer.public_key, role))
        return signer.public_key.keyid

    def remove_key(self, role: str, keyid: str) -> None:
        """Take a key out of ``role`` in a new root (for a lost or leaked key).

        Raises:
            PublishError: the key is not in the role, or the role would fall below its
                threshold.
        """
        self._check_role(role)
        root = self.root().signed
        keyid = self._full_keyid(root, role, keyid)
        if len(root.roles[role].keyids) - 1 < root.roles[role].threshold:
            raise PublishError(
                f"removing it leaves {role} with fewer keys than its threshold "
                f"{root.roles[role].threshold}; add a new key first (or use `content keys rotate`)"
            )
        self._new_root(lambda new: new.revoke_key(keyid, role))

    def rotate_key(self, role: str, keyid: str, key_dir: Path) -> str:
        """Replace one key of ``role`` by a new one in a single new root; the new key id."""
        self._check_role(role)
        keyid = self._full_keyid(self.root().signed, role, keyid)
        signer = CryptoSigner.generate_ed25519()
        _write_key(key_dir, role, signer)
        if key_dir not in self.key_dirs:
            self.key_dirs.append(key_dir)

        def change(root: Root) -> None:
            root.add_key(signer.public_key, role)
            root.revoke_key(keyid, role)

        self._new_root(change)
        return signer.public_key.keyid

    def set_threshold(self, role: str, threshold: int) -> None:
        """Change how many of ``role``'s keys must sign, in a new root."""
        self._check_role(role)
        keys = len(self.root().signed.roles[role].keyids)
        if not 1 <= threshold <= keys:
            raise PublishError(f"{role} has {keys} key(s); choose a threshold from 1 to {keys}")

        def change(root: Root) -> None:
            root.roles[role].threshold = threshold

        self._new_root(change)

    def resign(self, role: str) -> None:
        """Sign ``role`` again with a new version and a fresh expiry (and what depends on it)."""
        self._check_role(role)
        if role == "root":
            self._new_root(lambda root: None)
            return
        root = self.root().signed
        if role == "timestamp":
            self.refresh_timestamp()
            return
        if role == "targets":
            targets = self.targets()
            if targets is None:
                raise PublishError("nothing is published yet; run `privacyapp content publish`")
            targets.signed.version += 1
            targets.signed.expires = _now(self.clock) + EXPIRY["targets"]
            self._sign(targets, "targets", root)
            self._write(targets, f"{targets.signed.version}.targets.json")
        self._snapshot_and_timestamp(root)

    def expiries(self) -> dict[str, tuple[int, str]]:
        """Each role's current (version, expiry as ISO text)."""
        found: dict[str, tuple[int, str]] = {}
        for role, metadata in (
            ("root", self.root()),
            ("targets", self.targets()),
            ("snapshot", self.snapshot()),
            ("timestamp", self.timestamp()),
        ):
            if metadata is not None:
                found[role] = (metadata.signed.version, metadata.signed.expires.isoformat())
        return found

    def keys(self) -> dict[str, list[tuple[str, bool]]]:
        """Each role's key ids, with whether the private key is at hand."""
        root = self.root().signed
        return {
            role: [(k, self._find_key(k) is not None) for k in root.roles[role].keyids]
            for role in ROLES
        }

    @staticmethod
    def _check_role(role: str) -> None:
        if role not in ROLES:
            raise PublishError(f'there is no role "{role}"; choose one of {", ".join(ROLES)}')

    @staticmethod
    def _full_keyid(root: Root, role: str, keyid: str) -> str:
        matches = [k for k in root.roles[role].keyids if k.startswith(keyid)]
        if len(matches) != 1:
            raise PublishError(
                f'"{keyid}" names {"no" if not matches else "more than one"} key of {role}; '
                "see `privacyapp content keys list`"
            )
        return matches[0]


def root_summary(data: bytes) -> dict[str, Any]:
    """Version, expiry and keys per role of a root file (for `content status` and docs)."""
    root = Metadata[Root].from_bytes(data).signed
    return {
        "version": root.version,
        "expires": root.expires.isoformat(),
        "roles": {
            name: {"threshold": role.threshold, "keyids": list(role.keyids)}
            for name, role in root.roles.items()
        },
    }


def dumps(value: Any) -> str:
    """JSON for the CLI (stable order)."""
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
