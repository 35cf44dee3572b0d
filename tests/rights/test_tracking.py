"""Tracking a sent request: stages over time, follow-ups, reminder letter, JSON round trip."""

from __future__ import annotations

import json
from datetime import date

import pytest

from privacyapp.rights import (
    AP_RECIPIENT,
    FOOTER,
    DeadlineError,
    FollowUpKind,
    Recipient,
    RequestKind,
    RightsRequest,
    Stage,
    Status,
    StoredRequestError,
    ap_complaint_details,
    compose_reminder,
    next_step,
)


def _req(gemeente: Recipient, **kw: object) -> RightsRequest:
    base: dict[str, object] = {
        "id": "r-1",
        "kind": RequestKind.INZAGE,
        "recipient": gemeente,
        "subject": "Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        "sender": "Sam de Vries",
        "sent": date(2028, 1, 31),
        "letter": "Aan: Gemeente Testdorp\n...",
    }
    base.update(kw)
    return RightsRequest(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("today", "stage"),
    [
        (date(2028, 2, 1), Stage.VERSTUURD),
        (date(2028, 2, 23), Stage.VERSTUURD),
        (date(2028, 2, 24), Stage.BIJNA_OM),
        (date(2028, 2, 29), Stage.BIJNA_OM),
        (date(2028, 3, 1), Stage.VERLOPEN),
    ],
)
def test_stage_follows_the_calendar(gemeente: Recipient, today: date, stage: Stage) -> None:
    assert _req(gemeente).stage(today) is stage


def test_extension_moves_the_term(gemeente: Recipient) -> None:
    req = _req(gemeente).with_extension(date(2028, 2, 20))
    assert req.stage(date(2028, 3, 1)) is Stage.VERSTUURD
    assert req.stage(date(2028, 5, 1)) is Stage.VERLOPEN


def test_reminder_then_ap_route(gemeente: Recipient) -> None:
    req = _req(gemeente).with_follow_up(FollowUpKind.HERINNERING, date(2028, 3, 2))
    assert req.stage(date(2028, 3, 16)) is Stage.HERINNERD
    assert req.stage(date(2028, 3, 17)) is Stage.AP_ROUTE
    step = next_step(req, date(2028, 3, 17))
    assert step.offer_ap_complaint and not step.offer_reminder
    done = req.with_follow_up(FollowUpKind.KLACHT_AP, date(2028, 3, 20))
    assert done.stage(date(2028, 3, 21)) is Stage.KLACHT_AP
    assert done.with_status(Status.BEANTWOORD).stage(date(2028, 3, 21)) is Stage.AFGEROND


def test_next_step_texts(gemeente: Recipient) -> None:
    req = _req(gemeente)
    assert "uiterlijk 29 februari 2028" in next_step(req, date(2028, 2, 1)).text
    late = next_step(req, date(2028, 3, 1))
    assert late.title == "Termijn verlopen" and late.offer_reminder


def test_reminder_letter(gemeente: Recipient) -> None:
    req = _req(gemeente, for_person="Noor de Vries")
    letter = compose_reminder(req, date(2028, 3, 3))
    assert letter.subject.startswith("Herinnering: Verzoek om inzage")
    assert "Op 31 januari 2028 heb ik u een brief gestuurd" in letter.body
    assert "Ik schreef namens Noor de Vries." in letter.body
    assert "uiterlijk op 29 februari 2028 reageren" in letter.body
    assert "artikel 12, lid 3, van de AVG" in letter.body
    assert "uiterlijk op 17 maart 2028, alsnog" in letter.body
    assert "Autoriteit Persoonsgegevens" in letter.body
    assert letter.body.endswith(FOOTER)
    assert letter.recipient == gemeente


def test_no_reminder_before_the_term_ends(gemeente: Recipient) -> None:
    with pytest.raises(DeadlineError, match="loopt nog tot en met 29 februari 2028"):
        compose_reminder(_req(gemeente), date(2028, 2, 29))


def test_ap_complaint_is_prefilled(gemeente: Recipient) -> None:
    req = _req(gemeente).with_follow_up(FollowUpKind.HERINNERING, date(2028, 3, 2))
    details = ap_complaint_details(req)
    assert details["organisation"] == "Gemeente Testdorp"
    assert "Op 2 maart 2028 heb ik een herinnering gestuurd." in details["earlier"]
    assert AP_RECIPIENT.channel.value == "contactformulier"


def test_follow_up_before_sending_is_refused(gemeente: Recipient) -> None:
    with pytest.raises(DeadlineError):
        _req(gemeente).with_follow_up(FollowUpKind.HERINNERING, date(2028, 1, 1))
    with pytest.raises(DeadlineError):
        _req(gemeente).with_extension(date(2028, 1, 1))


def test_json_round_trip(gemeente: Recipient) -> None:
    req = (
        _req(gemeente, for_person="Noor")
        .with_extension(date(2028, 2, 10))
        .with_follow_up(FollowUpKind.HERINNERING, date(2028, 5, 2))
    )
    payload = json.dumps(req.to_dict())
    assert RightsRequest.from_dict(json.loads(payload)) == req


def test_complaint_to_ap_has_no_term(gemeente: Recipient) -> None:
    req = _req(gemeente, kind=RequestKind.KLACHT_AP, recipient=AP_RECIPIENT)
    assert req.deadline() is None
    assert req.stage(date(2030, 1, 1)) is Stage.GEEN_TERMIJN


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(version=99),
        lambda d: d.update(kind="onbekend"),
        lambda d: d.update(sent="31-01-2028"),
        lambda d: d.pop("recipient"),
        lambda d: d.update(follow_ups="x"),
        lambda d: d.update(letter=5),
        lambda d: d["recipient"].update(channel="fax"),
    ],
)
def test_bad_stored_data_gives_a_clear_error(gemeente: Recipient, mutate: object) -> None:
    data = _req(gemeente).to_dict()
    mutate(data)  # type: ignore[operator]
    with pytest.raises(StoredRequestError, match="kan niet worden gelezen"):
        RightsRequest.from_dict(data)


def test_not_a_dict_gives_a_clear_error() -> None:
    with pytest.raises(StoredRequestError):
        RightsRequest.from_dict(["x"])


def test_summary_for_the_overview(gemeente: Recipient) -> None:
    from privacyapp.rights import summarize

    req = _req(gemeente)
    fresh = summarize(req, date(2028, 2, 1))
    assert fresh.line() == "Inzage · Gemeente Testdorp · Verstuurd (29 februari 2028)"
    assert not fresh.needs_action
    late = summarize(req, date(2028, 3, 1))
    assert late.needs_action and late.stage is Stage.VERLOPEN
    reminded = summarize(
        req.with_follow_up(FollowUpKind.HERINNERING, date(2028, 3, 2)), date(2028, 3, 3)
    )
    assert reminded.due == date(2028, 3, 16)
    assert summarize(req.with_status(Status.BEANTWOORD), date(2028, 3, 3)).due is None
