"""What the flow wing remembers between renders: one ``FlowState`` per page (plain values)."""

from __future__ import annotations

from dataclasses import dataclass, field

from privacyapp.engine import Answer

__all__ = ["ChecklistDraft", "FlowState"]


@dataclass
class ChecklistDraft:
    """Checklist answers being filled in (kept in the state until the user goes on)."""

    answers: dict[str, Answer] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    error: bool = False
    """True after "go on" with items unanswered: the screen says what is missing."""


@dataclass
class FlowState:
    """The flow wing's state: ``ctx.state.features.get(FlowState)``."""

    picking_audience: bool = False
    """Home: the user asked to choose their audience again."""
    restarted: str | None = None
    """The flow a deep link restarted at its first step (the player says so once)."""
    drafts: dict[str, ChecklistDraft] = field(default_factory=dict)
    """Checklists being filled in, by ``<flow>/<node>``."""
