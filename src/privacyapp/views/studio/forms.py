"""A form per step type (and per law of the registry): every field of the content, no YAML.

Question (text, help, choices and where each leads), info, checklist (items and the outcome
rules), advice (title, summary, steps, explanation, sources from the registry's laws, help
routes and actions), a fragment (``flows/_fragments``: a whole step, or a part such as its help
routes) and a law of the registry (``flows/registry.yaml``). What is typed goes into the tab's
values (``autosave.form_key``) and is saved by :class:`~privacyapp.views.studio.autosave.
Autosave` after a pause or on leaving the form.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.studio import nodes
from privacyapp.studio.diff import FIELD_NAMES, NODE_TYPES
from privacyapp.views.studio.autosave import Edit, form_key
from privacyapp.views.studio.kit import Handler, dropdown, field, w

if TYPE_CHECKING:
    from privacyapp.views.studio.context import UIContext

__all__ = ["ACTION_KINDS", "RULE_KINDS", "form", "outcome_row", "outcome_value"]

ANSWERS = [("yes", "ja"), ("no", "nee"), ("unknown", "weet ik niet")]
#: The forms of an outcome rule (``engine.model.Condition``), in words.
RULE_KINDS = [
    ("all", "alle antwoorden zijn"),
    ("any", "minstens één antwoord is"),
    ("none", "geen enkel antwoord is"),
    ("item", "het antwoord op één onderdeel is"),
    ("count", "een aantal antwoorden is"),
    ("otherwise", "anders (altijd de laatste regel)"),
]
ACTION_KINDS = [
    ("link", "Link naar een website"),
    ("rights-request", "Brief voor een AVG-recht"),
    ("municipality", "Je gemeente"),
    ("checklist", "Een checklist doen"),
    ("flow", "Een andere vraag"),
]
REQUESTS = [
    ("inzage", "inzage"), ("rectificatie", "correctie"), ("verwijdering", "verwijdering"),
    ("beperking", "beperking"), ("overdraagbaarheid", "overdracht"), ("bezwaar", "bezwaar"),
    ("vernietiging", "vernietiging (Jeugdwet)"),
    ("klacht-organisatie", "klacht bij de organisatie"),
]  # fmt: skip
ON_BEHALF = [("ouder", "ouder"), ("voogd", "voogd"), ("curator", "curator"), ("mentor", "mentor")]
LAW_KINDS = [
    ("bwb", "Nederlandse wet (wetten.overheid.nl)"),
    ("eu", "Europese regel (EUR-Lex)"),
    ("bill", "Wetsvoorstel"),
    ("code", "Beroepscode of richtlijn"),
]
#: The fields a fragment that is only part of a step may hold, in form order.
_PART_FIELDS = ("title", "summary", "steps", "explanation", "sources", "help", "actions")


def outcome_row(outcome: object) -> dict[str, str]:
    """An outcome (``{when: {...}, next: ...}``) as the form's row."""
    row: dict[str, str] = {"rule": "otherwise", "answer": "", "item": "", "min": "", "next": ""}
    if not isinstance(outcome, dict):
        return row
    row["next"] = str(outcome.get("next") or "")
    when = outcome.get("when")
    if isinstance(when, dict):
        for rule in ("all", "any", "none"):
            if rule in when:
                row.update(rule=rule, answer=str(when[rule]))
        if "item" in when:
            row.update(rule="item", item=str(when["item"]), answer=str(when.get("is") or ""))
        if "count" in when:
            row.update(rule="count", answer=str(when["count"]), min=str(when.get("min") or ""))
    return row


def outcome_value(row: dict[str, str]) -> dict[str, object]:
    """The form's row as an outcome for the YAML (what the engine reads)."""
    rule, answer = row.get("rule") or "otherwise", row.get("answer") or ""
    when: str | dict[str, str | int]
    if rule == "otherwise":
        when = "otherwise"
    elif rule == "item":
        when = {"item": row.get("item") or "", "is": answer}
    elif rule == "count":
        minimum = str(row.get("min") or "").strip()
        when = {"count": answer, "min": int(minimum) if minimum.isdigit() else minimum}
    else:
        when = {rule: answer}
    return {"when": when, "next": row.get("next") or ""}


