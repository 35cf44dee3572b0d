"""The Flet UI (the only package that imports flet): a small kit and one wing per feature.

``kit/`` holds what every screen is built with (view context and route specs, widgets, theme,
state, services, translation); each wing (``flow/``, ``record/``, ``rights/``, ``store/``,
``municipality/``) holds its screens and their text and exports ``ROUTES``; ``shell/`` holds the
page, the navigation and the one route table that names every screen. A wing imports the kit and
the domain packages, never another wing (the open store is reached through
``kit.vault``). See ``docs/ui.md``.
"""

from privacyapp.views.kit import i18n
from privacyapp.views.kit.context import Navigator, RouteSpec, ViewContext
from privacyapp.views.kit.services import ContentInfo, Services
from privacyapp.views.kit.state import AppState, Settings

__all__ = [  # plain sorted(), like the other packages
    "AppState",
    "ContentInfo",
    "Navigator",
    "RouteSpec",
    "Services",
    "Settings",
    "ViewContext",
    "i18n",
]
