"""The gemeenteredacteur's screen: the municipality's own text in national flows.

Route ``/voorstel/<id>/gemeente``. Per national flow with adaptable parts, every part shows
whether it follows the national text ("Landelijk"), has the municipality's own text ("Eigen
tekst") or was changed nationally since ("Landelijke versie gewijzigd"). Own text is typed in a
field per part and saved into the change set; a conflict shows the old national text, the new
national text and the own text side by side, with "Eigen tekst houden" or "Landelijke tekst
overnemen" per part and one button to process the choices. The service layer enforces the
rules (only adaptable parts, only the own municipality); this screen only shows them.
"""

from __future__ import annotations

import flet as ft

from privacyapp.studio.overlays import (
    Choice,
    FlowOverlay,
    OverlayPart,
    value_from_text,
    value_to_text,
)
from privacyapp.views.studio.context import UIContext
from privacyapp.views.studio.kit import Handler, field, w

__all__ = ["overlay_view"]

STATUS = {
    "inherited": "Landelijk: volgt de landelijke tekst",
    "local": "Eigen tekst",
    "conflict": "Landelijke versie gewijzigd",
}


def _ident(part: OverlayPart) -> str:
    return f"{part.node}-{part.field}"


def overlay_view(ui: UIContext, cs_id: int) -> ft.Control:
    user = ui.state.user
    assert user is not None
    code = user.municipality
    if code is None:
        return w.body("Je account hoort bij geen gemeente. Vraag de beheerder.")
    cs = ui.studio.change_set(cs_id, with_checks=False)
    shown = ui.studio.overlay(cs_id, code)
    controls: list[ft.Control] = [
        w.secondary("Terug naar het voorstel", "local-back", ui.to(f"/voorstel/{cs_id}")),
        w.heading(f"Lokale tekst van {shown.name} ({code})", 1, ident="local-title"),
        w.body(
            "Hier pas je de delen aan die de landelijke redactie aanpasbaar maakte. Andere "
            "delen volgen altijd de landelijke tekst."
        ),
    ]
    if shown.conflicts:
        names = ", ".join(f.title for f in shown.conflicts)
        controls.append(
            w.notice(
                f"Landelijke versie gewijzigd in: {names}. Kies per deel wat blijft.",
                ident="local-conflicts",
            )  # fmt: skip
        )
    for problem in shown.problems:
        controls.append(w.muted(problem))
    for item in shown.flows:
        controls.append(_flow(ui, cs_id, cs.version, item))
    return ft.Column(controls, spacing=14, tight=True)


def _flow(ui: UIContext, cs_id: int, version: str, item: FlowOverlay) -> ft.Control:
    controls: list[ft.Control] = [
        w.heading(item.title, 2, ident=f"local-flow-{item.flow_id}"),
        w.muted(
            f"Landelijke versie {item.national_version}"
            + (
                f"; jouw tekst is gemaakt op versie {item.pinned_version}"
                if item.pinned_version
                else ""
            )  # fmt: skip
        ),
    ]
    if item.conflicts:
        controls.append(_conflicts(ui, cs_id, version, item))
    for part in item.parts:
        if part.status != "conflict":
            controls.append(_part(ui, cs_id, version, item.flow_id, part, blocked=bool(
                item.conflicts)))  # fmt: skip
    return ft.Container(
        content=ft.Column(controls, spacing=10, tight=True),
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=10,
        padding=14,
    )


