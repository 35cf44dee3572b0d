"""Citizen rights (journey 4): choose a request, fill in only what it needs, send, follow up.

``RightsScreen`` holds a ``privacyapp.rights.ComposerState`` and replaces it on every action;
the builders are in ``_rights_parts``. The shell finds this module by name (``ROUTES``):
``/verzoek`` and ``/verzoek/<kind>`` (the advice action ``rights-request`` opens the latter
prefilled). Browser-gesture work (open the mail app, copy) runs inside the click through
``ClientActions``, so mobile browsers allow it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

import flet as ft

from privacyapp.errors import PrivacyAppError
from privacyapp.rights import (
    RECORD_KIND,
    ComposerState,
    Draft,
    MunicipalityLike,
    RecipientMode,
    RequestKind,
    RightsError,
    RightsRequest,
    Role,
    letter_pdf,
    objection_due,
    objection_step,
)
from privacyapp.rights.session import parse_date
from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import RouteSpec, ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.vault import open_vault
from privacyapp.views.rights import service_text as rt
from privacyapp.views.rights.parts import (
    ClientActions,
    FletActions,
    deadline_view,
    fields_section,
    kind_picker,
    letter_preview,
    recipient_section,
    tag,
)

__all__ = [
    "ROUTE",
    "ROUTES",
    "ClientActions",
    "FletActions",
    "RightsScreen",
    "deadline_view",
    "fields_section",
    "kind_picker",
    "letter_preview",
    "recipient_section",
    "StoreNotOpenError",
    "follow_view",
    "rights_view",
    "store_saver",
]

#: The shell's route for the composer.
ROUTE = "/verzoek"
#: The scroll key of the feedback box at the action (``ViewContext.focus``).
FEEDBACK_KEY = "rights-feedback"


class RightsScreen:
    """The composer and the follow-up as one screen: holds a ``ComposerState`` and re-renders.

    Args:
        today: the app's clock, as a date.
        actions: client actions (``FletActions()`` inside the app).
        search: municipality search (``directory.find``); None to type an organisation only.
        save_request: saves or replaces (same ``id``) a ``RightsRequest`` in "Mijn overzicht".
        save_file: saves bytes under a file name (``FilePicker.save_file`` in the app).
        now: the clock for calendar stamps (a timezone-aware datetime).
        prefill: the kind to start with (an advice action "rights-request").
        on_change: asks the shell to re-render (``ctx.nav.refresh``); None: update in place.
        following: a saved request to follow up (the composer is hidden while it is shown).
        on_unlock: opens the app lock when saving found the store locked.
        t: the UI language (``ctx.t``); Dutch by default. The letters stay Dutch in any case.
    """

    def __init__(
        self,
        *,
        today: Callable[[], date],
        actions: ClientActions,
        search: Callable[[str], Sequence[MunicipalityLike]] | None = None,
        save_request: Callable[[RightsRequest], None] | None = None,
        save_file: Callable[[str, bytes], Awaitable[None] | None] | None = None,
        now: Callable[[], datetime] | None = None,
        prefill: RequestKind | str | None = None,
        on_change: Callable[[], None] | None = None,
        following: RightsRequest | None = None,
        on_unlock: Callable[[], None] | None = None,
        t: Translator = rt.DUTCH,
        on_behalf: Role | None = None,
    ) -> None:
        self.t = t
        #: From a representative's advice: the letter is for the person they represent.
        self.on_behalf = on_behalf
        self.today = today
        self.on_change = on_change
        self.on_unlock = on_unlock
        self.needs_unlock = False
        self.reveal = False
        #: What to do after the municipality refused: (title, text), once the user said when.
        self.objection: tuple[str, str] | None = None
        self.prefill = RequestKind(prefill) if prefill else None
        self.actions = actions
        self.search = search
        self.save_request = save_request
        self.save_file = save_file
        self.now = now or (lambda: datetime.now(UTC))
        draft = Draft(kind=RequestKind(prefill) if prefill else RequestKind.INZAGE)
        if search is None:
            draft = draft.with_mode(RecipientMode.ORGANISATIE)
        if on_behalf is not None:
            draft = draft.with_representation(True, on_behalf)
        if following is not None:
            draft = draft.with_kind(following.kind)
        self.following = following is not None
        self.state = ComposerState(draft=draft, sent_text=f"{today():%d-%m-%Y}", saved=following)
        self.query = ""
        self.root = ft.Column(spacing=16, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
        self._render()

    @property
    def draft(self) -> Draft:
        """The request being written."""
        return self.state.draft

    def build(self) -> ft.Column:
        """The screen's root control."""
        return self.root

    # ------------------------------------------------------------ rendering
    def _render(self) -> None:
        st = self.state
        title = ft.Text(self.t("rights.title"), theme_style=ft.TextThemeStyle.HEADLINE_SMALL)
        parts: list[ft.Control] = [ft.Semantics(header=True, content=title)]
        if not (self.following and st.saved is not None):
            parts += self._composer()
        parts += self._results()
        self.root.controls = parts

    def _composer(self) -> list[ft.Control]:
        st = self.state
        parts: list[ft.Control] = [
            kind_picker(st.draft.kind, self.choose_kind, t=self.t),
            ft.Divider(),
            recipient_section(
                st.draft,
                search=self.search,
                query=self.query,
                on_mode=self.set_mode,
                on_query=self.set_query,
                on_pick=lambda m: self._set(self.state.with_draft(self.draft.with_municipality(m))),
                on_value=self.set_value,
                t=self.t,
                on_find=self.find,
            ),
        ]
        # The search button belongs to the municipality search only (the AP complaint has a
        # fixed recipient and no search field: a "Zoek" there searched nothing).
        if (
            self.search is not None
            and st.draft.mode is RecipientMode.GEMEENTE
            and st.draft.needs_recipient()
        ):
            find = ft.TextButton(self.t("rights.find"), on_click=lambda _e: self.find())
            parts.append(tag("rights-gemeente-find", find))
        parts += [
            fields_section(st.draft, self.set_value, self.set_for_someone, t=self.t),
            tag(
                "rights-preview-button",
                ft.Button(
                    self.t("rights.make_letter"),
                    on_click=lambda _e: self._set(self.state.preview(self.today())),
                ),
            ),
        ]
        return parts

    def _feedback(self) -> list[ft.Control]:
        """What the last action said, as an error summary or a notice, placed at that action
        (NL Design System: feedback where the user is, not at the top of the form)."""
        st = self.state
        box: list[ft.Control] = []
        if st.error:
            shown = rt.message(self.t, st.error)
            box.append(
                ft.Semantics(
                    header=True,
                    content=ft.Text(
                        self.t("rights.problem_title"), weight=ft.FontWeight.BOLD,
                        color=ft.Colors.ERROR,
                    ),
                )
            )  # fmt: skip
            error = ft.Text(shown, color=ft.Colors.ERROR)
            box.append(tag("rights-error", error))
            if self.needs_unlock and self.on_unlock is not None:
                unlock = self.on_unlock
                box.append(w.primary(self.t("rights.unlock"), "rights-unlock", lambda _: unlock()))
        if st.notice:
            box.append(tag("rights-notice", ft.Text(rt.message(self.t, st.notice))))
        if not box:
            return []
        frame = ft.Container(
            content=ft.Column(box, spacing=8),
            key=ft.ScrollKey(FEEDBACK_KEY),  # type: ignore[call-arg]  # (a decorated dataclass)
            border=ft.Border.all(3, ft.Colors.ERROR) if st.error else None,
            border_radius=8,
            padding=12 if st.error else 0,
        )
        return [ft.Semantics(live_region=True, content=frame)]

    def _results(self) -> list[ft.Control]:
        st = self.state
        parts: list[ft.Control] = []
        if st.letter is None:  # "Maak de brief" refused: right below its button
            parts += self._feedback()
        if st.letter is not None:
            parts.append(
                letter_preview(
                    st.letter,
                    actions=self.actions,
                    sent_text=st.sent_text,
                    on_sent_text=self.set_sent_text,
                    on_save_pdf=self.save_pdf,
                    on_store=lambda: self._set(self.state.store()),
                    t=self.t,
                )
            )
            parts += self._feedback()  # right below "Bewaar in Mijn overzicht"
        if st.saved is not None:
            parts.append(
                deadline_view(
                    st.saved,
                    self.today(),
                    actions=self.actions,
                    on_extension=lambda text: self._set(self.state.extension(text)),
                    on_reminder=lambda: self._set(self.state.reminder(self.today())),
                    on_ap_complaint=self.ap_complaint,
                    on_answered=lambda: self._set(self.state.answered()),
                    on_ics=self.save_ics,
                    ics_now=self.now,
                    t=self.t,
                    on_refused=self.refused,
                    objection=self.objection,
                )
            )
        return parts

    def refused(self, text: str) -> None:
        """The municipality refused (part of) the request on the typed day: the bezwaar route
        (UAVG art. 34, Awb 6:7: six weeks from the decision)."""
        saved = self.state.saved
        if saved is None:
            return
        try:
            decided = parse_date(text)
            step = objection_step(saved, decided, self.today())
        except RightsError as exc:
            self._set(replace(self.state, error=str(exc), notice=""))
            return
        if i18n.language_of(self.t) == "nl":
            self.objection = (step.title, step.text)
        else:
            due = rt.date_text(self.t, objection_due(decided))
            late = self.today() > objection_due(decided)
            key = "rights.objection.late" if late else "rights.objection"
            self.objection = (self.t(key), self.t(f"{key}.text", due=due))
        self._set(replace(self.state, error="", notice=""))

    def refresh_quietly(self) -> None:
        """Re-render without asking anyone to update (the shell is already rendering)."""
        self._render()

    def refresh(self) -> None:
        """Re-render, and push to the page when the screen is on one."""
        self._render()
        if self.on_change is not None:
            self.on_change()
            return
        with contextlib.suppress(RuntimeError):  # not on a page (tests, before mounting)
            self.root.update()

    def _save(self, request: RightsRequest) -> str:
        if self.save_request is None:
            return ""
        self.needs_unlock = False
        try:
            self.save_request(request)
        except StoreNotOpenError as exc:
            self.needs_unlock = exc.locked
            return str(exc)
        except PrivacyAppError as exc:
            return self.t("rights.save_failed", problem=exc)
        return ""

    def _set(self, state: ComposerState) -> None:
        if state.saved is not None and state.saved != self.state.saved:
            problem = self._save(state.saved)
            if problem:
                # Not saved: keep the letter on screen so the user can try again.
                state = replace(state, saved=self.state.saved, error=problem, notice="")
        fresh = (state.error, state.notice) != (self.state.error, self.state.notice)
        self.state = state
        #: New feedback to bring into view at the action (read once by the route).
        self.reveal = fresh and bool(state.error or state.notice)
        self.refresh()

    def take_reveal(self) -> str | None:
        """The scroll key of fresh feedback, once; None when there is nothing new to show."""
        if not self.reveal:
            return None
        self.reveal = False
        return FEEDBACK_KEY

    # ------------------------------------------------------------ handlers
    def choose_kind(self, kind: RequestKind) -> None:
        self._set(self.state.with_draft(self.draft.with_kind(kind)))

    def set_mode(self, mode: RecipientMode | str) -> None:
        self._set(self.state.with_draft(self.draft.with_mode(mode)))

    def set_query(self, query: str) -> None:
        # Typing only remembers the query: re-rendering on every key would move the focus.
        self.query = query

    def find(self) -> None:
        self._set(self.state.with_draft(self.draft.with_municipality(None)))

    def set_value(self, key: str, value: str) -> None:
        if key == "person":
            draft = self.draft.with_representation(True, person=value)
        else:
            draft = self.draft.with_value(key, value)
        self.state = self.state.with_draft(draft)  # no re-render: keep the focus

    def set_for_someone(self, flag: bool, role: str | None = None) -> None:
        self._set(self.state.with_draft(self.draft.with_representation(flag, role=role)))

    def set_sent_text(self, text: str) -> None:
        self.state = replace(self.state, sent_text=text)

    def ap_complaint(self) -> None:
        state, followed = self.state.ap_complaint(self.today())
        problem = self._save(followed) if followed is not None else ""
        self.state = replace(state, error=problem) if problem else state
        self.refresh()

    async def save_pdf(self) -> None:
        letter = self.state.letter
        if letter is None or self.save_file is None:
            return
        try:
            pdf = letter_pdf(letter)
        except RightsError as exc:
            self._set(replace(self.state, error=str(exc)))
            return
        result = self.save_file(f"brief-{letter.kind.value}.pdf", pdf)
        if result is not None:
            await result

    async def save_ics(self, event: str) -> None:
        if self.save_file is None:
            return
        result = self.save_file(self.t("rights.ics_file"), event.encode("utf-8"))
        if result is not None:
            await result


