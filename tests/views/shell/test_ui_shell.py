"""The shell's navigation on a stand-in page: Escape and Android back, browser history echoes,
bottom bar versus rail, settings kept."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import Any

import flet as ft
import pytest

from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.shell.shell import SETTINGS_KEY, Shell


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
        self.updated: list[Any] = []
        """What each update sent: the page itself, or just the controls it named."""
        self.title = ""
        self.theme: Any = None
        self.theme_mode: Any = None
        self.theme_animation_style: Any = None
        self.bgcolor: Any = None
        self.on_route_change: Any = None
        self.on_view_pop: Any = None
        self.on_keyboard_event: Any = None
        self.on_resize: Any = None
        self.on_connect: Any = None

    def update(self, *controls: Any) -> None:
        self.updates += 1
        self.updated.append(controls or self)

    async def push_route(self, route: str) -> None:
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


_AFTER_FRAME = ("_push_history", "_send_title")


def pushed(page: FakePage) -> list[str]:
    """Run what the shell scheduled for just after a screen (history entries, window title), in
    order; return every route pushed."""
    for handler, args in [t for t in page.tasks if t[0].__name__ in _AFTER_FRAME]:
        asyncio.run(handler(*args))
    page.tasks = [t for t in page.tasks if t[0].__name__ not in _AFTER_FRAME]
    return page.navigated


def test_go_renders_and_adds_to_browser_history(shell: Shell) -> None:
    page = page_of(shell)
    assert page.title.startswith("Waar gaat")  # the first screen's title is set at once
    shell.go("/meer")
    assert [v.route for v in page.views] == ["/", "/meer"]  # a view to pop: Android back works
    # the screen is on show; its history entry and window title follow just after
    assert page.navigated == [] and page.title.startswith("Waar gaat")
    assert pushed(page) == ["/meer"]
    assert page.title.startswith("Meer")


def test_quick_steps_reach_the_browser_history_in_order(shell: Shell) -> None:
    shell.go("/meer")
    shell.go("/zoeken")
    shell.go("/meer/over")
    page = page_of(shell)
    assert shell.state.route == "/meer/over"
    assert pushed(page) == ["/meer", "/zoeken", "/meer/over"]


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


def test_an_event_that_changes_nothing_spares_flet_its_whole_page_diff(shell: Shell) -> None:
    """Flet diffs the whole page after every event whose handler did not update it; the echo
    of our own history entry (one per step) and a same-width resize have nothing to send."""
    page = page_of(shell)
    shell.go("/meer")
    updates = page.updates
    for event in (
        lambda: page.on_route_change(Event(route="/meer")),  # the echo of our own push
        lambda: page.on_route_change(Event(route="/meer")),  # the route on show, again
        lambda: page.on_resize(Event(width=page.width, height=844)),  # the same width
    ):
        ft.context.reset_auto_update()  # what Flet does before each event's handler
        event()
        assert ft.context.was_update_called(), "Flet would diff the whole page after this"
    ft.context.reset_update_called()
    assert page.updates == updates  # and nothing was sent
    ft.context.reset_auto_update()
    page.on_route_change(Event(route="/zoeken"))  # a real navigation renders and updates
    assert shell.state.route == "/zoeken" and page.updates == updates + 1
    ft.context.reset_update_called()


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
    pushed(page)
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


def scroller_of(page: FakePage) -> ft.Column:
    column = page.views[-1].controls[0]
    assert isinstance(column, ft.Column)
    return column


def test_flow_steps_are_diffed_and_a_new_step_starts_at_the_top(shell: Shell) -> None:
    page = page_of(shell)
    shell.go("/vraag/algemeen-inzage-dossier")
    first = scroller_of(page).key
    assert first is not None  # Flet diffs the next step against this one
    page.tasks.clear()
    shell.state.set_session(shell.state.session.answer(0))
    shell.go("/vraag/algemeen-inzage-dossier/vraag-organisatie")
    assert scroller_of(page).key == first  # the same scroller: only the changes are sent
    assert [h.__name__ for h, _ in page.tasks if h.__name__ == "_to_top"] == ["_to_top"]


def test_another_kind_of_screen_gets_a_fresh_scroller_at_its_top(shell: Shell) -> None:
    """User walk: a flow opened from a scrolled question list reused the list's scroller, and
    Flutter's accessible layer stayed where the list had been scrolled to."""
    page = page_of(shell)
    shell.go("/vragen/algemeen")
    listed = scroller_of(page).key
    page.tasks.clear()
    shell.go("/vraag/algemeen-inzage-dossier")
    assert listed is not None and scroller_of(page).key not in (None, listed)
    assert not [h for h, _ in page.tasks if h.__name__ == "_to_top"]  # fresh: already at top


