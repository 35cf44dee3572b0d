"""The accessible layer sits where the screen is painted, also after opening a flow from a list
that was scrolled down (user walk: the semantics boxes were 250-540 px below what was painted
until the next step, so a screen reader's touch and Playwright's clicks hit the wrong spot).

The reference is the same step opened directly by its address, which starts at the top: its
title's accessible box must be where the scrolled-list route puts it, within a few pixels.
"""

from __future__ import annotations

from typing import Any

import pytest
from browserkit import boxes, open_app, scroll_to, shot, tap, wait_for

pytestmark = pytest.mark.e2e

_FLOW_IDS = """() => [...document.querySelectorAll('[flt-semantics-identifier^="flow-"]')]
  .map(e => e.getAttribute('flt-semantics-identifier'))
  .filter(i => /^flow-[a-z]+-/.test(i))"""


def _title_box(page: Any) -> dict[str, float]:
    wait_for(page, "step-title")
    page.wait_for_timeout(400)  # let the step settle (the scroll to the top is animated)
    box = boxes(page, "step-title", "answer-0")
    assert box["step-title"] is not None and box["answer-0"] is not None
    return {"title": box["step-title"]["y"], "answer": box["answer-0"]["y"]}


def test_a_flow_opened_from_a_scrolled_list_has_its_accessible_layer_in_place(
    browser_page: Any, app_url: str
) -> None:
    page = browser_page
    open_app(page, app_url)
    tap(page, "home-audience-inwoner")
    tap(page, "home-sector-algemeen")
    wait_for(page, "questions-title")
    flows = page.evaluate(_FLOW_IDS)
    assert len(flows) >= 8, flows  # a list long enough to scroll
    last = flows[-1]
    scroll_to(page, last)  # the list is scrolled well down now
    assert boxes(page, "questions-title")["questions-title"]["y"] < 0  # scrolled out of view
    tap(page, last)
    scrolled = _title_box(page)
    shot(page, "semantics-01-after-scrolled-list")
    flow_id = last.removeprefix("flow-")
    open_app(page, f"{app_url}/vraag/{flow_id}", first="step-title")
    direct = _title_box(page)
    assert abs(scrolled["title"] - direct["title"]) <= 8, (scrolled, direct)
    assert abs(scrolled["answer"] - direct["answer"]) <= 8, (scrolled, direct)
    # and a click on the first answer's accessible box lands on the answer
    tap(page, "answer-0")
    page.wait_for_url(f"**/vraag/{flow_id}/**")
