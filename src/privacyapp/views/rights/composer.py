"""The rights composer and follow-up as one screen object (``RightsScreen``).

It holds a ``privacyapp.rights.ComposerState`` and replaces it on every action; the builders
are in ``parts`` and ``letter``, the routes in ``screen``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.errors import PrivacyAppError
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.focus import first_focusable, request_focus
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.problems import store_error
from privacyapp.views.rights import service_text as rt
from privacyapp.views.rights.feedback import FEEDBACK_KEY, error_box
from privacyapp.views.rights.letter import (
    EXTENSION,
    REFUSED,
    date_field_name,
    deadline_view,
    letter_preview,
    objection_text,
)
from privacyapp.views.rights.parts import (
    ClientActions,
    fields_section,
    kind_picker,
    recipient_section,
    tag,
)

if TYPE_CHECKING:
    from privacyapp import rights

__all__ = ["FEEDBACK_KEY", "RightsScreen", "StoreNotOpenError"]


class StoreNotOpenError(PrivacyAppError):
    """The encrypted store is locked or still loading: the request is not saved yet."""

    def __init__(self, message: str, *, locked: bool) -> None:
        super().__init__(message)
        self.locked = locked


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
        focus: gives a control keyboard focus: an error summary's first link when it appears,
            a field when its link is pressed.
    """

    def __init__(
        self,
        *,
        today: Callable[[], date],
        actions: ClientActions,
        search: Callable[[str], Sequence[rights.MunicipalityLike]] | None = None,
        save_request: Callable[[rights.RightsRequest], None] | None = None,
        save_file: Callable[[str, bytes], Awaitable[None] | None] | None = None,
        now: Callable[[], datetime] | None = None,
        prefill: rights.RequestKind | str | None = None,
        on_change: Callable[[], None] | None = None,
        following: rights.RightsRequest | None = None,
        on_unlock: Callable[[], None] | None = None,
        t: Translator = rt.DUTCH,
        on_behalf: rights.Role | None = None,
        focus: Callable[[ft.Control], None] | None = None,
    ) -> None:
        from privacyapp.rights import ComposerState, Draft, RecipientMode, RequestKind

        self.t = t
        #: Gives a control keyboard focus (``kit.focus.request_focus`` on the page).
        self.focus = focus or (lambda control: request_focus(None, control))
        self.first_link: ft.Control | None = None
        #: From a representative's advice: the letter is for the person they represent.
        self.on_behalf = on_behalf
        self.today = today
        self.on_change = on_change
        self.on_unlock = on_unlock
        self.needs_unlock = False
        #: A problem of this screen's own (saving in the store failed), shown as an error.
        self.problem = ""
        self.reveal = False
        #: What to do after the municipality refused: (title, text), once the user said when.
        self.objection: tuple[str, str] | None = None
        #: What the follow-up's date fields hold, and the one whose date the feedback is about.
        self.dates: dict[str, str] = {}
        self.date_field: str | None = None
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
    def draft(self) -> rights.Draft:
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
        from privacyapp.rights import RecipientMode

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
                    on_click=lambda _e: self._set(self.state.preview(self.today()), tried=True),
                ),
            ),
        ]
        return parts

    def _feedback(self) -> list[ft.Control]:
        """What the last action said, as an error summary or a notice, placed at that action
        (NL Design System: feedback where the user is, not at the top of the form); in the
        error summary each field the error names is a link that moves focus to that field."""
        st = self.state
        self.first_link = None
        shown = self.problem or (rt.message(self.t, st.error) if st.error else "")
        if shown:
            extra: list[ft.Control] = []
            if self.needs_unlock and self.on_unlock is not None:
                unlock = self.on_unlock
                extra.append(
                    w.primary(self.t("rights.unlock"), "rights-unlock", lambda _: unlock())
                )
            field = self.date_field
            named = (date_field_name(self.t, field), field) if field and st.error else None
            summary = error_box(
                self.t, shown, st.error, st.sent_text, extra=extra, to_field=self._to_field,
                field=named,
            )  # fmt: skip
            self.first_link = first_focusable(summary, "rights-error-summary-link-0")
            return [summary]
        if not st.notice:
            return []
        notice = tag("rights-notice", ft.Text(rt.message(self.t, st.notice)))
        frame = ft.Container(
            content=notice,
            key=ft.ScrollKey(FEEDBACK_KEY),  # type: ignore[call-arg]  # (a decorated dataclass)
        )
        return [ft.Semantics(live_region=True, content=frame)]

    def _to_field(self, ident: str) -> Callable[[object], None]:
        """A link's action: keyboard focus to the field with this identifier."""

        def go(_: object) -> None:
            target = first_focusable(self.root, ident)
            if target is not None:
                self.focus(target)

        return go

    def _results(self) -> list[ft.Control]:
        from privacyapp.rights import Code

        st = self.state
        parts: list[ft.Control] = []
        feedback = self._feedback()
        # Feedback goes where the user acted: under a follow-up date just entered, else under
        # "Maak de brief" or "Bewaar in Mijn overzicht"; but "Je herinnering staat hieronder"
        # goes above the reminder it points to.
        at_date = self.date_field if st.saved is not None and feedback else None
        notice = st.notice.code if st.notice is not None else None
        above = st.letter is not None and notice is Code.REMINDER_READY
        if at_date is None and (st.letter is None or above):
            parts += feedback
        if st.letter is not None:
            parts.append(
                letter_preview(
                    st.letter, actions=self.actions, sent_text=st.sent_text,
                    on_sent_text=self.set_sent_text, on_save_pdf=self.save_pdf,
                    on_store=lambda: self._set(self.state.store(), tried=True), t=self.t,
                )
            )  # fmt: skip
            if not above and at_date is None:
                parts += feedback
        if st.saved is not None:
            parts.append(
                deadline_view(
                    st.saved, self.today(), actions=self.actions, on_extension=self.extension,
                    on_reminder=lambda: self._set(self.state.reminder(self.today())),
                    on_ap_complaint=self.ap_complaint,
                    on_answered=lambda: self._set(self.state.answered()),
                    on_ics=self.save_ics, ics_now=self.now, t=self.t, on_refused=self.refused,
                    objection=self.objection, typed=self.dates,
                    below={at_date: feedback} if at_date else None,
                )
            )  # fmt: skip
        return parts

    def extension(self, text: str) -> None:
        """The organisation announced an extension on the typed day."""
        self.dates[EXTENSION] = text
        self._set(self.state.extension(text), field=EXTENSION)

    def refused(self, text: str) -> None:
        """The municipality refused (part of) the request on the typed day: the bezwaar route."""
        from privacyapp.rights import RightsError

        saved = self.state.saved
        if saved is None:
            return
        self.dates[REFUSED] = text
        try:
            self.objection = objection_text(self.t, saved, text, self.today())
        except RightsError as exc:
            self._set(replace(self.state, error=rt.problem(exc), notice=None), field=REFUSED)
            return
        self._set(replace(self.state, error=None, notice=None), field=REFUSED)

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

    def _save(self, request: rights.RightsRequest) -> str:
        from privacyapp.dossier import StoreError

        if self.save_request is None:
            return ""
        self.needs_unlock = False
        try:
            self.save_request(request)
        except StoreNotOpenError as exc:
            self.needs_unlock = exc.locked
            return str(exc)
        except StoreError as exc:
            return self.t("rights.save_failed", problem=store_error(self.t, exc))
        return ""

    def _set(
        self, state: rights.ComposerState, *, field: str | None = None, tried: bool = False
    ) -> None:
        """Show ``state``; ``field``: the follow-up date field just entered; ``tried``: a button
        was pressed. Either is a new try: its feedback takes focus again, even when it says the
        same as before (the same field still missing)."""
        if state.saved is not None and state.saved != self.state.saved:
            problem = self._save(state.saved)
            if problem:
                # Not saved: keep the letter on screen so the user can try again.
                state = replace(state, saved=self.state.saved, error=None, notice=None)
        else:
            problem = ""
        before = (self.state.error, self.state.notice, self.problem)
        fresh = tried or field is not None or (state.error, state.notice, problem) != before
        self.state, self.problem, self.date_field = state, problem, field
        #: New feedback to bring into view at the action (read once by the route).
        self.reveal = fresh and bool(state.error or state.notice or problem)
        self.refresh()
        if fresh and self.first_link is not None:  # focus to the summary that just appeared
            self.focus(self.first_link)

    def take_reveal(self) -> str | None:
        """The scroll key of fresh feedback, once; None when there is nothing new to show."""
        if not self.reveal:
            return None
        self.reveal = False
        return FEEDBACK_KEY

    # ------------------------------------------------------------ handlers
    def choose_kind(self, kind: rights.RequestKind) -> None:
        self._set(self.state.with_draft(self.draft.with_kind(kind)))

    def set_mode(self, mode: rights.RecipientMode | str) -> None:
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
        self.problem = self._save(followed) if followed is not None else ""
        self.state, self.date_field = state, None
        self.refresh()

    async def save_pdf(self) -> None:
        from privacyapp.rights import RightsError, letter_pdf

        letter = self.state.letter
        if letter is None or self.save_file is None:
            return
        try:
            pdf = letter_pdf(letter)
        except RightsError as exc:
            self._set(replace(self.state, error=rt.problem(exc)), tried=True)
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
