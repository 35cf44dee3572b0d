"""What every screen is built against: the view context, route specs and route matching.

A builder is a plain function ``build(ctx: ViewContext) -> ft.Control`` that tests call without
a client. Routes are URL paths (browser back/forward and deep links work on web), with
``{name}`` segments for parameters: ``/vraag/{flow}/{node}``. Each feature wing exports its
``ROUTES: list[RouteSpec]`` (and may export ``guard(ctx) -> str | None`` and
``on_reconnect(state, services) -> bool``); the one table that names them all is
``privacyapp.views.shell.routes``. This module names no screen. See ``docs/ui.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol
from urllib.parse import parse_qsl, quote, unquote, urlsplit

if TYPE_CHECKING:
    import flet as ft

    from privacyapp.views.kit.i18n import Translator
    from privacyapp.views.kit.services import Services
    from privacyapp.views.kit.state import AppState

__all__ = [
    "TABS",
    "Builder",
    "Guard",
    "Navigator",
    "ReconnectHook",
    "RouteSpec",
    "ViewContext",
    "fill",
    "match",
]

#: Navigation tabs (bottom bar on phones, rail on wide screens), in order, with their routes.
TABS: tuple[tuple[str, str], ...] = (
    ("vragen", "/"),
    ("zoeken", "/zoeken"),
    ("overzicht", "/overzicht"),
    ("meer", "/meer"),
)


class Navigator(Protocol):
    """How a handler moves the user: ``ctx.nav.go("/meer")``, ``ctx.nav.back()``."""

    def go(self, route: str) -> None:
        """Show ``route`` (and add it to the browser history on web)."""

    def back(self) -> None:
        """One step back: the previous flow step, else the parent screen."""

    def refresh(self) -> None:
        """Re-render the current route after state changed (same as ``state.changed()``)."""


@dataclass
class ViewContext:
    """What a builder gets: state, services, navigation, translation and route parameters."""

    state: AppState
    services: Services
    nav: Navigator
    t: Translator
    params: Mapping[str, str] = field(default_factory=dict)
    """Values of the ``{name}`` segments of the route."""
    query: Mapping[str, str] = field(default_factory=dict)
    """The route's query string (``/zoeken?q=inzage`` → ``{"q": "inzage"}``)."""
    page: ft.Page | None = None
    """The ``ft.Page`` when running (for page services such as ``ft.FilePicker``); None in tests."""
    title: str | None = None
    """A builder may set a more precise title (e.g. the question); it is announced on change."""
    focus: str | None = None
    """A builder may name a control (its ``key=ft.ScrollKey(name)``) that the shell brings into
    view once the screen is shown: an error summary or a notice at the action the user just
    took, so feedback appears where they are, not at the top of a long form."""
    main: str | None = None
    """Where the screen's own content starts for the skip link ("Naar de inhoud"): the
    identifier of a control, inside which the first focusable control gets keyboard focus.
    None: the screen's first focusable control (set it when a screen starts with chrome of its
    own, like home's emergency block and search)."""

    @property
    def row_scale(self) -> float:
        """The text size a row of text beside icons must make room for (``w.choice``'s
        ``text_scale``): the user's on a phone-width window, 1.0 on a wide one, where even a
        long word at 200 % fits beside its icons."""
        from privacyapp.views.kit.theme import WIDE_BREAKPOINT  # theme loads flet; this does not

        return self.state.settings.text_scale if self.state.width < WIDE_BREAKPOINT else 1.0


Builder = Callable[[ViewContext], "ft.Control"]
Guard = Callable[[ViewContext], "str | None"]
ReconnectHook = Callable[["AppState", "Services"], bool]
"""``on_reconnect(state, services)``: True when it changed something the screen must show."""


@dataclass(frozen=True)
class RouteSpec:
    """One screen: where it lives, how it is built, its title and its place in the navigation."""

    pattern: str
    """``/path/{param}``; parameters match one URL segment each."""
    build: Builder
    title_key: str
    """i18n key of the screen title (the window title and the screen reader's page name)."""
    tab: str = "vragen"
    """Which navigation tab is highlighted (one of :data:`TABS`)."""
    parent: str = "/"
    """Where Back goes from here; may use this route's ``{params}``."""
    enter: Guard | None = None
    """Runs before ``build`` each time the route is shown: may bring the state in line with the
    URL (e.g. the flow step of a deep link) and may return another route to show instead."""
    back: Guard | None = None
    """Where Back goes when it depends on state (the previous flow step); None: ``parent``."""
    diff: bool = False
    """True when ``build`` makes the whole screen from the state every time and nothing on it is
    changed in place afterwards. The shell then lets Flet compare the new screen with the one on
    show, so a new flow step sends only what changed. Leave False for a screen that keeps its
    controls between renders or updates them itself (live search, forms): Flet marks diffed
    controls read-only, and such a screen's own updates would no longer reach the page."""


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def match(
    routes: list[RouteSpec], route: str
) -> tuple[RouteSpec, dict[str, str], dict[str, str]] | None:
    """Find the spec for ``route``; returns (spec, params, query) or None when nothing matches."""
    parts = urlsplit(route)
    path_segments = [unquote(s) for s in _segments(parts.path)]
    query = dict(parse_qsl(parts.query))
    for spec in routes:
        pattern = _segments(spec.pattern)
        if len(pattern) != len(path_segments):
            continue
        params: dict[str, str] = {}
        for want, got in zip(pattern, path_segments, strict=True):
            if want.startswith("{") and want.endswith("}"):
                params[want[1:-1]] = got
            elif want != got:
                break
        else:
            return spec, params, query
    return None


def fill(pattern: str, params: Mapping[str, str]) -> str:
    """Substitute ``{name}`` segments; unknown names stay out (``/a/{x}`` → ``/a``)."""
    out: list[str] = []
    for segment in _segments(pattern):
        if segment.startswith("{") and segment.endswith("}"):
            value = params.get(segment[1:-1])
            if value is None:
                break
            out.append(quote(value, safe=""))
        else:
            out.append(segment)
    return "/" + "/".join(out)
