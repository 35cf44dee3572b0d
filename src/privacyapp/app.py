"""Composition root: builds the services and starts the Flet UI (DESIGN.md §4)."""

from __future__ import annotations

from pathlib import Path

import flet as ft

__all__ = ["run"]


def run(*, web: bool, host: str, port: int, data_dir: Path) -> int:
    """Start the app; returns the process exit code."""

    def main(page: ft.Page) -> None:
        page.title = "PrivacyApp ondersteuning en zorg"
        page.add(ft.Text("PrivacyApp ondersteuning en zorg"))

    ft.run(main, view=ft.AppView.WEB_BROWSER, host=host, port=port, no_cdn=True)
    return 0
