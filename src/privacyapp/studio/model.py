"""Roles, states and the values the service layer hands out (plain data, for CLI and UI)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from privacyapp.engine import Diagnostic
from privacyapp.studio.storage import Approval, AuditEntry, Comment, Conflict

__all__ = [
    "ROLES",
    "ROLE_LABELS",
    "STATES",
    "STATE_LABELS",
    "ApprovalView",
    "ChangeSet",
    "PublishTarget",
    "SaveResult",
    "User",
]

#: auteur writes, jurist reviews, publicist publishes, beheerder manages the accounts; a
#: gemeenteredacteur writes only the adaptable parts of one municipality's overlay.
ROLES = ("auteur", "jurist", "publicist", "beheerder", "gemeenteredacteur")
ROLE_LABELS = {
    "auteur": "Auteur",
    "jurist": "Jurist (beoordelaar)",
    "publicist": "Publicist",
    "beheerder": "Beheerder",
    "gemeenteredacteur": "Gemeenteredacteur",
}

CONCEPT = "concept"
IN_REVIEW = "ter-beoordeling"
CHANGES_REQUESTED = "wijzigingen-gevraagd"
APPROVED = "goedgekeurd"
PUBLISHED = "gepubliceerd"
STATES = (CONCEPT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, PUBLISHED)
#: What editors see: never git words.
STATE_LABELS = {
    CONCEPT: "Concept",
    IN_REVIEW: "Ter beoordeling",
    CHANGES_REQUESTED: "Wijzigingen gevraagd",
    APPROVED: "Goedgekeurd",
    PUBLISHED: "Gepubliceerd",
}


@dataclass(frozen=True)
class User:
    """A signed-in (or named) account."""

    id: int
    name: str
    display_name: str
    roles: frozenset[str]
    active: bool = True
    #: The municipality (CBS gemeentecode) a gemeenteredacteur works for.
    municipality: str | None = None

    def has(self, role: str) -> bool:
        return role in self.roles

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "display_name": self.display_name,
            "roles": sorted(self.roles),
            "active": self.active,
        }
        if self.municipality is not None:
            data["municipality"] = self.municipality
        return data


@dataclass(frozen=True)
class ApprovalView:
    """An approval and whether it still holds (it is void after any later edit)."""

    approval: Approval
    valid: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.approval.author,
            "role": self.approval.role,
            "at": self.approval.at,
            "content_hash": self.approval.content_hash,
            "valid": self.valid,
        }


@dataclass(frozen=True)
class ChangeSet:
    """A change set ("wijzigingsvoorstel") as editors see it."""

    id: int
    title: str
    state: str
    created_by: str
    created_at: str
    updated_at: str
    version: str
    content_hash: str
    editors: tuple[str, ...]
    files: tuple[tuple[str, str], ...]
    approvals: tuple[ApprovalView, ...] = ()
    comments: tuple[Comment, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    errors: int = 0
    warnings: int = 0
    restored_from: int | None = None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def valid_jurist_approval(self) -> bool:
        return any(a.valid and a.approval.role == "jurist" for a in self.approvals)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "state": self.state,
            "state_label": self.state_label,
            "created_by": self.created_by,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
            "version": self.version,
            "content_hash": self.content_hash,
            "editors": list(self.editors),
            "files": [{"change": c, "path": p} for c, p in self.files],
            "approvals": [a.to_dict() for a in self.approvals],
            "comments": [
                {
                    "by": c.author,
                    "path": c.path,
                    "node": c.node,
                    "text": c.text,
                    "kind": c.kind,
                    "at": c.at,
                }
                for c in self.comments
            ],  # fmt: skip
            "conflicts": [
                {"id": c.id, "by": c.author, "path": c.path, "based_on": c.based_on, "at": c.at}
                for c in self.conflicts
            ],
            "errors": self.errors,
            "warnings": self.warnings,
            "restored_from": self.restored_from,
        }


@dataclass(frozen=True)
class SaveResult:
    """A saved change: the new version and what the checks say about it."""

    version: str
    diagnostics: tuple[Diagnostic, ...]
    state: str
    voided_approvals: int = 0
    paths: tuple[str, ...] = field(default=())

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]


def audit_to_dict(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at,
        "who": entry.actor,
        "action": entry.action,
        "change_set": entry.change_set,
        "detail": entry.detail,
    }


@dataclass(frozen=True)
class PublishTarget:
    """A TUF repository the studio publishes into, and the folders with its signing keys."""

    repository: Path
    key_dirs: tuple[Path, ...]
    min_app_version: str
