"""The forms edit every part of the content without YAML: checklist outcome rules, advice
actions, fragments (flows/_fragments) and the registry's laws (flows/registry.yaml)."""

from __future__ import annotations

from typing import Any

import pytest
from uikit import click, find, idents, screen, signed_in, texts, type_into

from privacyapp.studio import Studio, User, nodes
from privacyapp.views.studio.app import StudioUI
from privacyapp.views.studio.forms import outcome_row, outcome_value

CHECKLIST = "flows/algemeen/algemeen-conflict-van-plichten.yaml"
ADVICE = "flows/jeugd/jeugd-gezinsvoogd.yaml"
FRAGMENTS = "flows/_fragments/algemeen.yaml"
REGISTRY = "flows/registry.yaml"


@pytest.fixture
def anna(studio: Studio, team: dict[str, User]) -> StudioUI:
    studio.new_change_set(team["anna"], "Formulieren")
    return signed_in(studio, "anna")


def _open(ui: StudioUI, path: str, step: str) -> Any:
    ui.go(f"/voorstel/1/bestand?pad={path}&stap={step}")
    return screen(ui)


def _saved(studio: Studio, path: str, step: str, section: str = "nodes") -> dict[str, Any]:
    return nodes.node_fields(studio.read(1, path)[0], step, section)


@pytest.mark.parametrize(
    "outcome",
    [
        {"when": {"all": "yes"}, "next": "a"},
        {"when": {"any": "unknown"}, "next": "b"},
        {"when": {"none": "no"}, "next": "c"},
        {"when": {"item": "schade", "is": "no"}, "next": "d"},
        {"when": {"count": "no", "min": 2}, "next": "e"},
        {"when": "otherwise", "next": "f"},
    ],
)
def test_every_form_of_an_outcome_rule_round_trips(outcome: dict[str, Any]) -> None:
    assert outcome_value(outcome_row(outcome)) == outcome


def test_the_checklist_form_edits_its_outcome_rules(studio: Studio, anna: StudioUI) -> None:
    form = _open(anna, CHECKLIST, "checklist")
    assert "Uitkomstregels" in texts(form)
    assert find(form, "form-outcomes-1-rule").value == "item"
    assert find(form, "form-outcomes-1-item").value == "toestemming"
    # the second rule now looks at another item and leads to the overleg advice
    type_into(form, "form-outcomes-1-item", "schade")
    type_into(form, "form-outcomes-1-next", "advies-overleg")
    click(form, "form-outcomes-add")  # a new rule goes before "anders"
    form = screen(anna)
    type_into(form, "form-outcomes-3-rule", "count")
    form = screen(anna)
    type_into(form, "form-outcomes-3-answer", "no")
    type_into(form, "form-outcomes-3-min", "2")
    type_into(form, "form-outcomes-3-next", "advies-niet-doorbreken")
    click(form, "editor-save")
    outcomes = _saved(studio, CHECKLIST, "checklist")["outcomes"]
    assert outcomes[1] == {"when": {"item": "schade", "is": "no"}, "next": "advies-overleg"}
    assert outcomes[3] == {"when": {"count": "no", "min": "2"}, "next": "advies-niet-doorbreken"}
    assert outcomes[4] == {"when": "otherwise", "next": "advies-niet-doorbreken"}
    assert len(outcomes) == 5
    assert not [d for d in studio.check(1).for_path(CHECKLIST) if d.is_error]
    text = studio.read(1, CHECKLIST)[0]
    assert "      - when: {all: yes}\n        next: advies-doorbreken\n" in text  # untouched


def test_a_rule_on_an_unknown_item_is_a_dutch_error_at_the_rule(
    studio: Studio, anna: StudioUI
) -> None:
    form = _open(anna, CHECKLIST, "checklist")
    click(form, "form-items-0-remove")  # the item "toestemming" goes; rule 2 still names it
    click(screen(anna), "editor-save")
    shown = texts(screen(anna))
    assert 'De regel noemt het onderdeel "toestemming", maar dat staat niet in deze checklist' in (
        shown
    )


