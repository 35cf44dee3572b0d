"""A button that hands a PDF (the review document) to the editor's browser.

The file is made on the server when the button is pressed and given to ``UIContext.save_file``
(Flet's ``FilePicker.save_file`` with its bytes, as the citizen app does with letters and
exports): on the web the browser downloads it. Without a page (the tests) the files are kept
in ``UIContext.downloads``. When this build cannot make PDFs, the screen says so in Dutch instead
of showing a button that fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from privacyapp import capabilities
from privacyapp.views.studio.kit import w

if TYPE_CHECKING:
    from privacyapp.views.studio.context import UIContext

__all__ = ["NO_PDF", "pdf_button"]

NO_PDF = (
    "Een beoordelingsdocument (PDF) kan deze installatie van de studio niet maken: het "
    "onderdeel voor PDF ontbreekt. Vraag de beheerder om het te installeren."
)


def pdf_button(
    ui: UIContext, label: str, ident: str, name: str, make: Callable[[], bytes]
) -> ft.Control:
    """A button that downloads the PDF ``make()`` gives as ``name`` (or why it cannot)."""
    if not capabilities.pdf_available():
        return ft.Semantics(identifier=ident, content=w.muted(NO_PDF))

    def run(_: object) -> None:
        ui.run(lambda: ui.save_file(name, make()), render=False)

    return w.secondary(label, ident, run)
