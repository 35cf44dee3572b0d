"""How a screen reaches this page's encrypted store: its session, and the open vault.

On web the store is read from the browser once per page; asking for it starts that, and the
screen is shown again when it is ready.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Literal

from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.store_session import StoreSession
from privacyapp.views.kit.tasks import page_alive, run_task

if TYPE_CHECKING:
    from privacyapp.dossier import Vault

__all__ = ["VaultStatus", "open_vault", "page_alive", "store_session"]

logger = logging.getLogger(__name__)

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
        run_task(ctx.page, service.load, ctx.page, ctx.state, ctx.nav.refresh)
    elif session is not None:
        _catch_up(ctx, session)
    return session


def _catch_up(ctx: ViewContext, session: StoreSession) -> None:
    """Web: once per screen, pick up what another tab of this browser saved, so this tab's
    next save builds on it (the store re-checks its history before every write, but it can only
    see another tab's writes after the backend re-read them). One browser round trip."""
    from privacyapp.dossier import BrowserBackend, StoreError

    backend, page = session.backend, ctx.page
    if not isinstance(backend, BrowserBackend) or not page_alive(page):
        return
    if session.caught_up_at == ctx.state.route:
        return
    session.caught_up_at = ctx.state.route

    async def catch_up() -> None:
        if not await backend.refresh():
            return
        if session.lock.is_unlocked:
            try:
                session.lock.require_vault().sync()
            except StoreError as exc:  # a forked history: the vault says so and stays read-only
                logger.warning("the other tab's history does not fit: %s", exc)
        session.revision += 1  # screens built from the vault are built again, as it is now
        ctx.nav.refresh()

    run_task(page, catch_up)


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
