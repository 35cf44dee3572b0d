"""Errors of the flow engine.

    PrivacyAppError
     └── EngineError                 anything the engine refuses
          ├── FlowNotFound           no flow with that id in the library
          ├── InvalidAnswer          an answer that does not fit the current step
          ├── InvalidPath            a stored path that cannot be read back
          └── ContentInvalid         flows with errors were asked to become a library

Every message says what the user (or editor) can do about it.
"""

from __future__ import annotations

from privacyapp.errors import PrivacyAppError

__all__ = ["ContentInvalid", "EngineError", "FlowNotFound", "InvalidAnswer", "InvalidPath"]


class EngineError(PrivacyAppError):
    """Base class of the engine's errors."""


class FlowNotFound(EngineError):
    """No flow with the requested id exists."""


class InvalidAnswer(EngineError):
    """The answer does not fit the current step of the session."""


class InvalidPath(EngineError):
    """A stored path taken is incomplete or malformed."""


class ContentInvalid(EngineError):
    """The flows have errors; run ``privacyapp flows check`` to see them."""
