"""The one route table: every screen of the app, named here and nowhere else.

Each wing exports its own ``ROUTES``; this module imports them by name, so mypy, ruff and a
reader see every screen the app has. The shell's own screens (home, flow steps, search, Meer)
are listed in :func:`core_routes`; they are built from the state alone, so all of them are
diffed (``RouteSpec.diff``). Guards (the app lock) and reconnect hooks come from the wings that
define them.
"""

from __future__ import annotations

from dataclasses import replace

from privacyapp.views.flow import emergency, home, player, search
from privacyapp.views.kit.context import Guard, ReconnectHook, RouteSpec
from privacyapp.views.municipality import screen as municipality
from privacyapp.views.record import screen as record
from privacyapp.views.rights import screen as rights
from privacyapp.views.shell import more
from privacyapp.views.store import lock, overview

__all__ = ["core_routes", "feature_routes", "guards", "reconnect_hooks", "route_table"]


def core_routes() -> list[RouteSpec]:
    """The shell's own screens: home, question lists, flow steps, search, emergency and Meer."""
    screens = [
        RouteSpec("/", home.home_view, "home.title", tab="vragen"),
        RouteSpec("/vragen", home.questions_view, "questions.title", tab="vragen"),
        RouteSpec("/vragen/{sector}", home.questions_view, "questions.title", tab="vragen"),
        *(
            RouteSpec(
                pattern,
                player.step_view,
                "questions.title",
                enter=player.enter_step,
                back=player.back_step,
            )
            for pattern in ("/vraag/{flow}", "/vraag/{flow}/{node}")
        ),
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


def feature_routes() -> list[RouteSpec]:
    """The feature wings' screens: Mijn overzicht, the app lock, records, municipality, rights."""
    return [
        *overview.ROUTES,
        *lock.ROUTES,
        *record.ROUTES,
        *municipality.ROUTES,
        *rights.ROUTES,
    ]


def route_table() -> list[RouteSpec]:
    """Every route of the app: the core screens first, then the feature wings'."""
    return [*core_routes(), *feature_routes()]


def guards() -> list[Guard]:
    """Run before every route: the app lock sends a protected route to ``/slot`` first."""
    return [lock.guard]


def reconnect_hooks() -> list[ReconnectHook]:
    """Run when a web page is reloaded or its client reconnects: the app lock locks then."""
    return [lock.on_reconnect]
