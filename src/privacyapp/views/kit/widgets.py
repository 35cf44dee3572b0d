"""Small building blocks every screen uses, so every screen is accessible in the same way.

Each interactive block takes an ``ident``: the stable semantics identifier that screen readers
and the browser tests use (``[flt-semantics-identifier="<ident>"]`` in the web DOM). Identifiers
are lower-case with hyphens, prefixed by the screen (``home-audience-inwoner``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from types import SimpleNamespace

import flet as ft

from privacyapp.views.kit.theme import FOCUS_RING, LARGE_TEXT, TOUCH_TARGET

__all__ = [
    "Handler",
    "body",
    "choice",
    "error_link",
    "error_summary",
    "heading",
    "link",
    "muted",
    "notice",
    "option",
    "options",
    "page_body",
    "primary",
    "secondary",
    "section",
    "toggle_row",
    "verdict",
]

#: A click or change handler; the event is not needed (a handler that reads it takes the
#: control's own event type, e.g. ``ft.Event[ft.TextField]``).
Handler = Callable[[object], object]

_HEADING_STYLES = {
    1: ft.TextThemeStyle.HEADLINE_MEDIUM,
    2: ft.TextThemeStyle.TITLE_LARGE,
    3: ft.TextThemeStyle.TITLE_MEDIUM,
}


def heading(text: str, level: int = 1, ident: str | None = None) -> ft.Control:
    """A heading: marked as such for screen readers (WCAG 1.3.1)."""
    return ft.Semantics(
        content=ft.Text(text, theme_style=_HEADING_STYLES.get(level, _HEADING_STYLES[3])),
        header=True,
        heading_level=level,
        identifier=ident,
        key=ident,
    )


def body(text: str, *, selectable: bool = False) -> ft.Text:
    """A paragraph of body text."""
    return ft.Text(text, theme_style=ft.TextThemeStyle.BODY_LARGE, selectable=selectable)


def muted(text: str) -> ft.Text:
    """Secondary text (still AA contrast)."""
    return ft.Text(
        text, theme_style=ft.TextThemeStyle.BODY_MEDIUM, color=ft.Colors.ON_SURFACE_VARIANT
    )


@functools.cache
def _button_style(horizontal: int = 20) -> ft.ButtonStyle:
    # No fixed height: 14 px padding around 16 px+ text keeps every target >= 48 px and lets
    # labels wrap when the text is enlarged (WCAG 1.4.4, 1.4.10). Shared: see _NOTICE_BORDER.
    return ft.ButtonStyle(
        padding=ft.Padding.symmetric(horizontal=horizontal, vertical=TOUCH_TARGET // 2 - 9),
        shape=ft.RoundedRectangleBorder(radius=10),
    )


def option(label: str, ident: str, selected: bool, on_click: Handler) -> ft.Control:
    """One of a few mutually exclusive options (a setting, a checklist answer)."""
    button: ft.Control
    if selected:
        button = ft.FilledButton(
            content=label, icon=ft.Icons.CHECK, on_click=on_click, style=_button_style(16)
        )
    else:
        button = ft.OutlinedButton(content=label, on_click=on_click, style=_button_style(16))
    return ft.Semantics(
        content=button, identifier=ident, button=True, selected=selected, label=label
    )


def options(items: Sequence[ft.Control]) -> ft.Row:
    """A wrapping row of options."""
    return ft.Row(list(items), wrap=True, spacing=10, run_spacing=10)


def primary(
    label: str,
    ident: str,
    on_click: Handler | None = None,
    *,
    icon: ft.IconData | None = None,
    url: str | None = None,
) -> ft.Control:
    """The main action of a screen (filled accent button, ≥ 48 px)."""
    return _button(ft.FilledButton, label, ident, on_click, icon, url)


def secondary(
    label: str,
    ident: str,
    on_click: Handler | None = None,
    *,
    icon: ft.IconData | None = None,
    url: str | None = None,
) -> ft.Control:
    """A secondary action (outlined button, ≥ 48 px)."""
    return _button(ft.OutlinedButton, label, ident, on_click, icon, url)


def _button(
    kind: type[ft.FilledButton] | type[ft.OutlinedButton],
    label: str,
    ident: str,
    on_click: Handler | None,
    icon: ft.IconData | None,
    url: str | None,
) -> ft.Control:
    button = kind(content=label, icon=icon, on_click=on_click, url=url, style=_button_style())
    return ft.Semantics(content=button, identifier=ident, button=True, label=label)


def link(label: str, url: str, ident: str, *, icon: ft.IconData | None = None) -> ft.Control:
    """A link that opens outside the app (web page, ``tel:``, ``mailto:``)."""
    button = ft.TextButton(
        content=label,
        icon=icon or ft.Icons.OPEN_IN_NEW,
        url=url,
        style=ft.ButtonStyle(
            padding=ft.Padding.symmetric(horizontal=8, vertical=15),
            alignment=ft.Alignment.CENTER_LEFT,
        ),
    )
    return ft.Semantics(content=button, identifier=ident, link=True, label=label)


# Shared value objects: styles, borders and paddings that many controls use are made once (these
# constants, and the cached _button_style and _choice_style) and never changed in place. On a
# diffed screen (a flow step) Flet skips a value that is the very object it sent before, where a
# new equal one is compared field by field on every step.
_NOTICE_BORDER = ft.Border.all(1, ft.Colors.PRIMARY)
_BODY_PADDING = ft.Padding.symmetric(horizontal=20, vertical=20)


@functools.cache
def _choice_style(selected: bool) -> ft.ButtonStyle:
    """One style object per state, shared by every choice on every screen."""
    return ft.ButtonStyle(
        padding=ft.Padding.symmetric(horizontal=16, vertical=14),
        shape=ft.RoundedRectangleBorder(radius=12),
        # its own edge, and the theme's 3 px focus ring (in the text colour) on focus
        side={
            ft.ControlState.FOCUSED: ft.BorderSide(FOCUS_RING, ft.Colors.ON_SURFACE),
            ft.ControlState.DEFAULT: ft.BorderSide(
                2 if selected else 1, ft.Colors.PRIMARY if selected else "outline"
            ),
        },
        bgcolor=ft.Colors.PRIMARY_CONTAINER if selected else ft.Colors.SURFACE,
        alignment=ft.Alignment.CENTER_LEFT,
    )


def choice(
    label: str,
    ident: str,
    on_click: Handler | None,
    *,
    description: str | None = None,
    selected: bool = False,
    icon: ft.IconData | None = None,
    text_scale: float = 1.0,
) -> ft.Control:
    """A large, full-width choice (an answer, an audience, a sector, a question in a list).

    ``text_scale``: the user's text size (``Settings.text_scale``). From ``LARGE_TEXT`` on, the
    icon and the chevron (smaller) go on a line of their own above the label, which gets the
    whole width in one step smaller type: beside them, at 200 % on a 390 px phone, one long
    Dutch word ("Toegankelijkheid") did not fit and broke mid-word."""
    large = text_scale >= LARGE_TEXT
    style = ft.TextThemeStyle.TITLE_SMALL if large else ft.TextThemeStyle.TITLE_MEDIUM
    lines: list[ft.Control] = [ft.Text(label, theme_style=style, color=ft.Colors.ON_SURFACE)]
    if description:
        lines.append(muted(description))
    size = 20 if large else None
    row: list[ft.Control] = []
    if icon is not None:
        row.append(ft.Icon(icon, color=ft.Colors.PRIMARY, size=size))
    chevron = ft.Icon(ft.Icons.CHEVRON_RIGHT, color=ft.Colors.PRIMARY, size=size)
    content: ft.Control
    if large:
        ends = ft.MainAxisAlignment.SPACE_BETWEEN if row else ft.MainAxisAlignment.END
        marks = ft.Row([*row, chevron], alignment=ends)
        content = ft.Column([marks, *lines], spacing=4)
    else:
        row += [ft.Column(lines, spacing=2, expand=True), chevron]
        content = ft.Row(row, spacing=14, vertical_alignment=ft.CrossAxisAlignment.CENTER)
    # A real button (not a clickable container): it is in the keyboard's Tab order, Enter and
    # Space press it, and the screen reader hears one button named by its texts.
    button = ft.OutlinedButton(content=content, on_click=on_click, style=_choice_style(selected))
    return ft.Semantics(content=button, identifier=ident, key=ident, button=True, selected=selected)


def error_link(label: str, ident: str, on_click: Handler) -> ft.Control:
    """One line of an error summary: a link that moves keyboard focus to the field it names
    (NL Design System's error summary)."""
    button = ft.TextButton(
        content=ft.Text(label, style=ft.TextStyle(decoration=ft.TextDecoration.UNDERLINE)),
        icon=ft.Icons.ARROW_FORWARD,
        on_click=on_click,
        style=ft.ButtonStyle(
            padding=ft.Padding.symmetric(horizontal=8, vertical=15),
            alignment=ft.Alignment.CENTER_LEFT,
        ),
    )
    return ft.Semantics(content=button, identifier=ident, link=True, label=label)


def error_summary(
    title: str,
    lines: Sequence[tuple[str, Handler | None]],
    *,
    ident: str,
    before: Sequence[ft.Control] = (),
    extra: Sequence[ft.Control] = (),
    scroll_key: str | None = None,
) -> ft.Control:
    """The NL Design System's error summary, placed at the action that failed: a heading, then
    each problem; a problem with a field is a link that moves focus to that field (``lines``:
    text and the link's handler, or None for a problem without a field; ``before`` comes under
    the heading, ``extra`` at the end). The first link is
    ``<ident>-link-0``; the box is announced when it appears (a live region)."""
    rows: list[ft.Control] = [
        ft.Semantics(
            header=True,
            content=ft.Text(
                title, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, color=ft.Colors.ERROR
            ),
        ),
        *before,
    ]
    for number, (text, on_click) in enumerate(lines):
        if on_click is None:
            rows.append(ft.Semantics(identifier=f"{ident}-text-{number}", content=body(text)))
        else:
            rows.append(error_link(text, f"{ident}-link-{number}", on_click))
    rows += list(extra)
    frame = ft.Container(
        content=ft.Column(rows, spacing=4),
        border=ft.Border.all(3, ft.Colors.ERROR),
        border_radius=8,
        padding=12,
        key=ft.ScrollKey(scroll_key) if scroll_key else None,  # type: ignore[call-arg]
    )
    return ft.Semantics(identifier=ident, live_region=True, content=frame)


def section(title: str, controls: Sequence[ft.Control], *, level: int = 2) -> ft.Control:
    """A titled group of controls."""
    return ft.Column([heading(title, level), *controls], spacing=10)


def toggle_row(toggle: ft.Checkbox | ft.Switch, text: str, ident: str) -> ft.Control:
    """A checkbox or switch with a label that wraps on a narrow phone and at 200 % text (the
    control's own label is cut off there). The control is named by ``text`` for screen readers;
    a tap anywhere in its 48 px square (``<ident>-target``) toggles it; the text beside it is
    ``<ident>-label``."""
    if isinstance(toggle, ft.Checkbox):
        toggle.semantics_label = text

    def flip(_: object) -> None:  # a tap beside the 40 px box still toggles: a 48 px target
        toggle.value = not toggle.value
        handler: Callable[[object], object] | None = toggle.on_change  # type: ignore[assignment]
        if handler is not None:  # as if the control itself changed (handlers read e.control)
            handler(SimpleNamespace(control=toggle, data=str(toggle.value).lower()))

    target = ft.Semantics(
        identifier=f"{ident}-target",
        content=ft.Container(
            content=ft.Semantics(identifier=ident, label=text, content=toggle),
            width=TOUCH_TARGET,
            height=TOUCH_TARGET,
            alignment=ft.Alignment.CENTER,
            on_click=flip,
        ),
    )
    return ft.Row(
        [
            target,
            ft.Semantics(
                identifier=f"{ident}-label",
                content=ft.Container(
                    content=ft.Text(text),
                    padding=ft.Padding.symmetric(vertical=12),
                ),
                expand=True,
            ),
        ],
        spacing=4,
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )


def verdict(title: str, text: str, *, ok: bool, ident: str) -> ft.Control:
    """A check's outcome that no one can mistake: "valid" in the calm accent box with a check
    mark, "not valid" filled in the urgent colour with a warning sign and a thick edge; the
    words say it too (never colour alone), in every theme including high contrast."""
    fg = ft.Colors.ON_PRIMARY_CONTAINER if ok else ft.Colors.ON_ERROR
    return ft.Semantics(
        identifier=ident,
        key=ident,
        live_region=True,
        content=ft.Container(
            content=ft.Row(
                [
                    ft.Icon(ft.Icons.VERIFIED if ok else ft.Icons.GPP_BAD, color=fg, size=36),
                    ft.Column(
                        [
                            ft.Text(
                                title,
                                theme_style=ft.TextThemeStyle.TITLE_LARGE,
                                weight=ft.FontWeight.BOLD,
                                color=fg,
                            ),
                            ft.Text(text, theme_style=ft.TextThemeStyle.BODY_MEDIUM, color=fg),
                        ],
                        spacing=4,
                        expand=True,
                    ),
                ],
                spacing=12,
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
            bgcolor=ft.Colors.PRIMARY_CONTAINER if ok else ft.Colors.ERROR,
            border=ft.Border.all(1 if ok else 4, ft.Colors.PRIMARY if ok else ft.Colors.ON_SURFACE),
            border_radius=10,
            padding=16,
        ),
    )


def notice(text: str, *, ident: str | None = None, icon: ft.IconData | None = None) -> ft.Control:
    """A tinted information box (e.g. "content is in Dutch", "komt binnenkort")."""
    return ft.Semantics(
        identifier=ident,
        key=ident,
        content=ft.Container(
            content=ft.Row(
                [
                    ft.Icon(icon or ft.Icons.INFO_OUTLINE, color=ft.Colors.ON_PRIMARY_CONTAINER),
                    ft.Text(
                        text,
                        theme_style=ft.TextThemeStyle.BODY_MEDIUM,
                        color=ft.Colors.ON_PRIMARY_CONTAINER,
                        expand=True,
                    ),
                ],
                spacing=12,
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
            bgcolor=ft.Colors.PRIMARY_CONTAINER,
            border=_NOTICE_BORDER,
            border_radius=10,
            padding=14,
        ),
    )


def page_body(controls: Sequence[ft.Control]) -> ft.Control:
    """The scrolling, centred, width-limited column every screen puts its content in."""
    column = ft.Column(
        list(controls), spacing=18, tight=True, horizontal_alignment=ft.CrossAxisAlignment.STRETCH
    )
    # The shell gives this container its width: the window's, at most MAX_CONTENT_WIDTH.
    return ft.Container(content=column, padding=_BODY_PADDING)
