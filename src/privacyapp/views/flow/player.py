"""The flow player: one step per screen (question, info, checklist), back, restart, progress.

Routes: ``/vraag/<flow>`` is the first step, ``/vraag/<flow>/<node>`` every further step and the
advice. :func:`enter_step` keeps the session in line with the URL so that browser back/forward
shows exactly the step (and answers) the user saw; handlers replace the immutable session and go
to the new step's route. The advice screen is in ``views/advice.py``.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from privacyapp.engine import (
    AdviceNode,
    Answer,
    ChecklistNode,
    Flow,
    FlowSession,
    InfoNode,
    InvalidAnswer,
    QuestionNode,
)
from privacyapp.views.flow.advice import advice_view
from privacyapp.views.flow.local import local_step
from privacyapp.views.flow.path import ANSWER_KEYS, path_panel, route_for
from privacyapp.views.flow.state import ChecklistDraft, FlowState
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = [
    "ChecklistDraft",
    "back_step",
    "enter_step",
    "step_view",
]


def _flow(ctx: ViewContext) -> Flow | None:
    flow_id = ctx.params.get("flow", "")
    library = ctx.services.library
    return library.get(flow_id) if flow_id in library else None


def enter_step(ctx: ViewContext) -> str | None:
    """Bring ``state.session`` in line with the route (deep link, back/forward, restart)."""
    flow = _flow(ctx)
    if flow is None:
        return None  # the builder says the question does not exist
    target = ctx.params.get("node") or flow.start
    state = ctx.state
    current = state.session
    if current is not None and current.flow.id == flow.id and current.current_id == target:
        return None
    for earlier in reversed(state.timeline):
        if earlier.flow.id == flow.id and earlier.current_id == target:
            state.session = earlier
            return None
    session = FlowSession.start(
        flow, content_hash=ctx.services.library.content_hash, clock=ctx.services.clock
    )
    state.set_session(session)
    if target != flow.start:
        # A link to a step this visit never reached: begin at the start, and say so.
        state.features.get(FlowState).restarted = flow.id
        return route_for(session)
    return None


def back_step(ctx: ViewContext) -> str | None:
    """Back from a step: the previous step, or the question list at the first step."""
    session = ctx.state.session
    flow = _flow(ctx)
    if session is None or flow is None or session.flow.id != flow.id or not session.can_go_back:
        return f"/vragen/{flow.sector}" if flow is not None else "/vragen"
    previous = session.back()
    ctx.state.set_session(previous)
    return route_for(previous)


def _move(ctx: ViewContext, session: FlowSession) -> None:
    ctx.state.set_session(session)
    ctx.state.features.get(FlowState).restarted = None
    ctx.nav.go(route_for(session))


def _progress(ctx: ViewContext, session: FlowSession) -> ft.Control:
    progress = session.progress
    total = progress.step + progress.remaining_max - 1
    text = (
        ctx.t("flow.progress.of", step=progress.step, total=total)
        if total > progress.step
        else ctx.t("flow.progress", step=progress.step)
    )
    return ft.Column(
        [
            w.muted(f"{session.flow.title} · {text}"),
            ft.ProgressBar(
                value=progress.fraction, bar_height=6, border_radius=3, semantics_label=text
            ),
        ],
        spacing=6,
    )


def _footer(ctx: ViewContext, session: FlowSession) -> ft.Control:
    buttons: list[ft.Control] = []
    if session.can_go_back:
        buttons.append(
            w.secondary(
                ctx.t("flow.back"), "flow-back", lambda _: ctx.nav.back(), icon=ft.Icons.ARROW_BACK
            )
        )
    buttons.append(
        w.secondary(
            ctx.t("flow.restart"),
            "flow-restart",
            lambda _: _move(ctx, session.restart()),
            icon=ft.Icons.RESTART_ALT,
        )
    )
    # Keyed here, on a diffed screen only: going back to the first step drops "back" instead of
    # rewriting it into "restart". Not in ``widgets._button``: on screens that are sent whole,
    # keyed buttons made the web client reuse the wrong widgets (a garbled overview, seen once).
    for button in buttons:
        button.key = button.identifier  # type: ignore[attr-defined]
    return ft.Row(buttons, wrap=True, spacing=10, run_spacing=10, key="flow-footer")


def step_view(ctx: ViewContext) -> ft.Control:
    """The screen for the current step of ``/vraag/<flow>[/<node>]``."""
    flow = _flow(ctx)
    session = ctx.state.session
    if flow is None or session is None or session.flow.id != flow.id:
        return w.page_body(
            [
                w.heading(ctx.t("notfound.title"), 1, ident="flow-unknown-title"),
                w.body(ctx.t("flow.unknown")),
                w.primary(ctx.t("nav.home"), "flow-unknown-home", lambda _: ctx.nav.go("/")),
            ]
        )
    node = session.current
    if isinstance(node, AdviceNode):
        return advice_view(ctx, session, node)
    controls: list[ft.Control] = [_progress(ctx, session)]
    if ctx.state.features.get(FlowState).restarted == flow.id:
        controls.append(w.notice(ctx.t("flow.resume"), ident="flow-resume"))
    node, local, name = local_step(ctx, session, node)
    if local is not None and node.id in local.local_nodes():  # the municipality's own text
        controls.append(w.notice(ctx.t("advice.local", name=name), ident="local-step"))
    if isinstance(node, QuestionNode):
        controls += _question(ctx, session, node)
    elif isinstance(node, InfoNode):
        controls += _info(ctx, session, node)
    elif isinstance(node, ChecklistNode):
        controls += _checklist(ctx, session, node)
    controls += [_footer(ctx, session), path_panel(ctx, session)]
    return w.page_body(controls)


def _question(ctx: ViewContext, session: FlowSession, node: QuestionNode) -> list[ft.Control]:
    ctx.title = node.text
    out: list[ft.Control] = [w.heading(node.text, 1, ident="step-title")]
    if node.help:
        out.append(w.notice(node.help, ident="step-help", icon=ft.Icons.LIGHTBULB_OUTLINE))

    def choose(index: int) -> w.Handler:
        return lambda _: _move(ctx, session.answer(index))

    scale = ctx.row_scale
    out += [
        w.choice(choice.label, f"answer-{i}", choose(i), description=choice.help, text_scale=scale)
        for i, choice in enumerate(node.choices)
    ]
    return out


def _info(ctx: ViewContext, session: FlowSession, node: InfoNode) -> list[ft.Control]:
    ctx.title = node.title
    return [
        w.heading(node.title, 1, ident="step-title"),
        w.body(node.text),
        w.primary(
            ctx.t("flow.next"),
            "flow-next",
            lambda _: _move(ctx, session.proceed()),
            icon=ft.Icons.ARROW_FORWARD,
        ),
    ]


_ITEM_BORDER = ft.Border.all(1, ft.Colors.OUTLINE)  # shared, never changed (as in widgets)


def _draft(ctx: ViewContext, session: FlowSession) -> ChecklistDraft:
    drafts = ctx.state.features.get(FlowState).drafts
    return drafts.setdefault(f"{session.flow.id}/{session.current_id}", ChecklistDraft())


def _checklist(ctx: ViewContext, session: FlowSession, node: ChecklistNode) -> list[ft.Control]:
    ctx.title = node.title
    draft = _draft(ctx, session)
    answers, notes = draft.answers, draft.notes
    out: list[ft.Control] = [w.heading(node.title, 1, ident="step-title")]
    if node.intro:
        out.append(w.body(node.intro))

    def pick(item_id: str, answer: Answer) -> w.Handler:
        def handler(_: object) -> None:
            answers[item_id] = answer
            draft.error = False
            ctx.nav.refresh()

        return handler

    def keep_note(item_id: str) -> Callable[[ft.Event[ft.TextField]], None]:
        def handler(e: ft.Event[ft.TextField]) -> None:
            notes[item_id] = str(e.control.value or "")

        return handler

    for number, item in enumerate(node.items, start=1):
        options = w.options(
            [
                w.option(
                    ctx.t(f"flow.checklist.{name}"),
                    f"check-{item.id}-{name}",
                    answers.get(item.id) == answer,
                    pick(item.id, answer),
                )
                for answer, name in ANSWER_KEYS
            ]
        )
        note = ft.TextField(
            label=ctx.t("flow.checklist.note"),
            value=notes.get(item.id, ""),
            multiline=True,
            min_lines=1,
            max_lines=4,
            on_change=keep_note(item.id),
        )
        parts: list[ft.Control] = [w.heading(f"{number}. {item.text}", 2)]
        if item.help:
            parts.append(w.muted(item.help))
        parts += [options, ft.Semantics(identifier=f"check-{item.id}-note", content=note)]
        out.append(
            ft.Container(
                content=ft.Column(
                    parts, spacing=10, horizontal_alignment=ft.CrossAxisAlignment.STRETCH
                ),
                padding=14,
                border=_ITEM_BORDER,
                border_radius=12,
                bgcolor=ft.Colors.SURFACE,
            )
        )
    if draft.error:
        out.append(
            ft.Semantics(
                live_region=True,
                content=w.notice(
                    ctx.t("flow.checklist.missing"),
                    ident="checklist-missing",
                    icon=ft.Icons.ERROR_OUTLINE,
                ),
            )
        )

    def done(_: object) -> None:
        try:
            moved = session.answer_checklist(dict(answers), dict(notes))
        except InvalidAnswer:
            draft.error = True
            ctx.nav.refresh()
            return
        _move(ctx, moved)

    out.append(
        w.primary(ctx.t("flow.checklist.done"), "checklist-done", done, icon=ft.Icons.ARROW_FORWARD)
    )
    return out
