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

Every message says what the user can do about it.
"""

from __future__ import annotations

from collections.abc import Sequence

from privacyapp.errors import PrivacyAppError

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
    """Base class of all errors in ``privacyapp.rights``."""


class InvalidInputError(RightsError):
    """User text that cannot be used in a letter."""


class MissingFieldError(InvalidInputError):
    """One or more required fields are empty."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = tuple(labels)
        listed = ", ".join(self.labels)
        super().__init__(f"Vul nog in: {listed}.")


class InputTooLongError(InvalidInputError):
    """A field is longer than the letter can hold."""

    def __init__(self, label: str, limit: int, length: int) -> None:
        self.label = label
        self.limit = limit
        self.length = length
        super().__init__(
            f"'{label}' is te lang ({length} tekens). Maak het korter dan {limit} tekens."
        )


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
