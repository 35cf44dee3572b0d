"""The rehearsal of the first screens (``views/shell/warm.py``) and when the server starts it."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

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


_SERVE = """
import socket

from privacyapp import app

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]


def on_listening():
    with socket.socket() as client:
        print("accepts", client.connect_ex(("127.0.0.1", port)) == 0, flush=True)
    server.should_exit = True


async def nothing(scope, receive, send):
    pass


server = app._listening_server(nothing, "127.0.0.1", port, on_listening)
server.run()
print("stopped", flush=True)
"""


def test_the_server_asks_for_the_rehearsal_once_it_listens() -> None:
    """In a fresh interpreter: uvicorn's loop and signal handlers stay out of this one."""
    out = subprocess.run(
        [sys.executable, "-c", _SERVE], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.split() == ["accepts", "True", "stopped"]
