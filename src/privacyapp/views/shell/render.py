"""A route rendered without a page: guards, ``enter`` redirects, then the screen's builder.

The shell renders every route through :func:`render_route`; tests of the whole table call it
directly and inspect the :class:`Rendered` result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from privacyapp.views.kit.context import Navigator, RouteSpec, ViewContext, match
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.shell.not_found import not_found_view

__all__ = ["Rendered", "render_route"]

_NOT_FOUND = RouteSpec("/__niet-gevonden", not_found_view, "notfound.title")


@dataclass
class Rendered:
    """A route rendered without a page: what tests of the whole table inspect."""

    spec: RouteSpec
    route: str
    """The route actually shown (after ``enter`` redirects)."""
    content: ft.Control
    title: str
    focus: str | None = None
    """The scroll key to bring into view after showing the screen (``ViewContext.focus``)."""
    main: str | None = None
    """Where the skip link moves keyboard focus (``ViewContext.main``)."""


def render_route(
    routes: list[RouteSpec],
    route: str,
    state: AppState,
    services: Services,
    nav: Navigator,
    page: ft.Page | None = None,
    guards: list[Callable[[ViewContext], str | None]] | None = None,
) -> Rendered:
    """Resolve ``route`` (guards, ``enter`` redirects) and build its screen.

    Redirects are followed at most a few times so a misconfigured hook cannot loop.
    """
    t = Translator(state.settings.language)
    for _ in range(5):
        found = match(routes, route)
        spec, params, query = found if found else (_NOT_FOUND, {}, {})
        ctx = ViewContext(state, services, nav, t, params, query, page)
        redirect = next((r for g in guards or [] if (r := g(ctx)) and r != route), None)
        if redirect is None and spec.enter is not None:
            redirect = spec.enter(ctx)
        if redirect is None or redirect == route:
            break
        route = redirect
    state.route = route
    content = spec.build(ctx)
    return Rendered(spec, route, content, ctx.title or t(spec.title_key), ctx.focus, ctx.main)
