"""The advice screen: what you can do, why, the law, more help, and what next.

No dead ends: every advice shows further help, a way to a new question, and its actions. An
action whose screen is still being built (rights requests, municipality, record) opens that
feature's honest "komt binnenkort" screen and says so on the button.

When the user chose a municipality that has its own text for this advice (a municipal overlay,
``docs/overlays.md``), the advice is that municipality's version, and each local part is marked
"Lokale informatie van gemeente X".
"""

from __future__ import annotations

from urllib.parse import quote

import flet as ft

from privacyapp.engine import Action, AdviceNode, FlowSession
from privacyapp.views.flow.local import local_step
from privacyapp.views.flow.path import path_panel, route_for
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = ["action_route", "advice_view"]


def action_route(action: Action) -> tuple[str, str | None]:
    """(route or URL, feature module it needs) for an advice action."""
    if action.kind == "link":
        return action.url or "/", None
    if action.kind == "rights-request":
        route = f"/verzoek/{quote(action.request or '', safe='')}"
        if action.on_behalf is not None:  # a letter for the child or ward the user represents
            route += f"?namens={quote(str(action.on_behalf), safe='')}"
        return route, "rights"
    if action.kind == "municipality":
        return "/gemeente", "municipality"
    return f"/vraag/{quote(action.flow or '', safe='')}", None


def _numbered(steps: tuple[str, ...], scale: float = 1.0) -> list[ft.Control]:
    # The badge grows with the text size: at 200 % a fixed 28 px circle clipped its digit.
    size = round(28 * scale)
    return [
        ft.Row(
            [
                ft.Container(
                    content=ft.Text(str(i), color=ft.Colors.ON_PRIMARY, weight=ft.FontWeight.W_700),
                    bgcolor=ft.Colors.PRIMARY,
                    border_radius=size / 2,
                    width=size,
                    height=size,
                    alignment=ft.Alignment.CENTER,
                    key=f"step-badge-{i}",
                ),
                ft.Text(step, theme_style=ft.TextThemeStyle.BODY_LARGE, expand=True),
            ],
            spacing=12,
            vertical_alignment=ft.CrossAxisAlignment.START,
        )
        for i, step in enumerate(steps, start=1)
    ]


def _sources(ctx: ViewContext, node: AdviceNode) -> list[ft.Control]:
    registry = ctx.services.library.registry
    out: list[ft.Control] = []
    for i, source in enumerate(node.sources):
        citation = source.citation(registry)
        url = source.url(registry)
        law = registry.laws.get(source.law)
        if law is not None and law.kind == "bill":
            # A bill's citation already says "Wetsvoorstel"; add what is true, and since when.
            status = ctx.t("sources.bill_status")
            if law.checked_at is not None:
                status = ctx.t("sources.bill_checked", date=i18n.day_text(ctx.t, law.checked_at))
            citation += f" ({status})"
        out.append(w.link(citation, url, f"source-{i}") if url else w.body(citation))
        if source.note:
            out.append(w.muted(source.note))
    return out


