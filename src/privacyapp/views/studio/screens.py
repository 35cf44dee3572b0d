"""The studio's screens: sign-in, change sets, overview and review, history, accounts.

Builders take the tab's :class:`UIContext` and return controls; tests build them without a
Flet client. Texts are Dutch at B1 level, with "je", and never use git words.
"""

from __future__ import annotations

from typing import Any

import flet as ft

from privacyapp.studio.diff import FileDiff
from privacyapp.studio.errors import StudioError
from privacyapp.studio.messages import dutch
from privacyapp.studio.model import ROLE_LABELS, ROLES, ChangeSet
from privacyapp.views.studio import editor, overlays, preview
from privacyapp.views.studio.context import UIContext, split_route
from privacyapp.views.studio.editor import locate
from privacyapp.views.studio.kit import error_summary, field, w

__all__ = ["build"]

ACTION_LABELS = {
    "voorstel-gemaakt": "maakte het voorstel",
    "opgeslagen": "sloeg een wijziging op",
    "opslaan-geweigerd": "kon niet opslaan (iemand anders was eerder)",
    "ingediend": "diende het voorstel in",
    "goedgekeurd": "keurde het voorstel goed",
    "wijzigingen-gevraagd": "vroeg om wijzigingen",
    "opmerking": "schreef een opmerking",
    "gepubliceerd": "publiceerde het voorstel",
    "terugzetten-gestart": "begon met terugzetten",
}


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

    def keep(key: str) -> Any:
        return lambda text: values.__setitem__(key, text)

    def submit(_: Any) -> None:
        ui.sign_in(values.get("name", ""), values.get("password", ""))

    controls: list[ft.Control] = [
        w.heading("Redactiestudio PrivacyApp", 1, ident="sign-in-title"),
        w.body("Meld je aan met je naam en wachtwoord."),
    ]
    if ui.state.notice:
        controls.append(w.notice(ui.state.notice, ident="notice"))
    if ui.state.error:
        controls.append(error_summary("sign-in-error", ui.state.error, []))
    controls += [
        field("sign-in-name", "Naam", values.get("name", ""), keep("name")),
        field(
            "sign-in-password",
            "Wachtwoord",
            values.get("password", ""),
            keep("password"),
            password=True,
            on_submit=submit,
        ),
        w.primary("Aanmelden", "sign-in-submit", submit),
    ]
    return w.page_body(controls)


# ---------------------------------------------------------------------- change sets


