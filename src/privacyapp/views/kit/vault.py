"""How a screen reaches this page's encrypted store: its session, and the open vault.

On web the store is read from the browser once per page; asking for it starts that, and the
screen is shown again when it is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.store_session import StoreSession

if TYPE_CHECKING:
    from privacyapp.dossier import Vault

__all__ = ["VaultStatus", "open_vault", "store_session"]

#: Where a screen's saved items can go: no store on this platform, still loading (web), locked,
#: or open.
VaultStatus = Literal["none", "loading", "locked", "open"]


def store_session(ctx: ViewContext) -> StoreSession | None:
    """This page's store session; on web it starts loading it (and refreshes when ready)."""
    service = ctx.services.store
    if service is None:
        return None
    session: StoreSession | None = service.session(ctx.state)
    if session is None and ctx.page is not None:
        ctx.page.run_task(service.load, ctx.page, ctx.state, ctx.nav.refresh)
    return session


def open_vault(ctx: ViewContext) -> tuple[VaultStatus, Vault | None]:
    """This page's encrypted store as a screen needs it: its status and, when open, the vault.

    The one way the record and rights screens reach the store (on web, asking starts loading
    it, and the screen is refreshed when it is ready).
    """
    if ctx.services.store is None:
        return "none", None
    session = store_session(ctx)
    if session is None:
        return "loading", None
    if not session.lock.is_unlocked:
        return "locked", None
    return "open", session.lock.vault
