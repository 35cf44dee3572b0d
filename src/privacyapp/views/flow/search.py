"""Search: all questions, situations and advice titles, typo- and diacritics-tolerant."""

from __future__ import annotations

from urllib.parse import quote

import flet as ft

from privacyapp.engine import SearchIndex
from privacyapp.views.flow.home import label, search_field
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext

__all__ = ["search_view"]


def search_view(ctx: ViewContext) -> ft.Control:
    """The search screen: a box, which questions it searches, and the hits for ``?q=`` (each
    opens its flow, and says which sector it belongs to)."""
    query = ctx.query.get("q", ctx.state.query).strip()
    ctx.state.query = query
    everyone = ctx.query.get("alle") == "1"
    controls: list[ft.Control] = [
        w.heading(ctx.t("search.title"), 1, ident="search-title"),
        search_field(ctx, "search-input"),
    ]
    if not query:
        controls.append(w.muted(ctx.t("search.empty")))
        return w.page_body(controls)
    audience = None if everyone else ctx.state.settings.audience
    controls += _scope(ctx, query, audience)
    hits = _hits(ctx, query, audience)
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
            w.choice(
                title,
                f"search-result-{index}",
                _go(ctx, route),
                description=summary,
                text_scale=ctx.row_scale,
            )
        )
    return w.page_body(controls)


def _scope(ctx: ViewContext, query: str, audience: str | None) -> list[ft.Control]:
    """Say which questions are searched, and offer the other choice (never a silent filter)."""
    chosen = ctx.state.settings.audience
    if chosen is None:
        return []
    registry = ctx.services.library.registry
    item = registry.audiences.get(chosen)
    name = label(item, ctx.state.settings.language) if item is not None else chosen
    base = "/zoeken?q=" + quote(query)
    if audience is not None:
        return [
            w.muted(ctx.t("search.scope.audience", audience=name)),
            w.secondary(ctx.t("search.scope.widen"), "search-all", _go(ctx, base + "&alle=1")),
        ]
    return [
        w.muted(ctx.t("search.scope.all")),
        w.secondary(ctx.t("search.scope.narrow", audience=name), "search-narrow", _go(ctx, base)),
    ]


def _go(ctx: ViewContext, route: str) -> w.Handler:
    return lambda _: ctx.nav.go(route)


def _hits(ctx: ViewContext, query: str, audience: str | None) -> list[tuple[str, str, str]]:
    """(title, sector and what matched, route) per flow, best first; one entry per flow."""
    index: SearchIndex = ctx.services.search
    library = ctx.services.library
    language = ctx.state.settings.language
    sectors = library.registry.sectors
    audiences = library.registry.audiences
    seen: set[str] = set()
    hits: list[tuple[str, str, str]] = []
    for hit in index.search(query, audience=audience, limit=40):
        if hit.flow_id in seen or hit.flow_id not in library:
            continue
        seen.add(hit.flow_id)
        flow = library.get(hit.flow_id)
        matched = flow.summary if hit.kind == "flow" else f"{hit.title} — {hit.snippet}"
        sector = sectors.get(flow.sector)
        where = [label(sector, language) if sector is not None else flow.sector]
        if audience is None:  # all audiences: say for whom, so equal titles can be told apart
            where += [label(audiences[a], language) for a in flow.audience if a in audiences]
        summary = f"{' · '.join(where)} — {matched}"
        hits.append((flow.title, summary, f"/vraag/{quote(flow.id, safe='')}"))
    return hits