def list_view(ui: UIContext) -> ft.Control:
    user = ui.state.user
    assert user is not None
    values = ui.state.values
    controls: list[ft.Control] = [w.heading("Wijzigingsvoorstellen", 1, ident="list-title")]
    if user.has("auteur") or user.has("gemeenteredacteur"):

        def create(_: Any) -> None:
            made: list[ChangeSet] = []
            title = values.get("new-title", "")
            if ui.run(lambda: made.append(ui.studio.new_change_set(user, title))):
                ui.go(f"/voorstel/{made[0].id}")

        controls += [
            w.heading("Nieuw voorstel", 2),
            field(
                "list-new-title",
                "Titel: wat wil je veranderen?",
                values.get("new-title", ""),
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


def _diff_block(diff: FileDiff, index: int) -> ft.Control:
    rows: list[ft.Control] = [w.heading(diff.path, 3)]
    rows += [ft.Text(s) for s in diff.sentences()]
    for node in diff.nodes:
        for change in node.fields:
            if not change.words:
                continue
            spans = []
            for piece in change.words:
                if piece.kind == "same":
                    spans.append(ft.TextSpan(piece.text))
                elif piece.kind == "removed":
                    spans.append(
                        ft.TextSpan(
                            piece.text,
                            ft.TextStyle(
                                decoration=ft.TextDecoration.LINE_THROUGH,
                                bgcolor=ft.Colors.ERROR_CONTAINER,
                            ),
                        )
                    )
                else:
                    spans.append(
                        ft.TextSpan(
                            piece.text,
                            ft.TextStyle(
                                weight=ft.FontWeight.BOLD, bgcolor=ft.Colors.PRIMARY_CONTAINER
                            ),
                        )
                    )
            rows.append(w.muted(f"{node.label} {node.node}, {change.summary}:"))
            rows.append(
                ft.Semantics(
                    identifier=f"diff-{index}-{node.node}-{change.field}",
                    label=f"Oud: {change.old}. Nieuw: {change.new}",
                    content=ft.Text(spans=spans, selectable=True),
                )
            )
    return ft.Column(rows, spacing=6, tight=True)


def change_set_view(ui: UIContext, cs_id: int) -> ft.Control:
    studio, user = ui.studio, ui.state.user
    assert user is not None
    values = ui.state.values
    cs = studio.change_set(cs_id)
    controls: list[ft.Control] = [
        w.heading(cs.title, 1, ident="cs-title"),
        ft.Semantics(identifier="cs-state", content=w.body(f"Status: {cs.state_label}")),
        w.muted(f"Gemaakt door {cs.created_by}. Geschreven door: {', '.join(cs.editors)}."),
    ]
    if cs.errors or cs.warnings:
        controls.append(_check_summary(ui, cs))
    for approval in cs.approvals:
        valid = "geldt" if approval.valid else "geldt niet meer: de tekst is daarna gewijzigd"
        controls.append(w.muted(f"Goedgekeurd door {approval.approval.author}: {valid}."))
    # --- what to edit
    if cs.state != "gepubliceerd" and user.has("auteur"):
        files = studio.files(cs_id)
        chosen = values.get("file") or (cs.files[0][1] if cs.files else None)
        controls += [
            w.heading("Bewerken", 2),
            w.body(
                "Kies een sector en dan de vraag die je wilt bewerken, of een bouwsteen of de "
                "wetten in het register."
            ),
            _file_picker(ui, cs_id, files, chosen),
        ]
    # --- the review diff
    controls.append(w.heading("Wat is er veranderd", 2, ident="cs-diff-title"))
    diffs = studio.diff(cs_id)
    if not diffs:
        controls.append(w.body("Nog niets."))
    controls += [_diff_block(d, i) for i, d in enumerate(diffs)]
    # --- comments
    controls.append(w.heading("Opmerkingen", 2))
    for comment in cs.comments:
        where = f" bij {comment.node}" if comment.node else ""
        kind = "Wijzigingen gevraagd" if comment.kind == "wijzigingen-gevraagd" else "Opmerking"
        controls.append(w.body(f"{kind} van {comment.author}{where}: {comment.text}"))
    nodes = sorted({n.node for d in diffs for n in d.nodes})
    controls.append(
        field(
            "cs-comment",
            "Je opmerking",
            values.get("comment", ""),
            lambda t: values.__setitem__("comment", t),
            multiline=True,
            hint=("Over een stap? Begin met de naam van de stap: " + ", ".join(nodes))
            if nodes
            else None,
        )
    )

    def send_comment(_: Any) -> None:
        text = values.get("comment", "")
        node = next((n for n in nodes if text.startswith(n)), None)
        path = next((d.path for d in diffs if any(n.node == node for n in d.nodes)), None)
        if node is not None:
            text = text[len(node) :].lstrip(" :")
        if ui.run(lambda: studio.comment(user, cs_id, text, path=path, node=node)):
            values["comment"] = ""
            ui.render()

    controls.append(w.secondary("Opmerking plaatsen", "cs-comment-send", send_comment))
    controls += _actions(ui, cs)
    # --- the audit log
    controls.append(w.heading("Logboek", 2, ident="cs-audit-title"))
    for entry in studio.audit(cs_id):
        what = ACTION_LABELS.get(entry.action, entry.action)
        controls.append(
            ft.Semantics(
                identifier=f"audit-{entry.id}", content=w.muted(f"{entry.at}: {entry.actor} {what}")
            )
        )
    return ft.Column(controls, spacing=12, tight=True)


def _check_summary(ui: UIContext, cs: ChangeSet) -> ft.Control:
    """Every problem of the change set, each a link to its step in the editor."""
    items = []
    for diagnostic in ui.studio.check(cs.id).diagnostics[:30]:
        try:
            text = ui.studio.read(cs.id, diagnostic.path)[0]
        except StudioError:  # a removed file: no step to link to
            text = ""
        step, _ = locate(text, diagnostic.line)
        kind = "Fout" if diagnostic.is_error else "Waarschuwing"
        where = f"{kind} in {diagnostic.path.rsplit('/', 1)[-1]}" + (
            f", stap {step}" if step else ""
        )
        route = f"/voorstel/{cs.id}/bestand?pad={diagnostic.path}" + (
            f"&stap={step}" if step else ""
        )
        message, hint = dutch(diagnostic)
        items.append((message + (f" {hint}" if hint else ""), where, ui.to(route)))
    title = (
        f"De controle vindt {cs.errors} fout(en) en {cs.warnings} waarschuwing(en). "
        "Fouten moet je oplossen voor je indient."
    )
    return error_summary("cs-check", title, items)


def _file_picker(ui: UIContext, cs_id: int, files: list[str], chosen: str | None) -> ft.Control:
    """Sector, then question: buttons (keyboard and screen-reader friendly), no free paths.

    Besides the sectors: the building blocks (``_fragments``) and the registry's laws.
    """
    values = ui.state.values
    yaml_files = [p for p in files if p.endswith(".yaml") and p.count("/") >= 2]
    sectors = sorted({p.split("/")[1] for p in yaml_files if p.split("/")[1] != "_fragments"})
    if any("/_fragments/" in p for p in yaml_files):
        sectors.append("_fragments")
    default = chosen.split("/")[1] if chosen and chosen.count("/") >= 2 else None
    sector = values.get("sector") or default

    def pick(value: str) -> Any:
        def run(_: Any) -> None:
            values["sector"] = value
            ui.render()

        return run

    label = {"_fragments": "Bouwstenen"}
    rows: list[ft.Control] = [
        w.options(
            [w.option(label.get(s, s), f"cs-sector-{s}", s == sector, pick(s)) for s in sectors]
        )
    ]
    for path in yaml_files:
        if sector and f"/{sector}/" in path:
            name = path.rsplit("/", 1)[-1].removesuffix(".yaml")
            rows.append(
                w.choice(name, f"cs-file-{name}", ui.to(f"/voorstel/{cs_id}/bestand?pad={path}"))
            )
    registry = next((p for p in files if p.count("/") == 1 and p.endswith("/registry.yaml")), None)
    if registry is not None:
        rows.append(
            w.choice(
                "Wetten in het register",
                "cs-file-registry",
                ui.to(f"/voorstel/{cs_id}/bestand?pad={registry}"),
            )
        )
    return ft.Column(rows, spacing=8, tight=True)


def _actions(ui: UIContext, cs: ChangeSet) -> list[ft.Control]:
    studio, user = ui.studio, ui.state.user
    assert user is not None
    values = ui.state.values
    out: list[ft.Control] = [w.heading("Volgende stap", 2)]
    here = f"/voorstel/{cs.id}"
    if cs.state != "gepubliceerd" and user.has("gemeenteredacteur"):
        out.append(w.primary("Lokale tekst aanpassen", "cs-local", ui.to(f"{here}/gemeente")))
    if cs.state in ("concept", "wijzigingen-gevraagd") and (
        user.has("auteur") or user.has("gemeenteredacteur")
    ):
        out.append(
            w.primary(
                "Indienen voor beoordeling",
                "cs-submit",
                lambda _: ui.run(lambda: studio.submit(user, cs.id), notice="Ingediend."),
            )
        )
    if cs.state != "gepubliceerd" and user.has("auteur") and studio.repo.walks_dir:
        out.append(
            w.secondary(
                "Voorbeeldroutes bijwerken",
                "cs-update-walks",
                lambda _: ui.run(
                    lambda: studio.update_walks(user, cs.id, expected_version=cs.version),
                    notice="De voorbeeldroutes zijn bijgewerkt. Een jurist kijkt ze na.",
                ),
            )
        )
    if cs.state in ("ter-beoordeling", "goedgekeurd") and user.has("jurist"):
        out += [
            w.primary(
                "Goedkeuren",
                "cs-approve",
                lambda _: ui.run(
                    lambda: studio.approve(user, cs.id, version=cs.version), notice="Goedgekeurd."
                ),
            ),
            field(
                "cs-reason",
                "Wat moet er anders? (verplicht bij wijzigingen vragen)",
                values.get("reason", ""),
                lambda t: values.__setitem__("reason", t),
                multiline=True,
            ),
            w.secondary(
                "Wijzigingen vragen",
                "cs-request-changes",
                lambda _: ui.run(
                    lambda: studio.request_changes(user, cs.id, values.get("reason", "")),
                    notice="De auteur ziet je vraag.",
                ),
            ),
        ]
    if cs.state == "goedgekeurd" and user.has("publicist"):
        out.append(
            w.primary(
                "Publiceren",
                "cs-publish",
                lambda _: ui.run(
                    lambda: studio.publish(user, cs.id),
                    then=here,
                    notice="Gepubliceerd. De app krijgt de nieuwe inhoud.",
                ),
            )
        )
    if len(out) == 1:
        out.append(w.body(_waiting(cs)))
    return out


def _waiting(cs: ChangeSet) -> str:
    return {
        "concept": "Een auteur werkt aan dit voorstel en dient het in.",
        "wijzigingen-gevraagd": "De auteur past het voorstel aan.",
        "ter-beoordeling": "Een jurist die niet meeschreef, beoordeelt het voorstel.",
        "goedgekeurd": "Een publicist publiceert het voorstel.",
        "gepubliceerd": "Dit voorstel is gepubliceerd.",
    }[cs.state]


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
        if user.has("auteur") or user.has("publicist"):

            def restore(_: Any, pid: int = pub.id) -> None:
                made: list[ChangeSet] = []
                if ui.run(lambda: made.append(studio.restore(user, pid))):
                    ui.go(f"/voorstel/{made[0].id}")

            controls.append(
                w.secondary(
                    "Zet deze versie terug (nieuw voorstel)", f"history-restore-{pub.id}", restore
                )
            )
    return ft.Column(controls, spacing=12, tight=True)


def _toggle(ui: UIContext, name: str, active: bool) -> Any:
    user = ui.state.user

    def run(_: Any) -> None:
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

    def keep(key: str) -> Any:
        return lambda text: values.__setitem__(key, text)

    controls += [
        field(
            "admin-name", "Accountnaam (kleine letters)", values.get("a-name", ""), keep("a-name")
        ),
        field("admin-display", "Volledige naam", values.get("a-display", ""), keep("a-display")),
        field(
            "admin-password",
            "Eerste wachtwoord (minstens 12 tekens)",
            values.get("a-password", ""),
            keep("a-password"),
            password=True,
        ),
        field(
            "admin-municipality",
            "Gemeentecode (alleen voor een gemeenteredacteur, bv. GM0363)",
            values.get("a-municipality", ""),
            keep("a-municipality"),
        ),  # fmt: skip
    ]
    chosen: set[str] = values.setdefault("a-roles", set())

    def toggle(role: str) -> Any:
        # no re-render: the checkbox keeps its own state, so a quick next click is never lost
        def run(e: Any) -> None:
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

    def create(_: Any) -> None:
        done = ui.run(
            lambda: studio.add_account(
                values.get("a-name", ""),
                values.get("a-password", ""),
                sorted(chosen),
                display_name=values.get("a-display") or None,
                by=user,
                municipality=values.get("a-municipality") or None,
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
