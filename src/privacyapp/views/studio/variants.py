"""Copy and variant in the editor: make a new flow from this one, and see what a variant
inherits and what it overrides.

``variant_panel``: for a variant (a file with ``extends``), per node of the base whether it is
inherited ("geërfd"), overridden (which fields) or replaced, and the variant's own new nodes.
``copy_panel``: a new id and the buttons "Kopie maken" (an independent copy) and "Variant
maken" (a variant that inherits everything it does not override).
"""

from __future__ import annotations

import flet as ft

from privacyapp.studio.diff import FIELD_NAMES
from privacyapp.studio.errors import StudioError
from privacyapp.views.studio.context import UIContext
from privacyapp.views.studio.kit import Handler, field, w

__all__ = ["copy_panel", "variant_panel"]

_STATUS = {
    "inherited": "geërfd (volgt de basis)",
    "overridden": "overschreven",
    "replaced": "vervangen door een eigen stap",
    "new": "nieuw in deze variant",
}


def variant_panel(ui: UIContext, cs_id: int, path: str, text: str) -> ft.Control | None:
    """What this variant inherits and overrides (None when the file is not a variant)."""
    if "\nextends:" not in f"\n{text}":
        return None
    try:
        parts = ui.studio.variant_parts(cs_id, path)
    except StudioError as exc:
        return w.muted(f"Variant: {exc}")
    rows: list[ft.Control] = [w.heading("Variant: geërfd en overschreven", 2, ident="variant")]
    for part in parts:
        fields = ", ".join(FIELD_NAMES.get(f, f) for f in part.fields)
        what = _STATUS[part.status] + (f": {fields}" if fields else "")
        name = part.node or "gegevens van de vraag"
        rows.append(w.body(f"{name}: {what}"))
    return ft.Column(rows, spacing=4, tight=True)


def copy_panel(ui: UIContext, cs_id: int, flow_id: str, version: str) -> ft.Control:
    """A new flow from this one: an independent copy or a variant."""
    user = ui.state.user
    values = ui.state.values
    key = f"copy#{cs_id}#{flow_id}"

    def make(variant: bool) -> Handler:
        def run(_: object) -> None:
            assert user is not None
            new_id = ui.state.text(key)
            call = ui.studio.new_variant if variant else ui.studio.copy_flow
            made = "variant" if variant else "kopie"
            ui.run(
                lambda: call(user, cs_id, flow_id, new_id, expected_version=version),
                notice=f"De {made} {new_id} staat in dit voorstel (als concept).",
            )

        return run

    return ft.Column(
        [
            w.heading("Nieuwe vraag van deze vraag", 2),
            w.muted(
                "Een kopie staat op zichzelf. Een variant erft alles wat je niet overschrijft, "
                "ook latere landelijke wijzigingen."
            ),
            field(
                "copy-id",
                "Id van de nieuwe vraag",
                ui.state.text(key),
                lambda t: values.__setitem__(key, t),
            ),  # fmt: skip
            ft.Row(
                [
                    w.secondary("Kopie maken", "copy-make", make(False)),
                    w.secondary("Variant maken", "variant-make", make(True)),
                ],
                wrap=True,
                spacing=8,
            ),
        ],
        spacing=8,
        tight=True,
    )
