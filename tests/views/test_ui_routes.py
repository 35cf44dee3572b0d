"""The routes table: patterns, parameters, feature wiring and honest placeholders."""

from __future__ import annotations

import flet as ft

from privacyapp.views import routes
from privacyapp.views.routes import FEATURES, RouteSpec, fill, match, route_table


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


def test_missing_features_get_placeholder_routes_for_their_prefix() -> None:
    made: list[str] = []

    def coming_soon(name: str) -> routes.Builder:
        made.append(name)
        return _build

    table = route_table(TABLE, coming_soon)
    for name, prefix in FEATURES.items():
        module_exists = name not in made
        found = match(table, prefix + "/iets")
        assert found is not None, prefix
        if not module_exists:
            assert found[0].title_key == f"feature.{name}"


def test_views_package_exports_the_contract_sorted() -> None:
    import privacyapp.views as views

    assert views.__all__ == sorted(views.__all__)
    for name in views.__all__:
        assert hasattr(views, name), name
    for name in ("AppState", "RouteSpec", "Services", "ViewContext", "i18n"):
        assert name in views.__all__
