"""The studio's screens: the route dispatch, the frame, sign-in and the list of change sets.

Builders take the tab's :class:`UIContext` and return controls; tests build them without a
Flet client. Texts are Dutch at B1 level, with "je", and never use git words.
"""

from __future__ import annotations

from collections.abc import Callable

import flet as ft

from privacyapp.studio.model import ROLE_LABELS, ROLES, ChangeSet
from privacyapp.views.kit.tasks import run_task
from privacyapp.views.studio import editor, oidc, overlays, preview
from privacyapp.views.studio.admin import admin_view, history_view
from privacyapp.views.studio.changeset import change_set_view
from privacyapp.views.studio.context import UIContext, split_route
from privacyapp.views.studio.kit import error_summary, field, w

__all__ = ["build"]


def build(ui: UIContext) -> ft.Control:
    """The screen for ``ui.state.route``."""
    parts, query = split_route(ui.state.route)
    if ui.state.token is None or ui.state.user is None:
        return sign_in_view(ui)
    try:
        ui.current_user()
    except Exception:  # a session that ended: the controller shows the sign-in screen
        ui.state.token = None
        return sign_in_view(ui)
    if parts[:1] == ["voorstel"] and len(parts) >= 2 and parts[1].isdigit():
        cs_id = int(parts[1])
        if parts[2:] == ["bestand"]:
            return _frame(ui, editor.editor_view(ui, cs_id, query.get("pad"), query.get("stap")))
        if parts[2:] == ["gemeente"]:
            return _frame(ui, overlays.overlay_view(ui, cs_id))
        if parts[2:] == ["voorbeeld"]:
            return _frame(ui, preview.preview_view(ui, cs_id, query.get("pad"), query.get("stap")))
        return _frame(ui, change_set_view(ui, cs_id))
    if parts == ["beheer"]:
        return _frame(ui, admin_view(ui))
    if parts == ["geschiedenis"]:
        return _frame(ui, history_view(ui))
    return _frame(ui, list_view(ui))


def _frame(ui: UIContext, content: ft.Control) -> ft.Control:
    user = ui.state.user
    assert user is not None
    roles = ", ".join(ROLE_LABELS[r].lower() for r in ROLES if r in user.roles)
    bar: list[ft.Control] = [
        w.secondary("Wijzigingsvoorstellen", "nav-list", lambda _: ui.go("/")),
        w.secondary("Gepubliceerde versies", "nav-history", lambda _: ui.go("/geschiedenis")),
    ]
    if user.has("beheerder"):
        bar.append(w.secondary("Accounts", "nav-admin", lambda _: ui.go("/beheer")))
    bar.append(w.secondary("Afmelden", "nav-sign-out", lambda _: ui.sign_out()))
    top: list[ft.Control] = [
        ft.Row(bar, wrap=True, spacing=8, run_spacing=8),
        w.muted(f"Aangemeld als {user.display_name} ({roles})"),
    ]
    if ui.state.notice:
        top.append(w.notice(ui.state.notice, ident="notice"))
    if ui.state.error:
        lines = [(line, "", None) for line in ui.state.error_lines]
        top.append(error_summary("error", ui.state.error, lines))
    return w.page_body([*top, content])


# ---------------------------------------------------------------------- sign-in


def sign_in_view(ui: UIContext) -> ft.Control:
    values = ui.state.values

    def keep(key: str) -> Callable[[str], None]:
        return lambda text: values.__setitem__(key, text)

    def submit(_: object) -> None:
        ui.sign_in(ui.state.text("name"), ui.state.text("password"))

    controls: list[ft.Control] = [
        w.heading("Redactiestudio PrivacyApp", 1, ident="sign-in-title"),
        w.body("Meld je aan met je naam en wachtwoord."),
    ]
    if ui.state.notice:
        controls.append(w.notice(ui.state.notice, ident="notice"))
    if ui.state.error:
        controls.append(error_summary("sign-in-error", ui.state.error, []))
    controls += [
        field("sign-in-name", "Naam", ui.state.text("name"), keep("name")),
        field(
            "sign-in-password",
            "Wachtwoord",
            ui.state.text("password"),
            keep("password"),
            password=True,
            on_submit=submit,
        ),
        w.primary("Aanmelden", "sign-in-submit", submit),
    ]
    if ui.studio.oidc is not None:
        controls += [
            w.body("Of meld je aan met het account van je organisatie."),
            w.secondary(
                f"Aanmelden met {ui.studio.oidc.name}",
                "sign-in-oidc",
                lambda _: run_task(ui.page, oidc.start, ui),
            ),
        ]
    return w.page_body(controls)


# ---------------------------------------------------------------------- change sets


def list_view(ui: UIContext) -> ft.Control:
    user = ui.state.user
    assert user is not None
    values = ui.state.values
    controls: list[ft.Control] = [w.heading("Wijzigingsvoorstellen", 1, ident="list-title")]
    if user.has("auteur") or user.has("gemeenteredacteur"):

        def create(_: object) -> None:
            made: list[ChangeSet] = []
            title = ui.state.text("new-title")
            if ui.run(lambda: made.append(ui.studio.new_change_set(user, title))):
                ui.go(f"/voorstel/{made[0].id}")

        controls += [
            w.heading("Nieuw voorstel", 2),
            field(
                "list-new-title",
                "Titel: wat wil je veranderen?",
                ui.state.text("new-title"),
                lambda text: values.__setitem__("new-title", text),
            ),
            w.primary("Voorstel maken", "list-new", create),
        ]
    sets = ui.studio.change_sets()
    if not sets:
        controls.append(w.body("Er zijn nog geen voorstellen."))
    for cs in sets:
        controls.append(
            w.choice(
                f"{cs.title} — {cs.state_label}",
                f"list-open-{cs.id}",
                ui.to(f"/voorstel/{cs.id}"),
                description=f"Voorstel {cs.id}, van {cs.created_by}, bijgewerkt {cs.updated_at}",
            )
        )
    return ft.Column(controls, spacing=14, tight=True)
