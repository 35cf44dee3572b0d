"""The studio's screens, built without a client: the editors' journey from sign-in to publish."""

from __future__ import annotations

from pathlib import Path

import pytest
from studiokit import ADVICE_FILE, PASSWORD
from uikit import click, find, idents, texts, type_into

from privacyapp.studio import Studio, User
from privacyapp.views.studio.app import StudioUI


def _signed_in(studio: Studio, name: str) -> StudioUI:
    ui = StudioUI(None, studio)
    ui.render()
    screen = ui.body.controls[0]
    type_into(screen, "sign-in-name", name)
    type_into(screen, "sign-in-password", PASSWORD)
    click(screen, "sign-in-submit")
    assert ui.state.route == "/" and ui.state.user is not None
    return ui


def screen(ui: StudioUI) -> object:
    return ui.body.controls[0]


def test_a_wrong_password_keeps_you_on_the_sign_in_screen(
    studio: Studio, team: dict[str, User]
) -> None:
    ui = StudioUI(None, studio)
    ui.render()
    type_into(screen(ui), "sign-in-name", "anna")
    type_into(screen(ui), "sign-in-password", "niet het wachtwoord")
    click(screen(ui), "sign-in-submit")
    assert "klopt niet" in texts(screen(ui)) and ui.state.user is None


def test_the_journey_from_edit_to_publish(studio: Studio, team: dict[str, User]) -> None:
    anna = _signed_in(studio, "anna")
    type_into(screen(anna), "list-new-title", "Uitleg gezinsvoogd")
    click(screen(anna), "list-new")
    assert anna.state.route == "/voorstel/1"
    assert "Status: Concept" in texts(screen(anna))
    anna.go(f"/voorstel/1/bestand?pad={ADVICE_FILE}&stap=advies-geven")
    form = screen(anna)
    assert "Advies advies-geven" in texts(form)
    type_into(form, "form-explanation", "Geef de gezinsvoogd wat hij nodig heeft. Meer niet.")
    # a new source, but the law is not chosen yet: a located error
    click(form, "form-source-add")
    form = screen(anna)
    count = len([i for i in idents(form) if i.endswith("-law") and i.startswith("form-source-")])
    new = count - 1
    type_into(form, f"form-source-{new}-article", "7.3.8")
    click(form, "editor-save")
    summary = texts(screen(anna))
    assert "1 fout(en)" in summary and "stap advies-geven, bronnen" in summary
    form = screen(anna)
    type_into(form, f"form-source-{new}-law", "jeugdwet")
    type_into(form, f"form-source-{new}-article", "7.3.8")
    click(form, "editor-save")
    assert "De controle vindt geen problemen" in texts(screen(anna))
    # the preview shows the app's own advice screen with the new text
    click(screen(anna), "editor-preview")
    preview = screen(anna)
    assert "Geef de gezinsvoogd wat hij nodig heeft. Meer niet." in texts(preview)
    assert "Jeugdwet, artikel 7.3.8" in texts(preview)
    click(preview, "preview-edit")
    assert "stap=advies-geven" in anna.state.route
    anna.go("/voorstel/1")
    assert "bron toegevoegd: Jeugdwet art. 7.3.8" in texts(screen(anna))
    click(screen(anna), "cs-submit")
    assert "Status: Ter beoordeling" in texts(screen(anna))
    with pytest.raises(AssertionError):
        find(screen(anna), "cs-approve")  # an author sees no approve button
    jet = _signed_in(studio, "jet")
    jet.go("/voorstel/1")
    type_into(screen(jet), "cs-comment", "advies-geven: goed zo.")
    click(screen(jet), "cs-comment-send")
    assert "Opmerking van jet bij advies-geven: goed zo." in texts(screen(jet))
    click(screen(jet), "cs-approve")
    assert "Status: Goedgekeurd" in texts(screen(jet))
    piet = _signed_in(studio, "piet")
    piet.go("/voorstel/1")
    click(screen(piet), "cs-publish")
    shown = texts(screen(piet))
    assert "Status: Gepubliceerd" in shown
    assert "piet publiceerde het voorstel" in shown and "jet keurde het voorstel goed" in shown
    assert "Meer niet." in (studio.published_text(ADVICE_FILE) or "")


