"""Municipal text in national flows, in Chromium (issue 19's "Done when").

A gemeenteredacteur of Amsterdam adapts the contacts and a local step (what you can do) of a
national advice in the studio; the national editors then change that same advice (its steps
and its contacts) and publish; the gemeenteredacteur is shown "Landelijke versie gewijzigd"
with old national, new national and own text, keeps the own steps and takes the national
contacts; the citizen app for Amsterdam shows that result, marked as local where it is, and
Rotterdam sees the national text.

The national change and the reviews go through the service layer (the editor's forms and the
review screens have their own browser test); the municipal editor's steps and both citizen
journeys go through the browser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from browserkit import (
    ServerThread,
    content_repo,
    open_app,
    replace_text,
    sel,
    tap,
    type_into,
    wait_for,
)

from overlaykit import FIXTURE, FLOW_FILE, FLOW_ID
from privacyapp.content.bundle import load_bundle
from privacyapp.studio import Studio, User

pytestmark = pytest.mark.e2e

PASSWORD = "vier losse woorden hier"
SLOW = 90_000
NATIONAL = f"flows/{FLOW_FILE}"
PART = f"local-{FLOW_ID}-advies-inzage"
OWN_STEP = "Vul het formulier Inzage persoonsgegevens in op de website van de gemeente."
OWN_CONTACT = "Privacyteam van de gemeente | 14 020 | privacy@example.nl"
NEW_STEP = "Vraag om een gratis kopie van je gegevens."
NEW_CONTACT = "Het Juridisch Loket (gratis advies)"


@pytest.fixture
def studio(tmp_path: Path) -> Studio:
    repo = content_repo(tmp_path / "content", extra={NATIONAL: FIXTURE / FLOW_FILE})
    return Studio(repo, tmp_path / "studio-data")


@pytest.fixture
def viewport() -> dict[str, int]:
    return {"width": 1100, "height": 900}


def _team(studio: Studio) -> dict[str, User]:
    team = {
        name: studio.add_account(name, PASSWORD, [role])
        for name, role in [("anna", "auteur"), ("jet", "jurist"), ("piet", "publicist")]
    }
    team["gert"] = studio.add_account(
        "gert", PASSWORD, ["gemeenteredacteur"], display_name="Gert Gemeente",
        municipality="GM0363",
    )  # fmt: skip
    return team


def _text(page: Any) -> str:
    return str(page.evaluate("() => document.querySelector('flt-semantics-host, body').innerText"))


def _wait_text(page: Any, text: str) -> None:
    page.wait_for_function("t => document.body.innerText.includes(t)", arg=text, timeout=SLOW)


def _sign_in(page: Any, url: str) -> None:
    open_app(page, url, first="sign-in-title")
    type_into(page, "sign-in-name", "gert", submit=False)
    type_into(page, "sign-in-password", PASSWORD)
    wait_for(page, "list-title")


def _new_local_change_set(page: Any, title: str) -> None:
    type_into(page, "list-new-title", title, submit=False)
    tap(page, "list-new")
    wait_for(page, "cs-local", SLOW)
    tap(page, "cs-local")
    wait_for(page, "local-title", SLOW)


def _choose(page: Any, ident: str, chosen: str) -> None:
    """Tap a keep/take choice until the screen shows it chosen (a re-render can eat a tap)."""
    for _ in range(4):
        tap(page, ident)
        try:
            page.wait_for_function(
                "t => document.body.innerText.includes(t)", arg=chosen, timeout=5_000
            )
            page.wait_for_timeout(300)
            return
        except Exception:  # noqa: BLE001 - try the tap again
            continue
    raise AssertionError(f"{ident} did not take")


def _publish(studio: Studio, team: dict[str, User], cs_id: int) -> None:
    studio.approve(team["jet"], cs_id)
    studio.publish(team["piet"], cs_id)


def _citizen_advice(page: Any, app_url: str, municipality: str, card: str) -> str:
    """Choose a municipality, walk to the advice and return the screen's text."""
    open_app(page, app_url + "/gemeente", first="municipality-search")
    replace_text(page, "municipality-search", municipality)  # checks the keys all arrived
    page.keyboard.press("Enter")
    wait_for(page, card)
    tap(page, "tab-vragen")
    wait_for(page, "home-title")
    if page.locator(sel("home-audience-inwoner")).count():
        tap(page, "home-audience-inwoner")
    tap(page, "home-sector-algemeen")
    tap(page, f"flow-{FLOW_ID}")
    tap(page, "answer-0")
    tap(page, "flow-next")
    wait_for(page, "advice-title")
    return _text(page)