def test_screens_that_update_themselves_are_sent_whole(shell: Shell) -> None:
    page = page_of(shell)
    shell.go("/gemeente")  # live search updates its results in place
    assert scroller_of(page).key is None
    page.tasks.clear()
    shell.go("/meer")
    assert scroller_of(page).key is not None
    assert not [h for h, _ in page.tasks if h.__name__ == "_to_top"]  # a fresh scroller


def test_a_new_step_sends_only_its_view_and_a_new_look_the_whole_page(shell: Shell) -> None:
    page = page_of(shell)
    assert page.updated == [page]  # the first screen: page, theme and view together
    shell.go("/vraag/algemeen-inzage-dossier")  # a second view on top: the page's views change
    assert page.updated[-1] is page
    shell.state.set_session(shell.state.session.answer(0))
    shell.go("/vraag/algemeen-inzage-dossier/vraag-organisatie")
    assert page.updated[-1] == (page.views[-1],)  # just the view on show is compared
    shell.state.settings = replace(shell.state.settings, theme="contrast")
    shell.refresh()
    assert page.updated[-1] is page  # the theme is the page's


def test_a_new_look_is_sent_even_when_its_first_screen_failed(
    shell: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privacyapp.views.shell import shell as shell_module

    page = page_of(shell)
    shell.go("/meer")
    broken = shell_module.render_route

    def fails(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a screen builder failed")

    monkeypatch.setattr(shell_module, "render_route", fails)
    shell.state.settings = replace(shell.state.settings, theme="dark")
    with pytest.raises(RuntimeError):
        shell.refresh()
    monkeypatch.setattr(shell_module, "render_route", broken)
    shell.refresh()  # the same screen: the dark theme set before the failure still goes out
    assert page.updated[-1] is page
    shell.refresh()
    assert page.updated[-1] == (page.views[-1],)  # and once sent, steps are view-only again


def _unlocked_store(shell: Shell) -> Any:
    from store_app import open_store

    return open_store(shell.state, pin="24680")


def test_a_reload_or_reconnect_locks_the_store_and_asks_the_pin(shell: Shell) -> None:
    lock = _unlocked_store(shell)
    shell.go("/overzicht")
    assert shell.state.route == "/overzicht"  # open: the overview is on show
    page_of(shell).on_connect(None)  # the tab was reloaded, or the computer woke up
    assert not lock.is_unlocked
    assert shell.state.route == "/slot?next=/overzicht"
    assert pushed(page_of(shell))[-1] == "/slot?next=/overzicht"  # the address says so too


def test_a_reconnect_leaves_a_locked_store_and_other_screens_alone(shell: Shell) -> None:
    lock = _unlocked_store(shell)
    lock.lock()
    shell.go("/meer")
    updates = page_of(shell).updates
    page_of(shell).on_connect(None)
    assert shell.state.route == "/meer" and page_of(shell).updates == updates  # nothing to do
    lock.unlock("24680")
    page_of(shell).on_connect(None)
    assert not lock.is_unlocked and shell.state.route == "/meer"  # locked; /meer stays open
