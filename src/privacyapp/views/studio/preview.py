"""The preview: the citizen app's own player, at phone width, with the change set's content.

Built through the player's public builders (``enter_step``, ``step_view``) over a
``ViewContext`` whose library is the change set's checked content, so what the editor sees is
what a user will see. It starts at any step; "Bewerk dit" goes back to the form of the step on
screen. Under it, a read-only map of the steps and where they lead, with unreachable steps and
dead ends marked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

import flet as ft

from privacyapp.engine import Flow, Library, SearchIndex
from privacyapp.engine._document import YMap, YScalar, parse_document
from privacyapp.engine.checks import node_edges
from privacyapp.studio.diff import NODE_TYPES
from privacyapp.views.flow.player import enter_step, step_view
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import ContentInfo, Services
from privacyapp.views.kit.state import AppState
from privacyapp.views.studio.editor import locate
from privacyapp.views.studio.kit import w

if TYPE_CHECKING:
    from privacyapp.studio.checking import CheckResult
    from privacyapp.views.studio.context import UIContext

__all__ = ["PHONE_WIDTH", "Preview", "flow_map", "preview_view"]

_MARKS = {"unreachable": "niet bereikbaar", "dead-end": "loopt dood", "cycle": "kringloop"}

PHONE_WIDTH = 390


@dataclass
class Preview:
    """One running preview: which content it shows, and the player's context."""

    key: tuple[int, str, str, str]
    ctx: ViewContext
    outside: str | None = None


class _Nav:
    """The player's navigator: a step route re-renders the preview; other screens are named."""

    def __init__(self, ui: UIContext) -> None:
        self.ui = ui

    def go(self, route: str) -> None:
        preview = self.ui.state.preview
        assert isinstance(preview, Preview)
        parts = [unquote(p) for p in route.split("?")[0].split("/") if p]
        if parts[:1] == ["vraag"] and len(parts) >= 2:
            preview.ctx.params = {
                "flow": parts[1],
                **({"node": parts[2]} if len(parts) > 2 else {}),
            }
            redirect = enter_step(preview.ctx)
            if redirect is not None:
                self.go(redirect)
                return
            preview.outside = None
        else:
            preview.outside = route
        self.ui.render()

    def back(self) -> None:
        preview = self.ui.state.preview
        assert isinstance(preview, Preview)
        session = preview.ctx.state.session
        if session is not None and session.can_go_back:
            preview.ctx.state.set_session(session.back())
        self.ui.render()

    def refresh(self) -> None:
        self.ui.render()


def _context(ui: UIContext, library: Library, flow: Flow) -> ViewContext:
    services = Services(
        data_dir=ui.studio.data_dir,
        web=True,
        library=library,
        search=SearchIndex(library),
        content=ContentInfo(version=library.content_version, date="", flows=len(library)),
        clock=ui.studio.clock,
    )
    return ViewContext(AppState(), services, _Nav(ui), Translator("nl"), params={"flow": flow.id})


def preview_view(ui: UIContext, cs_id: int, path: str | None, node: str | None) -> ft.Control:
    studio = ui.studio
    here = f"/voorstel/{cs_id}/bestand?pad={path or ''}"
    back = w.secondary("Terug naar bewerken", "preview-back", lambda _: ui.go(here))
    if not path:
        return ft.Column([back, w.body("Kies eerst een vraag.")])
    text, version = studio.read(cs_id, path)
    check = studio.check(cs_id)
    library = check.library or check.partial
    flow_id = _flow_id(text)
    flow = library.flows.get(flow_id) if library is not None and flow_id else None
    if library is None or flow is None:
        return ft.Column(
            [back, w.body("Deze vraag heeft nog fouten. Los ze op, dan zie je hier het voorbeeld.")]
        )
    start = node if node in flow.nodes else flow.start
    key = (cs_id, version, flow.id, start)
    found = ui.state.preview
    preview = found if isinstance(found, Preview) else None
    if preview is None or preview.key != key:
        shown = flow.model_copy(update={"start": start})
        others = [f for f in library.flows.values() if f.id != flow.id]
        lib = Library(library.registry, [shown, *others], content_hash=f"voorbeeld-{version[:12]}")
        preview = Preview(key, _context(ui, lib, shown))
        ui.state.preview = preview
        enter_step(preview.ctx)
    session = preview.ctx.state.session
    on_screen = session.current_id if session is not None else start
    phone = ft.Container(
        content=step_view(preview.ctx),
        width=PHONE_WIDTH,
        border=ft.Border.all(1, ft.Colors.OUTLINE),
        border_radius=16,
        padding=4,
    )
    controls: list[ft.Control] = [
        back,
        w.heading(f"Voorbeeld: {flow.title}", 1, ident="preview-title"),
        w.muted("Zo ziet een gebruiker deze vraag in de app, met de tekst van dit voorstel."),
        w.primary("Bewerk dit", "preview-edit", lambda _: ui.go(f"{here}&stap={on_screen}")),
        ft.Semantics(identifier="preview-phone", content=phone),
    ]
    if preview.outside:
        controls.append(
            w.notice(
                f"In de app opent hier een ander scherm ({preview.outside}).",
                ident="preview-outside",
            )
        )
    controls += flow_map(ui, cs_id, path, flow, check)
    return ft.Column(controls, spacing=12, tight=True)


def _flow_id(text: str) -> str | None:
    """The ``id`` of a flow file."""
    document, _ = parse_document(text, "flow.yaml")
    found = document.get("id") if isinstance(document, YMap) else None
    return found.value if isinstance(found, YScalar) else None


def flow_map(
    ui: UIContext, cs_id: int, path: str, flow: Flow, check: CheckResult
) -> list[ft.Control]:
    """Every step, where it leads, and which steps cannot be reached or lead nowhere."""
    marks: dict[str, list[str]] = {}
    text = ui.studio.read(cs_id, path)[0]
    for diagnostic in check.for_path(path):
        if diagnostic.code in _MARKS:
            node_id, _ = locate(text, diagnostic.line)
            if node_id is not None:
                marks.setdefault(node_id, []).append(_MARKS[diagnostic.code])
    out: list[ft.Control] = [w.heading("Kaart van de vraag", 2, ident="map-title")]
    for node_id, node in flow.nodes.items():
        targets = sorted({target for _, target in node_edges(flow, node_id)})
        label = f"{NODE_TYPES.get(node.type, 'Stap')} {node_id}"
        if targets:
            label += " → " + ", ".join(targets)
        if node_id in marks:
            label += " (" + ", ".join(marks[node_id]) + ")"
        if node_id == flow.start:
            label = "Begin: " + label
        out.append(
            w.choice(
                label,
                f"map-{node_id}",
                ui.to(f"/voorstel/{cs_id}/voorbeeld?pad={path}&stap={node_id}"),
            )
        )
    return out
