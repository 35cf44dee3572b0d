"""The studio's errors: every message says, in plain Dutch, what the editor can do.

PrivacyAppError
 └── StudioError
      ├── NotAllowed        (role or four-eyes rule)
      ├── NotFound          (an account, change set or file that does not exist)
      ├── SignInFailed      (wrong name or password, or an expired session)
      ├── EditConflict      (someone else saved first; the refused text is kept)
      ├── WrongState        (the step does not fit the change set's state)
      ├── ContentHasErrors  (submitting or publishing content with errors)
      │    └── WalksChanged (publishing: a golden walk gives another text)
      ├── InvalidInput      (a bad title, path, role or password)
      └── RepositoryError   (git or the content repository failed)
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = [
    "ContentHasErrors",
    "EditConflict",
    "InvalidInput",
    "NotAllowed",
    "NotFound",
    "RepositoryError",
    "SignInFailed",
    "StudioError",
    "WalksChanged",
    "WrongState",
]


class StudioError(PrivacyAppError):
    """Base class of the studio's expected failures."""


class NotAllowed(StudioError):
    """The account may not do this (its role, or the four-eyes rule)."""


class NotFound(StudioError):
    """An account, change set, comment or file does not exist."""


class SignInFailed(StudioError):
    """Wrong name or password, a blocked account, or a session that ended."""


class EditConflict(StudioError):
    """Someone saved this change set after the version the editor started from.

    Nothing is lost: the refused text is kept (``conflict_id``) and can be saved again on top
    of the newer version.
    """

    def __init__(self, message: str, *, current_version: str, conflict_id: int) -> None:
        super().__init__(message)
        self.current_version = current_version
        self.conflict_id = conflict_id


class WrongState(StudioError):
    """The step does not fit the change set's state (e.g. approving a concept)."""


class ContentHasErrors(StudioError):
    """The content has errors; the diagnostics say where."""

    def __init__(self, message: str, diagnostics: list[str]) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics


class WalksChanged(ContentHasErrors):
    """Publishing: a golden walk no longer gives its recorded text (the lines say which)."""


class InvalidInput(StudioError):
    """A bad title, file path, role, name or password."""


class RepositoryError(StudioError):
    """Git or the content repository failed."""
