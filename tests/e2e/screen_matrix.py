"""Every screen at phone and desktop size, 100 % and 200 % text, light and high contrast.

One app and one browser tab walk all of it (a reload costs seconds; the suite shares two busy
cores): the setup walks two flows, sets a PIN, saves a path and finds a municipality, then the
screens are opened by their routes inside the running app. Each one is saved as
``test-artifacts/screenshots/screen-<name>-<width>-<text size>-<theme>.png`` for a person to
look at, and measured: no accessible node (they are the painted controls and texts) may stick
out of the window's width, and the page itself never scrolls sideways.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from browserkit import TWO_FRAMES, open_app, shot, tap, type_into, wait_for

pytestmark = pytest.mark.e2e

PIN = "97531"
FLOW = "algemeen-delen-zonder-toestemming"
SIZES = ((390, 844), (1280, 800))
LOOKS = (("light", 1.0), ("light", 2.0), ("contrast", 1.0), ("contrast", 2.0))

# Client-side navigation, as a link inside the app would do it: no reload (which costs seconds
# and locks the store), the app's route-change handler shows the screen.
GO = """r => { history.pushState(history.state, '', r);
  window.dispatchEvent(new PopStateEvent('popstate', {state: history.state})); }"""

# Every accessible node with a size that sticks out of the window sideways, or that touches its
# right edge: the screen's content keeps a 20 px margin, so a control or text that reaches the
# edge ran off it and is cut there (its box is clipped to the window). The app bar, the bottom
# bar and whole-width containers are left out. And whether the document got wider than the window.
OVERFLOW = """() => {
  const width = window.innerWidth, out = [];
  for (const e of document.querySelectorAll('flt-semantics, input, textarea')) {
    const r = e.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const chrome = r.top < 56 || (width < 840 && r.top >= window.innerHeight - 80);
    const cut = !chrome && r.width < 0.9 * width && r.right > width - 4;
    if (r.left < -1 || r.right > width + 1 || cut) {
      const name = e.getAttribute('flt-semantics-identifier')
        || (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 40);
      out.push(`${name} [${Math.round(r.left)}..${Math.round(r.right)}]`);
    }
  }
  if (document.documentElement.scrollWidth > width + 1) out.push('document wider than window');
  return out;
}"""


@pytest.fixture(scope="module")
def pdf_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A signed record as the app makes it, and the same file changed after signing."""
    from privacyapp.app import build_services
    from privacyapp.dossier import RecordService
    from privacyapp.engine import walk_session

    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    library = build_services(tmp_path_factory.mktemp("pdf"), web=True).library
    signer = RecordService(clock=lambda: now)
    signer.create_identity(name="Sam Bakker", organisation="Gemeente Zwolle", email="s@z.example")
    path = walk_session(library, FLOW, ["1"], lambda: now).path
    making = signer.make_record(path, library, role="Wmo-consulent", organisation="Gemeente Zwolle")
    with ThreadPoolExecutor(max_workers=1) as pool:  # Playwright keeps a loop in this thread
        record = pool.submit(asyncio.run, making).result()
    valid = record.data
    # bytes added after the signature: what a changed or forged file looks like
    return {"valid": valid, "forged": valid + b"\n% toegevoegd na ondertekenen\n"}


def go(page: Any, route: str, first: str) -> None:
    page.evaluate(GO, route)
    wait_for(page, first)


