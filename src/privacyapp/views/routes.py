"""The one routes table: every screen of the app has a route, and every route one builder.

A builder is a plain function ``build(ctx: ViewContext) -> ft.Control`` that tests call without
a client. Routes are URL paths (browser back/forward and deep links work on web), with
``{name}`` segments for parameters: ``/vraag/{flow}/{node}``.

Feature screens live in their own modules and are wired here by *name only*: the module
``privacyapp.views.<feature>`` exports ``ROUTES: list[RouteSpec]`` (and may export
``guard(ctx) -> str | None`` and ``on_reconnect(state, services) -> bool``, see
:data:`FEATURES`). Until that module exists its reserved
route shows an honest "komt binnenkort" screen, never a crash. See ``docs/ui.md``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import parse_qsl, quote, unquote, urlsplit

if TYPE_CHECKING:
    import flet as ft

    from privacyapp.views.i18n import Translator
    from privacyapp.views.services import Services
    from privacyapp.views.state import AppState

__all__ = [
    "FEATURES",
    "TABS",
    "Builder",
    "Guard",
    "Navigator",
    "RouteSpec",
    "ViewContext",
    "core_routes",
    "feature_available",
    "feature_guards",
    "feature_reconnect_hooks",
    "fill",
    "match",
    "route_table",
]

#: Navigation tabs (bottom bar on phones, rail on wide screens), in order, with their routes.
TABS: tuple[tuple[str, str], ...] = (
    ("vragen", "/"),
    ("zoeken", "/zoeken"),
    ("overzicht", "/overzicht"),
    ("meer", "/meer"),
)

#: Feature modules (``privacyapp.views.<name>``) and the route prefix reserved for each.
FEATURES: Mapping[str, str] = {
    "overview": "/overzicht",
    "lock": "/slot",
    "record": "/vastleggen",
    "municipality": "/gemeente",
    "rights": "/verzoek",
}


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
    page: Any = None
    """The ``ft.Page`` when running (for page services such as ``ft.FilePicker``); None in tests."""
    title: str | None = None
    """A builder may set a more precise title (e.g. the question); it is announced on change."""


Builder = Callable[[ViewContext], "ft.Control"]
Guard = Callable[[ViewContext], "str | None"]
ReconnectHook = Callable[[Any, Any], bool]
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


def _load_feature(name: str) -> ModuleType | None:
    module_name = f"privacyapp.views.{name}"
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:  # not built yet; any other missing import is a real bug
            return None
        raise


def feature_available(name: str) -> bool:
    """True when the feature's module exists and exports routes."""
    module = _load_feature(name)
    return bool(module is not None and getattr(module, "ROUTES", None))


def route_table(core: list[RouteSpec], coming_soon: Callable[[str], Builder]) -> list[RouteSpec]:
    """The full table: the core screens plus every feature's ``ROUTES``.

    Args:
        core: the shell's own routes (home, flows, search, Meer, ...).
        coming_soon: makes the honest placeholder builder for a feature that is not there yet.
    """
    table = list(core)
    for name, prefix in FEATURES.items():
        module = _load_feature(name)
        specs: list[RouteSpec] = list(getattr(module, "ROUTES", [])) if module else []
        if not specs:
            tab = "overzicht" if name == "overview" else "vragen"
            placeholder = coming_soon(name)
            specs = [
                RouteSpec(prefix, placeholder, f"feature.{name}", tab=tab),
                RouteSpec(prefix + "/{rest}", placeholder, f"feature.{name}", tab=tab),
            ]
        table.extend(specs)
    return table


def _feature_functions(attribute: str) -> list[Any]:
    found: list[Any] = []
    for name in FEATURES:
        module = _load_feature(name)
        function = getattr(module, attribute, None) if module else None
        if callable(function):
            found.append(function)
    return found


def feature_guards() -> list[Guard]:
    """``guard`` functions that features export (e.g. the app lock redirecting to ``/slot``)."""
    return _feature_functions("guard")


def feature_reconnect_hooks() -> list[ReconnectHook]:
    """``on_reconnect`` functions that features export: run when a web page is reloaded or its
    client reconnects (e.g. after the computer slept); the app lock locks then."""
    return _feature_functions("on_reconnect")


def core_routes() -> list[RouteSpec]:
    """The shell's own screens. Imported late: the screen modules import this module.

    Each of them is built from the state alone, so all of them may be diffed (``diff``).
    """
    from privacyapp.views import emergency, home, more, search

    screens = [
        RouteSpec("/", home.home_view, "home.title", tab="vragen"),
        RouteSpec("/vragen", home.questions_view, "questions.title", tab="vragen"),
        RouteSpec("/vragen/{sector}", home.questions_view, "questions.title", tab="vragen"),
        *_player_routes(),
        RouteSpec("/zoeken", search.search_view, "search.title", tab="zoeken"),
        RouteSpec("/nood", emergency.emergency_view, "emergency.title", tab="vragen"),
        RouteSpec("/meer", more.more_view, "more.title", tab="meer"),
        RouteSpec("/meer/over", more.about_view, "about.title", tab="meer", parent="/meer"),
        RouteSpec("/meer/bronnen", more.sources_view, "sources.title", tab="meer", parent="/meer"),
        RouteSpec(
            "/meer/toegankelijkheid",
            more.accessibility_view,
            "a11y.title",
            tab="meer",
            parent="/meer",
        ),
        RouteSpec("/meer/privacy", more.privacy_view, "privacy.title", tab="meer", parent="/meer"),
        RouteSpec(
            "/meer/instellingen", more.settings_view, "settings.title", tab="meer", parent="/meer"
        ),
    ]
    return [replace(spec, diff=True) for spec in screens]


def _player_routes() -> list[RouteSpec]:
    from privacyapp.views import player

    return [
        RouteSpec(
            "/vraag/{flow}",
            player.step_view,
            "questions.title",
            enter=player.enter_step,
            back=player.back_step,
        ),
        RouteSpec(
            "/vraag/{flow}/{node}",
            player.step_view,
            "questions.title",
            enter=player.enter_step,
            back=player.back_step,
        ),
    ]