def _help(ctx: ViewContext, node: AdviceNode) -> list[ft.Control]:
    routes = ctx.services.library.registry.help
    out: list[ft.Control] = []
    for key in node.help:
        route = routes.get(key)
        if route is None:
            continue
        parts: list[ft.Control] = [
            ft.Text(route.title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ]
        if route.description:
            parts.append(w.muted(route.description))
        links: list[ft.Control] = []
        if route.kind == "municipality":
            links.append(_feature_button(ctx, route.title, "/gemeente", key))
        if route.phone:
            tel = "tel:" + "".join(ch for ch in route.phone if ch.isdigit() or ch == "+")
            links.append(
                w.link(
                    ctx.t("advice.call", phone=route.phone),
                    tel,
                    f"help-{key}-phone",
                    icon=ft.Icons.PHONE,
                )
            )
        if route.url:
            links.append(w.link(route.url.removeprefix("https://"), route.url, f"help-{key}-web"))
        parts.append(ft.Row(links, wrap=True, spacing=4))
        out.append(ft.Column(parts, spacing=4))
    return out


def _feature_button(ctx: ViewContext, label: str, route: str, ident: str) -> ft.Control:
    return w.secondary(label, f"action-{ident}", lambda _: ctx.nav.go(route))


def _actions(ctx: ViewContext, session: FlowSession, node: AdviceNode) -> list[ft.Control]:
    out: list[ft.Control] = []
    for i, action in enumerate(node.actions):
        target, feature = action_route(action)
        if action.kind == "link":
            out.append(w.link(action.label, target, f"action-{i}"))
        elif feature is not None:
            out.append(_feature_button(ctx, action.label, target, str(i)))
        else:
            out.append(w.secondary(action.label, f"action-{i}", _go(ctx, target)))
    professional = (
        ctx.state.settings.audience == "professional" or "professional" in session.flow.audience
    )
    if professional and ctx.services.can_sign:  # no signing here: no dead button
        out.append(_feature_button(ctx, ctx.t("advice.record"), "/vastleggen", "record"))
    # issue 5: everyone may save the path (encrypted, behind the app lock)
    out.append(_feature_button(ctx, ctx.t("overview.save"), "/overzicht/bewaar", "save-path"))
    return out


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def _local_mark(ctx: ViewContext, name: str, ident: str) -> ft.Control:
    return w.notice(ctx.t("advice.local", name=name), ident=f"local-{ident}")


def _contacts(ctx: ViewContext, node: AdviceNode) -> list[ft.Control]:
    out: list[ft.Control] = []
    for i, contact in enumerate(node.contacts or ()):
        parts: list[ft.Control] = [
            ft.Text(contact.name, theme_style=ft.TextThemeStyle.TITLE_MEDIUM)
        ]
        links: list[ft.Control] = []
        if contact.phone:
            tel = "tel:" + "".join(ch for ch in contact.phone if ch.isdigit() or ch == "+")
            links.append(
                w.link(
                    ctx.t("advice.call", phone=contact.phone), tel, f"contact-{i}-phone",
                    icon=ft.Icons.PHONE,
                )
            )  # fmt: skip
        if contact.email:
            links.append(w.link(contact.email, f"mailto:{contact.email}", f"contact-{i}-email"))
        if contact.url:
            links.append(
                w.link(contact.url.removeprefix("https://"), contact.url, f"contact-{i}-web")
            )
        parts.append(ft.Row(links, wrap=True, spacing=4))
        if contact.note:
            parts.append(w.muted(contact.note))
        out.append(ft.Column(parts, spacing=4))
    return out


def advice_view(ctx: ViewContext, session: FlowSession, node: AdviceNode) -> ft.Control:
    """The advice at the end of a flow (``session.finished`` is true)."""
    node, local, name = local_step(ctx, session, node)

    def mark(field: str) -> list[ft.Control]:
        if local is None or not local.is_local(node.id, field):
            return []
        return [_local_mark(ctx, name, field)]

    ctx.title = node.title
    controls: list[ft.Control] = [
        w.muted(session.flow.title),
        w.heading(node.title, 1, ident="advice-title"),
    ]
    if node.summary:
        controls.extend([*mark("summary"), w.body(node.summary)])
    if note := i18n.own_text(ctx.t, "content.dutch_only"):
        controls.append(w.notice(note, ident="advice-dutch-only"))
    controls.append(
        w.section(
            ctx.t("advice.steps"),
            [*mark("steps"), *_numbered(node.steps, ctx.state.settings.text_scale)],
        )
    )
    controls.append(
        w.section(ctx.t("advice.why"), [*mark("explanation"), w.body(node.explanation)])
    )
    contacts = _contacts(ctx, node)
    if contacts:
        controls.append(w.section(ctx.t("advice.contacts"), [*mark("contacts"), *contacts]))
    if node.links:
        links = [
            w.link(link.label, link.url, f"local-link-{i}") for i, link in enumerate(node.links)
        ]
        controls.append(w.section(ctx.t("advice.links"), [*mark("links"), *links]))
    sources = _sources(ctx, node)
    if sources:
        controls.append(w.section(ctx.t("advice.sources"), sources))
    help_routes = _help(ctx, node)
    if help_routes:
        controls.append(w.section(ctx.t("advice.help"), help_routes))
    actions = _actions(ctx, session, node)
    actions.append(
        w.primary(
            ctx.t("advice.new_question"), "advice-new-question", _go(ctx, "/"), icon=ft.Icons.HOME
        )
    )
    controls.append(w.section(ctx.t("advice.actions"), actions))
    controls.append(
        ft.Row(
            [
                w.secondary(
                    ctx.t("flow.back"),
                    "flow-back",
                    lambda _: ctx.nav.back(),
                    icon=ft.Icons.ARROW_BACK,
                ),
                w.secondary(
                    ctx.t("flow.restart"),
                    "flow-restart",
                    lambda _: _restart(ctx, session),
                    icon=ft.Icons.RESTART_ALT,
                ),
            ],
            wrap=True,
            spacing=10,
            run_spacing=10,
        )
    )
    controls.append(path_panel(ctx, session))
    return w.page_body(controls)


def _restart(ctx: ViewContext, session: FlowSession) -> None:
    fresh = session.restart()
    ctx.state.set_session(fresh)
    ctx.nav.go(route_for(fresh))
