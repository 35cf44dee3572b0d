"""Drive the real web client in Chromium: start the app in-process, find controls by identifier.

Reusable by every feature's browser tests (``from browserkit import tap, wait_for, shot``).
Flutter draws on a canvas; its accessible DOM appears only after the hidden
``flt-semantics-placeholder`` is clicked, then ``ft.Semantics(identifier=x)`` is
``[flt-semantics-identifier="x"]``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "TWO_FRAMES",
    "RequestLog",
    "ServerThread",
    "boxes",
    "free_port",
    "focused",
    "open_app",
    "opened",
    "replace_text",
    "scroll_to",
    "sel",
    "shot",
    "tap",
    "type_into",
    "use_settings",
    "wait_for",
    "wait_gone",
]

CHROMIUM = os.environ.get("PRIVACYAPP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
TIMEOUT_MS = 20_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServerThread:
    """An ASGI app served by uvicorn on 127.0.0.1 in a daemon thread."""

    def __init__(self, app: Any, *, lifespan: bool = True) -> None:
        """Serve ``app``.

        Args:
            lifespan: run the app's startup/shutdown. Flet's app manager is one per process and
                its shutdown deletes the temporary web-client folders of EVERY Flet app in the
                process, so a second app served next to the session's app must pass False, or
                the session's app stops loading when the second one stops.
        """
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            ws="websockets-sansio",
            lifespan="on" if lifespan else "off",
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the app server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@dataclass
class RequestLog:
    """Every request the page made, and the ones that tried to leave 127.0.0.1."""

    requests: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    reached_network: list[str] = field(default_factory=list)
    """Requests to other hosts that got past the browser's CSP (a privacy leak)."""

    def outside(self) -> list[str]:
        return [
            u
            for u in self.requests
            if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
        ]


def sel(ident: str) -> str:
    return f'[flt-semantics-identifier="{ident}"]'


def open_app(page: Any, url: str, first: str = "home-title") -> None:
    """Load the app, switch on its accessible DOM, and wait for ``first`` to show."""
    page.goto(url)
    page.wait_for_selector("flt-semantics-placeholder", state="attached", timeout=TIMEOUT_MS)
    page.locator("flt-semantics-placeholder").evaluate("e => e.click()")
    wait_for(page, first)
    # The client's "Working..." cover stays on the canvas a moment after the first screen is
    # in the accessible DOM; wait it out so clicks and screenshots hit the real screen.
    page.wait_for_timeout(500)


def wait_for(page: Any, ident: str, timeout: int = TIMEOUT_MS) -> Any:
    page.wait_for_selector(sel(ident), state="attached", timeout=timeout)
    return page.locator(sel(ident)).first


def wait_gone(page: Any, ident: str, timeout: int = TIMEOUT_MS) -> None:
    page.wait_for_selector(sel(ident), state="detached", timeout=timeout)


def scroll_to(page: Any, ident: str) -> Any:
    """Scroll (with the mouse wheel, as a user would) until the control is fully in view."""
    locator = wait_for(page, ident)
    viewport = page.viewport_size
    for _ in range(30):
        box = locator.bounding_box()
        if box is None:
            break
        top, bottom = box["y"], box["y"] + box["height"]
        # keep clear of the app bar (top) and the bottom navigation bar
        if top >= 64 and bottom <= viewport["height"] - 90:
            break
        delta = (
            (bottom - (viewport["height"] - 90) + 40)
            if bottom > viewport["height"] - 90
            else (top - 64 - 40)
        )
        page.mouse.move(viewport["width"] / 2, viewport["height"] / 2)
        page.mouse.wheel(0, delta)
        page.wait_for_timeout(120)
    return locator


def tap(page: Any, ident: str) -> None:
    """Click the control with this identifier (as a user would: scroll to it, click its centre)."""
    scroll_to(page, ident).click()


def type_into(page: Any, ident: str, text: str, *, submit: bool = True) -> None:
    """Focus a text field by identifier, type, and press Enter.

    With semantics on, the first click after using the navigation bar only moves Flutter's
    focus away from the bar; like a user, we click again until the field has the caret.
    """
    for _ in range(4):
        tap(page, ident)
        page.wait_for_timeout(150)
        if page.evaluate("() => ['INPUT', 'TEXTAREA'].includes(document.activeElement.tagName)"):
            break
    page.keyboard.type(text)
    page.wait_for_function(
        "t => (document.activeElement && document.activeElement.value || '').endsWith(t)", arg=text
    )
    if submit:
        page.keyboard.press("Enter")


