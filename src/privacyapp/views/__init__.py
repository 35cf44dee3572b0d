"""The Flet UI: shell, screens, navigation, theme and UI text (the only package that imports flet).

The contract feature screens code against (see ``docs/ui.md``): a builder
``build(ctx: ViewContext) -> ft.Control``, wired by a module-level ``ROUTES`` list of
:class:`RouteSpec`; the observable :class:`AppState`; the :class:`Services` built by
``privacyapp.app.build_services``; UI text registered with :func:`i18n.register`.
"""

from privacyapp.views import i18n
from privacyapp.views.routes import FEATURES, Navigator, RouteSpec, ViewContext
from privacyapp.views.services import ContentInfo, Services
from privacyapp.views.state import AppState, Settings

__all__ = [  # plain sorted(), like the other packages
    "AppState",
    "ContentInfo",
    "FEATURES",
    "Navigator",
    "RouteSpec",
    "Services",
    "Settings",
    "ViewContext",
    "i18n",
]