def _part(
    ui: UIContext, cs_id: int, version: str, flow_id: str, part: OverlayPart, *, blocked: bool
) -> ft.Control:
    user = ui.state.user
    assert user is not None
    values = ui.state.values
    key = f"local#{flow_id}#{part.name}"
    ident = f"local-{flow_id}-{_ident(part)}"
    typed = values.get(key)
    text = typed if isinstance(typed, str) else value_to_text(part.field, part.local)
    hint = {
        "steps": "Eén stap per regel.",
        "contacts": "Per regel: naam | telefoon | e-mail | website",
        "links": "Per regel: tekst | https://…",
    }.get(part.field)
    status = STATUS[part.status]

    def save(_: object) -> None:
        now = values.get(key)
        value = value_from_text(part.field, now if isinstance(now, str) else text)
        ui.run(
            lambda: ui.studio.set_local_part(
                user, cs_id, flow_id, part.node, part.field, value, expected_version=version
            ),
            notice=f"Opgeslagen: {part.label}.",
        )
        values.pop(key, None)

    def national(_: object) -> None:
        ui.run(
            lambda: ui.studio.set_local_part(
                user, cs_id, flow_id, part.node, part.field, None, expected_version=version
            ),
            notice=f"{part.label} volgt weer de landelijke tekst.",
        )
        values.pop(key, None)

    controls: list[ft.Control] = [
        ft.Text(part.label, theme_style=ft.TextThemeStyle.TITLE_SMALL),
        w.muted(status),
        w.muted("Landelijke tekst: " + (value_to_text(part.field, part.national) or "(leeg)")),
    ]
    if blocked:
        return ft.Column(controls, spacing=4, tight=True)
    controls += [
        field(
            ident,
            "Eigen tekst",
            text,
            lambda t: values.__setitem__(key, t),
            multiline=True,
            hint=hint,
        ),  # fmt: skip
        ft.Row(
            [
                w.primary("Opslaan", f"{ident}-save", save),
                *(
                    [w.secondary("Landelijke tekst gebruiken", f"{ident}-national", national)]
                    if part.status == "local"
                    else []
                ),
            ],
            wrap=True,
            spacing=8,
        ),
    ]
    return ft.Column(controls, spacing=6, tight=True)


def _column(title: str, text: str, ident: str) -> ft.Control:
    return ft.Container(
        content=ft.Column(
            [ft.Text(title, theme_style=ft.TextThemeStyle.LABEL_LARGE), w.body(text or "(leeg)")],
            spacing=4,
            tight=True,
        ),
        width=300,
        padding=10,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=8,
        key=ident,
    )


def _conflicts(ui: UIContext, cs_id: int, version: str, item: FlowOverlay) -> ft.Control:
    user = ui.state.user
    assert user is not None
    values = ui.state.values
    controls: list[ft.Control] = [
        w.notice("Landelijke versie gewijzigd", ident=f"local-{item.flow_id}-changed"),
        w.body(
            "De landelijke redactie heeft delen gewijzigd waarvoor jullie eigen tekst hebben. "
            "Tot je kiest, ziet de app van jullie gemeente de oude versie van deze vraag."
        ),
    ]
    for part in item.conflicts:
        key = f"choice#{item.flow_id}#{part.name}"
        ident = f"local-{item.flow_id}-{_ident(part)}"
        chosen = values.get(key)

        def choose(choice: str, key: str = key) -> Handler:
            def run(_: object) -> None:
                values[key] = choice
                ui.refresh()

            return run

        labels = {"keep": "Eigen tekst houden", "take": "Landelijke tekst overnemen"}
        controls += [
            ft.Text(part.label, theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Row(
                [
                    _column(
                        "Oude landelijke tekst",
                        value_to_text(part.field, part.base),
                        f"{ident}-old",
                    ),
                    _column(
                        "Nieuwe landelijke tekst",
                        value_to_text(part.field, part.national),
                        f"{ident}-new",
                    ),
                    _column(
                        "Jullie tekst", value_to_text(part.field, part.local), f"{ident}-local"
                    ),
                ],  # fmt: skip
                wrap=True,
                spacing=8,
                run_spacing=8,
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
            ft.Row(
                [
                    (w.primary if chosen == choice else w.secondary)(
                        ("✓ " if chosen == choice else "") + label,
                        f"{ident}-{choice}",
                        choose(choice),
                    )  # fmt: skip
                    for choice, label in labels.items()
                ],
                wrap=True,
                spacing=8,
            ),
        ]

    def process(_: object) -> None:
        choices: dict[str, Choice] = {}
        for p in item.conflicts:
            chosen = values.get(f"choice#{item.flow_id}#{p.name}")
            if chosen == "keep" or chosen == "take":
                choices[p.name] = chosen
        if ui.run(
            lambda: ui.studio.resolve_overlay(
                user, cs_id, item.flow_id, choices, expected_version=version
            ),
            notice="Verwerkt. Dien het voorstel in om het te laten publiceren.",
        ):
            for p in item.conflicts:
                values.pop(f"choice#{item.flow_id}#{p.name}", None)

    controls.append(w.primary("Keuzes verwerken", f"local-{item.flow_id}-resolve", process))
    return ft.Column(controls, spacing=8, tight=True)
