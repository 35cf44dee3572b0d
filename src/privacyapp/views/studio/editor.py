"""Editing one content file: its steps, a form per step (``forms``), a YAML tab, the checks.

A flow file's steps, a fragments file's building blocks (``flows/_fragments``) or the
registry's laws (``flows/registry.yaml``). The form changes one entry through
``privacyapp.studio.nodes`` (the rest of the file keeps its exact text); the YAML tab saves the
whole text. What is typed is saved by ``autosave`` into the change set (never into what is
published) after a pause, on leaving the form and on Opslaan, and is checked at once: the error
summary at the top links to the step and field of each problem (NL Design System pattern), in
Dutch (``privacyapp.studio.messages``), and the fields show their own problems. A change to a
building block that flows use waits for the editor's choice in the fragment panel
(``clusters``) instead of being saved.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.engine import Diagnostic
from privacyapp.studio import nodes
from privacyapp.studio.diff import FIELD_NAMES, NODE_TYPES
from privacyapp.studio.errors import StudioError
from privacyapp.studio.messages import dutch
from privacyapp.views.studio import clusters, forms, variants
from privacyapp.views.studio.autosave import HELD_STATUS, Edit
from privacyapp.views.studio.kit import Handler, dropdown, error_summary, field, w

if TYPE_CHECKING:
    from privacyapp.views.studio.context import UIContext

__all__ = ["editor_view", "locate"]

_NODE_KEY = re.compile(r"^  ([a-z0-9][a-z0-9-]*):")
_FIELD_KEY = re.compile(r"^    ([a-z_]+):")


def locate(text: str, line: int) -> tuple[str | None, str | None]:
    """(step id, field) that a diagnostic's line falls in; (None, None) outside the steps."""
    lines = text.splitlines()
    in_nodes, node, fld = False, None, None
    for number, content in enumerate(lines[: max(line, 1)], start=1):
        if content.startswith(("nodes:", "fragments:", "laws:")):
            in_nodes, node, fld = True, None, None
            continue
        if in_nodes and content and not content.startswith(" ") and not content.startswith("#"):
            in_nodes, node, fld = False, None, None
        if not in_nodes:
            continue
        found = _NODE_KEY.match(content)
        if found:
            node, fld = found.group(1), None
            continue
        found = _FIELD_KEY.match(content)
        if found and node is not None:
            fld = found.group(1)
        if number == line:
            break
    return node, fld


_SECTION_WORDS = {"nodes": "Stappen", "fragments": "Bouwstenen", "laws": "Wetten"}
_LAW_KINDS = {key: text for key, text in forms.LAW_KINDS}


def editor_view(ui: UIContext, cs_id: int, path: str | None, node: str | None) -> ft.Control:
    studio, state = ui.studio, ui.state
    back = w.secondary(
        "Terug naar het voorstel", "editor-back", lambda _: ui.go(f"/voorstel/{cs_id}")
    )
    if not path:
        return ft.Column([back, w.body("Kies eerst een vraag om te bewerken.")])
    try:
        _, current = studio.read(cs_id, path)
    except StudioError as exc:
        return ft.Column([back, w.body(str(exc))])
    section = nodes.section_of(path)
    version = state.versions.setdefault((cs_id, path), current)
    saved = ui.autosave.base_text(cs_id, path)
    held = state.held.get((cs_id, path))  # a building block's change that waits for a choice
    text = state.drafts.get((cs_id, path)) or (held.text if held is not None else saved)
    try:
        ids = nodes.node_ids(text, section)
    except StudioError:
        ids = []
        state.yaml_mode = True
    if node not in ids:
        node = ids[0] if ids else None
    own = studio.check(cs_id).for_path(path)
    name = path.rsplit("/", 1)[-1].removesuffix(".yaml")
    controls: list[ft.Control] = [
        back,
        w.heading(f"Bewerken: {name}", 1, ident="editor-title"),
        _status(ui),
    ]
    if version != current or (cs_id, path) in state.conflicts:
        controls.append(_stale(ui, cs_id, path))
    checked = state.drafts.get((cs_id, path)) or saved  # the text the checks' lines are in
    slot = ft.Container(content=_summary(ui, cs_id, path, checked, own))
    impact = ft.Container(content=clusters.impact_panel(ui, cs_id, path))
    controls += [slot, impact]

    def refresh_summary() -> None:  # after a save in the background: only the summary changes
        saved = ui.autosave.base_text(cs_id, path)
        slot.content = _summary(ui, cs_id, path, saved, studio.check(cs_id).for_path(path))
        impact.content = clusters.impact_panel(ui, cs_id, path)

    def refresh_impact() -> None:  # a change held in the background: the panel shows
        impact.content = clusters.impact_panel(ui, cs_id, path)

    ui.autosave.on_saved = refresh_summary
    ui.autosave.on_held = refresh_impact
    mode = ft.Row(
        [
            w.option(
                "Formulier", "editor-mode-form", not state.yaml_mode, lambda _: _mode(ui, False)
            ),
            w.option("YAML", "editor-mode-yaml", state.yaml_mode, lambda _: _mode(ui, True)),
        ],
        wrap=True,
    )
    controls.append(mode)
    if state.yaml_mode or node is None:
        controls += _yaml_tab(ui, cs_id, path, text, own)
    else:
        edit = Edit(cs_id, path, node, section)
        controls += _steps(ui, edit, text, ids)
        controls += forms.form(ui, edit, text, _errors_for(own, text, node), ids)
        controls += _buttons(ui, edit)
    if section == "nodes" and "/_overlays/" not in path:  # a flow: copy, variant
        panel = variants.variant_panel(ui, cs_id, path, text)
        controls += [panel] if panel is not None else []
        if state.user is not None and state.user.has("auteur"):
            controls.append(variants.copy_panel(ui, cs_id, name, current))
    return ft.Column(controls, spacing=12, tight=True)


