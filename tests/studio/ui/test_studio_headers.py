"""The studio's web server sends the same security headers as the citizen app: editors type
passwords there, so no other site may frame it."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import httpx

from privacyapp._asgi import CONTENT_SECURITY_POLICY
from privacyapp.studio.service import Studio
from privacyapp.views.studio.app import web_app


def _get(studio: Studio, path: str) -> httpx.Response:
    async def fetch() -> httpx.Response:
        transport = httpx.ASGITransport(app=web_app(studio))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            return await c.get(path)

    with ThreadPoolExecutor(max_workers=1) as pool:  # a loop of its own (see test_ui_app)
        return pool.submit(asyncio.run, fetch()).result()


def test_the_studio_cannot_be_framed_and_loads_nothing_from_elsewhere(studio: Studio) -> None:
    page = _get(studio, "/aanmelden")
    assert page.status_code == 200
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["referrer-policy"] == "no-referrer"
