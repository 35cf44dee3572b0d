"""The gemeenteredacteur's screen without a client: own text per part, then the conflict after
a national publication with old, new and own text side by side, keep or take per part."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from studiokit import FAST, PASSWORD
from uikit import click, idents, texts, type_into

from overlaykit import AMSTERDAM_STEP, FLOW_FILE, FLOW_ID, add_national_flow
from privacyapp.studio import Studio, User
from privacyapp.views.studio.app import StudioUI

PART = f"local-{FLOW_ID}-lokale-stap"


@pytest.fixture
def studio(content_repo: Path, tmp_path: Path, ticking: Callable[[], datetime]) -> Studio:
    add_national_flow(content_repo)
    return Studio(content_repo, tmp_path / "studio-data", clock=ticking, hash_params=FAST)


@pytest.fixture
def team(studio: Studio) -> dict[str, User]:
    people = {
        name: studio.add_account(name, PASSWORD, [role])
        for name, role in [("anna", "auteur"), ("jet", "jurist"), ("piet", "publicist")]
    }
    people["gert"] = studio.add_account(
        "gert", PASSWORD, ["gemeenteredacteur"], municipality="GM0363"
    )
    return people


def _signed_in(studio: Studio, name: str) -> StudioUI:
    ui = StudioUI(None, studio)
    ui.render()
    type_into(ui.body.controls[0], "sign-in-name", name)
    type_into(ui.body.controls[0], "sign-in-password", PASSWORD)
    click(ui.body.controls[0], "sign-in-submit")
    return ui


def _publish(studio: Studio, team: dict[str, User], cs_id: int) -> None:
    studio.approve(team["jet"], cs_id)
    studio.publish(team["piet"], cs_id)


def test_the_municipal_editor_adapts_and_later_resolves_part_by_part(
    studio: Studio, team: dict[str, User]
) -> None:
    gert = _signed_in(studio, "gert")
    type_into(gert.body.controls[0], "list-new-title", "Eigen werkwijze Amsterdam")
    click(gert.body.controls[0], "list-new")
    click(gert.body.controls[0], "cs-local")
    assert gert.state.route == "/voorstel/1/gemeente"
    shown = texts(gert.body.controls[0])
    assert "Lokale tekst van Amsterdam (GM0363)" in shown
    assert "Landelijk: volgt de landelijke tekst" in shown
    type_into(gert.body.controls[0], f"{PART}-text", AMSTERDAM_STEP)
    click(gert.body.controls[0], f"{PART}-text-save")
    type_into(gert.body.controls[0], f"{PART}-title", "Zo vraag je het aan in Amsterdam")
    click(gert.body.controls[0], f"{PART}-title-save")
    assert gert.state.error is None, gert.state.error
    shown = texts(gert.body.controls[0])
    assert shown.count("Eigen tekst") >= 2 and f"{PART}-text-national" in idents(
        gert.body.controls[0]
    )
    gert.go("/voorstel/1")
    click(gert.body.controls[0], "cs-submit")
    assert studio.change_set(1).state_label == "Ter beoordeling"
    _publish(studio, team, 1)

    # the national editors change the same step, and publish
    cs = studio.new_change_set(team["anna"], "Landelijke werkwijze")
    text, version = studio.read(cs.id, f"flows/{FLOW_FILE}")
    text = text.replace("title: Zo vraag je het aan", "title: Zo vraag je je gegevens op")
    text = text.replace("Schrijf erin dat je je gegevens wilt zien.", "Noem je naam en adres.")
    studio.save(team["anna"], cs.id, {f"flows/{FLOW_FILE}": text}, expected_version=version)
    studio.submit(team["anna"], cs.id)
    _publish(studio, team, cs.id)

    gert.go("/")
    type_into(gert.body.controls[0], "list-new-title", "Landelijke wijziging verwerken")
    click(gert.body.controls[0], "list-new")
    click(gert.body.controls[0], "cs-local")
    screen = gert.body.controls[0]
    shown = texts(screen)
    assert "Landelijke versie gewijzigd" in shown
    assert "Oude landelijke tekst" in shown and "Nieuwe landelijke tekst" in shown
    assert "Zo vraag je je gegevens op" in shown and "Zo vraag je het aan in Amsterdam" in shown
    click(screen, f"{PART}-text-keep")
    click(gert.body.controls[0], f"{PART}-title-take")
    click(gert.body.controls[0], f"local-{FLOW_ID}-resolve")
    assert gert.state.error is None, gert.state.error
    assert "Landelijke versie gewijzigd" not in texts(gert.body.controls[0])
    view = studio.overlay(3, "GM0363").flow(FLOW_ID)
    status = {p.name: p.status for p in view.parts}
    assert status["lokale-stap.text"] == "local" and status["lokale-stap.title"] == "inherited"


def test_the_editor_makes_a_variant_and_shows_what_it_inherits(
    studio: Studio, team: dict[str, User]
) -> None:
    anna = _signed_in(studio, "anna")
    type_into(anna.body.controls[0], "list-new-title", "Variant voor ouders")
    click(anna.body.controls[0], "list-new")
    anna.go(f"/voorstel/1/bestand?pad=flows/{FLOW_FILE}")
    type_into(anna.body.controls[0], "copy-id", f"{FLOW_ID}-ouder")
    click(anna.body.controls[0], "variant-make")
    assert anna.state.error is None, anna.state.error
    anna.go(f"/voorstel/1/bestand?pad=flows/algemeen/{FLOW_ID}-ouder.yaml")
    shown = texts(anna.body.controls[0])
    assert "Variant: geërfd en overschreven" in shown
    assert "lokale-stap: geërfd (volgt de basis)" in shown
    assert "gegevens van de vraag: overschreven: id, titel, status, versie" in shown
