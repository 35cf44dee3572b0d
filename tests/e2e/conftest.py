"""Browser-test fixtures: the real app on 127.0.0.1 and Debian's Chromium, semantics on.

When Chromium is missing these tests skip locally, and fail when ``PRIVACYAPP_REQUIRE_E2E=1``
(CI and ``scripts/test`` set it). Every test ends with the privacy check: no request left
127.0.0.1; the Flet client's attempt to load a Rive runtime from a CDN must have been blocked
by the app's Content-Security-Policy inside the browser, never reaching the network.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browserkit import CHROMIUM, CHROMIUM_ARGS, RequestLog, ServerThread, shot

pytestmark = pytest.mark.e2e


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            # One more try in a fresh tab: headless Chromium on a loaded machine can stall
            # painting (seen once in CI). The report still lists the first failure (RERUN),
            # and its screenshot is kept as FAILED-<test>.png.
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))


def _chromium_or_skip() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM}; install the Debian package 'chromium'"
    if os.environ.get("PRIVACYAPP_REQUIRE_E2E") == "1":
        pytest.fail(message + " (PRIVACYAPP_REQUIRE_E2E=1: browser tests are required)")
    pytest.skip(message)


class _ErrorCollector(logging.Handler):
    """Collects errors the app logs while serving (an exception in a handler is one)."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        kind = record.exc_info[0] if record.exc_info else None
        if kind is not None and kind.__name__ in _DISCONNECTS:
            return  # a browser tab closing at the end of a test, not an app error
        self.records.append(record)


_DISCONNECTS = {"WebSocketDisconnect", "ClientDisconnected", "InvalidState", "ConnectionClosed"}


@pytest.fixture(scope="session")
def app_errors() -> Iterator[_ErrorCollector]:
    collector = _ErrorCollector()
    root = logging.getLogger()
    root.addHandler(collector)
    yield collector
    root.removeHandler(collector)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory, app_errors: _ErrorCollector) -> Iterator[str]:
    """The real app (built-in content, fresh temp data dir) served on 127.0.0.1."""
    from privacyapp.app import build_services, web_app

    services = build_services(tmp_path_factory.mktemp("data"), web=True)
    with ServerThread(web_app(services)) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def viewport() -> dict[str, int]:
    """Override in a test module (or parametrize) for tablet/desktop sizes."""
    return {"width": 390, "height": 844}


@pytest.fixture
def request_log() -> RequestLog:
    return RequestLog()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash[_FAILED] = report.failed
    return report


_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def browser_page(
    request: pytest.FixtureRequest,
    browser: Any,
    viewport: dict[str, int],
    request_log: RequestLog,
    app_errors: _ErrorCollector,
) -> Iterator[Any]:
    """A fresh browser context (fresh storage) with every request recorded."""
    context = browser.new_context(viewport=viewport, service_workers="block")

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1")):
            route.continue_()
        else:  # only reached if the browser did not block it first: that would be a leak
            request_log.reached_network.append(url)
            route.abort()

    context.route("**/*", guard)
    # Links (tel:, https:) open through window.open: record them instead of leaving the app.
    context.add_init_script(
        "window.__opened = [];"
        "window.open = (u) => { window.__opened.push(String(u)); return null; };"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.on("request", lambda r: request_log.requests.append(r.url))
    page.on("requestfailed", lambda r: request_log.failed.__setitem__(r.url, r.failure or ""))
    before = len(app_errors.records)
    yield page
    if request.node.stash.get(_FAILED, False):
        try:  # what the failing test saw; a stalled page must not hold up the run for it
            shot(page, f"FAILED-{request.node.name}", timeout_ms=10_000)
        except Exception as exc:  # noqa: BLE001 - the test's own failure is what counts
            print(f"no screenshot of the failure: {exc}")
    context.close()
    errors = [r.getMessage() for r in app_errors.records[before:]]
    assert errors == [], f"the app logged errors: {errors}"
    assert request_log.reached_network == [], "requests left 127.0.0.1"
    blocked_elsewhere = {
        u: request_log.failed.get(u)
        for u in request_log.outside()
        if request_log.failed.get(u) != "csp"
    }
    assert blocked_elsewhere == {}, "every outside request must be stopped by the CSP"
