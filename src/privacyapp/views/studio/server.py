"""Serving the studio: the Flet web client from this machine, behind a strict CSP."""

from __future__ import annotations

from typing import TextIO

from privacyapp.studio.service import Studio


def serve(studio: Studio, *, host: str, port: int, out: TextIO) -> None:
    """Serve the studio until stopped."""
    import uvicorn

    from privacyapp.views.studio.app import web_app

    url_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    print(f"De studio draait op http://{url_host}:{port}/ (stop met Ctrl+C)", file=out, flush=True)
    uvicorn.run(web_app(studio), host=host, port=port, log_level="warning", ws="websockets-sansio")
