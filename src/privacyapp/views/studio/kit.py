"""The studio's small kit: the app's own widgets (read-only reuse) plus form parts.

Every field and button has a stable identifier (``[flt-semantics-identifier]`` on the web), so
the browser test and screen readers find them the same way as in the citizen app.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import flet as ft

from privacyapp.views.kit import widgets as w

__all__ = ["Handler", "field", "dropdown", "error_summary", "w"]

Handler = w.Handler


def field(
    ident: str,
    label: str,
    value: str,
    on_value: Callable[[str], None],
    *,
    multiline: bool = False,
    password: bool = False,
    error: str | None = None,
    hint: str | None = None,
    on_blur: Handler | None = None,
    on_submit: Handler | None = None,
) -> ft.Control:
    """A labelled text field; ``on_value`` gets every change, ``error`` shows under it."""
    control = ft.TextField(
        label=label,
        value=value,
        multiline=multiline,
        min_lines=3 if multiline else None,
        password=password,
        can_reveal_password=password,
        error=error,
        helper=hint,
        helper_max_lines=3,
        on_change=lambda e: on_value(e.control.value or ""),
        on_blur=on_blur,
        on_submit=on_submit,
    )
    return ft.Semantics(identifier=ident, content=control, label=label)


def dropdown(
    ident: str,
    label: str,
    value: str | None,
    options: Sequence[tuple[str, str]],
    on_value: Callable[[str], None],
) -> ft.Control:
    """A labelled choice from a list of (key, text)."""
    control = ft.Dropdown(
        label=label,
        value=value,
        options=[ft.DropdownOption(key=key, text=text) for key, text in options],
        on_select=lambda e: on_value(e.control.value or ""),
    )
    return ft.Semantics(identifier=ident, content=control, label=label)


def error_summary(
    ident: str, title: str, items: Sequence[tuple[str, str, Handler | None]]
) -> ft.Control:
    """The NL Design System error summary: a title and one link per problem, to its field."""
    rows: list[ft.Control] = [
        ft.Text(
            title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, color=ft.Colors.ON_ERROR_CONTAINER
        )
    ]
    for index, (text, where, go) in enumerate(items):
        label = f"{where}: {text}" if where else text
        if go is None:
            rows.append(ft.Text(label, color=ft.Colors.ON_ERROR_CONTAINER))
        else:
            rows.append(
                ft.Semantics(
                    identifier=f"{ident}-{index}",
                    link=True,
                    label=label,
                    content=ft.TextButton(
                        content=label,
                        on_click=go,
                        style=ft.ButtonStyle(alignment=ft.Alignment.CENTER_LEFT),
                    ),
                )
            )
    return ft.Semantics(
        identifier=ident,
        key=ident,
        content=ft.Container(
            content=ft.Column(rows, spacing=4, tight=True),
            bgcolor=ft.Colors.ERROR_CONTAINER,
            border_radius=10,
            padding=16,
        ),
    )
