"""The studio's change-set screen: its files, checks, diff per step, comments, audit log and
the actions the reader's roles allow.

Texts are Dutch at B1 level, with "je", and never use git words.
"""

from __future__ import annotations

import flet as ft

from privacyapp.studio.errors import StudioError
from privacyapp.studio.messages import dutch
from privacyapp.studio.model import ChangeSet
from privacyapp.views.studio.context import UIContext
from privacyapp.views.studio.diffview import diff_block
from privacyapp.views.studio.downloads import pdf_button
from privacyapp.views.studio.editor import locate
from privacyapp.views.studio.kit import Handler, error_summary, field, w

__all__ = ["ACTION_LABELS", "change_set_view"]

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
    for held_cs, held_path in [k for k in ui.state.held if k[0] == cs_id]:
        name = held_path.rsplit("/", 1)[-1].removesuffix(".yaml")
        controls += [
            w.notice(
                f"Nog niet opgeslagen: je wijziging in de bouwstenen {name} wacht op je keuze "
                "waar die moet gelden.",
                ident="cs-held",
            ),
            w.secondary(
                "Kies waar de wijziging moet gelden",
                f"cs-held-{name}",
                ui.to(f"/voorstel/{held_cs}/bestand?pad={held_path}"),
            ),
        ]
    if cs.errors or cs.warnings:
        controls.append(_check_summary(ui, cs))
    for approval in cs.approvals:
        valid = "geldt" if approval.valid else "geldt niet meer: de tekst is daarna gewijzigd"
        controls.append(w.muted(f"Goedgekeurd door {approval.approval.author}: {valid}."))
    controls += [
        pdf_button(
            ui,
            "Beoordelingsdocument (PDF)",
            "cs-review-pdf",
            f"beoordelingsdocument-voorstel-{cs_id}.pdf",
            lambda: studio.review_pdf(cs_id),
        ),
        w.muted(
            "Voor de jurist: alle gewijzigde vragenlijsten met hun routes, adviezen en bronnen, "
            "zoals ze nu in dit voorstel staan."
        ),
    ]
    # --- what to edit
    if cs.state != "gepubliceerd" and user.has("auteur"):
        files = studio.files(cs_id)
        chosen = ui.state.text("file") or (cs.files[0][1] if cs.files else None)
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
    controls += [diff_block(d, f"diff-{i}") for i, d in enumerate(diffs)]
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
            ui.state.text("comment"),
            lambda t: values.__setitem__("comment", t),
            multiline=True,
            hint=("Over een stap? Begin met de naam van de stap: " + ", ".join(nodes))
            if nodes
            else None,
        )
    )

    def send_comment(_: object) -> None:
        text = ui.state.text("comment")
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
    sector = ui.state.text("sector") or default

    def pick(value: str) -> Handler:
        def run(_: object) -> None:
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
                ui.state.text("reason"),
                lambda t: values.__setitem__("reason", t),
                multiline=True,
            ),
            w.secondary(
                "Wijzigingen vragen",
                "cs-request-changes",
                lambda _: ui.run(
                    lambda: studio.request_changes(user, cs.id, ui.state.text("reason")),
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
