"""The fragment panel: before a building block that flows use is saved, the editor sees every
flow it reaches and chooses where the change counts.

A change to a building block (``flows/_fragments``) is held by ``autosave`` (never saved by
itself) when flows use it. This panel lists each of those flows: its title, the steps that use
the block ("via <basis>" for a variant, which follows its base), and what changes there (the
rendered diff of ``Studio.fragment_impact``). Then the editor chooses:

- "Overal wijzigen": the building block is saved, and every listed flow changes with it in
  this change set (one review, one publication);
- "Alleen in deze vragenlijst" (per flow): the new text is copied into that flow's own steps
  (``Studio.save_fragment(only_flow=...)``); the building block stays as it is.

A refusal of the service (someone saved first, a flow that no longer uses the block) is shown
in the screen's error summary, like any other refused save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import flet as ft

from privacyapp.studio.clusters import FlowImpact
from privacyapp.studio.errors import EditConflict, SignInFailed, StudioError
from privacyapp.views.studio.autosave import Held
from privacyapp.views.studio.diffview import diff_block
from privacyapp.views.studio.kit import Handler, w

if TYPE_CHECKING:
    from privacyapp.views.studio.context import UIContext

__all__ = ["impact_panel", "impact_title"]


def impact_title(held: Held) -> str:
    """ "Deze bouwsteen wordt gebruikt in 2 vragenlijsten" (several blocks: "bouwstenen")."""
    count = len(held.flows)
    flows = "1 vragenlijst" if count == 1 else f"{count} vragenlijsten"
    if len(held.impact) == 1:
        return f"Deze bouwsteen wordt gebruikt in {flows}"
    return f"Deze bouwstenen worden gebruikt in {flows}"


def _choose(ui: UIContext, cs_id: int, path: str, only_flow: str | None) -> Handler:
    def run(_: object) -> None:
        ui.state.error, ui.state.error_lines = None, []
        try:
            ui.current_user()
            ui.autosave.decide(cs_id, path, only_flow)
        except SignInFailed as exc:
            ui.sign_out_locally(str(exc))
            return
        except EditConflict as exc:
            ui.state.error = str(exc)
        except StudioError as exc:  # InvalidInput, NotFound, WrongState
            ui.state.error = f"Niet opgeslagen: {exc}"
            ui.autosave.status = ui.state.error
        ui.render()

    return run


def _flow_block(ui: UIContext, cs_id: int, path: str, flow: FlowImpact) -> ft.Control:
    steps = ", ".join(flow.nodes)
    used = f"Gebruikt in stap {steps}" if len(flow.nodes) == 1 else f"Gebruikt in stappen {steps}"
    rows: list[ft.Control] = [
        diff_block(flow.diff, f"impact-{flow.flow_id}", flow.title),
        ft.Semantics(
            identifier=f"impact-uses-{flow.flow_id}",
            content=w.muted(
                f"{used}, via {flow.via}: deze vragenlijst is een variant van {flow.via} en "
                "volgt die."
                if flow.via is not None
                else f"{used}."
            ),
        ),
    ]
    if flow.via is None:
        rows.append(
            w.secondary(
                "Alleen in deze vragenlijst",
                f"impact-only-{flow.flow_id}",
                _choose(ui, cs_id, path, flow.flow_id),
            )
        )
    else:  # its own file does not use the block: copying goes into the base
        rows.append(
            w.muted(
                f"Wil je dit alleen hier? Kies dan bij {flow.via} voor 'Alleen in deze "
                "vragenlijst'. De variant krijgt de nieuwe tekst dan mee."
            )
        )
    return ft.Container(
        content=ft.Column(rows, spacing=6, tight=True),
        padding=12,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=8,
    )


def impact_panel(ui: UIContext, cs_id: int, path: str) -> ft.Control | None:
    """The flows a held building-block change reaches, and the choice (None: nothing held)."""
    held = ui.state.held.get((cs_id, path))
    if held is None:
        return None
    flows = held.flows
    blocks = ", ".join(i.fragment_id for i in held.impact)
    rows: list[ft.Control] = [
        w.heading(impact_title(held), 2, ident="impact-title"),
        w.body(
            f"Je wijziging in {blocks} is nog niet opgeslagen. Hieronder zie je per vragenlijst "
            "wat er verandert. Kies waar de wijziging moet gelden."
        ),
        ft.Row(
            [w.primary("Overal wijzigen", "impact-everywhere", _choose(ui, cs_id, path, None))],
            wrap=True,
        ),
        w.muted(
            "Overal wijzigen: alle vragenlijsten hieronder krijgen de nieuwe tekst, in dit "
            "voorstel. Een jurist beoordeelt ze samen, en ze worden samen gepubliceerd."
        ),
    ]
    rows += [_flow_block(ui, cs_id, path, flow) for flow in flows]
    return ft.Semantics(
        identifier="impact",
        container=True,
        content=ft.Column(rows, spacing=10, tight=True),
    )
