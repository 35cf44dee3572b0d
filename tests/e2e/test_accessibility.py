"""Keyboard only, screen reader output, headings and touch targets, in Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from browserkit import open_app, tap, wait_for

pytestmark = pytest.mark.e2e

# Flutter announces through aria-live elements it empties again; record what it says.
RECORD_ANNOUNCEMENTS = """
window.__said = [];
new MutationObserver(() => {
  for (const el of document.querySelectorAll('flt-announcement-host [aria-live]')) {
    const text = el.textContent.trim();
    if (text && window.__said[window.__said.length - 1] !== text) window.__said.push(text);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""

FOCUSED = """() => {
  let n = document.activeElement;
  while (n && !(n.getAttribute && n.getAttribute('flt-semantics-identifier'))) n = n.parentElement;
  return n ? n.getAttribute('flt-semantics-identifier') : null;
}"""

INTERACTIVE = ", ".join(
    f"{tag}[flt-semantics-identifier]{role}"
    for tag, role in (("", "[role=button]"), ("", "[role=tab]"), ("a", ""))
)
SMALL_TARGETS = f"""() => Array.from(document.querySelectorAll('{INTERACTIVE}')).map(e => {{
  const r = e.getBoundingClientRect();
  return [e.getAttribute('flt-semantics-identifier'), Math.round(r.width), Math.round(r.height)];
}}).filter(([, w, h]) => w < 48 || h < 48)"""


def tab_to(page: Any, ident: str, limit: int = 25) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(60)
        if page.evaluate(FOCUSED) == ident:
            return
    raise AssertionError(f"Tab never reached {ident!r}")


def test_keyboard_only_walk_with_announcements(browser_page: Any, app_url: str) -> None:
    page = browser_page
    page.add_init_script(RECORD_ANNOUNCEMENTS)
    open_app(page, app_url + "/vraag/algemeen-inzage-dossier", first="step-title")
    assert page.locator("h1").first.text_content() == "Hoe oud ben je?"
    tab_to(page, "answer-0")
    page.keyboard.press("Enter")
    page.wait_for_url("**/vraag-organisatie")
    assert page.locator("h1").first.text_content() == "Welke organisatie heeft je gegevens?"
    page.wait_for_function("() => window.__said.includes('Welke organisatie heeft je gegevens?')")
    # Escape goes back one step
    page.keyboard.press("Escape")
    page.wait_for_url("**/vraag/algemeen-inzage-dossier")
    wait_for(page, "answer-1")
    assert page.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize("route", ["/", "/meer/instellingen", "/nood"])
def test_touch_targets_are_at_least_48_px(browser_page: Any, app_url: str, route: str) -> None:
    page = browser_page
    first = {"/": "home-title", "/meer/instellingen": "settings-title", "/nood": "emergency-title"}
    open_app(page, app_url + route, first=first[route])
    if route == "/":
        tap(page, "home-audience-professional")
        wait_for(page, "home-sector-algemeen")
    assert page.evaluate(SMALL_TARGETS) == []
