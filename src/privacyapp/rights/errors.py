"""Errors of the rights package: writing AVG requests, mail links, deadlines and tracking.

    PrivacyAppError
     └── RightsError
          ├── InvalidInputError          (user text that cannot go into a letter)
          │    ├── MissingFieldError     (required fields left empty; lists all of them)
          │    ├── InputTooLongError     (a field longer than its limit)
          │    └── UnknownFieldError     (a detail this kind of request does not ask for)
          ├── RecipientError             (no way to reach the organisation)
          │    └── InvalidAddressError   (empty or malformed e-mail address)
          ├── DeadlineError              (dates that do not fit together)
          ├── StoredRequestError         (a saved request that cannot be read back)
          └── LetterPdfError             (no usable font to write the letter PDF)

Every message says what the user can do about it. An error raised here carries it as a
``Message`` (a code with fields, ``exc.message``) that a screen shows in its own language;
``str(exc)`` is its Dutch, for the CLI. Errors the CLI raises itself may carry plain Dutch text
(``exc.message`` is then None).
"""

from __future__ import annotations

from collections.abc import Sequence

from privacyapp.errors import PrivacyAppError
from privacyapp.rights.messages import Code, FieldValue, Label, Message

__all__ = [
    "DeadlineError",
    "InputTooLongError",
    "InvalidAddressError",
    "InvalidInputError",
    "LetterPdfError",
    "MissingFieldError",
    "RecipientError",
    "RightsError",
    "StoredRequestError",
    "UnknownFieldError",
]


class RightsError(PrivacyAppError):
    """Base class of all errors in ``privacyapp.rights``.

    Args:
        problem: what went wrong: a code (with ``fields``), or plain Dutch text (the CLI's own
            errors, which no screen shows).
        fields: the code's fields.
    """

    def __init__(self, problem: Code | str, **fields: FieldValue) -> None:
        self.message: Message | None = (
            Message(problem, fields) if isinstance(problem, Code) else None
        )
        super().__init__(self.message.dutch() if self.message is not None else problem)


class InvalidInputError(RightsError):
    """User text that cannot be used in a letter."""


class MissingFieldError(InvalidInputError):
    """One or more required fields are empty."""

    def __init__(self, labels: Sequence[Label]) -> None:
        self.labels = tuple(labels)
        super().__init__(Code.MISSING, labels=self.labels)


class InputTooLongError(InvalidInputError):
    """A field is longer than the letter can hold."""

    def __init__(self, label: Label, limit: int, length: int) -> None:
        self.label = label
        self.limit = limit
        self.length = length
        super().__init__(Code.TOO_LONG, label=label, length=length, limit=limit)


class UnknownFieldError(InvalidInputError):
    """A detail that this kind of request does not use."""


class RecipientError(RightsError):
    """The organisation cannot be reached with what we know."""


class InvalidAddressError(RecipientError):
    """An e-mail address that is empty or not valid."""


class DeadlineError(RightsError):
    """Dates that do not fit together (for example an extension before sending)."""


class StoredRequestError(RightsError):
    """A saved request that cannot be read back."""


class LetterPdfError(RightsError):
    """The letter PDF cannot be made (no usable font)."""
