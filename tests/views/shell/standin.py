"""A real Flet session on a recording stand-in for the web client, in this process.

The stand-in records the patches the server sends and answers every method call at once, as
the web client does. Used by the step-cost tests, by the start-up test's fresh interpreter and
by ``benchmarks/step_bench.py`` (both import this file by path: it depends on nothing else in
``tests``).
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import flet as ft
import msgpack
from flet.controls.context import _context_page
from flet.messaging.connection import Connection
from flet.messaging.protocol import Message, MessageAction, configure_encode_object_for_msgpack
from flet.messaging.session import Session

__all__ = ["StandIn", "open_session", "pack", "register"]


def pack(body: Any) -> bytes:
    """What the real connection sends for ``body``."""
    return bytes(msgpack.packb(body, default=configure_encode_object_for_msgpack(ft.BaseControl)))


class StandIn(Connection):
    """Records the patches the server sends; answers every method call at once."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.patches: list[Any] = []

    def send_message(self, message: Message) -> None:
        pack(message.body)  # as the real connection does: what is sent is what Flet diffs from
        if message.action == MessageAction.PATCH_CONTROL:
            self.patches.append(message.body)
        elif message.action == MessageAction.INVOKE_METHOD:
            body = message.body
            assert self.session is not None
            self.loop.call_soon(
                self.session.handle_invoke_method_results, body.control_id, body.call_id, None, None
            )


def open_session(route: str = "/") -> tuple[Session, StandIn]:
    """A session on a :class:`StandIn`, registered (see :func:`register`)."""
    client = StandIn()
    return register(client, route), client


def register(client: Any, route: str = "/") -> Session:
    """A session on ``client`` (a ``Connection`` with a ``session`` attribute) whose page has been
    registered (a 390 px phone, web), inside a running loop.

    Flet sends differences from here on, as after the web client's register message.
    """
    from flet.pubsub.pubsub_hub import PubSubHub

    client.loop = asyncio.get_running_loop()
    client.executor = ThreadPoolExecutor(max_workers=1)
    client.pubsubhub = PubSubHub(loop=client.loop, executor=client.executor)
    session = Session(client)
    client.session = session
    session.apply_page_patch({"route": route, "width": 390.0, "height": 844.0, "web": True})
    pack(session.get_page_patch())  # the register answer: serialising it marks controls as sent
    _context_page.set(session.page)  # as Flet's server does before main (services register)
    return session
