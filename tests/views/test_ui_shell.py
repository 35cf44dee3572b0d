"""The shell's navigation on a stand-in page: Escape and Android back, browser history echoes,
bottom bar versus rail, settings kept."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import flet as ft
import pytest

from privacyapp.views.services import Services
from privacyapp.views.shell import SETTINGS_KEY, Shell
from privacyapp.views.state import AppState


class FakePage:
    """Just enough of ``ft.Page`` for the shell: records what it was told to do."""

    def __init__(self, width: float = 390) -> None:
        self.width = width
        self.route = "/"
        self.services: list[Any] = []
        self.views: list[ft.View] = []
        self.navigated: list[str] = []
        self.tasks: list[tuple[Any, tuple[Any, ...]]] = []
        self.updates = 0
        self.title = ""
        self.theme: Any = None
        self.theme_mode: Any = None
        self.theme_animation_style: Any = None
        self.bgcolor: Any = None
        self.on_route_change: Any = None
        self.on_view_pop: Any = None
        self.on_keyboard_event: Any = None
        self.on_resize: Any = None

    def update(self) -> None:
        self.updates += 1

    def navigate(self, route: str) -> None:
        self.navigated.append(route)

    def run_task(self, handler: Any, *args: Any) -> None:
        self.tasks.append((handler, args))


class Event:
    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)


@pytest.fixture
def shell(state: AppState, services: Services) -> Shell:
    page = FakePage()
    made = Shell(page, state, services)  # type: ignore[arg-type]
    made.render()
    return made


def page_of(shell: Shell) -> FakePage:
    return shell.page  # type: ignore[return-value]


def test_go_renders_and_adds_to_browser_history(shell: Shell) -> None:
    shell.go("/meer")
    page = page_of(shell)
    assert page.navigated == ["/meer"]
    assert [v.route for v in page.views] == ["/", "/meer"]  # a view to pop: Android back works
    assert page.title.startswith("Meer")


def test_escape_and_android_back_step_back_in_a_flow(shell: Shell) -> None:
    shell.go("/vraag/algemeen-inzage-dossier")
    shell.state.set_session(shell.state.session.answer(0))
    shell.go("/vraag/algemeen-inzage-dossier/vraag-organisatie")
    page = page_of(shell)
    page.on_keyboard_event(Event(key="Escape"))
    assert shell.state.route == "/vraag/algemeen-inzage-dossier"
    assert shell.state.session.current_id == "vraag-leeftijd"
    page.on_view_pop(Event(view=page.views[-1]))  # the Android back button
    assert shell.state.route == "/vragen/algemeen"
    page.on_view_pop(Event(view=page.views[-1]))
    assert shell.state.route == "/"


def test_late_echo_of_our_own_navigation_does_not_drag_the_screen_back(shell: Shell) -> None:
    shell.go("/meer")
    shell.go("/zoeken")
    page = page_of(shell)
    page.on_route_change(Event(route="/meer"))  # the echo of the first push arrives late
    assert shell.state.route == "/zoeken"
    page.on_route_change(Event(route="/meer/over"))  # a real browser navigation
    assert shell.state.route == "/meer/over"


def test_narrow_gets_a_bottom_bar_and_wide_a_rail(shell: Shell) -> None:
    shell.go("/meer")
    page = page_of(shell)
    assert isinstance(page.views[-1].navigation_bar, ft.NavigationBar)
    assert page.views[-1].navigation_bar.selected_index == 3
    page.width = 1440
    page.on_resize(Event())
    top = page.views[-1]
    assert top.navigation_bar is None
    rail = top.controls[0].controls[0]
    assert isinstance(rail, ft.NavigationRail) and rail.selected_index == 3


def test_changed_settings_are_saved_and_the_theme_follows(shell: Shell) -> None:
    page = page_of(shell)
    shell.state.settings = replace(shell.state.settings, theme="dark", language="en")
    shell.refresh()
    saves = [args for handler, args in page.tasks if handler.__name__ == "_save_settings"]
    assert saves and saves[-1][0].theme == "dark"
    assert page.theme.color_scheme.primary == "#9FC7F0"
    assert page.title.endswith("PrivacyApp")
    stored = json.loads(json.dumps(saves[-1][0].to_dict()))
    assert stored["language"] == "en" and SETTINGS_KEY == "privacyapp.settings"


def test_every_route_change_is_announced_once(shell: Shell) -> None:
    page = page_of(shell)
    before = [a for h, a in page.tasks if h.__name__ == "_announce"]
    shell.go("/vraag/algemeen-inzage-dossier")
    shell.refresh()  # same screen again: no second announcement
    after = [a for h, a in page.tasks if h.__name__ == "_announce"]
    assert after[len(before) :] == [("Hoe oud ben je?",)]
