"""Publishing a change set, the history of published versions, and restoring one.

Publishing (:func:`publish`):

1. the change set is Goedgekeurd and a jurist's approval still matches its content hash;
2. the change set is merged with what is published now (git's own three-way merge, in memory);
3. the merged content gets the strict checks of ``flows check --strict``: no errors and no
   warnings (the same checks the golden files pin); the registry's ``content_version`` is
   raised when it is not newer than the last published one;
3b. every golden walk of the merged result is walked again (``studio.walks``): a walk that
   gives another text blocks publishing (:class:`WalksChanged`, naming the flow, the answers
   and the file), unless the change set updated that golden;
4. the bundle is built from the merged content (and written into the repository's copy of the
   app bundle, when the repository holds one, so the citizen app built from it shows the text);
5. with a TUF repository configured, the bundle is published through the content publishing
   code (``privacyapp content publish``); then the main branch moves to the merge commit
   (compare-and-swap: a branch moved by someone else is never overwritten);
6. the bundle is kept in the studio's data folder and the publication is recorded.

Restoring (:func:`restore`) never rewrites history: it makes a new change set whose content is
the old version's, to be reviewed and published like any other.
"""

from __future__ import annotations

import fcntl
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from privacyapp.content.bundle import bundle_bytes
from privacyapp.content.errors import ContentError
from privacyapp.content.signing import version_key
from privacyapp.engine import Library
from privacyapp.engine.goldens import changed_walks
from privacyapp.studio import model, walks
from privacyapp.studio.checking import check_folder
from privacyapp.studio.core import StudioCore
from privacyapp.studio.errors import (
    ContentHasErrors,
    NotAllowed,
    NotFound,
    RepositoryError,
    WalksChanged,
    WrongState,
)
from privacyapp.studio.gitrepo import RefMoved
from privacyapp.studio.messages import dutch_line
from privacyapp.studio.model import ChangeSet, PublishTarget, User
from privacyapp.studio.storage import Publication

__all__ = ["APP_BUNDLE", "PublishTarget", "history", "publish", "restore"]

#: Where the citizen app's bundle lives in the repository (updated when it is there).
APP_BUNDLE = "src/privacyapp/assets/content-bundle.json"
_VERSION_LINE = re.compile(r"^(content_version:[ \t]*)(['\"]?)([0-9.]+)\2[ \t]*$", re.MULTILINE)


