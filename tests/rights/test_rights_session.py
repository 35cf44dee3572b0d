"""The composer state: drafts, previews, saving with a sent date, follow-ups."""

from __future__ import annotations

from datetime import date

from privacyapp.rights import (
    FOOTER,
    Code,
    ComposerState,
    Draft,
    FollowUpKind,
    Message,
    RecipientMode,
    RequestKind,
    Role,
    Stage,
    Status,
)


def _draft() -> Draft:
    draft = Draft().with_mode(RecipientMode.ORGANISATIE)
    for key, value in {
        "org_name": "Zorg BV",
        "org_email": "privacy@zorg.nl",
        "name": "Sam de Vries",
        "data": "mijn dossier",
        "wrong": "not asked for inzage",
    }.items():
        draft = draft.with_value(key, value)
    return draft


def test_draft_uses_only_the_fields_of_its_kind() -> None:
    request = _draft().to_input()
    assert dict(request.details) == {"data": "mijn dossier"}
    assert request.recipient.email == "privacy@zorg.nl"
    rect = _draft().with_kind(RequestKind.RECTIFICATIE).to_input()
    assert dict(rect.details) == {"wrong": "not asked for inzage"}


def test_draft_representation() -> None:
    draft = _draft().with_representation(True, role="mentor", person="Kees")
    letter = draft.compose(date(2026, 11, 22))
    assert "Ik ben de mentor van Kees." in letter.body
    assert draft.with_representation(False).to_input().representation is None
    assert draft.role is Role.MENTOR


def test_no_municipality_chosen_is_explained() -> None:
    state = ComposerState(draft=Draft()).preview(date(2026, 11, 22))
    assert state.letter is None and state.error is not None
    assert state.error.code is Code.CHOOSE_MUNICIPALITY
    assert "Kies eerst je gemeente" in str(state.error)


def test_preview_store_and_follow_up() -> None:
    state = ComposerState(draft=_draft()).preview(date(2026, 9, 1))
    assert state.letter is not None and state.letter.body.endswith(FOOTER)
    assert state.sent_text == "01-09-2026"  # as people write it
    bad = ComposerState(draft=_draft(), letter=state.letter, sent_text="1 sept").store()
    assert "geen datum" in str(bad.error) and bad.saved is None
    ending = state.store("abc")
    assert ending.saved is not None and ending.saved.id == "abc"
    assert "verstuurd op 1 september 2026" in str(ending.notice)
    assert ending.notice == Message(Code.SAVED, {"date": date(2026, 9, 1)})
    early = ending.reminder(date(2026, 9, 15))
    assert "loopt nog" in str(early.error)
    reminded = ending.reminder(date(2026, 10, 2))
    assert reminded.follow_up_letter and reminded.letter is not None
    assert reminded.letter.subject.startswith("Herinnering:")
    assert reminded.saved is not None
    assert reminded.saved.follow_ups == ()  # written is not sent: nothing recorded yet
    again = reminded.store()
    assert again.saved is not None and again.saved.id == "abc"  # no second request
    assert again.saved.follow_ups[-1].kind is FollowUpKind.HERINNERING
    assert again.saved.follow_ups[-1].sent == date(2026, 10, 2)
    assert again.store().saved == again.saved  # saving twice records it once
    complaint, followed = reminded.ap_complaint(date(2026, 10, 20))
    assert followed is not None and followed.stage(date(2026, 10, 21)) is Stage.KLACHT_AP
    assert complaint.draft.kind is RequestKind.KLACHT_AP
    assert complaint.draft.value("organisation") == "Zorg BV"
    assert complaint.saved is None


def test_extension_and_answered() -> None:
    state = ComposerState(draft=_draft()).preview(date(2026, 9, 1)).store("x")
    assert "geen datum" in str(state.extension("morgen").error)
    assert "vóór" in str(state.extension("2026-08-01").error)
    extended = state.extension("2026-09-10")
    assert extended.saved is not None and extended.saved.extension_announced == date(2026, 9, 10)
    done = extended.answered()
    assert done.saved is not None and done.saved.status is Status.BEANTWOORD


def test_changing_kind_drops_the_old_letter() -> None:
    state = ComposerState(draft=_draft()).preview(date(2026, 9, 1))
    same = state.with_draft(state.draft.with_value("period", "2025"))
    assert same.letter is not None
    other = state.with_draft(state.draft.with_kind(RequestKind.BEZWAAR))
    assert other.letter is None
