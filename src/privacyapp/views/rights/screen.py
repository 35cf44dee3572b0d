"""Citizen rights (journey 4): choose a request, fill in only what it needs, send, follow up.

``RightsScreen`` holds a ``privacyapp.rights.ComposerState`` and replaces it on every action;
the screen object is in ``composer``, its builders in ``parts`` and ``letter``. The route
table (``shell.routes``) takes ``ROUTES`` from here:
``/verzoek`` and ``/verzoek/<kind>`` (the advice action ``rights-request`` opens the latter
prefilled). Browser-gesture work (open the mail app, copy) runs inside the click through
``ClientActions``, so mobile browsers allow it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING
from urllib.parse import quote

import flet as ft

from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.focus import request_focus
from privacyapp.views.kit.problems import store_error
from privacyapp.views.kit.vault import open_vault
from privacyapp.views.rights import service_text as rt
from privacyapp.views.rights.composer import RightsScreen, StoreNotOpenError
from privacyapp.views.rights.feedback import FEEDBACK_KEY
from privacyapp.views.rights.letter import deadline_view, letter_preview
from privacyapp.views.rights.parts import (
    ClientActions,
    FletActions,
    fields_section,
    kind_picker,
    recipient_section,
)
from privacyapp.views.rights.state import RightsState

if TYPE_CHECKING:
    from privacyapp.dossier import Vault
    from privacyapp.rights import RequestKind, RightsRequest, Role

__all__ = [
    "FEEDBACK_KEY",
    "ROUTE",
    "ROUTES",
    "ClientActions",
    "FletActions",
    "RightsScreen",
    "StoreNotOpenError",
    "deadline_view",
    "fields_section",
    "follow_view",
    "kind_picker",
    "letter_preview",
    "recipient_section",
    "rights_view",
    "store_saver",
]

#: The shell's route for the composer.
ROUTE = "/verzoek"


# ---------------------------------------------------------------------------------- the shell


def store_saver(store: Vault, ids: dict[str, str]) -> Callable[[RightsRequest], None]:
    """Save requests in an open vault as ``kind="request"`` records (JSON payload).

    ``ids`` maps a request's id to its record id, so a later change updates the same record.
    """
    from privacyapp.rights import RECORD_KIND

    def save(request: RightsRequest) -> None:
        payload = request.to_dict()
        record_id = ids.get(request.id)
        if record_id is None:
            record = store.create(
                RECORD_KIND, request.subject[:200], payload, status=request.status.value
            )
            ids[request.id] = record.id
        else:
            store.update(record_id, payload=payload, status=request.status.value)

    return save


def _page_saver(ctx: ViewContext) -> Callable[[RightsRequest], None]:
    """Save into this page's store at the moment of saving (it may be unlocked by then)."""
    own = ctx.state.features.get(RightsState)
    ids, kept = own.record_ids, own.kept

    def save(request: RightsRequest) -> None:
        status, vault = open_vault(ctx)
        if vault is not None:  # open
            store_saver(vault, ids)(request)
        elif status == "none":
            kept[:] = [r for r in kept if r.id != request.id] + [request]
        elif status == "loading":
            raise StoreNotOpenError(ctx.t("rights.loading"), locked=False)
        else:
            raise StoreNotOpenError(ctx.t("rights.locked"), locked=True)

    return save


def _file_saver(page: ft.Page | None) -> Callable[[str, bytes], Awaitable[None]] | None:
    if page is None:
        return None

    async def save(name: str, data: bytes) -> None:
        # src_bytes is required on web and mobile; the picker writes the file itself.
        await ft.FilePicker().save_file(file_name=name, src_bytes=data)

    return save


def _enter(ctx: ViewContext) -> str | None:
    from privacyapp.rights import RequestKind

    kind = ctx.params.get("kind")
    if kind is not None and kind not in {k.value for k in RequestKind}:
        return ROUTE  # an unknown kind in a link: show the composer without prefill
    return None


def _on_behalf(ctx: ViewContext) -> Role | None:
    """``?namens=ouder`` (from a representative's advice): the role to start the letter in."""
    from privacyapp.rights import Role

    role = ctx.query.get("namens")
    return Role(role) if role in {r.value for r in Role} else None


