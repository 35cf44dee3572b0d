"""The one observable app state: engine values and user choices, never controls.

The UI is a function of this state (DESIGN.md §4). A handler replaces a value and calls
:meth:`AppState.changed`; the shell re-renders the current route. Builders read the state, they
never keep their own copies of it.

Each feature wing owns one state type (a dataclass of plain values, e.g. ``flow.state.FlowState``,
``rights.state.RightsState``) and keeps its one object in :attr:`AppState.features`, found by
its type: ``ctx.state.features.get(FlowState)``. The kit knows none of those types; nothing is
kept under a string key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, TypeVar, cast

if TYPE_CHECKING:
    from privacyapp.engine import FlowSession

__all__ = ["THEMES", "TEXT_SCALES", "AppState", "Features", "Settings"]

_T = TypeVar("_T")

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
    def from_dict(cls, data: Mapping[str, object]) -> Settings:
        """Build settings from stored values, ignoring anything unknown or malformed."""
        settings = cls()
        language, theme = data.get("language"), data.get("theme")
        scale, audience = data.get("text_scale"), data.get("audience")
        if language in ("nl", "en") and isinstance(language, str):
            settings = replace(settings, language=language)
        if theme in THEMES and isinstance(theme, str):
            settings = replace(settings, theme=theme)
        if isinstance(scale, int | float) and not isinstance(scale, bool) and scale in TEXT_SCALES:
            settings = replace(settings, text_scale=float(scale))
        if audience is None or isinstance(audience, str):
            settings = replace(settings, audience=audience)
        return settings

    def to_dict(self) -> dict[str, str | float | None]:
        """The values to store."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


Listener = Callable[["AppState"], None]


class Features:
    """One state object per type: each feature wing owns its type, the kit none of them."""

    def __init__(self) -> None:
        self._by_type: dict[type, object] = {}

    def get(self, kind: type[_T]) -> _T:
        """The object of ``kind``, made with ``kind()`` the first time it is asked for."""
        found = self._by_type.get(kind)
        if found is None:
            found = self._by_type[kind] = kind()
        return cast(_T, found)

    def find(self, kind: type[_T]) -> _T | None:
        """The object of ``kind`` if there is one (for types that need arguments to make)."""
        return cast(_T | None, self._by_type.get(kind))

    def require(self, kind: type[_T]) -> _T:
        """The object of ``kind``; raises ``LookupError`` when there is none."""
        found = self.find(kind)
        if found is None:
            raise LookupError(f"no {kind.__name__} kept here")
        return found

    def put(self, value: _T) -> _T:
        """Keep ``value`` as the object of its type (replacing an earlier one)."""
        self._by_type[type(value)] = value
        return value

    def drop(self, kind: type) -> None:
        """Forget the object of ``kind`` (the next ``get`` makes a fresh one)."""
        self._by_type.pop(kind, None)

    def clear(self) -> None:
        """Forget every object."""
        self._by_type.clear()


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
    features: Features = field(default_factory=Features)
    """Each feature wing's own state object, found by its type."""
    municipality: str | None = None
    """The CBS code (``GM0363``) of the municipality the user chose on "Mijn gemeente", this
    visit only (never stored): advice then shows that municipality's own text, marked."""
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