# ---------------------------------------------------------------------------------- the shell
_SLOT = "rights"


class StoreNotOpenError(PrivacyAppError):
    """The encrypted store is locked or still loading: the request is not saved yet."""

    def __init__(self, message: str, *, locked: bool) -> None:
        super().__init__(message)
        self.locked = locked


def store_saver(store: Any, ids: dict[str, str]) -> Callable[[RightsRequest], None]:
    """Save requests in an open vault as ``kind="request"`` records (JSON payload).

    ``ids`` maps a request's id to its record id, so a later change updates the same record.
    """

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
    ids: dict[str, str] = ctx.state.slots.setdefault("rights.record-ids", {})
    kept: list[RightsRequest] = ctx.state.slots.setdefault("rights.kept", [])

    def save(request: RightsRequest) -> None:
        status, vault = open_vault(ctx)
        if status == "open":
            store_saver(vault, ids)(request)
        elif status == "none":
            kept[:] = [r for r in kept if r.id != request.id] + [request]
        elif status == "loading":
            raise StoreNotOpenError(ctx.t("rights.loading"), locked=False)
        else:
            raise StoreNotOpenError(ctx.t("rights.locked"), locked=True)

    return save


def _file_saver(page: Any) -> Callable[[str, bytes], Awaitable[None]] | None:
    if page is None:
        return None

    async def save(name: str, data: bytes) -> None:
        # src_bytes is required on web and mobile; the picker writes the file itself.
        await ft.FilePicker().save_file(file_name=name, src_bytes=data)

    return save


