"""Which fields the composer's error is about, so its error summary can link to each of them.

The rights service names the inputs an error is about as typed labels in its message
(``Message`` fields: ``labels`` for what is missing, ``label`` for what is too long, ``text``
for a date that could not be read). This module turns those into each field's semantics
identifier and its label in the UI language, in the order the message names them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.rights import service_text as rt
from privacyapp.views.rights.parts import tag

if TYPE_CHECKING:
    from privacyapp.rights import Label, Message

__all__ = ["FEEDBACK_KEY", "error_box", "error_targets"]

#: The scroll key of the composer's feedback (the shell scrolls it into view).
FEEDBACK_KEY = "rights-feedback"

#: Labels of the applicant's own inputs (``rights.letter``) → the field's identifier key.
_APPLICANT = {
    "applicant.name": "name",
    "applicant.address": "address",
    "applicant.phone": "phone",
    "label.contact": "email",
    "label.person": "person",
}


def _ident(label: Label) -> str | None:
    """The identifier of the composer's field for ``label`` (None: no field of its own)."""
    if label.key.startswith("field."):
        return f"rights-field-{label.key.removeprefix('field.')}"
    key = _APPLICANT.get(label.key)
    return f"rights-field-{key}" if key is not None else None


def _labels(error: Message) -> list[Label]:
    from privacyapp.rights import Label

    found: list[Label] = []
    for value in error.fields.values():
        if isinstance(value, Label):
            found.append(value)
        elif isinstance(value, tuple):
            found.extend(v for v in value if isinstance(v, Label))
    return found


def error_targets(
    t: Translator, error: Message | None, sent_text: str = ""
) -> list[tuple[str, str]]:
    """``(label, identifier)`` of every field ``error`` names, in its order, once each."""
    from privacyapp.rights import Code

    if error is None:
        return []
    targets: list[tuple[str, str]] = []
    for label in _labels(error):
        ident = _ident(label)
        if ident is not None and all(ident != i for _, i in targets):
            targets.append((rt.label_text(t, label), ident))
    typed = sent_text.strip()
    if error.code is Code.DATE and typed and error.fields.get("text") == typed:
        targets.append((t("rights.sent_on"), "rights-sent-date"))
    return targets


def error_box(
    t: Translator,
    shown: str,
    error: Message | None,
    sent_text: str,
    *,
    extra: Sequence[ft.Control],
    to_field: Callable[[str], w.Handler],
    field: tuple[str, str] | None = None,
) -> ft.Control:
    """The composer's error summary: ``shown`` (the error in the UI language), a link per field
    the error names (``to_field(identifier)`` moves focus there), then ``extra`` (e.g. unlock).
    ``field``: (name, identifier) of the field the error came from, linked first."""
    targets = error_targets(t, error, sent_text)
    if field is not None and field not in targets:
        targets.insert(0, field)
    lines = [(t("form.to_field", field=label), to_field(ident)) for label, ident in targets]
    return w.error_summary(
        t("rights.problem_title"), lines, ident="rights-error-summary",
        before=[tag("rights-error", ft.Text(shown))], extra=extra, scroll_key=FEEDBACK_KEY,
    )  # fmt: skip
