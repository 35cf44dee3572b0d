"""Editing one flow file: its steps, a form per step type, a YAML tab, and the checks.

The form changes one step through ``privacyapp.studio.nodes`` (the rest of the file keeps its
exact text); the YAML tab saves the whole text. Every save goes into the change set (never into
what is published) and is checked at once: the error summary at the top links to the step and
field of each problem (NL Design System pattern), and the fields show their own problems.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import flet as ft

from privacyapp.engine import Diagnostic
from privacyapp.studio import nodes
from privacyapp.studio.diff import FIELD_NAMES, NODE_TYPES
from privacyapp.studio.errors import StudioError
from privacyapp.views.studio.kit import dropdown, error_summary, field, w

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
        if content.startswith("nodes:"):
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


def _key(path: str, node: str, name: str) -> str:
    return f"{path}#{node}#{name}"


def editor_view(ui: UIContext, cs_id: int, path: str | None, node: str | None) -> ft.Control:
    studio, state = ui.studio, ui.state
    back = w.secondary(
        "Terug naar het voorstel", "editor-back", lambda _: ui.go(f"/voorstel/{cs_id}")
    )
    if not path:
        return ft.Column([back, w.body("Kies eerst een vraag om te bewerken.")])
    try:
        saved_text, current = studio.read(cs_id, path)
    except StudioError as exc:
        return ft.Column([back, w.body(str(exc))])
    version = state.versions.setdefault((cs_id, path), current)
    text = state.drafts.get((cs_id, path), saved_text)
    try:
        ids = nodes.node_ids(text)
    except StudioError:
        ids = []
        state.yaml_mode = True
    if node not in ids:
        node = ids[0] if ids else None
    check = studio.check(cs_id)
    own = check.for_path(path)
    controls: list[ft.Control] = [
        back,
        w.heading(
            f"Bewerken: {path.rsplit('/', 1)[-1].removesuffix('.yaml')}", 1, ident="editor-title"
        ),
    ]
    if version != current:
        controls.append(
            w.notice(
                "Iemand anders heeft dit voorstel intussen opgeslagen. Jouw tekst blijft staan; "
                "sla je op, dan hoor je of het botst.",
                ident="editor-stale",
            )
        )
    controls.append(_summary(ui, cs_id, path, saved_text, own))
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
        controls += _yaml_tab(ui, cs_id, path, text, version, own)
    else:
        controls += _steps(ui, cs_id, path, text, ids, node, version)
        controls += _form(ui, cs_id, path, text, node, version, own)
    return ft.Column(controls, spacing=12, tight=True)


def _mode(ui: UIContext, yaml_mode: bool) -> None:
    ui.state.yaml_mode = yaml_mode
    ui.render()


def _summary(ui: UIContext, cs_id: int, path: str, text: str, own: list[Diagnostic]) -> ft.Control:
    errors = [d for d in own if d.is_error]
    warnings = [d for d in own if not d.is_error]
    if not own:
        return w.notice("De controle vindt geen problemen in deze vraag.", ident="editor-clean")
    items = []
    for diagnostic in [*errors, *warnings]:
        step, fld = locate(text, diagnostic.line)
        where = f"{'Fout' if diagnostic.is_error else 'Waarschuwing'}, regel {diagnostic.line}"
        if step:
            where += f", stap {step}" + (f", {FIELD_NAMES.get(fld, fld)}" if fld else "")
        message = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")

        def go(_: Any, s: str | None = step) -> None:
            ui.state.yaml_mode = s is None
            ui.go(f"/voorstel/{cs_id}/bestand?pad={path}" + (f"&stap={s}" if s else ""))

        items.append((message, where, go))
    title = f"{len(errors)} fout(en) en {len(warnings)} waarschuwing(en). "
    title += "Fouten los je op voor je indient." if errors else "Waarschuwingen mogen blijven."
    return error_summary("editor-summary", title, items)


def _save(
    ui: UIContext,
    cs_id: int,
    path: str,
    text: str,
    version: str,
    message: str,
    on_saved: Any = None,
) -> bool:
    user = ui.state.user
    assert user is not None
    results: list[Any] = []

    def action() -> None:
        results.append(
            ui.studio.save(user, cs_id, {path: text}, expected_version=version, message=message)
        )

    if ui.run(
        action, notice="Opgeslagen in het voorstel. Gepubliceerd is nog niets.", render=False
    ):
        result = results[0]
        ui.state.versions[(cs_id, path)] = result.version
        ui.state.drafts.pop((cs_id, path), None)
        if result.voided_approvals:
            ui.state.notice = (
                "Opgeslagen. Het voorstel is weer een concept: de goedkeuring geldt niet meer "
                "voor de nieuwe tekst."
            )
        if on_saved is not None:
            on_saved()
        ui.render()
        return True
    return False


def _yaml_tab(
    ui: UIContext, cs_id: int, path: str, text: str, version: str, own: list[Diagnostic]
) -> list[ft.Control]:
    def keep(value: str) -> None:
        ui.state.drafts[(cs_id, path)] = value

    def save(_: Any) -> None:
        _save(ui, cs_id, path, ui.state.drafts.get((cs_id, path), text), version, "")

    errors = [f"regel {d.line}: {d.message}" for d in own if d.is_error]
    return [
        field(
            "editor-yaml",
            "De hele vraag als YAML",
            text,
            keep,
            multiline=True,
            error="; ".join(errors[:3]) or None,
        ),
        w.primary("Opslaan", "editor-save", save),
    ]


def _steps(
    ui: UIContext, cs_id: int, path: str, text: str, ids: list[str], node: str, version: str
) -> list[ft.Control]:
    values = ui.state.values
    here = f"/voorstel/{cs_id}/bestand?pad={path}"
    buttons = [
        w.option(step, f"editor-node-{step}", step == node, ui.to(f"{here}&stap={step}"))
        for step in ids
    ]

    def change(new_text: str, then: str | None) -> None:
        _save(ui, cs_id, path, new_text, version, "")
        if then is not None:
            ui.go(f"{here}&stap={then}")

    def structural(edit: Any, then: str | None) -> Any:
        def run(_: Any) -> None:
            try:
                new_text = edit()
            except StudioError as exc:
                ui.state.error = str(exc)
                ui.render()
                return
            change(new_text, then)

        return run

    new_id = values.get("new-node", "")
    new_kind = values.get("new-kind", "advice")
    return [
        w.heading("Stappen", 2),
        ft.Row(buttons, wrap=True, spacing=6, run_spacing=6),
        ft.Row(
            [
                w.secondary(
                    "Omhoog", "editor-up", structural(lambda: nodes.move_node(text, node, -1), node)
                ),
                w.secondary(
                    "Omlaag",
                    "editor-down",
                    structural(lambda: nodes.move_node(text, node, 1), node),
                ),
                w.secondary(
                    "Verwijder deze stap",
                    "editor-delete",
                    structural(lambda: nodes.delete_node(text, node), None),
                ),
            ],
            wrap=True,
        ),
        field(
            "editor-new-node",
            "Nieuwe stap: id",
            new_id,
            lambda v: values.__setitem__("new-node", v),
        ),
        dropdown(
            "editor-new-kind",
            "Soort",
            new_kind,
            list(NODE_TYPES.items()),
            lambda v: values.__setitem__("new-kind", v),
        ),
        w.secondary(
            "Stap toevoegen",
            "editor-add",
            structural(
                lambda: nodes.add_node(
                    text, values.get("new-node", ""), values.get("new-kind", "advice"), after=node
                ),
                values.get("new-node") or None,
            ),
        ),
    ]


def _errors_for(own: list[Diagnostic], text: str, node: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for diagnostic in own:
        step, fld = locate(text, diagnostic.line)
        if step == node and fld and fld not in found:
            found[fld] = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    return found


def _form(
    ui: UIContext, cs_id: int, path: str, text: str, node: str, version: str, own: list[Diagnostic]
) -> list[ft.Control]:
    values = ui.state.values
    current = nodes.node_fields(text, node)
    kind = str(current.get("type", ""))
    errors = _errors_for(own, text, node)

    def get(name: str, default: Any = "") -> Any:
        return values.get(_key(path, node, name), current.get(name, default))

    def put(name: str) -> Any:
        return lambda value: values.__setitem__(_key(path, node, name), value)

    def text_field(
        name: str, label: str, *, multiline: bool = False, hint: str | None = None
    ) -> ft.Control:
        return field(
            f"form-{name}",
            label,
            str(get(name) or ""),
            put(name),
            multiline=multiline,
            error=errors.get(name),
            hint=hint,
        )

    ids = nodes.node_ids(text)
    step_options = [(i, i) for i in ids if i != node]
    out: list[ft.Control] = [
        w.heading(f"{NODE_TYPES.get(kind, 'Stap')} {node}", 2, ident="form-title")
    ]
    if kind == "question":
        out += [
            text_field("text", "Vraag"),
            text_field("help", "Hulptekst (mag leeg)", multiline=True),
        ]
        out += _rows(
            ui,
            path,
            node,
            "choices",
            get("choices", []),
            [("label", "Keuze"), ("next", "Gaat naar")],
            step_options,
            errors,
        )
    elif kind == "info":
        out += [
            text_field("title", "Titel"),
            text_field("text", "Tekst", multiline=True),
            dropdown(
                "form-next",
                "Volgende stap",
                str(get("next") or "") or None,
                step_options,
                put("next"),
            ),
        ]
    elif kind == "checklist":
        out += [text_field("title", "Titel"), text_field("intro", "Inleiding", multiline=True)]
        out += _rows(
            ui, path, node, "items", get("items", []), [("id", "Id"), ("text", "Vraag")], [], errors
        )
        out.append(w.muted("De uitkomstregels bewerk je in het tabblad YAML."))
    elif kind == "advice":
        steps = get("steps", [])
        out += [
            text_field("title", "Titel"),
            text_field("summary", "Samenvatting in één zin (mag leeg)"),
            field(
                "form-steps",
                "Wat kun je doen: één stap per regel",
                "\n".join(steps) if isinstance(steps, list) else str(steps),
                lambda v: values.__setitem__(
                    _key(path, node, "steps"), [s for s in v.splitlines() if s.strip()]
                ),
                multiline=True,
                error=errors.get("steps"),
            ),
            text_field("explanation", "Uitleg: waarom", multiline=True),
        ]
        laws = ui.studio.law_names(cs_id)
        out += _sources(ui, path, node, get("sources", []), laws, errors)
        help_keys = sorted(ui.studio.registry_section(cs_id, "help"))
        helps = get("help", [])
        out.append(
            field(
                "form-help",
                "Verdere hulp (namen, met komma's)",
                ", ".join(helps) if isinstance(helps, list) else str(helps),
                lambda v: values.__setitem__(
                    _key(path, node, "help"), [h.strip() for h in v.split(",") if h.strip()]
                ),
                hint="Kies uit: " + ", ".join(help_keys),
                error=errors.get("help"),
            )
        )
        out.append(w.muted("Acties (knoppen onder het advies) bewerk je in het tabblad YAML."))

    save = _form_saver(ui, cs_id, path, text, node, version)
    out += [
        ft.Row(
            [
                w.primary("Opslaan", "editor-save", save),
                w.secondary(
                    "Bekijk in de app",
                    "editor-preview",
                    lambda _: ui.go(f"/voorstel/{cs_id}/voorbeeld?pad={path}&stap={node}"),
                ),
            ],
            wrap=True,
        )
    ]
    return out


_FORM_FIELDS = (
    "text", "help", "title", "summary", "steps", "explanation", "sources", "next", "intro",
    "choices", "items",
)  # fmt: skip


def _form_saver(ui: UIContext, cs_id: int, path: str, text: str, node: str, version: str) -> Any:
    """The form's Opslaan: the changed fields into the step's text, then one save."""
    values = ui.state.values

    def save(_: Any) -> None:
        changed = {
            name: values[_key(path, node, name)]
            for name in _FORM_FIELDS
            if _key(path, node, name) in values
        }
        if not changed:
            ui.state.notice = "Er is niets veranderd."
            ui.render()
            return
        try:
            new_text = nodes.update_node(text, node, changed)
        except StudioError as exc:
            ui.state.error = str(exc)
            ui.render()
            return

        def forget() -> None:  # kept until the save went through: nothing typed is lost
            for name in changed:
                values.pop(_key(path, node, name), None)

        who = ui.state.user.display_name if ui.state.user else ""
        _save(ui, cs_id, path, new_text, version, f"{who} wijzigt {node}", forget)

    return save


def _rows(
    ui: UIContext,
    path: str,
    node: str,
    name: str,
    rows: Any,
    columns: list[tuple[str, str]],
    step_options: list[tuple[str, str]],
    errors: dict[str, str],
) -> list[ft.Control]:
    values = ui.state.values
    key = _key(path, node, name)
    items: list[dict[str, Any]] = values.setdefault(
        key, [dict(r) for r in rows if isinstance(r, dict)]
    )
    out: list[ft.Control] = [w.heading(FIELD_NAMES.get(name, name).capitalize(), 3)]
    if name in errors:
        out.append(w.muted(errors[name]))
    for index, row in enumerate(items):
        parts: list[ft.Control] = []
        for column, label in columns:
            ident = f"form-{name}-{index}-{column}"
            if column == "next" and step_options:
                parts.append(
                    dropdown(
                        ident,
                        label,
                        row.get(column) or None,
                        step_options,
                        _setter(row, column),
                    )
                )
            else:
                parts.append(
                    field(
                        ident,
                        label,
                        str(row.get(column) or ""),
                        _setter(row, column),
                    )
                )

        def remove(_: Any, i: int = index) -> None:
            items.pop(i)
            ui.render()

        parts.append(w.secondary("Weg", f"form-{name}-{index}-remove", remove))
        out.append(ft.Column(parts, spacing=6, tight=True))

    def add(_: Any) -> None:
        items.append({column: "" for column, _ in columns})
        ui.render()

    out.append(w.secondary("Regel erbij", f"form-{name}-add", add))
    return out


def _setter(row: dict[str, Any], column: str) -> Any:
    return lambda value: row.__setitem__(column, value)


def _sources(
    ui: UIContext, path: str, node: str, rows: Any, laws: dict[str, str], errors: dict[str, str]
) -> list[ft.Control]:
    values = ui.state.values
    key = _key(path, node, "sources")
    items: list[dict[str, Any]] = values.setdefault(
        key, [dict(r) for r in rows if isinstance(r, dict)]
    )
    out: list[ft.Control] = [w.heading("Bronnen", 3)]
    if "sources" in errors:
        out.append(w.muted(errors["sources"]))
    options = sorted(laws.items(), key=lambda item: item[1].lower())
    for index, row in enumerate(items):

        def setter(column: str, r: dict[str, Any] = row) -> Any:
            return lambda v: r.__setitem__(column, v)

        def remove(_: Any, i: int = index) -> None:
            items.pop(i)
            ui.render()

        out.append(
            ft.Column(
                [
                    dropdown(
                        f"form-source-{index}-law",
                        "Wet",
                        row.get("law") or None,
                        options,
                        setter("law"),
                    ),
                    field(
                        f"form-source-{index}-article",
                        "Artikel",
                        str(row.get("article") or ""),
                        setter("article"),
                    ),
                    field(
                        f"form-source-{index}-paragraph",
                        "Lid (mag leeg)",
                        str(row.get("paragraph") or ""),
                        setter("paragraph"),
                    ),
                    w.secondary("Bron weghalen", f"form-source-{index}-remove", remove),
                ],
                spacing=6,
                tight=True,
            )
        )

    def add(_: Any) -> None:
        items.append({"law": "", "article": "", "paragraph": ""})
        ui.render()

    out.append(w.secondary("Bron toevoegen", "form-source-add", add))
    return out
