"""The studio's own records in SQLite (stdlib ``sqlite3``): one file, ``studio.sqlite3``.

Tables: ``accounts``, ``sessions``, ``change_sets``, ``edits`` (who saved which commit),
``comments``, ``approvals`` (with the content hash they approve), ``conflicts`` (saves that
were refused because someone else saved first: kept, never lost), ``publications`` and the
append-only ``audit`` log. Triggers refuse every UPDATE and DELETE on ``audit``, and each row
carries the SHA-256 of the previous row's hash and its own fields, so a row taken out or changed
behind the studio's back shows in ``verify_audit``.

The text of the content lives in git, not here; this file holds who did what and the state.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privacyapp.studio.errors import NotFound, RepositoryError

__all__ = [
    "Account",
    "Approval",
    "AuditEntry",
    "ChangeSetRow",
    "Comment",
    "Conflict",
    "Publication",
    "Storage",
]

SCHEMA_VERSION = 1
DB_FILE = "studio.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    token_hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS change_sets (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    branch TEXT NOT NULL UNIQUE,
    base_commit TEXT NOT NULL,
    state TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES accounts(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    restored_from INTEGER
);
CREATE TABLE IF NOT EXISTS edits (
    id INTEGER PRIMARY KEY,
    change_set INTEGER NOT NULL REFERENCES change_sets(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    commit_id TEXT NOT NULL,
    paths TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY,
    change_set INTEGER NOT NULL REFERENCES change_sets(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    path TEXT,
    node TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS approvals (
    id INTEGER PRIMARY KEY,
    change_set INTEGER NOT NULL REFERENCES change_sets(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    role TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS conflicts (
    id INTEGER PRIMARY KEY,
    change_set INTEGER NOT NULL REFERENCES change_sets(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    path TEXT NOT NULL,
    text TEXT,
    based_on TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS publications (
    id INTEGER PRIMARY KEY,
    change_set INTEGER NOT NULL REFERENCES change_sets(id),
    commit_id TEXT NOT NULL,
    content_version TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    bundle_file TEXT NOT NULL,
    repository_version INTEGER,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS municipal_editors (
    account_id INTEGER PRIMARY KEY REFERENCES accounts(id),
    code TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    change_set INTEGER,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    display_name: str
    password_hash: str
    roles: frozenset[str]
    active: bool
    created_at: str
    #: The municipality (CBS gemeentecode) a gemeenteredacteur works for.
    municipality: str | None = None


@dataclass(frozen=True)
class ChangeSetRow:
    id: int
    title: str
    branch: str
    base_commit: str
    state: str
    created_by: int
    created_at: str
    updated_at: str
    restored_from: int | None


@dataclass(frozen=True)
class Comment:
    id: int
    change_set: int
    author: str
    path: str | None
    node: str | None
    text: str
    kind: str
    at: str


@dataclass(frozen=True)
class Approval:
    id: int
    change_set: int
    account_id: int
    author: str
    role: str
    content_hash: str
    at: str


@dataclass(frozen=True)
class Conflict:
    id: int
    change_set: int
    author: str
    path: str
    text: str | None
    based_on: str
    at: str


@dataclass(frozen=True)
class Publication:
    id: int
    change_set: int
    commit_id: str
    content_version: str
    content_hash: str
    bundle_file: str
    repository_version: int | None
    author: str
    at: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    change_set: int | None
    detail: dict[str, Any]


def _row_hash(prev: str, at: str, actor: str, action: str, cs: int | None, detail: str) -> str:
    data = json.dumps([prev, at, actor, action, cs, detail], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class Storage:
    """The studio's SQLite file. One connection per call; safe across threads and processes."""

    def __init__(self, data_dir: Path) -> None:
        """Open (and create when new) ``data_dir/studio.sqlite3``.

        Raises:
            RepositoryError: when the folder cannot be made or the file is not a studio file.
        """
        self.data_dir = data_dir
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise RepositoryError(
                f"De map {data_dir} kan niet gemaakt worden ({exc.strerror}). Kies een andere map."
            ) from exc
        self.path = data_dir / DB_FILE
        try:
            setup = sqlite3.connect(self.path, timeout=30)
            try:
                setup.execute("PRAGMA journal_mode = WAL")
                setup.executescript(_SCHEMA)
            finally:
                setup.close()
            with self.connect() as db:
                found = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if found is None:
                    db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                elif int(found[0]) != SCHEMA_VERSION:
                    raise RepositoryError(
                        f"{self.path} is van een andere versie van de studio ({found[0]}). "
                        "Gebruik de studio die erbij hoort."
                    )
        except sqlite3.DatabaseError as exc:
            raise RepositoryError(
                f"{self.path} is geen bestand van de studio ({exc}). Zet de reservekopie terug."
            ) from exc
        self.path.chmod(0o600)

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in one transaction (committed on success, rolled back on error)."""
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            db.close()

    # ------------------------------------------------------------------ accounts

    @staticmethod
    def _account(row: tuple[Any, ...]) -> Account:
        return Account(
            row[0], row[1], row[2], row[3], frozenset(filter(None, row[4].split(","))),
            bool(row[5]), row[6], row[7],
        )  # fmt: skip

    _ACCOUNT = (
        "SELECT id, name, display_name, password_hash, roles, active, created_at, "
        "(SELECT code FROM municipal_editors WHERE account_id = accounts.id) FROM accounts"
    )

    def add_account(
        self, db: sqlite3.Connection, name: str, display: str, pw_hash: str,
        roles: frozenset[str], at: str,
    ) -> Account:  # fmt: skip
        cur = db.execute(
            "INSERT INTO accounts (name, display_name, password_hash, roles, active, created_at) "
            "VALUES (?, ?, ?, ?, 1, ?)",
            (name, display, pw_hash, ",".join(sorted(roles)), at),
        )
        return self.account(db, int(cur.lastrowid or 0))

    def account(self, db: sqlite3.Connection, account_id: int) -> Account:
        row = db.execute(f"{self._ACCOUNT} WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            raise NotFound(f"Er is geen account met nummer {account_id}.")
        return self._account(row)

    def account_by_name(self, db: sqlite3.Connection, name: str) -> Account | None:
        row = db.execute(f"{self._ACCOUNT} WHERE name = ?", (name,)).fetchone()
        return None if row is None else self._account(row)

    def accounts(self, db: sqlite3.Connection) -> list[Account]:
        return [self._account(r) for r in db.execute(f"{self._ACCOUNT} ORDER BY name")]

    def update_account(
        self, db: sqlite3.Connection, account_id: int, *, roles: frozenset[str] | None = None,
        active: bool | None = None, pw_hash: str | None = None,
    ) -> None:  # fmt: skip
        if roles is not None:
            db.execute(
                "UPDATE accounts SET roles = ? WHERE id = ?", (",".join(sorted(roles)), account_id)
            )
        if active is not None:
            db.execute("UPDATE accounts SET active = ? WHERE id = ?", (int(active), account_id))
        if pw_hash is not None:
            db.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", (pw_hash, account_id))

    def set_municipality(self, db: sqlite3.Connection, account_id: int, code: str | None) -> None:
        """Bind a gemeenteredacteur to one municipality (None: unbind)."""
        db.execute("DELETE FROM municipal_editors WHERE account_id = ?", (account_id,))
        if code is not None:
            db.execute("INSERT INTO municipal_editors VALUES (?, ?)", (account_id, code))

    # ------------------------------------------------------------------ sessions

    def add_session(self, db: sqlite3.Connection, token_hash: str, account: int, at: str) -> None:
        db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)", (token_hash, account, at, at))

    def session(self, db: sqlite3.Connection, token_hash: str) -> tuple[int, str] | None:
        row = db.execute(
            "SELECT account_id, last_seen FROM sessions WHERE token_hash = ?", (token_hash,)
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def touch_session(self, db: sqlite3.Connection, token_hash: str, at: str) -> None:
        db.execute("UPDATE sessions SET last_seen = ? WHERE token_hash = ?", (at, token_hash))

    def end_session(self, db: sqlite3.Connection, token_hash: str) -> None:
        db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def end_sessions_of(self, db: sqlite3.Connection, account_id: int) -> None:
        db.execute("DELETE FROM sessions WHERE account_id = ?", (account_id,))

    # ------------------------------------------------------------------ change sets

    _CS = (
        "SELECT id, title, branch, base_commit, state, created_by, created_at, updated_at, "
        "restored_from FROM change_sets"
    )

    def add_change_set(
        self, db: sqlite3.Connection, title: str, base: str, by: int, at: str,
        restored_from: int | None = None,
    ) -> ChangeSetRow:  # fmt: skip
        cur = db.execute(
            "INSERT INTO change_sets (title, branch, base_commit, state, created_by, created_at, "
            "updated_at, restored_from) VALUES (?, '', ?, 'concept', ?, ?, ?, ?)",
            (title, base, by, at, at, restored_from),
        )
        new_id = int(cur.lastrowid or 0)
        db.execute("UPDATE change_sets SET branch = ? WHERE id = ?", (f"studio/{new_id}", new_id))
        return self.change_set(db, new_id)

    def change_set(self, db: sqlite3.Connection, cs_id: int) -> ChangeSetRow:
        row = db.execute(f"{self._CS} WHERE id = ?", (cs_id,)).fetchone()
        if row is None:
            raise NotFound(f"Er is geen wijzigingsvoorstel met nummer {cs_id}.")
        return ChangeSetRow(*row)

    def change_sets(self, db: sqlite3.Connection) -> list[ChangeSetRow]:
        return [ChangeSetRow(*r) for r in db.execute(f"{self._CS} ORDER BY id DESC")]

    def set_state(self, db: sqlite3.Connection, cs_id: int, state: str, at: str) -> None:
        db.execute(
            "UPDATE change_sets SET state = ?, updated_at = ? WHERE id = ?", (state, at, cs_id)
        )

    def add_edit(
        self, db: sqlite3.Connection, cs_id: int, account: int, commit: str, paths: list[str],
        at: str,
    ) -> None:  # fmt: skip
        db.execute(
            "INSERT INTO edits (change_set, account_id, commit_id, paths, at) VALUES (?,?,?,?,?)",
            (cs_id, account, commit, json.dumps(paths), at),
        )
        db.execute("UPDATE change_sets SET updated_at = ? WHERE id = ?", (at, cs_id))

    def editors(self, db: sqlite3.Connection, cs_id: int) -> set[int]:
        """Every account that created or saved into the change set."""
        rows = db.execute(
            "SELECT account_id FROM edits WHERE change_set = ? "
            "UNION SELECT created_by FROM change_sets WHERE id = ?",
            (cs_id, cs_id),
        )
        return {int(r[0]) for r in rows}

    # ------------------------------------------------------------------ comments, approvals

    def add_comment(
        self, db: sqlite3.Connection, cs_id: int, account: int, path: str | None,
        node: str | None, text: str, kind: str, at: str,
    ) -> None:  # fmt: skip
        db.execute(
            "INSERT INTO comments (change_set, account_id, path, node, text, kind, at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (cs_id, account, path, node, text, kind, at),
        )

    def comments(self, db: sqlite3.Connection, cs_id: int) -> list[Comment]:
        rows = db.execute(
            "SELECT c.id, c.change_set, a.name, c.path, c.node, c.text, c.kind, c.at "
            "FROM comments c JOIN accounts a ON a.id = c.account_id "
            "WHERE c.change_set = ? ORDER BY c.id",
            (cs_id,),
        )
        return [Comment(*r) for r in rows]

    def add_approval(
        self, db: sqlite3.Connection, cs_id: int, account: int, role: str, content: str, at: str
    ) -> None:
        db.execute(
            "INSERT INTO approvals (change_set, account_id, role, content_hash, at) "
            "VALUES (?, ?, ?, ?, ?)",
            (cs_id, account, role, content, at),
        )

    def approvals(self, db: sqlite3.Connection, cs_id: int) -> list[Approval]:
        rows = db.execute(
            "SELECT p.id, p.change_set, p.account_id, a.name, p.role, p.content_hash, p.at "
            "FROM approvals p JOIN accounts a ON a.id = p.account_id "
            "WHERE p.change_set = ? ORDER BY p.id",
            (cs_id,),
        )
        return [Approval(*r) for r in rows]

    # ------------------------------------------------------------------ conflicts

    def add_conflict(
        self, db: sqlite3.Connection, cs_id: int, account: int, path: str, text: str | None,
        based_on: str, at: str,
    ) -> int:  # fmt: skip
        cur = db.execute(
            "INSERT INTO conflicts (change_set, account_id, path, text, based_on, at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (cs_id, account, path, text, based_on, at),
        )
        return int(cur.lastrowid or 0)

    def conflicts(self, db: sqlite3.Connection, cs_id: int) -> list[Conflict]:
        rows = db.execute(
            "SELECT c.id, c.change_set, a.name, c.path, c.text, c.based_on, c.at "
            "FROM conflicts c JOIN accounts a ON a.id = c.account_id "
            "WHERE c.change_set = ? ORDER BY c.id",
            (cs_id,),
        )
        return [Conflict(*r) for r in rows]

    # ------------------------------------------------------------------ publications

    def add_publication(
        self, db: sqlite3.Connection, cs_id: int, commit: str, content_version: str,
        content_hash: str, bundle_file: str, repo_version: int | None, account: int, at: str,
    ) -> None:  # fmt: skip
        db.execute(
            "INSERT INTO publications (change_set, commit_id, content_version, content_hash, "
            "bundle_file, repository_version, account_id, at) VALUES (?,?,?,?,?,?,?,?)",
            (cs_id, commit, content_version, content_hash, bundle_file, repo_version, account, at),
        )

    def publications(self, db: sqlite3.Connection) -> list[Publication]:
        rows = db.execute(
            "SELECT p.id, p.change_set, p.commit_id, p.content_version, p.content_hash, "
            "p.bundle_file, p.repository_version, a.name, p.at "
            "FROM publications p JOIN accounts a ON a.id = p.account_id ORDER BY p.id DESC"
        )
        return [Publication(*r) for r in rows]

    # ------------------------------------------------------------------ audit

    def audit(
        self, db: sqlite3.Connection, at: str, actor: str, action: str, cs_id: int | None,
        detail: dict[str, Any],
    ) -> None:  # fmt: skip
        """Append one entry to the audit log (chained to the previous one by hash)."""
        last = db.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        prev = str(last[0]) if last else ""
        text = json.dumps(detail, ensure_ascii=False, sort_keys=True)
        digest = _row_hash(prev, at, actor, action, cs_id, text)
        db.execute(
            "INSERT INTO audit (at, actor, action, change_set, detail, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (at, actor, action, cs_id, text, prev, digest),
        )

    def audit_entries(self, db: sqlite3.Connection, cs_id: int | None = None) -> list[AuditEntry]:
        query = "SELECT id, at, actor, action, change_set, detail FROM audit"
        rows = (
            db.execute(f"{query} WHERE change_set = ? ORDER BY id", (cs_id,))
            if cs_id is not None
            else db.execute(f"{query} ORDER BY id")
        )
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]

    def verify_audit(self, db: sqlite3.Connection) -> int | None:
        """The id of the first audit row whose chain is broken, or None when all is intact."""
        prev = ""
        rows = db.execute(
            "SELECT id, at, actor, action, change_set, detail, prev_hash, hash FROM audit "
            "ORDER BY id"
        )
        for row in rows:
            expected = _row_hash(prev, row[1], row[2], row[3], row[4], row[5])
            if row[6] != prev or row[7] != expected:
                return int(row[0])
            prev = row[7]
        return None
