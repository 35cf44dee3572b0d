"""A building block that flows use is never saved silently: the editor sees every flow it
reaches with what changes there, and chooses "Overal wijzigen" or, per flow, "Alleen in deze
vragenlijst"."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import flet as ft
import pytest
from uikit import click, find, idents, screen, signed_in, texts, type_into

from privacyapp.engine.model import AdviceNode
from privacyapp.studio import Studio, User
from privacyapp.views.studio import autosave
from privacyapp.views.studio.app import StudioUI

#: ajm-advies-veilig-thuis-acuut in this file is used by exactly two flows (step advies-acuut).
FRAGMENTS = "flows/_fragments/algemeen-jeugd-multiprobleem.yaml"
BLOCK = "ajm-advies-veilig-thuis-acuut"
HERE = f"/voorstel/1/bestand?pad={FRAGMENTS}&stap={BLOCK}"
OLD = "Bij acuut gevaar bel je altijd eerst 112."
NEW = "Is er nu gevaar? Bel dan eerst 112."
USERS = {
    "algemeen-meldcode": "flows/algemeen/algemeen-meldcode.yaml",
    "jeugd-melden-veilig-thuis": "flows/jeugd/jeugd-melden-veilig-thuis.yaml",
}


def _saves(studio: Studio) -> list[str]:
    return [e.actor for e in studio.audit(1) if e.action == "opgeslagen"]


def _summaries(studio: Studio) -> dict[str, str | None]:
    """flow id -> the summary of its advice advies-acuut, in the change set's version."""
    library = studio.check(1).library
    assert library is not None
    found = {}
    for flow_id in USERS:
        node = library.get(flow_id).nodes["advies-acuut"]
        assert isinstance(node, AdviceNode)
        found[flow_id] = node.summary
    return found


@pytest.fixture
def anna(studio: Studio, team: dict[str, User]) -> StudioUI:
    studio.new_change_set(team["anna"], "Tekst bij acuut gevaar")
    ui = signed_in(studio, "anna")
    ui.go(HERE)
    return ui


def _typed_and_held(studio: Studio, anna: StudioUI) -> None:
    assert find(screen(anna), "form-summary").value == OLD
    type_into(screen(anna), "form-summary", NEW)
    click(screen(anna), "editor-save")
    assert _saves(studio) == []


def test_the_panel_lists_every_flow_that_uses_the_block_with_its_changes(
    studio: Studio, anna: StudioUI
) -> None:
    _typed_and_held(studio, anna)
    shown = screen(anna)
    assert anna.autosave.status == autosave.HELD_STATUS
    assert autosave.HELD_STATUS in texts(find(shown, "editor-autosave"))
    panel = find(shown, "impact")
    words = texts(panel)
    assert "Deze bouwsteen wordt gebruikt in 2 vragenlijsten" in words
    assert "Meldcode huiselijk geweld en kindermishandeling in vijf stappen" in words
    assert "Mag ik zonder toestemming melden bij Veilig Thuis?" in words
    assert words.count("Advies advies-acuut: samenvatting gewijzigd") == 2
    for flow_id in USERS:
        assert texts(find(panel, f"impact-uses-{flow_id}")) == "Gebruikt in stap advies-acuut."
        marked = find(panel, f"impact-{flow_id}-advies-acuut-summary")
        pieces = {(s.text, s.style.weight) for s in marked.spans if s.style is not None}
        assert ("nu", ft.FontWeight.BOLD) in pieces  # an added word, in bold
        assert f"impact-only-{flow_id}" in idents(panel)
    assert "impact-everywhere" in idents(panel)
    assert find(shown, "form-summary").value == NEW  # the typed text stays on screen
    assert studio.change_set(1).files == ()  # nothing saved yet


def test_overal_wijzigen_saves_the_block_and_every_flow_follows(
    studio: Studio, anna: StudioUI
) -> None:
    _typed_and_held(studio, anna)
    click(screen(anna), "impact-everywhere")
    assert _saves(studio) == ["anna"]
    assert [p for _, p in studio.change_set(1).files] == [FRAGMENTS]
    assert f"summary: {NEW}" in studio.read(1, FRAGMENTS)[0]
    assert _summaries(studio) == dict.fromkeys(USERS, NEW)
    assert "impact" not in idents(screen(anna))
    assert anna.autosave.status is not None
    assert "overal gewijzigd: in 2 vragenlijsten" in anna.autosave.status
    # the next change of the block asks again
    type_into(screen(anna), "form-summary", "Bel 112 bij gevaar.")
    click(screen(anna), "editor-save")
    assert _saves(studio) == ["anna"] and "impact" in idents(screen(anna))


