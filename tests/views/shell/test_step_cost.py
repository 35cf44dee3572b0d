"""What one flow step costs the server, on a real Flet session (a recording stand-in client):
which updates it sends and how much of the page Flet compares for each."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from typing import Any

import flet as ft
import pytest
from standin import StandIn, open_session, pack

from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.shell import shell as shell_module
from privacyapp.views.shell.shell import Shell


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ft.BaseControl]]:
    """Every control Flet's diff looks into (each gets its ``before_update`` call)."""
    seen: list[ft.BaseControl] = []
    original = ft.BaseControl._before_update_safe

    def recording(self: ft.BaseControl) -> None:
        seen.append(self)
        original(self)

    monkeypatch.setattr(ft.BaseControl, "_before_update_safe", recording)
    yield seen


async def _walk_one_step(state: AppState, services: Services) -> tuple[Shell, StandIn]:
    session, client = open_session()
    shell = Shell(session.page, state, services)
    shell.render()
    shell.go("/vraag/algemeen-inzage-dossier")
    await asyncio.sleep(2 * shell_module.AFTER_FRAME)  # its history entry and title follow
    shell.state.set_session(shell.state.session.answer(0))
    shell.go("/vraag/algemeen-inzage-dossier/vraag-organisatie")
    return shell, client


def test_the_title_after_a_step_is_sent_without_comparing_the_screens_again(
    state: AppState, services: Services, compared: list[ft.BaseControl]
) -> None:
    async def scenario() -> None:
        shell, client = await _walk_one_step(state, services)
        page = shell.page
        sent, looked_at = len(client.patches), len(compared)
        assert page.title != "Welke organisatie heeft je gegevens? · PrivacyApp"  # not yet
        await asyncio.sleep(2 * shell_module.AFTER_FRAME)
        assert page.title == "Welke organisatie heeft je gegevens? · PrivacyApp"
        title_patches = client.patches[sent:]
        assert len(title_patches) == 1 and title_patches[0].id == page._i  # the page's, once
        screens = {id(c) for view in page.views for c in view.controls}
        in_screens = [c for c in compared[looked_at:] if id(c) in screens or _inside(c, page)]
        assert in_screens == [], "the title update compared the screens again"

    asyncio.run(scenario())


def _inside(control: ft.BaseControl, page: ft.Page) -> bool:
    """Whether ``control`` is part of a view's contents (below a view, not the view itself)."""
    parent = control.parent
    while parent is not None:
        if isinstance(parent, ft.View):
            return True
        if parent is page:
            return False
        parent = parent.parent
    return False


@pytest.fixture
def values_compared(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every value object (style, border, theme part) Flet's diff compares field by field."""
    from flet.controls.object_patch import DiffBuilder  # Flet's diff (private; flet==1.0.5)

    seen: list[object] = []
    original = DiffBuilder._compare_dataclasses

    def recording(self: Any, parent: Any, path: Any, src: Any, dst: Any, frozen: bool) -> None:
        if not (frozen and src is dst):
            seen.append(dst)
        original(self, parent, path, src, dst, frozen)

    monkeypatch.setattr(DiffBuilder, "_compare_dataclasses", recording)
    yield seen


def test_the_title_update_leaves_the_theme_alone_and_a_theme_switch_still_arrives(
    state: AppState, services: Services, values_compared: list[object]
) -> None:
    """The theme is a hundred-odd nested styles; the title update after every step used to
    compare them all (87 of a question step's 149 comparisons) to find nothing changed."""

    async def scenario() -> None:
        shell, client = await _walk_one_step(state, services)
        page = shell.page
        before = len(values_compared)
        await asyncio.sleep(2 * shell_module.AFTER_FRAME)  # the title goes out
        kinds = {type(v).__name__ for v in values_compared[before:]}
        assert not kinds & {"Theme", "TextTheme", "TextStyle", "ColorScheme"}, kinds
        assert len(values_compared) - before < 30
        # dark: the new theme is compared with the one on show, and its colours are sent
        sent = len(client.patches)
        shell.state.settings = dataclasses.replace(shell.state.settings, theme="dark")
        shell.render()
        sent_bytes = b"".join(pack(p) for p in client.patches[sent:])
        assert page.theme is not None and page.theme.color_scheme is not None
        assert page.theme.color_scheme.surface == "#1B2027"
        assert b"#1B2027" in sent_bytes and b"#111418" in sent_bytes  # surface, background
        with pytest.raises((RuntimeError, AttributeError, dataclasses.FrozenInstanceError)):
            page.theme.use_material3 = False  # the theme on show cannot be changed unseen

    asyncio.run(scenario())