def _status(ui: UIContext) -> ft.Control:
    """The autosave's status line ("Opgeslagen om 14:32" / "Niet opgeslagen: ...")."""
    text = ui.autosave.status or (
        "Wat je typt, wordt vanzelf opgeslagen in dit voorstel. Gepubliceerd wordt er niets."
    )
    control = w.muted(text)
    ui.autosave.status_text = control
    return ft.Semantics(identifier="editor-autosave", live_region=True, content=control)


def _stale(ui: UIContext, cs_id: int, path: str) -> ft.Control:
    def reload(_: object) -> None:
        state = ui.state
        state.versions.pop((cs_id, path), None)
        state.drafts.pop((cs_id, path), None)
        state.conflicts.discard((cs_id, path))
        state.held.pop((cs_id, path), None)
        for key in [k for k in state.values if k.startswith(f"{path}#")]:
            del state.values[key]
        ui.autosave.pending = None
        ui.autosave.status = (
            "De nieuwste versie staat open. Je eigen tekst is bewaard bij het voorstel."
        )
        ui.render()

    return ft.Column(
        [
            w.notice(
                "Iemand anders heeft dit voorstel intussen opgeslagen. Jouw tekst blijft staan; "
                "sla je op, dan hoor je of het botst. Je tekst gaat nooit verloren.",
                ident="editor-stale",
            ),
            w.secondary("Nieuwste versie openen", "editor-reload", reload),
        ],
        spacing=6,
        tight=True,
    )


def _mode(ui: UIContext, yaml_mode: bool) -> None:
    ui.autosave.flush()  # leaving the form (or the YAML tab) saves it
    ui.state.yaml_mode = yaml_mode
    ui.render()


def _message(diagnostic: Diagnostic) -> str:
    message, hint = dutch(diagnostic)
    return message + (f" {hint}" if hint else "")


def _summary(ui: UIContext, cs_id: int, path: str, text: str, own: list[Diagnostic]) -> ft.Control:
    errors = [d for d in own if d.is_error]
    warnings = [d for d in own if not d.is_error]
    if not own:
        return w.notice("De controle vindt geen problemen in dit bestand.", ident="editor-clean")
    items = []
    for diagnostic in [*errors, *warnings]:
        step, fld = locate(text, diagnostic.line)
        where = f"{'Fout' if diagnostic.is_error else 'Waarschuwing'}, regel {diagnostic.line}"
        if step:
            where += f", stap {step}" + (f", {FIELD_NAMES.get(fld, fld)}" if fld else "")

        def go(_: object, s: str | None = step) -> None:
            ui.state.yaml_mode = s is None
            ui.go(f"/voorstel/{cs_id}/bestand?pad={path}" + (f"&stap={s}" if s else ""))

        items.append((_message(diagnostic), where, go))
    title = f"{len(errors)} fout(en) en {len(warnings)} waarschuwing(en). "
    title += "Fouten los je op voor je indient." if errors else "Waarschuwingen mogen blijven."
    return error_summary("editor-summary", title, items)


def save_now(ui: UIContext) -> None:
    """Opslaan: what is pending is saved at once; the screen shows the result."""
    ui.autosave.flush()
    ui.state.notice = None
    ui.render()


