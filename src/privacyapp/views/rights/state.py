"""What the rights wing remembers between renders: one ``RightsState`` per page."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privacyapp.rights import RightsRequest
    from privacyapp.views.rights.composer import RightsScreen

__all__ = ["RightsState"]


@dataclass
class RightsState:
    """The rights wing's state: ``ctx.state.features.get(RightsState)``."""

    screen: RightsScreen | None = None
    """The composer or follow-up on screen (it holds a ``ComposerState``, never controls)."""
    record_ids: dict[str, str] = field(default_factory=dict)
    """A request's id → its record in the store, so a change updates the same record."""
    kept: list[RightsRequest] = field(default_factory=list)
    """Requests "saved" where the app has no store (kept for this visit only)."""