@contextmanager
def _publish_lock(data_dir: Path) -> Iterator[None]:
    """One publication at a time per studio (other processes wait)."""
    with (data_dir / "publish.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _bump(registry_text: str, floor: str | None) -> tuple[str, str]:
    """The registry text with a content_version above ``floor``, and that version."""
    match = _VERSION_LINE.search(registry_text)
    if match is None:
        raise ContentHasErrors(
            "registry.yaml heeft geen content_version. Zet er een in, zoals 2026.12.0.",
            [],
        )
    current = match.group(3)
    if floor is None or version_key(current) > version_key(floor):
        return registry_text, current
    parts = list(version_key(floor))
    parts[-1] += 1
    new = ".".join(str(p) for p in parts)
    start, end = match.span(3)
    return registry_text[:start] + new + registry_text[end:], new


def _floor(studio: StudioCore, target: PublishTarget | None, main_head: str) -> str | None:
    """The highest content version published so far (main branch, history, TUF repository)."""
    versions = [p.content_version for p in history(studio)]
    registry = studio.repo.read_file(main_head, f"{studio.repo.content_dir}/registry.yaml")
    match = _VERSION_LINE.search(registry or "")
    if match is not None:
        versions.append(match.group(3))
    if target is not None:
        from privacyapp.content.publish import ContentRepository

        published = ContentRepository(target.repository, list(target.key_dirs)).published()
        if published is not None:
            versions.append(published.content_version)
    versions = [v for v in versions if v]
    return max(versions, key=version_key) if versions else None


def publish(
    studio: StudioCore, user: User, cs_id: int, target: PublishTarget | None
) -> Publication:
    """Publish an approved change set (see the module text for the steps).

    Raises:
        NotAllowed: the user is not a publicist, or no jurist's approval still holds.
        WrongState: the change set is not Goedgekeurd.
        ContentHasErrors: the merged content fails the strict checks.
        RepositoryError: a merge conflict, or the main branch moved during publishing.
    """
    studio._require(user, "publicist", "publiceren")
    with _publish_lock(studio.data_dir):
        current = studio.change_set(cs_id, with_checks=False)
        if current.state != model.APPROVED:
            raise WrongState(
                f"Dit voorstel is {current.state_label}. Alleen een goedgekeurd voorstel kan "
                "gepubliceerd worden."
            )
        if not current.valid_jurist_approval:
            raise NotAllowed(
                "Er is geen geldige goedkeuring van een jurist voor deze versie. Na de laatste "
                "wijziging moet een jurist het voorstel opnieuw goedkeuren."
            )
        repo = studio.repo
        main_head = repo.head(repo.main)
        assert main_head is not None
        tip = current.version
        merged = repo.merged_tree(main_head, tip)
        with tempfile.TemporaryDirectory(prefix="studio-publish-") as tmp:
            content_root = repo.export(merged, Path(tmp))
            registry_file = content_root / "registry.yaml"
            registry_text, content_version = _bump(
                registry_file.read_text(encoding="utf-8"), _floor(studio, target, main_head)
            )
            registry_file.write_text(registry_text, encoding="utf-8")
            result = check_folder(content_root, Path(tmp))
        if result.diagnostics or result.library is None:
            raise ContentHasErrors(
                f"De samengevoegde inhoud is niet schoon: {len(result.errors)} fouten en "
                f"{len(result.warnings)} waarschuwingen. Los ze op in een voorstel.",
                [dutch_line(d) for d in result.diagnostics],
            )
        walked = _check_walks(studio, merged, result.library)
        bundle = bundle_bytes(result.library)
        changes: dict[str, str | None] = {f"{repo.content_dir}/registry.yaml": registry_text}
        if repo.read_file(main_head, APP_BUNDLE) is not None:
            changes[APP_BUNDLE] = bundle.decode("utf-8")
        tree = repo.tree_with(merged, changes)
        message = f"Publiceer voorstel {cs_id}: {current.title} (inhoud {content_version})"
        commit = repo.commit_tree(tree, [main_head, tip], message, studio._author(user))
        repo_version: int | None = None
        if target is not None:
            from privacyapp.content.publish import ContentRepository

            try:
                published = ContentRepository(
                    target.repository, list(target.key_dirs), clock=studio.clock
                ).publish(bundle, min_app_version=target.min_app_version)
            except ContentError as exc:
                raise RepositoryError(f"Publiceren in de updateserver lukte niet: {exc}") from exc
            repo_version = published.targets_version
        try:
            repo.move_branch(repo.main, commit, main_head)
        except RefMoved:
            raise RepositoryError(
                "De gepubliceerde inhoud is veranderd buiten de studio om terwijl je publiceerde. "
                "Vraag de beheerder de opslag na te kijken voor je opnieuw publiceert."
            ) from None
        library = result.library
        bundles = studio.data_dir / "bundles"
        bundles.mkdir(exist_ok=True, mode=0o700)
        bundle_file = bundles / f"{content_version}-{library.content_hash[:16]}.json"
        bundle_file.write_bytes(bundle)
        with studio.storage.connect() as db:
            studio.storage.add_publication(
                db, cs_id, commit, content_version, library.content_hash,
                bundle_file.name, repo_version, user.id, studio.now(),
            )  # fmt: skip
            studio.storage.set_state(db, cs_id, model.PUBLISHED, studio.now())
            studio.storage.audit(
                db, studio.now(), user.name, "gepubliceerd", cs_id,
                {"version": commit, "content_version": content_version,
                 "content_hash": library.content_hash, "update_server_version": repo_version,
                 "golden_walks": walked},
            )  # fmt: skip
        return history(studio)[0]


def _check_walks(studio: StudioCore, merged: str, library: Library) -> int:
    """Walk the merged result's golden walks; returns how many ran.

    Raises:
        WalksChanged: when a walk gives another text than its golden.
    """
    goldens = walks.goldens_at(studio.repo, merged)
    changes = changed_walks(library, goldens)
    if changes:
        raise WalksChanged(
            f"Publiceren kan nog niet: {len(changes)} van de {len(goldens)} voorbeeldroutes "
            "geven een andere uitkomst of tekst dan is vastgelegd. Klopt de verandering? Werk "
            "dan de voorbeeldroutes bij in het voorstel (Voorbeeldroutes bijwerken), laat een "
            "jurist het opnieuw goedkeuren en publiceer dan. Klopt ze niet? Herstel de tekst.",
            [walks.describe_change(c, library) for c in changes],
        )
    return len(goldens)


def history(studio: StudioCore) -> list[Publication]:
    """Every published version, newest first."""
    with studio.storage.connect() as db:
        return studio.storage.publications(db)


def restore(studio: StudioCore, user: User, publication_id: int) -> ChangeSet:
    """A new change set that brings back the content of an earlier publication."""
    if not (user.has("auteur") or user.has("publicist")):
        raise NotAllowed("Alleen een auteur of publicist mag een oude versie terugzetten.")
    found = [p for p in history(studio) if p.id == publication_id]
    if not found:
        raise NotFound(f"Er is geen gepubliceerde versie {publication_id}.")
    old = found[0]
    repo = studio.repo
    repo.ensure_exists(old.commit_id)
    main_head = repo.head(repo.main)
    assert main_head is not None
    title = f"Terugzetten naar inhoud {old.content_version} (publicatie {old.id})"
    tree = repo.tree_with_content_of(main_head, old.commit_id)
    with studio.storage.connect() as db:
        row = studio.storage.add_change_set(
            db, title, main_head, user.id, studio.now(), restored_from=old.id
        )
        if tree != repo.tree_of(main_head):
            commit = repo.commit_tree(tree, [main_head], title, studio._author(user))
            studio.storage.add_edit(db, row.id, user.id, commit, [repo.content_dir], studio.now())
        else:
            commit = main_head
        repo.move_branch(row.branch, commit, None)
        studio.storage.audit(
            db, studio.now(), user.name, "terugzetten-gestart", row.id,
            {"publication": old.id, "content_version": old.content_version},
        )  # fmt: skip
    return studio.change_set(row.id)