def test_municipal_text_survives_a_national_change_part_by_part(
    studio: Studio, browser_page: Any, tmp_path: Path, app_url: str
) -> None:
    # app_url: the session's app runs Flet's app manager; these two servers run beside it
    # without a lifespan of their own (see ServerThread), so stopping them leaves it working.
    from privacyapp.app import build_services
    from privacyapp.app import web_app as citizen_app
    from privacyapp.views.studio.app import web_app

    team = _team(studio)
    page = browser_page
    with ServerThread(web_app(studio), lifespan=False) as server:
        # the municipal editor adapts the contacts and a local step
        _sign_in(page, server.url)
        _new_local_change_set(page, "Eigen werkwijze Amsterdam")
        replace_text(page, f"{PART}-steps", OWN_STEP)
        tap(page, f"{PART}-steps-save")
        _wait_text(page, "Opgeslagen: Advies advies-inzage: stappen.")
        replace_text(page, f"{PART}-contacts", OWN_CONTACT)
        tap(page, f"{PART}-contacts-save")
        _wait_text(page, "Opgeslagen: Advies advies-inzage: contactgegevens.")
        tap(page, "local-back")
        tap(page, "cs-submit")
        _wait_text(page, "Status: Ter beoordeling")
        _publish(studio, team, 1)

        # the national editors change that same advice, and publish
        cs = studio.new_change_set(team["anna"], "Landelijk: inzage gratis")
        text, version = studio.read(cs.id, NATIONAL)
        text = text.replace("Vraag om een kopie van je gegevens.", NEW_STEP)
        text = text.replace("{name: Het Juridisch Loket,", f"{{name: {NEW_CONTACT},")
        text = text.replace("version: 1.0.0", "version: 1.1.0")
        studio.save(team["anna"], cs.id, {NATIONAL: text}, expected_version=version)
        studio.submit(team["anna"], cs.id)
        _publish(studio, team, cs.id)

        # the municipal editor is shown the conflict: keeps the own steps, takes the contacts
        tap(page, "nav-list")
        _new_local_change_set(page, "Landelijke wijziging verwerken")
        wait_for(page, f"local-{FLOW_ID}-changed", SLOW)
        shown = _text(page)
        for words in ("Landelijke versie gewijzigd", "Oude landelijke tekst",
                      "Nieuwe landelijke tekst", "Jullie tekst", NEW_STEP, OWN_STEP):  # fmt: skip
            assert words in shown, words
        _choose(page, f"{PART}-steps-keep", "✓ Eigen tekst houden")
        _choose(page, f"{PART}-contacts-take", "✓ Landelijke tekst overnemen")
        tap(page, f"local-{FLOW_ID}-resolve")
        _wait_text(page, "Verwerkt.")
        assert "Landelijke versie gewijzigd" not in _text(page)
        tap(page, "local-back")
        tap(page, "cs-submit")
        _wait_text(page, "Status: Ter beoordeling")
        _publish(studio, team, 3)

    # the citizen app with what was published
    publication = studio.history()[0]
    bundle = (studio.data_dir / "bundles" / publication.bundle_file).read_bytes()
    services = build_services(tmp_path / "app-data", web=True, library=load_bundle(bundle))
    with ServerThread(citizen_app(services), lifespan=False) as app:
        amsterdam = _citizen_advice(page, app.url, "Amsterdam", "municipality-card-gm0363")
        assert OWN_STEP in amsterdam and NEW_STEP not in amsterdam
        assert NEW_CONTACT in amsterdam and "Privacyteam van de gemeente" not in amsterdam
        assert amsterdam.count("Lokale informatie van gemeente Amsterdam") == 1
        rotterdam = _citizen_advice(page, app.url, "Rotterdam", "municipality-card-gm0599")
        assert NEW_STEP in rotterdam and OWN_STEP not in rotterdam
        assert NEW_CONTACT in rotterdam
        assert "Lokale informatie" not in rotterdam
