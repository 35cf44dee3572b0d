"""The studio's service layer: accounts, change sets and the review rules, in one place.

The CLI and the web UI both go through :class:`Studio`, so the rules hold everywhere:

- only an *auteur* creates, edits and submits a change set; a *jurist* approves or asks for
  changes (with a reason); a *publicist* publishes; a *beheerder* manages the accounts;
- four eyes: nobody approves (or asks changes in) a change set they created or edited;
- an approval records the change set's content hash (the git tree of the content folder); any
  later edit changes that hash, so the approval no longer counts and the change set goes back
  to Concept;
- publishing needs a valid approval by a jurist, and content without errors or warnings;
- a save names the version it started from; when someone else saved in between, the save is
  refused with :class:`EditConflict` and its text is kept (nothing is lost);
- every step is written to the append-only audit log, with who and when.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from privacyapp.engine import Flow, Library
from privacyapp.engine._document import YMap, parse_document
from privacyapp.engine.overlays import MUNICIPALITY_CODE
from privacyapp.studio import (
    clusters,
    model,
    oidc,
    overlays,
    publishing,
    review,
    variants,
    walks,
)
from privacyapp.studio.checking import Checker, CheckResult
from privacyapp.studio.core import DEFAULT_IDLE, DEFAULT_WALKS_DIR, Clock, StudioCore, _user
from privacyapp.studio.diff import FileDiff, describe_file
from privacyapp.studio.errors import (
    ContentHasErrors,
    EditConflict,
    InvalidInput,
    NotAllowed,
    NotFound,
    SignInFailed,
    WrongState,
)
from privacyapp.studio.gitrepo import Author, GitRepo, RefMoved, check_content_path
from privacyapp.studio.messages import dutch_line
from privacyapp.studio.model import ROLES, ApprovalView, ChangeSet, PublishTarget, SaveResult, User
from privacyapp.studio.passwords import (
    DEFAULT_PARAMS,
    HashParams,
    hash_password,
    needs_rehash,
    verify_password,
)
from privacyapp.studio.storage import (
    Account,
    AuditEntry,
    ChangeSetRow,
    Conflict,
    Publication,
    Storage,
)

# The names this module offered before ``core`` was split off stay importable from here.
__all__ = [
    "DEFAULT_IDLE",
    "DEFAULT_PARAMS",
    "DEFAULT_WALKS_DIR",
    "Account",
    "ApprovalView",
    "Author",
    "Checker",
    "Clock",
    "GitRepo",
    "HashParams",
    "PublishTarget",
    "Storage",
    "Studio",
    "StudioCore",
    "check_content_path",
]

_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789.-_")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Studio(StudioCore):
    """Accounts, change sets, review and publishing over one content repository."""

    def user(self, name: str) -> User:
        """The account with this name (for the CLI's ``--as``).

        Raises:
            NotFound: when there is no such account.
        """
        with self.storage.connect() as db:
            account = self.storage.account_by_name(db, name)
        if account is None:
            raise NotFound(f"Er is geen account {name}. Maak het aan met studio users add.")
        return _user(account)

    # ------------------------------------------------------------------ accounts

    def add_account(
        self,
        name: str,
        password: str,
        roles: Iterable[str],
        *,
        display_name: str | None = None,
        by: User | None = None,
        municipality: str | None = None,
    ) -> User:
        """Create an account. ``by`` is the beheerder doing it (None: the operator's CLI).

        A gemeenteredacteur is bound to one ``municipality`` (CBS gemeentecode, ``GM0363``).

        Raises:
            InvalidInput: a bad name, role or password, or a name that is taken.
            NotAllowed: ``by`` is not a beheerder.
        """
        if by is not None:
            self._require(by, "beheerder", "accounts aanmaken")
        name = name.strip().lower()
        if not name or not set(name) <= _NAME_CHARS or len(name) > 64:
            raise InvalidInput(
                "Kies een accountnaam van kleine letters, cijfers, punt, streepje of liggend "
                "streepje (hooguit 64 tekens), bijvoorbeeld j.devries."
            )
        wanted = frozenset(roles)
        self._check_roles(wanted)
        code = _municipality(wanted, municipality)
        pw_hash = hash_password(password, self.hash_params)
        with self.storage.connect() as db:
            if self.storage.account_by_name(db, name) is not None:
                raise InvalidInput(f"De naam {name} is al in gebruik. Kies een andere naam.")
            account = self.storage.add_account(
                db, name, (display_name or name).strip() or name, pw_hash, wanted, self.now()
            )
            detail: dict[str, object] = {"account": name, "roles": sorted(wanted)}
            if code is not None:
                self.storage.set_municipality(db, account.id, code)
                account = self.storage.account(db, account.id)
                detail["municipality"] = code
            actor = by.name if by is not None else "(beheer via de opdrachtregel)"
            self.storage.audit(db, self.now(), actor, "account-aangemaakt", None, detail)
        return _user(account)

    @staticmethod
    def _check_roles(roles: frozenset[str]) -> None:
        unknown = sorted(roles - set(ROLES))
        if not roles or unknown:
            raise InvalidInput(
                f"Onbekende rol {', '.join(unknown) or '(geen)'}. Kies uit: {', '.join(ROLES)}."
            )

    def accounts(self, by: User) -> list[User]:
        """Every account (for the beheerder)."""
        self._require(by, "beheerder", "de accounts zien")
        with self.storage.connect() as db:
            return [_user(a) for a in self.storage.accounts(db)]

    def update_account(
        self,
        by: User | None,
        name: str,
        *,
        roles: Iterable[str] | None = None,
        active: bool | None = None,
        password: str | None = None,
    ) -> User:
        """Change an account's roles, block or unblock it, or set a new password.

        A blocked account is signed out at once. A beheerder cannot block themselves or take
        away their own beheerder role (so there is always someone who can manage accounts).
        """
        if by is not None:
            self._require(by, "beheerder", "accounts wijzigen")
        wanted = frozenset(roles) if roles is not None else None
        if wanted is not None:
            self._check_roles(wanted)
        pw_hash = hash_password(password, self.hash_params) if password is not None else None
        with self.storage.connect() as db:
            account = self.storage.account_by_name(db, name)
            if account is None:
                raise NotFound(f"Er is geen account {name}.")
            if (
                by is not None
                and by.id == account.id
                and (active is False or (wanted is not None and "beheerder" not in wanted))
            ):
                raise NotAllowed(
                    "Je kunt jezelf niet blokkeren of je eigen rol beheerder afnemen. "
                    "Vraag een andere beheerder."
                )
            self.storage.update_account(
                db, account.id, roles=wanted, active=active, pw_hash=pw_hash
            )
            if active is False or pw_hash is not None:
                self.storage.end_sessions_of(db, account.id)
            detail: dict[str, object] = {"account": name}
            if wanted is not None:
                detail["roles"] = sorted(wanted)
            if active is not None:
                detail["active"] = active
            if pw_hash is not None:
                detail["password"] = "nieuw"
            actor = by.name if by is not None else "(beheer via de opdrachtregel)"
            self.storage.audit(db, self.now(), actor, "account-gewijzigd", None, detail)
            return _user(self.storage.account(db, account.id))

    # ------------------------------------------------------------------ signing in

    def sign_in(self, name: str, password: str) -> tuple[str, User]:
        """Check name and password; returns a new session token and the account.

        Raises:
            SignInFailed: wrong name or password (one message for both), or a blocked account.
        """
        with self.storage.connect() as db:
            account = self.storage.account_by_name(db, name.strip().lower())
        stored = account.password_hash if account is not None else _DUMMY_HASH
        ok = verify_password(password, stored)  # also for unknown names: same time taken
        if account is None or not ok:
            raise SignInFailed("De naam of het wachtwoord klopt niet. Probeer het opnieuw.")
        if not account.active:
            raise SignInFailed(
                "Je account is geblokkeerd. Vraag de beheerder om het vrij te geven."
            )
        token = secrets.token_urlsafe(32)
        with self.storage.connect() as db:
            if needs_rehash(account.password_hash, self.hash_params):
                self.storage.update_account(
                    db, account.id, pw_hash=hash_password(password, self.hash_params)
                )
            self.storage.add_session(db, _token_hash(token), account.id, self.now())
            self.storage.audit(db, self.now(), account.name, "aangemeld", None, {})
        return token, _user(account)

    def sign_in_oidc(self, claims: Mapping[str, object]) -> tuple[str, User]:
        """Sign in with the userinfo claims of the configured OpenID Connect provider.

        The verified e-mail address picks the studio account (``studio.oidc``); the roles are
        that account's. Returns a new session token and the account, like :meth:`sign_in`.

        Raises:
            SignInFailed: no provider configured, an unverified or unknown address, an
                account that does not exist or is blocked.
        """
        if self.oidc is None:
            raise SignInFailed("Aanmelden met een organisatie-account staat niet aan.")
        name = oidc.account_for(self.oidc, claims)
        with self.storage.connect() as db:
            account = self.storage.account_by_name(db, name)
        if account is None:
            raise SignInFailed(
                f"Je e-mailadres hoort bij het studio-account {name}, maar dat account bestaat "
                "niet. Vraag de beheerder het aan te maken."
            )
        if not account.active:
            raise SignInFailed(
                "Je account is geblokkeerd. Vraag de beheerder om het vrij te geven."
            )
        token = secrets.token_urlsafe(32)
        with self.storage.connect() as db:
            self.storage.add_session(db, _token_hash(token), account.id, self.now())
            self.storage.audit(
                db, self.now(), account.name, "aangemeld", None,
                {"via": "openid-connect", "issuer": self.oidc.issuer,
                 "email": str(claims.get("email", "")).lower()},
            )  # fmt: skip
        return token, _user(account)

    def session_user(self, token: str, *, touch: bool = True) -> User:
        """The account of a session token; the session's idle clock restarts (with ``touch``).

        Raises:
            SignInFailed: when the token is unknown, the session was idle too long, or the
                account was blocked.
        """
        digest = _token_hash(token)
        now = self.clock().astimezone(UTC)
        with self.storage.connect() as db:
            found = self.storage.session(db, digest)
            if found is None:
                raise SignInFailed("Je bent afgemeld. Meld je opnieuw aan.")
            account_id, last_seen = found
            if now - datetime.fromisoformat(last_seen) > self.idle:
                self.storage.end_session(db, digest)
                raise SignInFailed(
                    "Je bent afgemeld omdat je een tijd niets deed. Meld je opnieuw aan."
                )
            account = self.storage.account(db, account_id)
            if not account.active:
                self.storage.end_session(db, digest)
                raise SignInFailed("Je account is geblokkeerd. Vraag de beheerder.")
            if touch:
                self.storage.touch_session(db, digest, self.now())
        return _user(account)

    def sign_out(self, token: str) -> None:
        """End a session (unknown tokens are ignored)."""
        with self.storage.connect() as db:
            self.storage.end_session(db, _token_hash(token))

    # ------------------------------------------------------------------ change sets: reading

    def change_sets(self) -> list[ChangeSet]:
        """Every change set, newest first (without running the checks)."""
        with self.storage.connect() as db:
            ids = [row.id for row in self.storage.change_sets(db)]
        return [self.change_set(i, with_checks=False) for i in ids]

    def files(self, cs_id: int) -> list[str]:
        """Every content file in the change set's version."""
        return self.repo.list_files(self._head(self._row(cs_id)))

    def read(self, cs_id: int, path: str) -> tuple[str, str]:
        """A file's text in the change set and the version it belongs to.

        Raises:
            NotFound: when the file is not in the change set.
        """
        row = self._row(cs_id)
        head = self._head(row)
        text = self.repo.read_file(head, self.check_path(path))
        if text is None:
            raise NotFound(f"Het bestand {path} staat niet in voorstel {cs_id}.")
        return text, head

    def base_text(self, cs_id: int, path: str) -> str | None:
        """A file's text as it was when the change set started (None: new file)."""
        row = self._row(cs_id)
        return self.repo.read_file(row.base_commit, path)

    def check(self, cs_id: int) -> CheckResult:
        """The diagnostics of the change set's current version (as ``flows check``)."""
        return self.checker.check(self._head(self._row(cs_id)))

    def published_text(self, path: str) -> str | None:
        """A file's text as it is published now (the main branch)."""
        head = self.repo.head(self.repo.main)
        return None if head is None else self.repo.read_file(head, path)

    def registry_section(self, cs_id: int, name: str) -> dict[str, dict[str, object]]:
        """One map of the change set's registry (``laws``, ``help``, ``sectors``, ...)."""
        text = self.repo.read_file(
            self._head(self._row(cs_id)), f"{self.repo.content_dir}/registry.yaml"
        )
        document, _ = parse_document(text or "", "registry.yaml")
        plain = document.plain() if isinstance(document, YMap) else {}
        found = plain.get(name)
        section: dict[str, object] = found if isinstance(found, dict) else {}
        return {str(k): v for k, v in section.items() if isinstance(v, dict)}

    def law_names(self, cs_id: int) -> dict[str, str]:
        """Law keys and their citation names ("jeugdwet" -> "Jeugdwet") in the change set."""
        return {
            key: str(value.get("short") or value.get("title") or key)
            for key, value in self.registry_section(cs_id, "laws").items()
        }

    def diff(self, cs_id: int) -> list[FileDiff]:
        """The readable per-node diff of every file the change set changes."""
        row = self._row(cs_id)
        head = self._head(row)
        laws = self.law_names(cs_id)
        return [
            describe_file(
                path,
                self.repo.read_file(row.base_commit, path),
                self.repo.read_file(head, path),
                laws,
            )
            for _, path in self.repo.changed_files(row.base_commit, head)
        ]

    # ------------------------------------------------------------------ change sets: writing

    def new_change_set(self, user: User, title: str) -> ChangeSet:
        """Start a change set from what is published now."""
        self._require_writer(user, "een wijzigingsvoorstel maken")
        title = " ".join(title.split())
        if not 3 <= len(title) <= 200:
            raise InvalidInput("Geef het voorstel een titel van 3 tot 200 tekens.")
        base = self.repo.head(self.repo.main)
        assert base is not None  # GitRepo checked it on opening
        with self.storage.connect() as db:
            row = self.storage.add_change_set(db, title, base, user.id, self.now())
            self.repo.move_branch(row.branch, base, None)
            self.storage.audit(
                db, self.now(), user.name, "voorstel-gemaakt", row.id, {"title": title}
            )
        return self.change_set(row.id)

    def save(
        self,
        user: User,
        cs_id: int,
        changes: Mapping[str, str | None],
        *,
        expected_version: str,
        message: str | None = None,
    ) -> SaveResult:
        """Save changed files (text) or remove files (None) as one new version.

        The save is checked (diagnostics in the result); errors do not stop a save (the editor's
        work is kept), they stop submitting. A save into a change set in review or approved
        sends it back to Concept; approvals of the old content no longer count.

        Raises:
            EditConflict: someone saved after ``expected_version``; the text is kept.
            WrongState: the change set is published.
        """
        municipal = self._require_writer(user, "de inhoud wijzigen")
        if not changes:
            raise InvalidInput("Er is niets om op te slaan.")
        paths = {self.check_path(p): t for p, t in changes.items()}
        row = self._row(cs_id)
        if row.state == model.PUBLISHED:
            raise WrongState(
                "Dit voorstel is al gepubliceerd en verandert niet meer. Maak een nieuw voorstel."
            )
        head = self._head(row)
        if head != expected_version:
            raise self._conflict(user, cs_id, paths, expected_version, head)
        if municipal:
            paths = overlays.municipal_paths(self, user, head, paths)
        for path, text in paths.items():
            if text is None and self.repo.read_file(head, path) is None:
                raise NotFound(f"Het bestand {path} staat niet in dit voorstel.")
        tree = self.repo.tree_with(head, paths)
        if tree == self.repo.tree_of(head):
            return SaveResult(head, tuple(self.checker.check(head).diagnostics), row.state)
        names = ", ".join(sorted(paths))
        commit = self.repo.commit_tree(
            tree, [head], message or f"{user.display_name} wijzigt {names}", self._author(user)
        )
        try:
            self.repo.move_branch(row.branch, commit, head)
        except RefMoved:
            current = self._head(row)
            raise self._conflict(user, cs_id, paths, expected_version, current) from None
        voided = 0
        state = row.state
        with self.storage.connect() as db:
            self.storage.add_edit(db, cs_id, user.id, commit, sorted(paths), self.now())
            old_hash = self.repo.review_hash(head)
            voided = sum(1 for a in self.storage.approvals(db, cs_id) if a.content_hash == old_hash)
            if state in (model.IN_REVIEW, model.APPROVED):
                state = model.CONCEPT
                self.storage.set_state(db, cs_id, state, self.now())
            self.storage.audit(
                db, self.now(), user.name, "opgeslagen", cs_id,
                {"files": sorted(paths), "version": commit, "approvals_void": voided},
            )  # fmt: skip
        result = self.checker.check(commit)
        return SaveResult(commit, result.diagnostics, state, voided, tuple(sorted(paths)))

    def _require_writer(self, user: User, doing: str) -> bool:
        """An auteur writes anything; a gemeenteredacteur only their overlay (True: that one)."""
        if user.active and not user.has("auteur") and user.has("gemeenteredacteur"):
            return True
        self._require(user, "auteur", doing)
        return False

    # ------------------------------------------------------------------ copy and variant

    def _flow(self, cs_id: int, flow_id: str) -> Flow:
        partial = self.check(cs_id).partial
        if partial is None or flow_id not in partial:
            raise NotFound(
                f"Er is geen vraag {flow_id} zonder fouten in dit voorstel. Los eerst de fouten op."
            )
        return partial.get(flow_id)

    def _new_flow(
        self, user: User, cs_id: int, flow_id: str, new_id: str, title: str | None,
        expected_version: str, *, variant: bool,
    ) -> SaveResult:  # fmt: skip
        self._require(user, "auteur", "een vraag kopiëren")
        source = self._flow(cs_id, flow_id)
        partial = self.check(cs_id).partial
        existing = set(partial.flows) if partial is not None else set()
        make = variants.variant_text if variant else variants.copy_text
        text = make(source, new_id, title, existing)
        path = f"{self.repo.content_dir}/{source.sector}/{new_id.strip()}.yaml"
        if self.repo.read_file(self._head(self._row(cs_id)), path) is not None:
            raise InvalidInput(f"Het bestand {path} bestaat al. Kies een ander id.")
        word = "variant van" if variant else "kopie van"
        return self.save(
            user, cs_id, {path: text}, expected_version=expected_version,
            message=f"{user.display_name} maakt {new_id.strip()}, een {word} {flow_id}",
        )  # fmt: skip

    def copy_flow(
        self, user: User, cs_id: int, flow_id: str, new_id: str, title: str | None = None,
        *, expected_version: str,
    ) -> SaveResult:  # fmt: skip
        """A new, independent flow with the content of ``flow_id`` (a draft, no review)."""
        return self._new_flow(user, cs_id, flow_id, new_id, title, expected_version, variant=False)

    def new_variant(
        self, user: User, cs_id: int, flow_id: str, new_id: str, title: str | None = None,
        *, expected_version: str,
    ) -> SaveResult:  # fmt: skip
        """A new variant that ``extends`` ``flow_id`` and inherits everything it does not
        override (a draft)."""
        return self._new_flow(user, cs_id, flow_id, new_id, title, expected_version, variant=True)

    def variant_parts(self, cs_id: int, path: str) -> list[variants.VariantPart]:
        """What the variant in ``path`` inherits, overrides, replaces or adds (per node)."""
        text, _ = self.read(cs_id, path)
        document, _ = parse_document(text, path)
        plain = document.plain() if isinstance(document, YMap) else {}
        base = plain.get("extends")
        if not isinstance(base, str):
            raise InvalidInput(f"{path} is geen variant: er staat geen extends in.")
        return variants.variant_parts(text, self._flow(cs_id, base))

    # ------------------------------------------------------------------ cluster changes

    def fragment_impact(
        self, cs_id: int, path: str, new_text: str
    ) -> list[clusters.FragmentImpact]:
        """Before a fragment change is saved: every flow it reaches, each with its diff."""
        path = self.check_path(path)
        head = self._head(self._row(cs_id))
        return clusters.fragment_impact(self, head, path, new_text, self.law_names(cs_id))

    def save_fragment(
        self,
        user: User,
        cs_id: int,
        path: str,
        new_text: str,
        *,
        expected_version: str,
        only_flow: str | None = None,
    ) -> SaveResult:
        """Change a fragment everywhere (``only_flow=None``: every flow that uses it changes in
        this change set) or copy the new text into one flow only (the fragment stays)."""
        self._require(user, "auteur", "een bouwsteen wijzigen")
        path = self.check_path(path)
        if only_flow is None:
            return self.save(user, cs_id, {path: new_text}, expected_version=expected_version)
        head = self._head(self._row(cs_id))
        file, text = clusters.copy_into_flow(self, head, path, new_text, only_flow)
        return self.save(
            user, cs_id, {file: text}, expected_version=expected_version,
            message=f"{user.display_name} neemt de nieuwe bouwsteen alleen over in {only_flow}",
        )  # fmt: skip

    # ------------------------------------------------------------------ municipal overlays

    def overlay(self, cs_id: int, code: str) -> overlays.OverlayView:
        """Every flow with adaptable parts and what municipality ``code`` made of them, in the
        change set's version: inherited, local, or a conflict with the national version."""
        return overlays.view(self, self._head(self._row(cs_id)), code)

    def published_overlay(self, code: str) -> overlays.OverlayView:
        """The same for what is published now: after a national publication, the flows whose
        changes touch this municipality's text are its conflicts ("Landelijke versie
        gewijzigd")."""
        head = self.repo.head(self.repo.main)
        assert head is not None
        return overlays.view(self, head, code)

    def _own_code(self, user: User) -> str:
        if not user.has("gemeenteredacteur") or user.municipality is None:
            raise NotAllowed(
                "Alleen een gemeenteredacteur past de lokale tekst van een gemeente aan."
            )
        return user.municipality

    def set_local_part(
        self,
        user: User,
        cs_id: int,
        flow_id: str,
        node: str,
        field: str,
        value: object,
        *,
        expected_version: str,
    ) -> SaveResult:
        """Give (or with ``value=None`` drop) the municipality's own text for one part."""
        code = self._own_code(user)
        head = self._head(self._row(cs_id))
        name = overlays.view(self, head, code).name
        text = overlays.text_with_part(self, head, code, name, flow_id, node, field, value)
        path = overlays.overlay_path(self, code)
        return self.save(
            user, cs_id, {path: text}, expected_version=expected_version,
            message=f"{user.display_name} past {flow_id} aan voor {code}",
        )  # fmt: skip

    def resolve_overlay(
        self,
        user: User,
        cs_id: int,
        flow_id: str,
        choices: Mapping[str, overlays.Choice],
        *,
        expected_version: str,
    ) -> SaveResult:
        """Per changed part keep the own text or take the national one; the pin then moves."""
        code = self._own_code(user)
        head = self._head(self._row(cs_id))
        text = overlays.resolved_text(self, head, code, flow_id, choices)
        with self.storage.connect() as db:
            self.storage.audit(
                db, self.now(), user.name, "landelijke-wijziging-opgelost", cs_id,
                {"flow": flow_id, "municipality": code, "choices": dict(sorted(choices.items()))},
            )  # fmt: skip
        return self.save(
            user, cs_id, {overlays.overlay_path(self, code): text},
            expected_version=expected_version,
            message=f"{user.display_name} lost de landelijke wijziging in {flow_id} op voor {code}",
        )  # fmt: skip

    def _conflict(
        self, user: User, cs_id: int, paths: Mapping[str, str | None], based_on: str, current: str
    ) -> EditConflict:
        """Keep a refused save and describe it (the caller raises the result)."""
        with self.storage.connect() as db:
            first = 0
            for path, text in sorted(paths.items()):
                conflict = self.storage.add_conflict(
                    db, cs_id, user.id, path, text, based_on, self.now()
                )
                first = first or conflict
            self.storage.audit(
                db, self.now(), user.name, "opslaan-geweigerd", cs_id,
                {"files": sorted(paths), "based_on": based_on, "current": current},
            )  # fmt: skip
        return EditConflict(
            "Iemand anders heeft dit voorstel intussen opgeslagen. Je tekst is bewaard. "
            "Open de nieuwste versie, neem je wijziging over en sla opnieuw op.",
            current_version=current,
            conflict_id=first,
        )

    def conflict(self, cs_id: int, conflict_id: int) -> Conflict:
        """A save that was refused, with its text."""
        with self.storage.connect() as db:
            for item in self.storage.conflicts(db, cs_id):
                if item.id == conflict_id:
                    return item
        raise NotFound(f"Er is geen bewaarde tekst {conflict_id} in voorstel {cs_id}.")

    # ------------------------------------------------------------------ review

    def submit(self, user: User, cs_id: int) -> ChangeSet:
        """Concept (or Wijzigingen gevraagd) → Ter beoordeling; refused while there are errors."""
        self._require_writer(user, "een voorstel indienen")
        row = self._row(cs_id)
        if row.state not in (model.CONCEPT, model.CHANGES_REQUESTED):
            raise WrongState(
                f"Dit voorstel is {model.STATE_LABELS[row.state]}; indienen kan alleen bij een "
                "concept of als er wijzigingen zijn gevraagd."
            )
        head = self._head(row)
        if not self.repo.changed_files(row.base_commit, head):
            raise InvalidInput("Dit voorstel verandert nog niets. Wijzig eerst iets.")
        result = self.checker.check(head)
        if result.errors:
            raise ContentHasErrors(
                f"Je kunt dit voorstel nog niet indienen: er zijn {len(result.errors)} fouten. "
                "Los ze eerst op.",
                [dutch_line(d) for d in result.errors],
            )
        with self.storage.connect() as db:
            self.storage.set_state(db, cs_id, model.IN_REVIEW, self.now())
            self.storage.audit(
                db, self.now(), user.name, "ingediend", cs_id,
                {"version": head, "warnings": len(result.warnings)},
            )  # fmt: skip
        return self.change_set(cs_id)

    def _check_reviewer(self, user: User, cs_id: int, doing: str) -> ChangeSetRow:
        self._require(user, "jurist", doing)
        with self.storage.connect() as db:
            row = self.storage.change_set(db, cs_id)
            if user.id in self.storage.editors(db, cs_id):
                raise NotAllowed(
                    f"Je hebt aan dit voorstel meegeschreven. Een ander moet het beoordelen "
                    f"(vier ogen). Vraag een andere jurist om {doing}."
                )
        if row.state not in (model.IN_REVIEW, model.APPROVED):
            raise WrongState(
                f"Dit voorstel is {model.STATE_LABELS[row.state]}. Beoordelen kan als het is "
                "ingediend."
            )
        return row

    def approve(self, user: User, cs_id: int, *, version: str | None = None) -> ChangeSet:
        """Approve the change set's current content (its hash is recorded).

        ``version``: the version the reviewer read; when it is no longer current, the approval
        is refused (the reviewer must read the newest text).
        """
        row = self._check_reviewer(user, cs_id, "dit voorstel goed te keuren")
        head = self._head(row)
        if version is not None and version != head:
            raise EditConflict(
                "Het voorstel is veranderd nadat je het opende. Lees de nieuwste versie.",
                current_version=head,
                conflict_id=0,
            )
        content_hash = self.repo.review_hash(head)
        with self.storage.connect() as db:
            self.storage.add_approval(db, cs_id, user.id, "jurist", content_hash, self.now())
            self.storage.set_state(db, cs_id, model.APPROVED, self.now())
            self.storage.audit(
                db, self.now(), user.name, "goedgekeurd", cs_id,
                {"version": head, "content_hash": content_hash},
            )  # fmt: skip
        return self.change_set(cs_id)

    def request_changes(self, user: User, cs_id: int, reason: str) -> ChangeSet:
        """Ask the authors for changes; the reason is required and kept as a comment."""
        reason = reason.strip()
        if not reason:
            raise InvalidInput("Schrijf op wat er anders moet. Zonder reden kan het niet.")
        row = self._check_reviewer(user, cs_id, "om wijzigingen te vragen")
        head = self._head(row)
        with self.storage.connect() as db:
            self.storage.add_comment(
                db, cs_id, user.id, None, None, reason, "wijzigingen-gevraagd", self.now()
            )
            self.storage.set_state(db, cs_id, model.CHANGES_REQUESTED, self.now())
            self.storage.audit(
                db, self.now(), user.name, "wijzigingen-gevraagd", cs_id,
                {"version": head, "reason": reason},
            )  # fmt: skip
        return self.change_set(cs_id)

    def comment(
        self, user: User, cs_id: int, text: str, *, path: str | None = None, node: str | None = None
    ) -> ChangeSet:
        """A comment on the change set, or on one node of one file."""
        if not user.active:
            raise NotAllowed("Je account is geblokkeerd.")
        text = text.strip()
        if not text:
            raise InvalidInput("Een opmerking mag niet leeg zijn.")
        if path is not None:
            path = self.check_path(path)
        with self.storage.connect() as db:
            self.storage.change_set(db, cs_id)
            self.storage.add_comment(db, cs_id, user.id, path, node, text, "opmerking", self.now())
            self.storage.audit(
                db, self.now(), user.name, "opmerking", cs_id, {"path": path, "node": node}
            )
        return self.change_set(cs_id, with_checks=False)

    def audit(self, cs_id: int | None = None) -> list[AuditEntry]:
        """The audit log (of one change set, or all of it), oldest first."""
        with self.storage.connect() as db:
            return self.storage.audit_entries(db, cs_id)

    def walk_changes(self, cs_id: int) -> list[str]:
        """The golden walks the change set's content walks differently (one Dutch line each).

        Publishing checks the same on the merged result; this shows it before review.
        """
        head = self._head(self._row(cs_id))
        library = self._walkable(head)
        changes = walks.walk_changes(self.repo, head, library)
        return [walks.describe_change(c, library) for c in changes]

    def _walkable(self, head: str) -> Library:
        library = self.checker.check(head).library
        if library is None:
            raise ContentHasErrors(
                "De voorbeeldroutes kunnen nog niet lopen: de inhoud heeft fouten. Los die eerst "
                "op.",
                [],
            )
        return library

    def update_walks(self, user: User, cs_id: int, *, expected_version: str) -> SaveResult:
        """Record the walks of the change set's content as its new golden walks (one save).

        For an intended change: the golden walks that now give another text get that text (a
        walk whose flow is gone is removed); the jurist reads them in the diff. A walk whose
        answers no longer fit the steps is left as it is: it needs new answers (a new file).

        Raises:
            InvalidInput: when every golden walk still matches (nothing to update).
            EditConflict: someone saved after ``expected_version``.
        """
        self._require(user, "auteur", "voorbeeldroutes bijwerken")
        head = self._head(self._row(cs_id))
        library = self._walkable(head)
        updates = walks.updated_goldens(walks.walk_changes(self.repo, head, library), library)
        if not updates:
            raise InvalidInput(
                "Alle voorbeeldroutes die kunnen lopen, geven nog dezelfde tekst. Er is niets bij "
                "te werken."
            )
        count = len(updates)
        return self.save(
            user, cs_id, updates, expected_version=expected_version,
            message=f"{user.display_name} werkt {count} voorbeeldroute(s) bij",
        )  # fmt: skip

    # ------------------------------------------------------------------ publishing

    def publish(self, user: User, cs_id: int) -> Publication:
        """Publish an approved change set (see ``privacyapp.studio.publishing``); the review
        document is kept with the publication (``reviews/`` in the data folder)."""
        publication = publishing.publish(self, user, cs_id, self.publish_target)
        folder = self.data_dir / "reviews"
        folder.mkdir(exist_ok=True, mode=0o700)
        self.review_file(publication).write_bytes(self.review_pdf(cs_id))
        return publication

    def review_file(self, publication: Publication) -> Path:
        """Where the review document of a publication is kept."""
        name = f"{publication.id}-{publication.content_version}-voorstel-{publication.change_set}"
        return self.data_dir / "reviews" / f"{name}.pdf"

    def review_pdf(self, cs_id: int) -> bytes:
        """The review document of a change set: every changed flow's paths, questions, advice
        and sources with the changes marked, the reviewers and dates (see ``studio.review``)."""
        row = self._row(cs_id)
        head = self._head(row)
        change_set = self.change_set(cs_id, with_checks=False)
        before = clusters.version_flows(self, row.base_commit)
        after = clusters.version_flows(self, head)
        paths = {k: v[0] for k, v in {**before.files, **after.files}.items()}
        laws = self.law_names(cs_id)
        flows = tuple(
            review.collect_flows(before.flows, after.flows, paths, laws, clusters.flow_yaml)
        )
        flow_files = {f.path for f in flows} | set(paths.values())
        other = tuple(d for d in self.diff(cs_id) if d.path not in flow_files)
        publication = next((p for p in self.history() if p.change_set == cs_id), None)
        return review.review_pdf(
            review.ReviewInput(
                change_set, flows, other, after.library, self.clock().astimezone(UTC), publication
            )
        )

    def history(self) -> list[Publication]:
        """Every published version, newest first."""
        return publishing.history(self)

    def restore(self, user: User, publication_id: int) -> ChangeSet:
        """A new change set with the content of an earlier publication."""
        return publishing.restore(self, user, publication_id)

    def verify_audit(self) -> int | None:
        """The first audit entry whose hash chain is broken, or None."""
        with self.storage.connect() as db:
            return self.storage.verify_audit(db)


def _municipality(roles: frozenset[str], code: str | None) -> str | None:
    """The municipality a new account is bound to: required for a gemeenteredacteur only."""
    if "gemeenteredacteur" not in roles:
        if code is not None:
            raise InvalidInput("Alleen een gemeenteredacteur hoort bij een gemeente.")
        return None
    code = (code or "").strip().upper()
    if not re.fullmatch(MUNICIPALITY_CODE, code):
        raise InvalidInput(
            "Een gemeenteredacteur hoort bij één gemeente. Geef de gemeentecode van het CBS, "
            "bijvoorbeeld GM0363."
        )
    return code


#: Verified against when a name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = (
    "argon2id$v=1$m=65536,t=3,p=1$AAAAAAAAAAAAAAAAAAAAAA$"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
)