def _screen(
    ctx: ViewContext, prefill: RequestKind | None, following: RightsRequest | None = None
) -> RightsScreen:
    clock = ctx.services.clock
    directory = getattr(ctx.services, "directory", None)
    route = ctx.state.route or ROUTE
    return RightsScreen(
        today=lambda: clock().astimezone().date(),  # the device's local date
        actions=FletActions() if ctx.page is not None else _InertActions(),
        search=directory.find if directory is not None else None,
        save_request=_page_saver(ctx),
        save_file=_file_saver(ctx.page),
        now=clock,
        prefill=prefill,
        on_change=ctx.nav.refresh,
        following=following,
        on_unlock=lambda: ctx.nav.go("/slot?next=" + quote(route, safe="/")),
        focus=lambda control: request_focus(ctx.page, control, delay=0.2),
        t=ctx.t,
        on_behalf=_on_behalf(ctx) if following is None else None,
    )


def rights_view(ctx: ViewContext) -> ft.Control:
    """``/verzoek`` and ``/verzoek/<kind>``: the composer and the follow-up."""
    from privacyapp.rights import RequestKind

    open_vault(ctx)  # on web this starts loading the page's store, so saving finds it ready
    own = ctx.state.features.get(RightsState)
    slot = own.screen
    kind = ctx.params.get("kind")
    prefill = RequestKind(kind) if kind else None
    if (
        slot is None
        or slot.following
        or (prefill and slot.prefill is not prefill)
        or slot.on_behalf is not _on_behalf(ctx)
    ):
        slot = own.screen = _screen(ctx, prefill)
    else:
        slot.t = ctx.t  # the language may have changed in Settings since
        slot.refresh_quietly()
    parts: list[ft.Control] = [slot.build()]
    ctx.focus = slot.take_reveal()
    if getattr(ctx.services, "store", None) is None:
        parts.append(w.muted(ctx.t("rights.no-store")))
    return w.page_body(parts)


def follow_view(ctx: ViewContext) -> ft.Control:
    """``/verzoek/volgen/<record>``: the term and follow-up of a request saved in the store."""
    from privacyapp.dossier import StoreError
    from privacyapp.rights import RightsError, RightsRequest

    heading = w.heading(ctx.t("rights.follow"), 1, ident="rights-follow-title")
    status, vault = open_vault(ctx)
    if status == "none":
        return w.page_body([heading, w.body(ctx.t("rights.no-store"))])
    if status == "loading":
        return w.page_body([heading, w.muted(ctx.t("rights.loading"))])
    if vault is None:  # locked
        target = "/slot?next=" + quote(ctx.state.route or ROUTE, safe="/")
        unlock = w.primary(ctx.t("rights.unlock"), "rights-unlock", lambda _: ctx.nav.go(target))
        return w.page_body([heading, unlock])
    record_id = ctx.params["record"]
    try:
        request = RightsRequest.from_dict(vault.get(record_id).payload)
    except RightsError as exc:  # a saved request this version cannot read
        return w.page_body([heading, w.body(rt.message(ctx.t, rt.problem(exc)))])
    except StoreError as exc:  # no such record (any more)
        return w.page_body([heading, w.body(store_error(ctx.t, exc))])
    own = ctx.state.features.get(RightsState)
    slot = own.screen
    current = slot.state.saved if slot is not None else None
    # The composer that just saved this request is not reused: the follow view opens on the
    # follow-up, never on the whole composer and its letter again.
    if slot is None or not slot.following or current is None or current.id != request.id:
        own.record_ids[request.id] = record_id
        slot = own.screen = _screen(ctx, None, following=request)
    else:
        slot.t = ctx.t
        slot.refresh_quietly()
    ctx.focus = slot.take_reveal()  # a date's feedback at its field, like the composer's
    return w.page_body([slot.build()])


class _InertActions:
    """Actions for building without a page (tests): the URL stays readable in ``data``."""

    def open_url(self, url: str) -> ft.ClientAction | None:
        return None

    def copy_text(self, text: str) -> ft.ClientAction | None:
        return None


ROUTES = [
    RouteSpec(ROUTE, rights_view, "rights.title"),
    RouteSpec(ROUTE + "/volgen/{record}", follow_view, "rights.follow", parent="/overzicht"),
    RouteSpec(ROUTE + "/{kind}", rights_view, "rights.title", parent=ROUTE, enter=_enter),
]