def _row_setter(
    row: dict[str, object], column: str, then: Callable[[], None]
) -> Callable[[str], None]:
    """Set one column of a row; an empty value leaves the key out (the YAML stays as it was)."""

    def run(value: str) -> None:
        if value in ("", None):
            row.pop(column, None)
        else:
            row[column] = value
        then()

    return run


class _Form:
    """The parts one form is built from, over one step (or law) of one file."""

    def __init__(
        self, ui: UIContext, edit: Edit, current: dict[str, object], errors: dict[str, str]
    ) -> None:
        self.ui, self.edit, self.current, self.errors = ui, edit, current, errors
        self.values = ui.state.values

    def key(self, name: str) -> str:
        return form_key(self.edit.path, self.edit.node or "", name)

    def get(self, name: str, default: object = "") -> object:
        return self.values.get(self.key(name), self.current.get(name, default))

    def changed(self) -> None:
        self.ui.autosave.changed(self.edit)

    def put(self, name: str) -> Callable[[str], None]:
        return self.ui.autosave.tracked(
            self.edit, lambda value: self.values.__setitem__(self.key(name), value)
        )

    def text(
        self, name: str, label: str, *, multiline: bool = False, hint: str | None = None
    ) -> ft.Control:
        return field(
            f"form-{name}", label, str(self.get(name) or ""), self.put(name),
            multiline=multiline, error=self.errors.get(name), hint=hint,
        )  # fmt: skip

    def choose(self, name: str, label: str, options: list[tuple[str, str]]) -> ft.Control:
        return dropdown(f"form-{name}", label, str(self.get(name) or "") or None, options,
                        self.put(name))  # fmt: skip

    def lines(
        self, name: str, label: str, *, comma: bool = False, hint: str | None = None
    ) -> ft.Control:
        value = self.get(name, [])
        joiner = ", " if comma else "\n"
        shown = joiner.join(str(v) for v in value) if isinstance(value, list) else str(value)

        def split(text: str) -> list[str]:
            parts = text.split(",") if comma else text.splitlines()
            return [p.strip() for p in parts if p.strip()]

        return field(
            f"form-{name}", label, shown,
            self.ui.autosave.tracked(
                self.edit, lambda v: self.values.__setitem__(self.key(name), split(v))
            ),
            multiline=not comma, error=self.errors.get(name), hint=hint,
        )  # fmt: skip

    def rows(self, name: str, default: object = None) -> list[dict[str, object]]:
        """The rows of a list field (kept in the values, so typing in them is kept)."""
        found = self.values.get(self.key(name))
        if isinstance(found, list):
            return found
        saved = self.get(name, default or [])
        rows = [dict(r) for r in saved if isinstance(r, dict)] if isinstance(saved, list) else []
        self.values[self.key(name)] = rows
        return rows

    def row_list(
        self,
        name: str,
        columns: list[tuple[str, str, list[tuple[str, str]] | None]],
        *,
        title: str | None = None,
        add_label: str = "Regel erbij",
        ident: str | None = None,
    ) -> list[ft.Control]:
        """A list of rows, a field or a choice per column, with remove and add buttons."""
        items = self.rows(name)
        prefix = f"form-{ident or name}"
        out: list[ft.Control] = [w.heading(title or FIELD_NAMES.get(name, name).capitalize(), 3)]
        if name in self.errors:
            out.append(w.muted(self.errors[name]))
        for index, row in enumerate(items):
            parts: list[ft.Control] = []
            for column, label, options in columns:
                ident = f"{prefix}-{index}-{column}"
                setter = _row_setter(row, column, self.changed)
                value = str(row.get(column) or "")
                if options is not None:
                    parts.append(dropdown(ident, label, value or None, options, setter))
                else:
                    parts.append(field(ident, label, value, setter))
            remove = self._then(partial(items.pop, index))
            parts.append(w.secondary("Weg", f"{prefix}-{index}-remove", remove))
            out.append(ft.Column(parts, spacing=6, tight=True))
        out.append(w.secondary(add_label, f"{prefix}-add", self._then(lambda: items.append({}))))
        return out

    def _then(self, change: Callable[[], object]) -> Handler:  # a button changing the rows
        def run(_: object) -> None:
            change()
            self.changed()
            self.ui.render()

        return run

    # ------------------------------------------------------------------ per type

    def outcomes(self, item_ids: list[str], steps: list[tuple[str, str]]) -> list[ft.Control]:
        """The checklist's outcome rules: first match wins; the last is "anders"."""
        key = self.key("outcomes")
        rows_key = self.key("outcomes-rows")
        rows = self.values.get(rows_key)
        if not isinstance(rows, list):
            saved = self.get("outcomes", [])
            saved = saved if isinstance(saved, list) else []
            rows = self.values[rows_key] = [outcome_row(o) for o in saved]

        def changed() -> None:
            self.values[key] = [outcome_value(r) for r in rows]
            self.changed()

        out: list[ft.Control] = [
            w.heading("Uitkomstregels", 3),
            w.muted("De eerste regel die klopt, bepaalt de volgende stap. De laatste is 'anders'."),
        ]
        if "outcomes" in self.errors:
            out.append(w.muted(self.errors["outcomes"]))
        items = [(i, i) for i in item_ids]
        for index, row in enumerate(rows):
            ident = f"form-outcomes-{index}"

            def set_(column: str, r: dict[str, str] = row) -> Callable[[str], None]:
                def run(value: str) -> None:
                    r[column] = value
                    changed()
                    if column == "rule":  # another kind of rule has other fields
                        self.ui.render()

                return run

            parts = _outcome_parts(ident, row, set_, items, steps)

            def remove(_: object, i: int = index) -> None:
                rows.pop(i)
                changed()
                self.ui.render()

            parts.append(w.secondary("Regel weghalen", f"{ident}-remove", remove))
            out.append(ft.Column(parts, spacing=6, tight=True))

        def add(_: object) -> None:
            position = len(rows) - 1 if rows and rows[-1]["rule"] == "otherwise" else len(rows)
            rows.insert(position, {"rule": "all", "answer": "yes", "item": "", "min": "",
                                   "next": ""})  # fmt: skip
            changed()
            self.ui.render()

        out.append(w.secondary("Regel erbij", "form-outcomes-add", add))
        return out

    def actions(self, flow_ids: list[str]) -> list[ft.Control]:
        """What the user can do from the advice: a link, a letter, a checklist, another flow."""
        flows = [(f, f) for f in flow_ids]
        return self.row_list(
            "actions",
            [
                ("kind", "Soort", ACTION_KINDS),
                ("label", "Tekst op de knop", None),
                ("url", "Adres (https://…, bij een link)", None),
                ("request", "Welk recht (bij een brief)", REQUESTS),
                ("on_behalf", "Voor wie (bij een brief, mag leeg)", ON_BEHALF),
                ("flow", "Welke vraag of checklist", flows),
            ],
            title="Acties (knoppen onder het advies)",
            add_label="Actie toevoegen",
        )

    def sources(self, laws: dict[str, str]) -> list[ft.Control]:
        options = sorted(laws.items(), key=lambda item: item[1].lower())
        return self.row_list(
            "sources",
            [("law", "Wet", options), ("article", "Artikel", None),
             ("paragraph", "Lid (mag leeg)", None)],
            title="Bronnen", add_label="Bron toevoegen", ident="source",
        )  # fmt: skip


