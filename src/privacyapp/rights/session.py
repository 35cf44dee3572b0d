"""The composer's whole state as one immutable value, with the steps a user can take.

Screens hold a ``ComposerState`` and replace it on every action
(``state = state.preview(today)``); they persist ``state.saved`` whenever it changes. All the
decisions (which letter, which error, which follow-up) live here, testable without a UI.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from privacyapp.rights._dates import parse_day
from privacyapp.rights.draft import Draft, new_request
from privacyapp.rights.errors import RightsError
from privacyapp.rights.followup import ap_complaint_details, compose_reminder
from privacyapp.rights.kinds import RequestKind
from privacyapp.rights.letter import Letter
from privacyapp.rights.messages import Code, Message
from privacyapp.rights.tracking import FollowUpKind, RightsRequest, Status

__all__ = ["ComposerState", "parse_date"]


def parse_date(text: str) -> date:
    """A date the user typed, as people write it (``15-10-2026``, ``15 oktober 2026``).

    Raises:
        RightsError: it is not a date; the message says how to write one.
    """
    try:
        return parse_day(text)
    except ValueError:
        raise RightsError(Code.DATE, text=text) from None


def _problem(exc: RightsError) -> Message:
    # Every error the composer catches is raised by this package, with a code.
    return exc.message if exc.message is not None else Message(Code.OTHER, {"text": str(exc)})


@dataclass(frozen=True)
class ComposerState:
    """What the composer and follow-up screen show."""

    draft: Draft
    letter: Letter | None = None
    """The letter written by the last "Maak de brief" (or a reminder)."""
    saved: RightsRequest | None = None
    """The request in "Mijn overzicht" that this screen follows up."""
    error: Message | None = None
    """What went wrong with the last step (a code: the screen words it)."""
    notice: Message | None = None
    """What the last step did, when that is worth saying."""
    sent_text: str = ""
    """The "verstuurd op" date as typed (ISO)."""
    follow_up_letter: bool = False
    """True when ``letter`` is a reminder for ``saved`` (already recorded there)."""

    def with_draft(self, draft: Draft) -> ComposerState:
        """Another draft; a kind change drops the old letter."""
        letter = self.letter if draft.kind is self.draft.kind else None
        return replace(self, draft=draft, letter=letter, error=None)

    def preview(self, today: date) -> ComposerState:
        """Write the letter, or say what is missing."""
        try:
            letter = self.draft.compose(today)
        except RightsError as exc:
            return replace(self, letter=None, error=_problem(exc), notice=None)
        return replace(
            self,
            letter=letter,
            error=None,
            notice=None,
            sent_text=f"{today:%d-%m-%Y}",
            follow_up_letter=False,
        )

    def store(self, request_id: str | None = None) -> ComposerState:
        """Keep the letter as a sent request, with the typed sent date."""
        if self.letter is None:
            return self
        try:
            sent = parse_date(self.sent_text)
        except RightsError as exc:
            return replace(self, error=_problem(exc))
        if self.follow_up_letter and self.saved is not None:
            # Only now, when the user says it went out (and when), is the reminder recorded.
            last = self.saved.follow_ups[-1] if self.saved.follow_ups else None
            saved = self.saved
            if last is None or (last.kind, last.sent) != (FollowUpKind.HERINNERING, sent):
                try:
                    saved = saved.with_follow_up(FollowUpKind.HERINNERING, sent)
                except RightsError as exc:
                    return replace(self, error=_problem(exc))
            return replace(self, saved=saved, error=None, notice=Message(Code.REMINDER_SAVED))
        saved = new_request(self.letter, sent, request_id)
        return replace(
            self,
            saved=saved,
            error=None,
            notice=Message(Code.SAVED, {"date": sent}),
        )

    def extension(self, text: str) -> ComposerState:
        """The organisation announced an extension on the typed date."""
        if self.saved is None:
            return self
        try:
            saved = self.saved.with_extension(parse_date(text))
        except RightsError as exc:
            return replace(self, error=_problem(exc))
        return replace(self, saved=saved, error=None, notice=Message(Code.EXTENSION_SAVED))

    def reminder(self, today: date) -> ComposerState:
        """Write the reminder letter; it is recorded on the request when the user saves it as
        sent (``store``), never just because it was written."""
        if self.saved is None:
            return self
        try:
            letter = compose_reminder(self.saved, today)
        except RightsError as exc:
            return replace(self, error=_problem(exc))
        return replace(
            self,
            letter=letter,
            sent_text=f"{today:%d-%m-%Y}",
            follow_up_letter=True,
            error=None,
            notice=Message(Code.REMINDER_READY),
        )

    def ap_complaint(self, today: date) -> tuple[ComposerState, RightsRequest | None]:
        """Start a complaint to the AP, prefilled; returns the updated old request to save."""
        if self.saved is None:
            return self, None
        draft = self.draft.with_kind(RequestKind.KLACHT_AP)
        for key, value in ap_complaint_details(self.saved).items():
            draft = draft.with_value(key, value)
        followed = self.saved.with_follow_up(FollowUpKind.KLACHT_AP, today)
        state = ComposerState(
            draft=draft,
            notice=Message(Code.AP_PREFILLED),
        )
        return state, followed

    def answered(self) -> ComposerState:
        """The organisation answered: close the request."""
        if self.saved is None:
            return self
        return replace(
            self,
            saved=self.saved.with_status(Status.BEANTWOORD),
            error=None,
            notice=Message(Code.ANSWERED),
        )
