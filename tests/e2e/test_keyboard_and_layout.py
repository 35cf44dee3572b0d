"""Keyboard users past the chrome, and what fits on a phone at 200 % text, in Chromium.

Each test measures what a user meets: where the first Tab lands and where Enter on the skip
link moves focus; the boxes of labels and links in the accessible DOM (they are the painted
controls' boxes) at 390 px and 200 % text.
"""

from __future__ import annotations

from typing import Any

import pytest
from browserkit import (
    boxes,
    focused,
    open_app,
    replace_text,
    shot,
    tap,
    type_into,
    use_settings,
    wait_for,
)

pytestmark = pytest.mark.e2e

TOUCH = 48


def press_tab(page: Any, times: int = 1) -> str | None:
    for _ in range(times):
        page.keyboard.press("Tab")
        page.wait_for_timeout(80)
    return focused(page)


def wait_focused(page: Any, ident: str) -> None:
    page.wait_for_function(
        """i => { let n = document.activeElement;
          while (n && !(n.getAttribute && n.getAttribute('flt-semantics-identifier')))
            n = n.parentElement;
          return n && n.getAttribute('flt-semantics-identifier') === i; }""",
        arg=ident,
        timeout=5_000,
    )


def test_skip_link_is_the_first_tab_and_jumps_to_who_are_you(
    browser_page: Any, app_url: str
) -> None:
    page = browser_page
    open_app(page, app_url)
    # The first Tab lands on "Naar de inhoud", before the app bar's search and emergency.
    assert press_tab(page) == "nav-skip"
    skip = wait_for(page, "nav-skip")
    assert (skip.get_attribute("aria-label") or skip.text_content() or "").strip() == (
        "Naar de inhoud"
    )
    box = boxes(page, "nav-skip")["nav-skip"]
    assert box is not None and box["height"] >= TOUCH and box["right"] <= 390
    shot(page, "keyboard-01-skip-link-focused")
    # Enter passes the emergency block and search: focus is on the first "Wie ben je?" choice.
    page.keyboard.press("Enter")
    wait_focused(page, "home-audience-inwoner")
    # and Tab goes on from there, not back to the top
    assert press_tab(page) == "home-audience-professional"
    shot(page, "keyboard-02-after-skip")


def test_skip_link_on_a_question_goes_to_its_first_answer(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app(page, app_url + "/vraag/algemeen-inzage-dossier", first="step-title")
    assert press_tab(page) == "nav-back"  # Back stays the first stop on a screen with a parent
    assert press_tab(page) == "nav-skip"
    page.keyboard.press("Enter")
    wait_focused(page, "answer-0")


def _scroll_until(page: Any, ident: str, tries: int = 15) -> None:
    """Wheel down until the control is in the accessible DOM and fully on screen."""
    for _ in range(tries):
        box = boxes(page, ident)[ident]
        bottom = page.viewport_size["height"] - 90  # above the bottom navigation bar
        if box is not None and box["y"] >= 64 and box["bottom"] <= bottom:
            return
        page.mouse.move(195, 400)
        page.mouse.wheel(0, 250 if box is None or box["y"] > 64 else -150)
        page.wait_for_timeout(200)
    raise AssertionError(f"{ident} never came into view")


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_municipality_label_and_links_fit_a_phone(
    browser_page: Any, app_url: str, scale: float
) -> None:
    page = browser_page
    use_settings(page, text_scale=scale)
    open_app(page, app_url + "/gemeente", first="municipality-search")
    width = page.viewport_size["width"]
    found = boxes(page, "municipality-search-label", "municipality-search")
    label, field = found["municipality-search-label"], found["municipality-search"]
    # The field's label is a line of its own above the field: it wraps inside the screen and
    # never runs over the field's border (as the floating label did at 200 %).
    assert label is not None and field is not None
    assert label["x"] >= 0 and label["right"] <= width
    assert label["bottom"] <= field["y"] + 1
    shot(page, f"municipality-10-label-{int(scale * 100)}")
    type_into(page, "municipality-search", "Amsterdam")
    wait_for(page, "municipality-card-gm0363")
    for ident in ("municipality-form", "municipality-website"):
        _scroll_until(page, ident)
        box = boxes(page, ident)[ident]
        assert box is not None
        assert box["height"] >= TOUCH and box["width"] >= TOUCH, (ident, box)
        assert box["right"] <= width, (ident, box)
    shot(page, f"municipality-11-links-{int(scale * 100)}")


def test_rights_error_summary_takes_focus_and_its_link_moves_focus_to_the_field(
    browser_page: Any, app_url: str
) -> None:
    """NL Design System error summary: it appears at "Maak de brief", focus moves to it, and
    its link "Ga naar: Je naam" puts the keyboard in the name field."""
    page = browser_page
    open_app(page, f"{app_url}/verzoek/inzage", first="rights-kind-inzage")
    tap(page, "rights-mode-organisatie")
    replace_text(page, "rights-field-org_name", "Zorg BV")
    replace_text(page, "rights-field-org_email", "privacy@zorg.nl")
    tap(page, "rights-preview-button")  # no name yet
    wait_for(page, "rights-error-summary")
    wait_focused(page, "rights-error-summary-link-0")
    link = wait_for(page, "rights-error-summary-link-0")
    assert (link.get_attribute("aria-label") or link.text_content() or "").strip() == (
        "Ga naar: Je naam"
    )
    shot(page, "keyboard-03-rights-error-summary")
    page.keyboard.press("Enter")
    wait_focused(page, "rights-field-name")
    assert page.evaluate("() => document.activeElement.tagName") in ("INPUT", "TEXTAREA")
    page.keyboard.type("Sam de Vries")
    page.wait_for_function("() => document.activeElement.value === 'Sam de Vries'")