def _outcome_parts(
    ident: str,
    row: dict[str, str],
    set_: Callable[[str], Callable[[str], None]],
    items: list[tuple[str, str]],
    steps: list[tuple[str, str]],
) -> list[ft.Control]:
    """The fields of one outcome rule: its kind, then what that kind needs, then the step."""
    parts: list[ft.Control] = [
        dropdown(f"{ident}-rule", "Als", row["rule"], RULE_KINDS, set_("rule"))
    ]
    if row["rule"] != "otherwise":
        parts.append(
            dropdown(f"{ident}-answer", "Antwoord", row["answer"] or None, ANSWERS, set_("answer"))
        )
    if row["rule"] == "item":
        parts.append(
            dropdown(f"{ident}-item", "Onderdeel", row["item"] or None, items, set_("item"))
        )
    if row["rule"] == "count":
        parts.append(field(f"{ident}-min", "Minstens hoeveel", row["min"], set_("min")))
    parts.append(dropdown(f"{ident}-next", "Dan naar", row["next"] or None, steps, set_("next")))
    return parts


def form(
    ui: UIContext, edit: Edit, text: str, errors: dict[str, str], step_ids: list[str]
) -> list[ft.Control]:
    """The form of one step (or fragment, or law)."""
    assert edit.node is not None
    current = nodes.node_fields(text, edit.node, edit.section)
    f = _Form(ui, edit, current, errors)
    steps = [(i, i) for i in step_ids if i != edit.node]
    if edit.section == "laws":
        return _law_form(f, edit.node)
    kind = str(current.get("type", ""))
    title = NODE_TYPES.get(kind, "Bouwsteen" if edit.section == "fragments" else "Stap")
    out: list[ft.Control] = [w.heading(f"{title} {edit.node}", 2, ident="form-heading")]
    if kind == "question":
        out += [f.text("text", "Vraag"), f.text("help", "Hulptekst (mag leeg)", multiline=True)]
        out += f.row_list("choices", [("label", "Keuze", None), ("next", "Gaat naar", steps)])
    elif kind == "info":
        out += [
            f.text("title", "Titel"),
            f.text("text", "Tekst", multiline=True),
            f.choose("next", "Volgende stap", steps),
        ]
    elif kind == "checklist":
        out += [f.text("title", "Titel"), f.text("intro", "Inleiding", multiline=True)]
        out += f.row_list("items", [("id", "Id", None), ("text", "Vraag", None)])
        item_ids = [str(r.get("id")) for r in f.rows("items") if r.get("id")]
        out += f.outcomes(item_ids, steps)
    elif kind == "advice" or edit.section == "fragments":
        fields = (
            _PART_FIELDS
            if kind != "advice"
            else ("title", "summary", "steps", "explanation", "sources", "help", "actions")
        )
        shown = [n for n in fields if kind == "advice" or n in current]
        out += _advice_parts(ui, f, edit, shown)
    return out


