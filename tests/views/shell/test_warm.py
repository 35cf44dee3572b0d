"""The rehearsal of the first screens (``views/shell/warm.py``) and when the server starts it."""

from __future__ import annotations

import logging
import socket

import pytest

from privacyapp import app
from privacyapp.views.kit.services import Services
from privacyapp.views.shell import warm


def test_the_rehearsal_builds_home_and_a_flows_first_step(services: Services) -> None:
    routes = warm.rehearse(services)
    assert routes[0] == "/"
    assert len(routes) == 2 and routes[1].startswith("/vraag/")
    assert routes[1].removeprefix("/vraag/") in services.library


def test_a_failed_rehearsal_is_logged_and_stops_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("a screen that cannot be built")

    monkeypatch.setattr(warm, "render_route", broken)
    with caplog.at_level(logging.WARNING, logger=warm.__name__):
        warm.rehearse_soon(services).join(timeout=30)
    assert "could not be rehearsed" in caplog.text
    assert "a screen that cannot be built" in caplog.text


def test_the_server_asks_for_the_rehearsal_once_it_listens() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    seen: list[int] = []

    def on_listening() -> None:
        with socket.socket() as client:
            seen.append(client.connect_ex(("127.0.0.1", port)))  # 0: the socket accepts
        server.should_exit = True

    async def nothing(scope: object, receive: object, send: object) -> None:
        """An ASGI app that is never asked anything."""

    server = app._listening_server(nothing, "127.0.0.1", port, on_listening)
    server.run()
    assert seen == [0]
