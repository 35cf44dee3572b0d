"""Autosave: what is typed goes into the change set after a pause or on leaving the form, as
one commit by the editor, never per keystroke and never into what is published."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from studiokit import ADVICE_FILE
from uikit import click, find, screen, signed_in, texts, type_into

from privacyapp.studio import Studio, User
from privacyapp.views.studio import autosave
from privacyapp.views.studio.app import StudioUI

ADVICE = f"/voorstel/1/bestand?pad={ADVICE_FILE}&stap=advies-geven"


def _saves(studio: Studio) -> list[str]:
    return [e.actor for e in studio.audit(1) if e.action == "opgeslagen"]


def _git_authors(studio: Studio) -> list[str]:
    out = subprocess.run(
        ["git", "-C", str(studio.repo.path), "log", "--format=%an", "main..studio/1"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return out.split()


@pytest.fixture
def anna(studio: Studio, team: dict[str, User]) -> StudioUI:
    studio.new_change_set(team["anna"], "Autosave")
    ui = signed_in(studio, "anna")
    ui.go(ADVICE)
    return ui


def test_typing_saves_nothing_until_the_editor_leaves_the_form_then_one_commit(
    studio: Studio, anna: StudioUI
) -> None:
    published = studio.published_text(ADVICE_FILE)
    text = "Geef de gezinsvoogd wat hij nodig heeft."
    for end in range(10, len(text) + 1, 5):  # keystrokes, in bursts
        type_into(screen(anna), "form-explanation", text[:end])
    assert _saves(studio) == []  # typing alone saves nothing
    anna.go("/voorstel/1")  # leaving the form
    assert _saves(studio) == ["anna"]  # one save for all of it
    assert _git_authors(studio) == ["Anna", "Auteur"]  # a commit by the editor
    saved, _ = studio.read(1, ADVICE_FILE)
    assert text in saved
    assert studio.published_text(ADVICE_FILE) == published  # never into what is published
    assert anna.autosave.status == "Opgeslagen om 11:00."  # 10:00 UTC is 11:00 in Amsterdam


def test_a_pause_saves_in_place_and_keeps_the_field(
    studio: Studio, anna: StudioUI, monkeypatch: pytest.MonkeyPatch
) -> None:
    waiting: list[Callable[[], Coroutine[Any, Any, None]]] = []
    anna.autosave.schedule = waiting.append
    monkeypatch.setattr(autosave, "IDLE_SECONDS", 0)
    type_into(screen(anna), "form-explanation", "Dit gaat conform de wet.")
    click(screen(anna), "editor-save")  # by hand: a warning (jargon) in the summary
    assert "ambtelijke taal" in texts(screen(anna))
    waiting.clear()
    sent: list[str] = []  # what the browser gets when the page is sent
    anna.autosave.on_update = lambda: sent.append(texts(screen(anna)))
    before = screen(anna)
    type_into(before, "form-explanation", "Eerste versie van de uitleg.")
    type_into(before, "form-explanation", "Tweede versie van de uitleg.")
    assert len(waiting) == 2 and _saves(studio) == ["anna"]
    asyncio.run(waiting[0]())  # the first timer: typing went on, so no save
    assert _saves(studio) == ["anna"]
    asyncio.run(waiting[1]())  # the last timer: a pause of IDLE_SECONDS
    assert _saves(studio) == ["anna", "anna"]
    assert screen(anna) is before  # not rebuilt: the field keeps its focus
    assert "Opgeslagen om" in texts(find(before, "editor-autosave"))
    # one update sends the new status and the new summary together
    assert len(sent) == 1 and "Opgeslagen om" in sent[0]
    assert "De controle vindt geen problemen" in sent[0] and "ambtelijke" not in sent[0]
    assert "Tweede versie van de uitleg." in studio.read(1, ADVICE_FILE)[0]


def test_a_second_editors_autosave_over_a_newer_version_is_told_and_nothing_is_lost(
    studio: Studio, anna: StudioUI, team: dict[str, User]
) -> None:
    type_into(screen(anna), "form-explanation", "Tekst van Anna.")
    text, version = studio.read(1, ADVICE_FILE)  # Bram saves first, in another tab
    studio.save(team["bram"], 1, {ADVICE_FILE: text.replace("Niet meer.", "Echt niet.", 1)},
                expected_version=version)  # fmt: skip
    anna.go("/voorstel/1")  # leaving: the autosave is refused
    assert anna.autosave.status is not None
    assert anna.autosave.status.startswith("Niet opgeslagen: iemand anders")
    kept = studio.change_set(1).conflicts
    assert [c.author for c in kept] == ["anna"] and "Tekst van Anna." in (kept[0].text or "")
    assert "Echt niet." in studio.read(1, ADVICE_FILE)[0]  # Bram's save stands
    # back in the form: told, with her text still there, and a way to the newest version
    anna.go(ADVICE)
    assert "editor-stale" in [c for c in _idents(screen(anna))]
    assert find(screen(anna), "form-explanation").value == "Tekst van Anna."
    click(screen(anna), "editor-reload")
    assert "Echt niet." in find(screen(anna), "form-steps").value
    type_into(screen(anna), "form-explanation", "Tekst van Anna, opnieuw.")
    anna.go("/voorstel/1")
    assert _saves(studio) == ["bram", "anna"]


def test_the_yaml_tab_saves_on_leaving_it(studio: Studio, anna: StudioUI) -> None:
    click(screen(anna), "editor-mode-yaml")
    text = find(screen(anna), "editor-yaml").value
    type_into(screen(anna), "editor-yaml", text.replace("Niet meer.", "Meer niet.", 1))
    click(screen(anna), "editor-mode-form")
    assert _saves(studio) == ["anna"] and "Meer niet." in studio.read(1, ADVICE_FILE)[0]


def _idents(control: Any) -> list[str]:
    from uikit import idents

    return idents(control)
