"""A step as the municipality the user chose shows it (municipal overlays, ``docs/overlays.md``).

Only text is adaptable, never the choices or where they lead, so the walk itself stays the
national one: the screens show the local version of the step they are on.
"""

from __future__ import annotations

from typing import TypeVar, cast

from privacyapp.engine import AdviceNode, ChecklistNode, FlowSession, InfoNode, QuestionNode
from privacyapp.engine.overlays import MunicipalFlow
from privacyapp.views.kit.context import ViewContext

__all__ = ["local_step"]

N = TypeVar("N", bound=QuestionNode | InfoNode | ChecklistNode | AdviceNode)


def local_step(
    ctx: ViewContext, session: FlowSession, node: N
) -> tuple[N, MunicipalFlow | None, str]:
    """``node`` as the chosen municipality shows it, that municipality's version of the flow
    and its name; ``(node, None, "")`` when no municipality is chosen or it has none."""
    code, library = ctx.state.municipality, ctx.services.library
    local = library.for_municipality(session.flow.id, code)
    found = local.flow.nodes.get(node.id) if local is not None else None
    if code is None or local is None or not isinstance(found, type(node)):
        return node, None, ""
    return cast(N, found), local, library.overlays[code].name