def replace_text(page: Any, ident: str, text: str, *, attempts: int = 4) -> None:
    """Replace a text field's whole content, and check it took: a busy machine can drop the
    first keys, so the typing is retried until the field holds exactly ``text``."""
    for _attempt in range(attempts):
        tap(page, ident)
        # Flutter moves focus to its own editing element a moment after the click.
        page.wait_for_function(
            "() => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName)"
        )
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type(text, delay=20)
        if page.evaluate("t => document.activeElement?.value === t", text):
            return
    raise AssertionError(f"could not type into {ident}")


def use_settings(page: Any, **settings: Any) -> None:
    """Start the app with these settings (``text_scale=2.0``, ``theme="contrast"``...), as if
    the user had chosen them before: written where the app keeps them before the page loads."""
    value = {"language": "nl", "theme": "light", "text_scale": 1.0, "audience": None, **settings}
    # shared_preferences on web keeps a JSON-encoded value under "flutter.<key>"; the app's
    # value is itself JSON text; the last dumps makes it a JavaScript string literal.
    stored = json.dumps(json.dumps(json.dumps(value)))
    page.add_init_script(f"localStorage.setItem('flutter.privacyapp.settings', {stored});")


_FOCUSED = """() => {
  let n = document.activeElement;
  while (n && !(n.getAttribute && n.getAttribute('flt-semantics-identifier'))) n = n.parentElement;
  return n ? n.getAttribute('flt-semantics-identifier') : null;
}"""


def focused(page: Any) -> str | None:
    """The identifier of the control that has keyboard focus (or the one around it)."""
    return page.evaluate(_FOCUSED)  # type: ignore[no-any-return]


_BOXES = """(ids) => Object.fromEntries(ids.map(i => {
  const e = document.querySelector(`[flt-semantics-identifier="${i}"]`);
  if (!e) return [i, null];
  const r = e.getBoundingClientRect();
  return [i, {x: r.x, y: r.y, width: r.width, height: r.height, right: r.right, bottom: r.bottom}];
}))"""


def boxes(page: Any, *idents: str) -> dict[str, dict[str, float] | None]:
    """The accessible DOM's box of each identifier (None when it is not on the page)."""
    return dict(page.evaluate(_BOXES, list(idents)))


def opened(page: Any) -> list[str]:
    """URLs the app asked the browser to open (links, tel:, mailto:), recorded by the fixture."""
    return list(page.evaluate("window.__opened || []"))


#: Two animation frames, so Flutter has painted the last update; Playwright's evaluate has no
#: time limit of its own, so a page that stopped drawing frames gives up after two seconds.
TWO_FRAMES = """() => new Promise(done => {
    const timer = setTimeout(done, 2000);
    requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(timer); done(); }));
})"""


def shot(page: Any, name: str, *, timeout_ms: float = TIMEOUT_MS) -> Path:
    """Save a screenshot to test-artifacts/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.evaluate(TWO_FRAMES)
    page.wait_for_timeout(150)
    page.screenshot(path=str(path), timeout=timeout_ms)
    return path


def content_repo(target: Path, *, extra: dict[str, Path] | None = None) -> Path:
    """A studio content repository at ``target``: the project's flows and the app's bundle (and
    ``extra`` files, by their path in the repository), committed on ``main``."""
    from privacyapp.studio.publishing import APP_BUNDLE

    shutil.copytree(ROOT / "flows", target / "flows")
    (target / APP_BUNDLE).parent.mkdir(parents=True)
    shutil.copy2(ROOT / APP_BUNDLE, target / APP_BUNDLE)
    for name, source in (extra or {}).items():
        shutil.copy2(source, target / name)
    env = {
        "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
        "HOME": str(target), "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "r@example.invalid",
        "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "r@example.invalid",
    }  # fmt: skip
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Inhoud"]):
        subprocess.run(["git", "-C", str(target), *args], check=True, env=env, capture_output=True)
    return target
