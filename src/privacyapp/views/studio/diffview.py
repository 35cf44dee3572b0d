"""A readable diff of one file: a sentence per change, and the changed words marked.

Used by the change-set screen (every changed file) and by the editor's fragment panel (every
flow a fragment change reaches, see ``clusters``).
"""

from __future__ import annotations

import flet as ft

from privacyapp.studio.diff import FileDiff
from privacyapp.views.studio.kit import w

__all__ = ["diff_block"]


def _style(kind: str) -> ft.TextStyle | None:
    if kind == "removed":
        return ft.TextStyle(
            decoration=ft.TextDecoration.LINE_THROUGH, bgcolor=ft.Colors.ERROR_CONTAINER
        )
    if kind == "added":
        return ft.TextStyle(weight=ft.FontWeight.BOLD, bgcolor=ft.Colors.PRIMARY_CONTAINER)
    return None


def diff_block(diff: FileDiff, ident: str, title: str | None = None) -> ft.Control:
    """``diff`` under ``title`` (default: the file's path); each changed field's words are
    marked (removed struck through, added in bold) in a control ``<ident>-<step>-<field>``."""
    rows: list[ft.Control] = [w.heading(title or diff.path, 3)]
    rows += [ft.Text(s) for s in diff.sentences()]
    for node in diff.nodes:
        for change in node.fields:
            if not change.words:
                continue
            spans = [ft.TextSpan(piece.text, _style(piece.kind)) for piece in change.words]
            rows.append(w.muted(f"{node.label} {node.node}, {change.summary}:"))
            rows.append(
                ft.Semantics(
                    identifier=f"{ident}-{node.node}-{change.field}",
                    label=f"Oud: {change.old}. Nieuw: {change.new}",
                    content=ft.Text(spans=spans, selectable=True),
                )
            )
    return ft.Column(rows, spacing=6, tight=True)