def test_the_advice_form_edits_its_actions(studio: Studio, anna: StudioUI) -> None:
    form = _open(anna, ADVICE, "advies-geven")
    assert "form-actions-add" in idents(form)
    click(form, "form-actions-add")
    form = screen(anna)
    type_into(form, "form-actions-0-kind", "rights-request")
    type_into(form, "form-actions-0-label", "Vraag je dossier op")
    type_into(form, "form-actions-0-request", "inzage")
    click(form, "editor-save")
    actions = _saved(studio, ADVICE, "advies-geven")["actions"]
    assert actions == [{"kind": "rights-request", "label": "Vraag je dossier op",
                        "request": "inzage"}]  # fmt: skip
    # an existing action keeps its text when another field of the advice changes
    form = _open(anna, ADVICE, "advies-deel")
    before = _saved(studio, ADVICE, "advies-deel")["actions"]
    type_into(form, "form-title", "Deel wat nodig is")
    click(form, "editor-save")
    assert _saved(studio, ADVICE, "advies-deel")["actions"] == before


def test_a_link_without_an_address_is_an_error_in_dutch(studio: Studio, anna: StudioUI) -> None:
    form = _open(anna, ADVICE, "advies-geven")
    click(form, "form-actions-add")
    form = screen(anna)
    type_into(form, "form-actions-0-kind", "link")
    type_into(form, "form-actions-0-label", "Meer lezen")
    click(form, "editor-save")
    errors = [d for d in studio.check(1).for_path(ADVICE) if d.is_error]
    assert errors and errors[0].code == "schema"
    assert "1 fout(en)" in texts(screen(anna))


def test_fragments_are_edited_in_the_studio(studio: Studio, anna: StudioUI) -> None:
    anna.go("/voorstel/1")
    click(screen(anna), "cs-sector-_fragments")
    click(screen(anna), "cs-file-algemeen")
    assert "Bouwstenen" in texts(screen(anna))
    form = _open(anna, FRAGMENTS, "advies-niet-delen-zonder-toestemming")
    type_into(form, "form-title", "Deel niets zonder toestemming van je cliënt")
    click(form, "editor-save")  # flows use it: the editor says where the change counts
    assert "Deze bouwsteen wordt gebruikt in 3 vragenlijsten" in texts(screen(anna))
    click(screen(anna), "impact-everywhere")
    saved = _saved(studio, FRAGMENTS, "advies-niet-delen-zonder-toestemming", "fragments")
    assert saved["title"] == "Deel niets zonder toestemming van je cliënt"
    diff = next(d for d in studio.diff(1) if d.path == FRAGMENTS)
    assert [n.node for n in diff.nodes] == ["advies-niet-delen-zonder-toestemming"]
    # a fragment that is part of a step shows only what it holds
    form = _open(anna, FRAGMENTS, "meer-hulp-inwoner")
    assert "form-help" in idents(form) and "form-title" not in idents(form)
    # the flows that use the fragment get the new title
    library = studio.check(1).library
    assert library is not None
    titles = [
        getattr(node, "title", "")
        for flow in library.flows.values()
        for node in flow.nodes.values()
    ]
    assert "Deel niets zonder toestemming van je cliënt" in titles


def test_the_registrys_laws_are_edited_in_the_studio(studio: Studio, anna: StudioUI) -> None:
    anna.go("/voorstel/1")
    click(screen(anna), "cs-file-registry")
    assert "Wetten" in texts(screen(anna))
    form = _open(anna, REGISTRY, "jeugdwet")
    assert find(form, "form-bwb").value == "BWBR0034925"
    type_into(form, "form-short", "Jeugdwet (NL)")
    click(form, "editor-save")
    assert _saved(studio, REGISTRY, "jeugdwet", "laws")["short"] == "Jeugdwet (NL)"
    assert studio.law_names(1)["jeugdwet"] == "Jeugdwet (NL)"
    diff = next(d for d in studio.diff(1) if d.path == REGISTRY)
    assert [(n.label, n.node) for n in diff.nodes] == [("Wet", "jeugdwet")]
    # a new law: without its BWB id it is an error, in Dutch; with it, clean
    type_into(screen(anna), "editor-new-node", "wet-politiegegevens")
    type_into(screen(anna), "editor-new-kind", "bwb")
    click(screen(anna), "editor-add")
    assert anna.state.route.endswith("stap=wet-politiegegevens")
    shown = texts(screen(anna))
    assert "fout" in shown and "bwb" in shown
    type_into(screen(anna), "form-title", "Wet politiegegevens")
    type_into(screen(anna), "form-bwb", "BWBR0022463")
    click(screen(anna), "editor-save")
    assert not [d for d in studio.check(1).for_path(REGISTRY) if d.is_error]
    assert "wet-politiegegevens" in studio.law_names(1)
