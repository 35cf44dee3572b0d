"""Real browser: a professional walks a flow, opens the store, creates a signing identity,
makes the signed PDF and checks it in the app; nothing leaves 127.0.0.1."""

from __future__ import annotations

from typing import Any

import pytest
from browserkit import open_app, shot, tap, type_into, wait_for

pytestmark = pytest.mark.e2e

PIN = "24680"


def test_professional_records_the_path_as_a_signed_pdf(browser_page: Any, app_url: str) -> None:
    page = browser_page
    open_app(page, app_url)
    tap(page, "home-audience-professional")
    tap(page, "home-sector-algemeen")
    tap(page, "flow-algemeen-delen-zonder-toestemming")
    tap(page, "answer-0")  # toestemming: ja
    wait_for(page, "advice-title")
    tap(page, "action-record")
    wait_for(page, "record-locked")  # the signing key is kept in the encrypted store
    shot(page, "record-01-locked")
    tap(page, "record-unlock")
    tap(page, "lock-understood")
    type_into(page, "lock-new-pin", PIN, submit=False)
    type_into(page, "lock-new-pin-again", PIN, submit=False)
    tap(page, "lock-set-pin")
    wait_for(page, "record-name")  # back on the record screen: first use asks who signs
    type_into(page, "record-name", "Sam Bakker", submit=False)
    type_into(page, "record-organisation", "Gemeente Zwolle", submit=False)
    type_into(page, "record-email", "sam@zwolle.example", submit=False)
    type_into(page, "record-role", "Wmo-consulent", submit=False)
    shot(page, "record-02-identity")
    tap(page, "record-create-identity")
    wait_for(page, "record-fingerprint")  # shown so the organisation can register it
    type_into(page, "record-reference", "ZW-2026-11", submit=False)
    type_into(page, "record-considerations", "Besproken in het MDO.", submit=False)
    shot(page, "record-03-form")
    tap(page, "record-make")
    wait_for(page, "record-verdict-ok", timeout=60_000)
    wait_for(page, "record-save")
    wait_for(page, "record-share")
    shot(page, "record-04-signed")
