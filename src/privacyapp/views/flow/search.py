"""Search: all questions, situations and advice titles, typo- and diacritics-tolerant."""

from __future__ import annotations

from urllib.parse import quote

import flet as ft

from privacyapp.engine import SearchIndex
from privacyapp.views.flow.home import search_field
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = ["search_view"]


def search_view(ctx: ViewContext) -> ft.Control:
    """The search screen: a box, and the hits for ``?q=`` (each opens its flow)."""
    query = ctx.query.get("q", ctx.state.query).strip()
    ctx.state.query = query
    controls: list[ft.Control] = [
        w.heading(ctx.t("search.title"), 1, ident="search-title"),
        search_field(ctx, "search-input"),
    ]
    if not query:
        controls.append(w.muted(ctx.t("search.empty")))
        return w.page_body(controls)
    hits = _hits(ctx, query)
    if not hits:
        controls.append(w.notice(ctx.t("search.none", query=query), ident="search-none"))
        return w.page_body(controls)
    controls.append(
        ft.Semantics(
            live_region=True,
            container=True,
            identifier="search-count",
            content=w.muted(ctx.t.n("search.count", len(hits), query=query)),
        )
    )
    for index, (title, summary, route) in enumerate(hits):
        controls.append(
            w.choice(title, f"search-result-{index}", _go(ctx, route), description=summary)
        )
    return w.page_body(controls)


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def _hits(ctx: ViewContext, query: str) -> list[tuple[str, str, str]]:
    """(title, what matched, route) per flow, best first; one entry per flow."""
    index: SearchIndex = ctx.services.search
    library = ctx.services.library
    seen: set[str] = set()
    hits: list[tuple[str, str, str]] = []
    for hit in index.search(query, audience=ctx.state.settings.audience, limit=40):
        if hit.flow_id in seen or hit.flow_id not in library:
            continue
        seen.add(hit.flow_id)
        flow = library.get(hit.flow_id)
        matched = flow.summary if hit.kind == "flow" else f"{hit.title} — {hit.snippet}"
        hits.append((flow.title, matched, f"/vraag/{quote(flow.id, safe='')}"))
    return hits
