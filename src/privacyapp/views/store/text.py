"""The store's errors, problems and statuses in the UI language, from their codes.

The encrypted store (``privacyapp.dossier``) reports an error as a ``code`` with ``fields`` and
a problem found on opening as a ``kind`` with its ``subject``; the catalogs hold the text of
each in Dutch and English (``store.error.<code>``, ``store.problem.<kind>``). ``store_error``
lives in the kit (``kit.problems``), because other wings show store errors too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.problems import store_error

if TYPE_CHECKING:
    from privacyapp.dossier import StoreProblem

__all__ = ["problem_text", "status_label", "store_error"]


def status_label(t: Translator, status: str) -> str:
    """A record's status in the UI language; a status the app does not know is shown as is."""
    key = f"overview.status.{status}"
    text = t(key)
    return status if text == key else text


def problem_text(t: Translator, problem: StoreProblem) -> str:
    """What the store found wrong when it opened, in the UI language (by its ``kind``)."""
    return t(f"store.problem.{problem.kind}", subject=problem.subject)