def pick_pdf(page: Any, name: str, data: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        tap(page, "record-pick")
    chooser.value.set_files(files=[{"name": name, "mimeType": "application/pdf", "buffer": data}])


def settle(page: Any) -> None:
    """Let the client draw the last update (Flutter paints in animation frames)."""
    page.evaluate(TWO_FRAMES)
    page.wait_for_timeout(200)


def resize(page: Any, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    # the shell re-renders for the new width: the rail (wide) or the bottom bar (phone)
    page.wait_for_function(
        """w => { const e = document.querySelector('[flt-semantics-identifier="tab-vragen"]');
          if (!e) return false; const r = e.getBoundingClientRect();
          return w >= 840 ? r.left < 100 && r.top < 300 : r.top > 600; }""",
        arg=width,
    )
    settle(page)


def set_look(page: Any, theme: str, scale: float) -> None:
    go(page, "/meer/instellingen", "settings-title")
    tap(page, f"settings-theme-{theme}")
    tap(page, f"settings-text-{int(scale * 100)}")
    settle(page)


def walk_to_advice(page: Any, first: str) -> str:
    """Answer ``first`` and then the first answer until the advice shows; its route."""
    tap(page, first)
    for _ in range(6):
        page.wait_for_timeout(300)
        if page.locator('[flt-semantics-identifier="advice-title"]').count():
            break
        tap(page, "answer-0")
    wait_for(page, "advice-title")
    return str(page.url).split("127.0.0.1", 1)[1].split("/", 1)[1]


def setup(page: Any, app_url: str) -> dict[str, str]:
    """A professional with a saved path, a second walk not yet saved, a PIN and a card."""
    open_app(page, app_url)
    tap(page, "home-audience-professional")
    wait_for(page, "home-sector-algemeen")
    go(page, f"/vraag/{FLOW}", "step-title")
    walk_to_advice(page, "answer-0")
    tap(page, "action-save-path")
    tap(page, "lock-understood")
    type_into(page, "lock-new-pin", PIN, submit=False)
    type_into(page, "lock-new-pin-again", PIN, submit=False)
    tap(page, "lock-set-pin")
    wait_for(page, "overview-save-heading")
    tap(page, "overview-save-confirm")
    wait_for(page, "overview-record-0")
    go(page, f"/vraag/{FLOW}", "step-title")
    advice = "/" + walk_to_advice(page, "answer-1")
    go(page, "/gemeente", "municipality-search")
    type_into(page, "municipality-search", "Utrecht")
    wait_for(page, "municipality-name")
    return {"advice": advice}


def test_every_screen_at_two_sizes_two_text_sizes_and_two_themes(
    browser_page: Any, app_url: str, pdf_files: dict[str, bytes]
) -> None:
    page = browser_page
    page.set_default_timeout(30_000)
    routes = setup(page, app_url)
    problems: list[str] = []
    shots: list[Path] = []

    def check_pdf(kind: str) -> Callable[[], None]:
        def pick() -> None:
            go(page, "/vastleggen/controleren", "record-check-title")
            pick_pdf(page, f"dossierstuk-{kind}.pdf", pdf_files[kind])
            wait_for(page, "record-verdict-ok" if kind == "valid" else "record-verdict-bad")

        return pick

    def lock() -> None:
        go(page, "/overzicht", "overview-lock")
        tap(page, "overview-lock")
        wait_for(page, "lock-pin")

    def unlock_after() -> None:
        type_into(page, "lock-pin", PIN)
        wait_for(page, "overview-record-0")

    # (name, how to open it, what shows when it is there, what to do after the shots)
    screens: list[tuple[str, Callable[[], None], Callable[[], None] | None]] = [
        ("home", lambda: go(page, "/", "home-title"), None),
        ("question", lambda: go(page, f"/vraag/{FLOW}", "step-title"), None),
        ("advice", lambda: go(page, routes["advice"], "advice-title"), None),
        ("search", lambda: go(page, "/zoeken?q=inzage", "search-result-0"), None),
        ("save-path", lambda: go(page, "/overzicht/bewaar", "overview-save-heading"), None),
        ("record", lambda: go(page, "/vastleggen", "record-name"), None),
        ("pdf-valid", check_pdf("valid"), None),
        ("pdf-forged", check_pdf("forged"), None),
        ("rights", lambda: go(page, "/verzoek/inzage", "rights-kind-inzage"), None),
        ("overview", lambda: go(page, "/overzicht", "overview-record-0"), None),
        ("overview-locked", lock, unlock_after),
        ("municipality", lambda: go(page, "/gemeente", "municipality-name"), None),
        ("more", lambda: go(page, "/meer", "more-title"), None),
        ("settings", lambda: go(page, "/meer/instellingen", "settings-title"), None),
    ]
    for width, height in SIZES:
        resize(page, width, height)
        for theme, scale in LOOKS:
            set_look(page, theme, scale)
            for name, open_screen, after in screens:
                open_screen()
                settle(page)
                label = f"{name}-{width}-{int(scale * 100)}-{theme}"
                problems += [f"{label}: {p}" for p in page.evaluate(OVERFLOW)]
                path = shot(page, f"screen-{label}")
                if shots and path.read_bytes() == shots[-1].read_bytes():
                    page.wait_for_timeout(1000)  # a busy machine: give the client a moment
                    path = shot(page, f"screen-{label}")
                    if path.read_bytes() == shots[-1].read_bytes():
                        problems.append(f"{label}: the same picture as the screen before")
                shots.append(path)
                if name == "pdf-forged" and (width, theme, scale) == (390, "light", 1.0):
                    shots.append(shot(page, "record-05-forged"))
                if after is not None:
                    after()
    assert len(shots) == len(SIZES) * len(LOOKS) * len(screens) + 1
    assert problems == [], "\n".join(problems)