def _yaml_tab(
    ui: UIContext, cs_id: int, path: str, text: str, own: list[Diagnostic]
) -> list[ft.Control]:
    edit = Edit(cs_id, path, None)

    def keep(value: str) -> None:
        ui.state.drafts[(cs_id, path)] = value

    errors = [f"regel {d.line}: {dutch(d)[0]}" for d in own if d.is_error]
    return [
        field(
            "editor-yaml",
            "Het hele bestand als YAML",
            text,
            ui.autosave.tracked(edit, keep),
            multiline=True,
            error="; ".join(errors[:3]) or None,
        ),
        w.primary("Opslaan", "editor-save", lambda _: save_now(ui)),
    ]


def _steps(ui: UIContext, edit: Edit, text: str, ids: list[str]) -> list[ft.Control]:
    values = ui.state.values
    cs_id, path, node, section = edit.cs_id, edit.path, edit.node, edit.section
    assert node is not None
    here = f"/voorstel/{cs_id}/bestand?pad={path}"
    buttons = [
        w.option(step, f"editor-node-{step}", step == node, ui.to(f"{here}&stap={step}"))
        for step in ids
    ]

    def structural(
        edit_text: Callable[[str], str], then: str | Callable[[], str | None] | None
    ) -> Handler:
        """A button that changes the list of steps; ``then``: the step to show (or a function
        that gives it when clicked, for a new step's id)."""

        def run(_: object) -> None:
            if not ui.autosave.flush():  # what was typed goes first
                ui.render()
                return
            user = ui.state.user
            assert user is not None
            try:
                held = ui.state.held.get((cs_id, path))
                old = held.text if held is not None else ui.autosave.base_text(cs_id, path)
                new_text = edit_text(old)
                saved = ui.autosave.save_or_hold(
                    user, Edit(cs_id, path, None), new_text, message=None
                )
            except StudioError as exc:
                ui.state.error = str(exc)
                ui.render()
                return
            if saved is None:  # a building block that flows use: the panel asks first
                ui.autosave.status = HELD_STATUS
            step = then() if callable(then) else then
            ui.go(f"{here}&stap={step}" if step else here)

        return run

    kinds = list(_LAW_KINDS.items()) if section == "laws" else list(NODE_TYPES.items())
    new_kind = ui.state.text("new-kind") or kinds[0][0]
    word = _SECTION_WORDS[section]
    return [
        w.heading(word, 2),
        ft.Row(buttons, wrap=True, spacing=6, run_spacing=6),
        ft.Row(
            [
                w.secondary(
                    "Omhoog",
                    "editor-up",
                    structural(lambda t: nodes.move_node(t, node, -1, section=section), node),
                ),
                w.secondary(
                    "Omlaag",
                    "editor-down",
                    structural(lambda t: nodes.move_node(t, node, 1, section=section), node),
                ),
                w.secondary(
                    "Verwijder deze stap",
                    "editor-delete",
                    structural(lambda t: nodes.delete_node(t, node, section=section), None),
                ),
            ],
            wrap=True,
        ),  # fmt: skip
        field(
            "editor-new-node",
            "Nieuw: id",
            ui.state.text("new-node"),
            lambda v: values.__setitem__("new-node", v),
        ),
        dropdown(
            "editor-new-kind",
            "Soort",
            new_kind,
            kinds,
            lambda v: values.__setitem__("new-kind", v),
        ),  # fmt: skip
        w.secondary(
            "Toevoegen",
            "editor-add",
            structural(
                lambda t: nodes.add_node(
                    t,
                    ui.state.text("new-node"),
                    ui.state.text("new-kind") or kinds[0][0],
                    after=node,
                    section=section,
                ),
                lambda: ui.state.text("new-node") or None,
            ),  # fmt: skip
        ),
    ]


def _errors_for(own: list[Diagnostic], text: str, node: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for diagnostic in own:
        step, fld = locate(text, diagnostic.line)
        if step == node and fld and fld not in found:
            found[fld] = _message(diagnostic)
    return found


def _buttons(ui: UIContext, edit: Edit) -> list[ft.Control]:
    row: list[ft.Control] = [w.primary("Opslaan", "editor-save", lambda _: save_now(ui))]
    if edit.section == "nodes":
        row.append(
            w.secondary(
                "Bekijk in de app",
                "editor-preview",
                lambda _: ui.go(
                    f"/voorstel/{edit.cs_id}/voorbeeld?pad={edit.path}&stap={edit.node}"
                ),
            )
        )
    return [ft.Row(row, wrap=True)]