def test_alleen_in_deze_vragenlijst_changes_that_flow_and_leaves_the_block(
    studio: Studio, anna: StudioUI
) -> None:
    published = studio.published_text(FRAGMENTS)
    _typed_and_held(studio, anna)
    click(screen(anna), "impact-only-jeugd-melden-veilig-thuis")
    assert _saves(studio) == ["anna"]
    assert [p for _, p in studio.change_set(1).files] == [USERS["jeugd-melden-veilig-thuis"]]
    assert studio.read(1, FRAGMENTS)[0] == published  # the block is unchanged
    assert _summaries(studio) == {"algemeen-meldcode": OLD, "jeugd-melden-veilig-thuis": NEW}
    shown = screen(anna)
    assert "impact" not in idents(shown)
    assert find(shown, "form-summary").value == OLD  # the form shows the block as it is
    assert "Alleen de vragenlijst" in texts(find(shown, "editor-autosave"))


def test_autosave_does_not_save_a_block_that_flows_use(
    studio: Studio, anna: StudioUI, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting: list[Callable[[], Coroutine[Any, Any, None]]] = []
    anna.autosave.schedule = waiting.append
    monkeypatch.setattr(autosave, "IDLE_SECONDS", 0)
    before = screen(anna)
    type_into(before, "form-summary", NEW)
    asyncio.run(waiting[-1]())  # a pause: the autosave holds it instead of saving
    assert _saves(studio) == []
    assert screen(anna) is before  # not rebuilt: the field keeps its focus
    assert autosave.HELD_STATUS in texts(find(before, "editor-autosave"))
    assert "Deze bouwsteen wordt gebruikt in 2 vragenlijsten" in texts(find(before, "impact"))
    anna.go("/voorstel/1")  # leaving the form does not save it either, and says so
    assert _saves(studio) == [] and studio.change_set(1).files == ()
    assert "wacht op je keuze" in texts(find(screen(anna), "cs-held"))
    click(screen(anna), "cs-held-algemeen-jeugd-multiprobleem")  # back to the choice
    anna.go(HERE)  # the typed text and the choice are still there
    assert find(screen(anna), "form-summary").value == NEW
    assert "impact" in idents(screen(anna))


def test_a_block_that_no_flow_uses_saves_as_before(studio: Studio, anna: StudioUI) -> None:
    type_into(screen(anna), "editor-new-node", "nieuw-blok")
    type_into(screen(anna), "editor-new-kind", "advice")
    click(screen(anna), "editor-add")
    assert _saves(studio) == ["anna"]
    assert anna.state.route.endswith("&stap=nieuw-blok")
    type_into(screen(anna), "form-title", "Een nieuwe bouwsteen")
    click(screen(anna), "editor-save")
    assert _saves(studio) == ["anna", "anna"]
    assert "impact" not in idents(screen(anna))
    assert "title: Een nieuwe bouwsteen" in studio.read(1, FRAGMENTS)[0]


def test_a_refused_choice_is_shown_in_the_error_summary(
    studio: Studio, anna: StudioUI, team: dict[str, User]
) -> None:
    _typed_and_held(studio, anna)
    path = USERS["algemeen-meldcode"]  # Bram saves first, in another tab
    text, version = studio.read(1, path)
    studio.save(team["bram"], 1, {path: text + "\n"}, expected_version=version)
    click(screen(anna), "impact-everywhere")
    assert "Iemand anders" in texts(find(screen(anna), "error"))
    assert "editor-stale" in idents(screen(anna))
    assert [c.author for c in studio.change_set(1).conflicts] == ["anna"]  # her text is kept
    assert studio.read(1, FRAGMENTS)[0] == studio.published_text(FRAGMENTS)


def test_a_variant_is_listed_via_its_base(studio: Studio, anna: StudioUI) -> None:
    path = "flows/_fragments/wmo-werk-schulden.yaml"
    anna.go(f"/voorstel/1/bestand?pad={path}&stap=wws-nog-wachten")
    type_into(screen(anna), "form-summary", "Wacht nog een paar weken.")
    click(screen(anna), "editor-save")
    panel = find(screen(anna), "impact")
    flows = [i.removeprefix("impact-uses-") for i in idents(panel) if i.startswith("impact-uses-")]
    variants = [f for f in flows if "via " in texts(find(panel, f"impact-uses-{f}"))]
    assert variants and len(variants) < len(flows)
    for flow_id in variants:  # no dead button: the variant follows its base
        assert f"impact-only-{flow_id}" not in idents(panel)
    assert f"Deze bouwsteen wordt gebruikt in {len(flows)} vragenlijsten" in texts(panel)


def test_broken_yaml_in_a_block_file_is_held_too(studio: Studio, anna: StudioUI) -> None:
    click(screen(anna), "editor-mode-yaml")
    text = find(screen(anna), "editor-yaml").value
    type_into(screen(anna), "editor-yaml", text.replace(OLD, NEW) + "\n  kapot: [\n")
    click(screen(anna), "editor-save")
    shown = screen(anna)  # unreadable blocks reach every flow that uses them: held too
    assert _saves(studio) == [] and "impact" in idents(shown)
    assert find(shown, "editor-yaml").value.endswith("kapot: [\n")  # the typed text stays