def test_the_service_refuses_what_the_ui_would_not_offer(
    studio: Studio, team: dict[str, User]
) -> None:
    kim = studio.add_account("kim", PASSWORD, ["auteur", "jurist"])
    ui = _signed_in(studio, "kim")
    ui.go("/")
    type_into(screen(ui), "list-new-title", "Eigen werk")
    click(screen(ui), "list-new")
    text, version = studio.read(1, ADVICE_FILE)
    studio.save(kim, 1, {ADVICE_FILE: text.replace("Niet meer.", "Niet meer dan nodig.", 1)},
                expected_version=version)  # fmt: skip
    ui.go("/voorstel/1")
    click(screen(ui), "cs-submit")
    click(screen(ui), "cs-approve")  # offered by role, refused by the four-eyes rule
    assert "meegeschreven" in texts(screen(ui))
    assert "Status: Ter beoordeling" in texts(screen(ui))


def test_the_beheerder_makes_an_account(
    studio: Studio, team: dict[str, User], tmp_path: Path
) -> None:
    bea = _signed_in(studio, "bea")
    bea.go("/beheer")
    type_into(screen(bea), "admin-name", "nina")
    type_into(screen(bea), "admin-display", "Nina Nieuw")
    type_into(screen(bea), "admin-password", PASSWORD)
    type_into(screen(bea), "admin-role-jurist", "ja")
    click(screen(bea), "admin-create")
    assert "Nina Nieuw (nina): Jurist (beoordelaar)" in texts(screen(bea))
    assert studio.sign_in("nina", PASSWORD)[1].roles == {"jurist"}


class _Storage:
    """The browser's storage, as the studio uses it (async get, set, remove)."""

    def __init__(self) -> None:
        self.data: dict[str, str] = {}

    async def get(self, key: str) -> str | None:
        return self.data.get(key)

    async def set(self, key: str, value: str) -> bool:
        self.data[key] = value
        return True

    async def remove(self, key: str) -> bool:
        self.data.pop(key, None)
        return True


def test_a_sign_in_survives_a_reload_until_it_ends(studio: Studio, team: dict[str, User]) -> None:
    import asyncio
    from datetime import timedelta

    from privacyapp.views.studio.app import TOKEN_KEY

    token, _ = studio.sign_in("jet", PASSWORD)
    storage = _Storage()
    storage.data[TOKEN_KEY] = token
    reloaded = StudioUI(None, studio, storage=storage)
    asyncio.run(reloaded.restore_session())
    assert reloaded.state.user is not None and reloaded.state.user.name == "jet"
    studio.idle = timedelta(seconds=1)  # the test clock ticks a second per call
    studio.clock()
    studio.clock()
    again = StudioUI(None, studio, storage=storage)
    asyncio.run(again.restore_session())
    assert again.state.user is None and TOKEN_KEY not in storage.data
    again.render()
    assert "sign-in-title" in idents(screen(again))


def test_a_refused_save_keeps_what_was_typed(studio: Studio, team: dict[str, User]) -> None:
    anna = _signed_in(studio, "anna")
    type_into(screen(anna), "list-new-title", "Twee tegelijk")
    click(screen(anna), "list-new")
    anna.go(f"/voorstel/1/bestand?pad={ADVICE_FILE}&stap=advies-geven")
    type_into(screen(anna), "form-explanation", "Tekst van Anna in het formulier.")
    text, version = studio.read(1, ADVICE_FILE)  # Bram saves first, from another tab
    studio.save(team["bram"], 1, {ADVICE_FILE: text.replace("Niet meer.", "Echt niet meer.", 1)},
                expected_version=version)  # fmt: skip
    click(screen(anna), "editor-save")
    shown = texts(screen(anna))
    assert "Iemand anders heeft dit voorstel intussen opgeslagen" in shown
    field = find(screen(anna), "form-explanation")
    assert field.value == "Tekst van Anna in het formulier."  # still in the form
    kept = studio.change_set(1).conflicts
    assert [c.author for c in kept] == ["anna"]  # and kept by the studio


def test_the_overview_links_each_problem_to_its_step(studio: Studio, team: dict[str, User]) -> None:
    cs = studio.new_change_set(team["anna"], "Een fout")
    text, version = studio.read(cs.id, ADVICE_FILE)
    broken = text.replace("{law: jeugdwet,", "{law: jeugwet,", 1)
    studio.save(team["anna"], cs.id, {ADVICE_FILE: broken}, expected_version=version)
    anna = _signed_in(studio, "anna")
    anna.go(f"/voorstel/{cs.id}")
    shown = texts(screen(anna))
    assert "1 fout(en)" in shown and "Fout in jeugd-gezinsvoogd.yaml, stap" in shown
    click(screen(anna), "cs-check-0")
    assert anna.state.route.startswith(f"/voorstel/{cs.id}/bestand?pad={ADVICE_FILE}&stap=")
