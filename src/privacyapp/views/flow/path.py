"""The path a user took through a flow: its route, and the folded panel that lists it.

Shared by the flow player and the advice screen (both show the path so far).
"""

from __future__ import annotations

from urllib.parse import quote

import flet as ft

from privacyapp.engine import Answer, FlowSession
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = ["ANSWER_KEYS", "answer_label", "path_panel", "route_for"]

#: Checklist answers and the UI key that names each (``flow.checklist.<name>``).
ANSWER_KEYS = ((Answer.YES, "yes"), (Answer.NO, "no"), (Answer.UNKNOWN, "unknown"))


def route_for(session: FlowSession) -> str:
    """The route of the step a session is at (the first step has the flow's own route)."""
    base = f"/vraag/{quote(session.flow.id, safe='')}"
    if session.current_id == session.flow.start and not session.steps:
        return base
    return f"{base}/{quote(session.current_id, safe='')}"


def answer_label(ctx: ViewContext, answer: Answer) -> str:
    """A checklist answer as the buttons say it (the engine's label is Dutch: ``ja``)."""
    name = dict(ANSWER_KEYS)[answer]
    return i18n.from_dutch(ctx.t, f"flow.checklist.{name}", answer.label)


def path_panel(ctx: ViewContext, session: FlowSession, ident: str = "flow-path") -> ft.Control:
    """The path so far, folded away until the user opens it."""
    rows: list[ft.Control] = []
    for step in session.steps:
        if step.kind == "question":
            rows.append(ft.Text(f"{step.prompt} — {step.answer_label}", selectable=True))
        elif step.kind == "checklist":
            rows.append(ft.Text(step.prompt, weight=ft.FontWeight.W_600))
            rows.extend(
                ft.Text(
                    f"• {c.text} — {answer_label(ctx, c.answer)}"
                    + (f" ({c.note})" if c.note else "")
                )
                for c in step.checklist
            )
        else:
            rows.append(ft.Text(step.prompt))
    if not rows:
        rows.append(w.muted(ctx.t("flow.path.empty")))
    tile = ft.ExpansionTile(
        title=ft.Text(ctx.t("flow.path"), theme_style=ft.TextThemeStyle.TITLE_SMALL),
        leading=ft.Icon(ft.Icons.ROUTE),
        controls=[ft.Column(rows, spacing=6)],
        controls_padding=ft.Padding.only(left=16, right=16, bottom=12),
        expanded_cross_axis_alignment=ft.CrossAxisAlignment.START,
        min_tile_height=48,
    )
    return ft.Semantics(identifier=ident, key=ident, content=tile)