def _enter(ctx: ViewContext) -> str | None:
    kind = ctx.params.get("kind")
    if kind is not None and kind not in {k.value for k in RequestKind}:
        return ROUTE  # an unknown kind in a link: show the composer without prefill
    return None


def _on_behalf(ctx: ViewContext) -> Role | None:
    """``?namens=ouder`` (from a representative's advice): the role to start the letter in."""
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
        t=ctx.t,
        on_behalf=_on_behalf(ctx) if following is None else None,
    )


def rights_view(ctx: ViewContext) -> ft.Control:
    """``/verzoek`` and ``/verzoek/<kind>``: the composer and the follow-up."""
    open_vault(ctx)  # on web this starts loading the page's store, so saving finds it ready
    slot = ctx.state.slots.get(_SLOT)
    kind = ctx.params.get("kind")
    prefill = RequestKind(kind) if kind else None
    if (
        not isinstance(slot, RightsScreen)
        or slot.following
        or (prefill and slot.prefill is not prefill)
        or slot.on_behalf is not _on_behalf(ctx)
    ):
        slot = _screen(ctx, prefill)
        ctx.state.slots[_SLOT] = slot
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
    except PrivacyAppError as exc:
        return w.page_body([heading, w.body(rt.message(ctx.t, str(exc)))])
    slot = ctx.state.slots.get(_SLOT)
    current = slot.state.saved if isinstance(slot, RightsScreen) else None
    if not isinstance(slot, RightsScreen) or current is None or current.id != request.id:
        ctx.state.slots.setdefault("rights.record-ids", {})[request.id] = record_id
        slot = _screen(ctx, None, following=request)
        ctx.state.slots[_SLOT] = slot
    else:
        slot.t = ctx.t
        slot.refresh_quietly()
    return w.page_body([slot.build()])


class _InertActions:
    """Actions for building without a page (tests): the URL stays readable in ``data``."""

    def open_url(self, url: str) -> Any:
        return None

    def copy_text(self, text: str) -> Any:
        return None


ROUTES = [
    RouteSpec(ROUTE, rights_view, "rights.title"),
    RouteSpec(ROUTE + "/volgen/{record}", follow_view, "rights.follow", parent="/overzicht"),
    RouteSpec(ROUTE + "/{kind}", rights_view, "rights.title", parent=ROUTE, enter=_enter),
]
