"""The routes table: patterns, parameters, and every feature wired by name."""

from __future__ import annotations

import flet as ft

from privacyapp.views.kit import context as routes
from privacyapp.views.kit.context import RouteSpec, fill, match
from privacyapp.views.shell.routes import route_table


def _build(ctx: routes.ViewContext) -> ft.Control:
    return ft.Text("x")


TABLE = [
    RouteSpec("/", _build, "home.title"),
    RouteSpec("/vraag/{flow}", _build, "flow"),
    RouteSpec("/vraag/{flow}/{node}", _build, "step"),
]


def test_match_gives_params_and_query() -> None:
    found = match(TABLE, "/vraag/jeugd-delen/stap%20twee?from=zoeken")
    assert found is not None
    spec, params, query = found
    assert spec.title_key == "step"
    assert params == {"flow": "jeugd-delen", "node": "stap twee"}
    assert query == {"from": "zoeken"}


def test_unknown_route_matches_nothing() -> None:
    assert match(TABLE, "/bestaat/niet/echt/niet") is None


def test_fill_substitutes_and_encodes() -> None:
    assert fill("/vraag/{flow}/{node}", {"flow": "a", "node": "b c"}) == "/vraag/a/b%20c"
    assert fill("/vraag/{flow}/{node}", {"flow": "a"}) == "/vraag/a"


FEATURE_SCREENS = ("/overzicht", "/slot", "/vastleggen", "/gemeente", "/verzoek")


def test_every_feature_screen_is_in_the_one_table() -> None:
    table = route_table()
    for prefix in FEATURE_SCREENS:
        found = match(table, prefix)
        assert found is not None, prefix
        assert found[0].pattern == prefix
    patterns = [spec.pattern for spec in table]
    assert len(patterns) == len(set(patterns)), "a route is listed twice"


def test_views_package_exports_the_contract_sorted() -> None:
    import privacyapp.views as views

    assert views.__all__ == sorted(views.__all__)
    for name in views.__all__:
        assert hasattr(views, name), name
    for name in ("AppState", "RouteSpec", "Services", "ViewContext", "i18n"):
        assert name in views.__all__
