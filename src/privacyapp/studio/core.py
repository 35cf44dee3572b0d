"""The studio's core: its parts, its clock, the role check, and reading one change set.

:class:`StudioCore` is what the service layer (``service.Studio``) and publishing
(``publishing``) both build on, so neither imports the other's caller: ``service`` imports
``publishing``, and both import this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from privacyapp.studio import model
from privacyapp.studio.checking import Checker
from privacyapp.studio.errors import NotAllowed, NotFound
from privacyapp.studio.gitrepo import Author, GitRepo, check_content_path
from privacyapp.studio.model import ApprovalView, ChangeSet, PublishTarget, User
from privacyapp.studio.oidc import OidcConfig
from privacyapp.studio.passwords import DEFAULT_PARAMS, HashParams
from privacyapp.studio.storage import Account, ChangeSetRow, Storage

__all__ = ["DEFAULT_IDLE", "DEFAULT_WALKS_DIR", "Clock", "StudioCore"]

Clock = Callable[[], datetime]
#: A sign-in ends after this long without activity.
DEFAULT_IDLE = timedelta(minutes=30)
#: Where the content repository keeps its golden walks (run at publishing; None: none).
DEFAULT_WALKS_DIR = "tests/content/walks"


def _user(account: Account) -> User:
    return User(
        account.id,
        account.name,
        account.display_name,
        account.roles,
        account.active,
        account.municipality,
    )


class StudioCore:
    """The content repository, the studio's storage and clock, and reading a change set."""

    def __init__(
        self,
        repo_dir: Path,
        data_dir: Path,
        *,
        content_dir: str = "flows",
        main: str | None = None,
        clock: Clock = lambda: datetime.now(UTC),
        idle: timedelta = DEFAULT_IDLE,
        hash_params: HashParams = DEFAULT_PARAMS,
        publish_target: PublishTarget | None = None,
        walks_dir: str | None = DEFAULT_WALKS_DIR,
        oidc: OidcConfig | None = None,
    ) -> None:
        self.repo = GitRepo(repo_dir, content_dir=content_dir, main=main, walks_dir=walks_dir)
        self.storage = Storage(data_dir)
        self.data_dir = data_dir
        self.clock = clock
        self.idle = idle
        self.hash_params = hash_params
        self.checker = Checker(self.repo)
        self.publish_target = publish_target
        #: The OpenID Connect sign-in, when the operator configured one (``studio.oidc``).
        self.oidc = oidc

    # ------------------------------------------------------------------ helpers

    def now(self) -> str:
        return self.clock().astimezone(UTC).replace(microsecond=0).isoformat()

    def _author(self, user: User) -> Author:
        return Author(user.display_name, f"{user.name}@studio.invalid", self.clock())

    @staticmethod
    def _require(user: User, role: str, doing: str) -> None:
        if not user.active:
            raise NotAllowed(f"Je account is geblokkeerd. Vraag de beheerder om {doing}.")
        if role not in user.roles:
            label = model.ROLE_LABELS[role].lower()
            raise NotAllowed(f"Alleen een {label} mag {doing}. Vraag iemand met die rol.")

    def _head(self, row: ChangeSetRow) -> str:
        head = self.repo.head(row.branch)
        if head is None:
            raise NotFound(
                f"De inhoud van voorstel {row.id} ontbreekt in de opslag. Zet de reservekopie "
                "van de inhoud terug."
            )
        return head

    def change_set(self, cs_id: int, *, with_checks: bool = True) -> ChangeSet:
        """One change set with its approvals (and whether they still hold) and comments."""
        with self.storage.connect() as db:
            row = self.storage.change_set(db, cs_id)
            creator = self.storage.account(db, row.created_by).name
            editor_ids = self.storage.editors(db, cs_id)
            editors = tuple(sorted(self.storage.account(db, i).name for i in editor_ids))
            approvals = self.storage.approvals(db, cs_id)
            comments = self.storage.comments(db, cs_id)
            conflicts = self.storage.conflicts(db, cs_id)
        head = self._head(row)
        content_hash = self.repo.review_hash(head)
        views = tuple(
            ApprovalView(a, a.content_hash == content_hash and a.account_id not in editor_ids)
            for a in approvals
        )
        errors = warnings = 0
        if with_checks and row.state != model.PUBLISHED:
            result = self.checker.check(head)
            errors, warnings = len(result.errors), len(result.warnings)
        return ChangeSet(
            id=row.id, title=row.title, state=row.state, created_by=creator,
            created_at=row.created_at, updated_at=row.updated_at, version=head,
            content_hash=content_hash, editors=editors,
            files=tuple(self.repo.changed_files(row.base_commit, head)), approvals=views,
            comments=tuple(comments), conflicts=tuple(conflicts), errors=errors,
            warnings=warnings, restored_from=row.restored_from,
        )  # fmt: skip

    def check_path(self, path: str) -> str:
        """A safe path of a content file or golden walk (see ``gitrepo.check_content_path``)."""
        return check_content_path(path, self.repo.content_dir, self.repo.walks_dir)

    def _row(self, cs_id: int) -> ChangeSetRow:
        with self.storage.connect() as db:
            return self.storage.change_set(db, cs_id)
