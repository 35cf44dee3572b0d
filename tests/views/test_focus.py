"""Where keyboard focus goes: the skip link's target on every screen that names one."""

from __future__ import annotations

import dataclasses

import flet as ft

from privacyapp.views.flow.home import home_view
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.focus import FOCUS_REQUESTED, find_ident, first_focusable, focus_main
from privacyapp.views.kit.state import Settings


def test_home_skips_past_emergency_and_search_to_who_are_you(ctx: ViewContext) -> None:
    ctx.state.settings = Settings(audience=None)
    view = home_view(ctx)
    target = first_focusable(view, ctx.main)
    inwoner = find_ident(view, "home-audience-inwoner")
    assert target is not None and target is inwoner.content
    # the screen's first focusable control would be the emergency call: not the skip target
    assert first_focusable(view) is find_ident(view, "call-veilig-thuis").content
    focus_main(None, view, ctx.main)
    assert getattr(target, FOCUS_REQUESTED, False)


def test_home_with_an_audience_skips_to_its_change_button(ctx: ViewContext) -> None:
    view = home_view(ctx)
    assert first_focusable(view, ctx.main) is find_ident(view, "home-audience-change").content


def test_at_200_percent_the_change_button_goes_below_the_audience(ctx: ViewContext) -> None:
    """Beside the button, "Je kijkt als: Professional" broke mid-word at 200 % on a phone."""
    ctx.state.settings = dataclasses.replace(ctx.state.settings, text_scale=2.0)
    view = home_view(ctx)
    rows = [
        c
        for c in view.content.controls  # type: ignore[attr-defined]
        if isinstance(c, ft.Column) and find_ident(c, "home-audience-change") is not None
    ]
    assert len(rows) == 1


def test_pin_forms_summarise_their_error_with_a_link_to_the_field() -> None:
    from viewkit import click, find

    from privacyapp.views.store.lockscreen import LockState, lock_view, set_pin_view

    state = LockState(pin_error="lock.wrong_pin")
    view = lock_view(state, on_unlock=lambda _pin: None, on_forgot=lambda: None)
    link = find(view, "lock-problem-link-0")
    assert getattr(link, FOCUS_REQUESTED, False)  # a new error: focus to its summary
    click(link)
    assert getattr(find(view, "lock-pin"), FOCUS_REQUESTED, False)
    again = lock_view(state, on_unlock=lambda _pin: None, on_forgot=lambda: None)
    assert not getattr(find(again, "lock-problem-link-0"), FOCUS_REQUESTED, False)  # once

    mismatch = LockState(set_pin_error="lock.mismatch", understood=True)
    view = set_pin_view(mismatch, on_set=lambda _a, _b: None, on_understood=lambda _v: None)
    click(find(view, "lock-problem-link-0"))
    assert getattr(find(view, "lock-new-pin-again"), FOCUS_REQUESTED, False)


def test_a_wrong_postcode_is_summarised_at_its_button_with_a_link(ctx: ViewContext) -> None:
    import asyncio

    from viewkit import click, find, idents

    from privacyapp.views.municipality.screen import MunicipalityScreen

    assert ctx.services.directory is not None
    screen = MunicipalityScreen(ctx.services.directory, t=ctx.t)
    screen.open_postcode()
    asyncio.run(screen.lookup_postcode("12"))  # not a postcode: no lookup, a problem
    view = screen.control
    ids = idents(view)
    assert ids.index("municipality-problem") > ids.index("municipality-postcode-go")
    assert "Ga naar: Postcode" in (find(view, "municipality-problem-link-0").content.value or "")
    click(find(view, "municipality-problem-link-0"))
    assert getattr(find(view, "municipality-postcode"), FOCUS_REQUESTED, False)


def test_the_same_wrong_postcode_again_moves_focus_to_the_summary_again(
    ctx: ViewContext,
) -> None:
    """Each search is a new try: the same "not a postcode" a second time takes focus again
    (a keyboard user pressed Zoek again and waits to hear why)."""
    import asyncio

    from viewkit import find

    from privacyapp.views.municipality.screen import MunicipalityScreen

    assert ctx.services.directory is not None
    screen = MunicipalityScreen(ctx.services.directory, t=ctx.t)
    screen.open_postcode()
    for _ in range(2):
        asyncio.run(screen.lookup_postcode("12"))
        link = find(screen.control, "municipality-problem-link-0")
        assert getattr(link, FOCUS_REQUESTED, False), "the summary did not take focus"
