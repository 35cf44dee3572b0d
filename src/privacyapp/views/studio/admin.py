"""The studio's published versions (history, restore) and its accounts screen (beheerder).

Texts are Dutch at B1 level, with "je", and never use git words.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import flet as ft

from privacyapp.studio.model import ROLE_LABELS, ROLES, ChangeSet
from privacyapp.views.studio.context import UIContext
from privacyapp.views.studio.kit import Handler, field, w

__all__ = ["admin_view", "history_view"]


# ---------------------------------------------------------------------- history, accounts


def history_view(ui: UIContext) -> ft.Control:
    studio, user = ui.studio, ui.state.user
    assert user is not None
    controls: list[ft.Control] = [w.heading("Gepubliceerde versies", 1, ident="history-title")]
    publications = studio.history()
    if not publications:
        controls.append(w.body("Er is nog niets gepubliceerd vanuit de studio."))
    for pub in publications:
        controls.append(
            w.body(
                f"Inhoud {pub.content_version}: voorstel {pub.change_set}, "
                f"door {pub.author} op {pub.at}"
            )
        )
        kept = studio.review_file(pub)
        if kept.is_file():  # already made: no PDF library needed to hand it over

            def download(_: object, file: Path = kept) -> None:
                ui.save_file(file.name, file.read_bytes())

            controls.append(
                w.secondary(
                    "Beoordelingsdocument van deze publicatie (PDF)",
                    f"history-review-{pub.id}",
                    download,
                )
            )
        else:  # published before the studio kept one, or the file was removed
            controls.append(
                ft.Semantics(
                    identifier=f"history-review-{pub.id}",
                    content=w.muted("Bij deze publicatie is geen beoordelingsdocument bewaard."),
                )
            )
        if user.has("auteur") or user.has("publicist"):

            def restore(_: object, pid: int = pub.id) -> None:
                made: list[ChangeSet] = []
                if ui.run(lambda: made.append(studio.restore(user, pid))):
                    ui.go(f"/voorstel/{made[0].id}")

            controls.append(
                w.secondary(
                    "Zet deze versie terug (nieuw voorstel)", f"history-restore-{pub.id}", restore
                )
            )
    return ft.Column(controls, spacing=12, tight=True)


def _toggle(ui: UIContext, name: str, active: bool) -> Handler:
    user = ui.state.user

    def run(_: object) -> None:
        ui.run(lambda: ui.studio.update_account(user, name, active=active))

    return run


def admin_view(ui: UIContext) -> ft.Control:
    studio, user = ui.studio, ui.state.user
    assert user is not None
    values = ui.state.values
    controls: list[ft.Control] = [w.heading("Accounts", 1, ident="admin-title")]
    if not user.has("beheerder"):
        return ft.Column([*controls, w.body("Alleen een beheerder ziet de accounts.")])
    for account in studio.accounts(user):
        roles = ", ".join(ROLE_LABELS[r] for r in ROLES if r in account.roles)
        state = "" if account.active else " (geblokkeerd)"
        row: list[ft.Control] = [w.body(f"{account.display_name} ({account.name}): {roles}{state}")]
        if account.name != user.name:
            row.append(
                w.secondary(
                    "Blokkeren" if account.active else "Vrijgeven",
                    f"admin-toggle-{account.name}",
                    _toggle(ui, account.name, not account.active),
                )
            )
        controls.append(ft.Row(row, wrap=True))
    controls.append(w.heading("Nieuw account", 2))

    def keep(key: str) -> Callable[[str], None]:
        return lambda text: values.__setitem__(key, text)

    controls += [
        field(
            "admin-name", "Accountnaam (kleine letters)", ui.state.text("a-name"), keep("a-name")
        ),
        field("admin-display", "Volledige naam", ui.state.text("a-display"), keep("a-display")),
        field(
            "admin-password",
            "Eerste wachtwoord (minstens 12 tekens)",
            ui.state.text("a-password"),
            keep("a-password"),
            password=True,
        ),
        field(
            "admin-municipality",
            "Gemeentecode (alleen voor een gemeenteredacteur, bv. GM0363)",
            ui.state.text("a-municipality"),
            keep("a-municipality"),
        ),  # fmt: skip
    ]
    found = values.get("a-roles")
    chosen: set[str] = found if isinstance(found, set) else set()
    values["a-roles"] = chosen

    def toggle(role: str) -> Callable[[ft.Event[ft.Checkbox]], None]:
        # no re-render: the checkbox keeps its own state, so a quick next click is never lost
        def run(e: ft.Event[ft.Checkbox]) -> None:
            if e.control.value:
                chosen.add(role)
            else:
                chosen.discard(role)

        return run

    controls.append(
        ft.Row(
            [
                ft.Semantics(
                    identifier=f"admin-role-{r}",
                    content=ft.Checkbox(
                        label=ROLE_LABELS[r], value=r in chosen, on_change=toggle(r)
                    ),
                )
                for r in ROLES
            ],
            wrap=True,
        )
    )

    def create(_: object) -> None:
        done = ui.run(
            lambda: studio.add_account(
                ui.state.text("a-name"),
                ui.state.text("a-password"),
                sorted(chosen),
                display_name=ui.state.text("a-display") or None,
                by=user,
                municipality=ui.state.text("a-municipality") or None,
            ),
            notice=f"Account {values.get('a-name', '')} is aangemaakt.",
        )
        if done:
            for key in ("a-name", "a-display", "a-password", "a-municipality"):
                values[key] = ""
            chosen.clear()
            ui.render()

    controls.append(w.primary("Account maken", "admin-create", create))
    return ft.Column(controls, spacing=12, tight=True)
