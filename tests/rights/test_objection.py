"""A municipality's answer to an AVG request is a decision: the letter, the tips and the
follow-up name the bezwaar route (UAVG art. 34, Awb art. 6:7), and nobody else gets it."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from privacyapp.rights import (
    AP_RECIPIENT,
    OBJECTION_ROUTE,
    Applicant,
    DeadlineError,
    FollowUpKind,
    Recipient,
    Representation,
    RequestInput,
    RequestKind,
    RightsRequest,
    Role,
    compose,
    next_step,
    objection_advice,
    objection_step,
)

TODAY = date(2026, 11, 22)


@pytest.fixture
def municipality(gemeente: Recipient) -> Recipient:
    return dataclasses.replace(gemeente, municipality_code="GM0358")


def _request(recipient: Recipient, kind: RequestKind = RequestKind.INZAGE) -> RightsRequest:
    return RightsRequest(
        id="r-1",
        kind=kind,
        recipient=recipient,
        subject="Verzoek",
        sender="Sam de Vries",
        sent=date(2028, 1, 31),
        letter="...",
    )


def test_a_letter_to_a_municipality_asks_it_to_name_the_objection_route(
    municipality: Recipient, applicant: Applicant
) -> None:
    request = RequestInput(RequestKind.INZAGE, applicant, municipality, {"data": "alles"})
    text = compose(request, TODAY).as_text()
    assert "artikel 34 van de Uitvoeringswet AVG" in text
    assert "binnen zes weken bezwaar" in text


def test_a_letter_to_another_organisation_does_not(
    gemeente: Recipient, applicant: Applicant
) -> None:
    request = RequestInput(RequestKind.INZAGE, applicant, gemeente, {"data": "alles"})
    assert "Uitvoeringswet AVG" not in compose(request, TODAY).as_text()


def test_the_tips_name_the_route_only_for_avg_requests_to_a_municipality() -> None:
    assert objection_advice(RequestKind.RECTIFICATIE, municipality=True) == OBJECTION_ROUTE
    assert objection_advice(RequestKind.RECTIFICATIE, municipality=False) == ()
    assert objection_advice(RequestKind.KLACHT_AP, municipality=True) == ()
    assert objection_advice(RequestKind.VERNIETIGING, municipality=True) == ()


def test_after_a_refusal_the_user_has_six_weeks(municipality: Recipient) -> None:
    step = objection_step(_request(municipality), date(2028, 3, 1), date(2028, 3, 10))
    assert step.title == "Maak bezwaar bij de gemeente"
    assert "tot en met 12 april 2028" in step.text
    assert "stopt deze termijn niet" in step.text


def test_a_late_objection_is_explained_not_hidden(municipality: Recipient) -> None:
    step = objection_step(_request(municipality), date(2028, 3, 1), date(2028, 4, 13))
    assert step.title == "Bezwaartermijn verlopen"
    assert "12 april 2028" in step.text


def test_objection_is_refused_for_other_organisations_and_future_dates(
    gemeente: Recipient, municipality: Recipient
) -> None:
    with pytest.raises(DeadlineError, match="niet naar een gemeente"):
        objection_step(_request(gemeente), date(2028, 3, 1), date(2028, 3, 10))
    with pytest.raises(DeadlineError, match="geen AVG-verzoek"):
        objection_step(
            _request(municipality, RequestKind.KLACHT_ORGANISATIE),
            date(2028, 3, 1),
            date(2028, 3, 2),
        )
    with pytest.raises(DeadlineError, match="na vandaag"):
        objection_step(_request(municipality), date(2028, 3, 11), date(2028, 3, 10))


def test_no_answer_from_a_municipality_also_points_to_the_court(municipality: Recipient) -> None:
    req = _request(municipality).with_follow_up(FollowUpKind.HERINNERING, date(2028, 3, 2))
    step = next_step(req, date(2028, 3, 17))
    assert step.offer_ap_complaint and "bestuursrechter" in step.text
    assert AP_RECIPIENT.municipality_code == ""


def test_destruction_on_behalf_says_why_the_representative_asks(
    gemeente: Recipient, applicant: Applicant
) -> None:
    request = RequestInput(
        RequestKind.VERNIETIGING,
        applicant,
        gemeente,
        {"file": "het jeugddossier bij het wijkteam", "law": "jeugd"},
        Representation(Role.OUDER, "Noor de Vries"),
    )
    text = compose(request, TODAY).as_text()
    assert "Dit is mijn recht" not in text
    assert "als wettelijk vertegenwoordiger" in text
    assert "jonger dan 12 jaar" in text
