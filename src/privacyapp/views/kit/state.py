"""The one observable app state: engine values and user choices, never controls.

The UI is a function of this state (DESIGN.md §4). A handler replaces a value and calls
:meth:`AppState.changed`; the shell re-renders the current route. Builders read the state, they
never keep their own copies of it.

Feature modules keep their own values in :attr:`AppState.slots` under their area name
(``state.slots["overview"] = OverviewModel(...)``): plain Python or engine objects only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacyapp.engine import FlowSession

__all__ = ["THEMES", "TEXT_SCALES", "AppState", "Settings"]

#: Theme names, in the order the settings screen offers them.
THEMES = ("light", "dark", "contrast")
#: Text size choices (factor on every text style); 2.0 is WCAG 1.4.4's 200 %.
TEXT_SCALES = (1.0, 1.25, 1.5, 2.0)


@dataclass(frozen=True)
class Settings:
    """What the user chose; remembered on the device (see ``views/prefs.py``)."""

    language: str = "nl"
    """UI language: ``nl`` (default) or ``en``; content stays Dutch."""
    theme: str = "light"
    """One of :data:`THEMES`."""
    text_scale: float = 1.0
    """One of :data:`TEXT_SCALES`."""
    audience: str | None = None
    """Registry audience key (``inwoner``, ``professional``, ``vertegenwoordiger``) or None."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build settings from stored values, ignoring anything unknown or malformed."""
        settings = cls()
        known = {f.name for f in fields(cls)}
        clean: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            if (key == "language" and value in ("nl", "en")) or (
                key == "theme" and value in THEMES
            ):
                clean[key] = value
            elif key == "text_scale" and isinstance(value, int | float) and value in TEXT_SCALES:
                clean[key] = float(value)
            elif key == "audience" and (value is None or isinstance(value, str)):
                clean[key] = value
        return replace(settings, **clean)

    def to_dict(self) -> dict[str, Any]:
        """The values to store."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


Listener = Callable[["AppState"], None]


@dataclass
class AppState:
    """Everything the screens show, as values.

    Flow sessions are immutable engine values: ``state.session = state.session.answer(...)``.
    Every session value the user has been at is kept in :attr:`timeline` so that browser
    back/forward (a route per step) finds the exact earlier or later value again.
    """

    settings: Settings = field(default_factory=Settings)
    route: str = "/"
    """The route on screen (``/vraag/<flow>/<node>`` etc.)."""
    sector: str | None = None
    """The sector chosen on home, or None for all."""
    session: FlowSession | None = None
    """The flow the user is walking, at the step on screen (or None)."""
    timeline: list[FlowSession] = field(default_factory=list)
    """Every session value visited in this visit, newest last (for back/forward routes)."""
    query: str = ""
    """The search text."""
    width: float = 390.0
    """The window width in logical pixels (narrow: bottom bar; wide: rail)."""
    municipality: str | None = None
    """The CBS code (``GM0363``) of the municipality the user chose on "Mijn gemeente", this
    visit only (never stored): advice then shows that municipality's own text, marked."""
    slots: dict[str, Any] = field(default_factory=dict)
    """Per-feature values, keyed by area (``overview``, ``record``, ``rights``, ...)."""
    _listeners: list[Listener] = field(default_factory=list, repr=False)

    def listen(self, listener: Listener) -> None:
        """Call ``listener(state)`` after every :meth:`changed`."""
        self._listeners.append(listener)

    def changed(self) -> None:
        """Tell the listeners (the shell) that values were replaced."""
        for listener in list(self._listeners):
            listener(self)

    def set_session(self, session: FlowSession | None) -> None:
        """Make ``session`` current and remember it for back/forward."""
        self.session = session
        if session is not None:
            self.timeline.append(session)
            del self.timeline[:-200]  # a long visit must not grow without bound