def _advice_parts(ui: UIContext, f: _Form, edit: Edit, shown: list[str]) -> list[ft.Control]:
    out: list[ft.Control] = []
    for name in shown:
        if name == "title":
            out.append(f.text("title", "Titel"))
        elif name == "summary":
            out.append(f.text("summary", "Samenvatting in één zin (mag leeg)"))
        elif name == "steps":
            out.append(f.lines("steps", "Wat kun je doen: één stap per regel"))
        elif name == "explanation":
            out.append(f.text("explanation", "Uitleg: waarom", multiline=True))
        elif name == "sources":
            out += f.sources(ui.studio.law_names(edit.cs_id))
        elif name == "help":
            keys = sorted(ui.studio.registry_section(edit.cs_id, "help"))
            out.append(f.lines("help", "Verdere hulp (namen, met komma's)", comma=True,
                               hint="Kies uit: " + ", ".join(keys)))  # fmt: skip
        elif name == "actions":
            flows = sorted(
                p.rsplit("/", 1)[-1].removesuffix(".yaml")
                for p in ui.studio.files(edit.cs_id)
                if p.endswith(".yaml") and "/_fragments/" not in p and p.count("/") >= 2
            )
            out += f.actions(flows)
    return out


def _law_form(f: _Form, key: str) -> list[ft.Control]:
    return [
        w.heading(f"Wet {key}", 2, ident="form-heading"),
        w.muted("Bronnen in het advies noemen deze wet met haar sleutel: " + key + "."),
        f.text("title", "Volledige naam"),
        f.text("short", "Korte naam in bronvermeldingen (mag leeg)"),
        f.choose("kind", "Soort", LAW_KINDS),
        f.text("bwb", "BWB-id (bij een Nederlandse wet)", hint="Bijvoorbeeld BWBR0034925"),
        f.text("celex", "CELEX-nummer (bij een Europese regel)", hint="Bijvoorbeeld 32016R0679"),
        f.text("kamerstuk", "Kamerstuknummer (bij een wetsvoorstel)", hint="Bijvoorbeeld 36295"),
        f.text("checked_at", "Status nagekeken op (bij een wetsvoorstel, JJJJ-MM-DD)"),
        f.text("url", "Adres (mag leeg; bij een code verplicht)"),
    ]
