"""Realistic sample input for the rights tests: one filled-in request per kind."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from privacyapp.rights import (
    Applicant,
    Recipient,
    RequestInput,
    RequestKind,
    typed_recipient,
)

TODAY = date(2026, 11, 22)

SAMPLE_DETAILS: dict[RequestKind, dict[str, str]] = {
    RequestKind.INZAGE: {
        "data": "mijn Wmo-dossier en de verslagen van het keukentafelgesprek",
        "period": "januari 2024 tot nu",
        "reference": "WMO-2024-0117",
    },
    RequestKind.RECTIFICATIE: {
        "wrong": "In het verslag van 3 maart 2025 staat dat ik alleen woon.",
        "correction": "Ik woon samen met mijn dochter van 15.",
        "statement": "Ik ben het niet eens met de conclusie dat ik geen hulp nodig heb bij het "
        "huishouden.\nIk heb dat in het gesprek ook gezegd.",
    },
    RequestKind.VERWIJDERING: {
        "data": "de notities over mijn schulden uit 2019",
        "reason": "De schuldhulp is al vijf jaar afgerond. Ik heb geen schulden meer.",
    },
    RequestKind.BEPERKING: {
        "data": "mijn adresgegevens in het klantsysteem",
        "reason": "Ik heb gevraagd om mijn adres te verbeteren. Zolang dat niet is "
        "gebeurd, wil ik niet dat u post naar het oude adres stuurt.",
    },
    RequestKind.OVERDRAAGBAARHEID: {
        "data": "de formulieren die ik online heb ingevuld voor mijn aanvraag",
    },
    RequestKind.BEZWAAR: {
        "data": "het gebruik van mijn gegevens voor een onderzoek naar tevredenheid",
        "reason": "Ik ben in behandeling en wil daar nu niet over gebeld worden.",
    },
    RequestKind.VERNIETIGING: {
        "file": "mijn jeugddossier bij het wijkteam, van 2015 tot 2018",
        "law": "jeugd",
        "reason": "Ik ben nu volwassen en wil niet dat dit dossier blijft bestaan.",
    },
    RequestKind.KLACHT_ORGANISATIE: {
        "complaint": "Op 12 oktober 2026 kreeg ik een brief die voor iemand anders was. "
        "Er stonden gegevens van een ander gezin in.",
        "wish": "Dat u uitlegt hoe dit kon gebeuren en wat u doet om het te voorkomen.",
        "earlier": "Ik heb op 14 oktober gebeld. Er werd gezegd dat ik teruggebeld zou worden. "
        "Dat is niet gebeurd.",
    },
    RequestKind.KLACHT_AP: {
        "organisation": "Gemeente Testdorp",
        "complaint": "De gemeente heeft niet gereageerd op mijn verzoek om inzage.",
        "earlier": "Ik stuurde op 1 september 2026 een verzoek om inzage en op 15 oktober een "
        "herinnering. Ik kreeg geen antwoord.",
        "wish": "Dat de gemeente alsnog reageert op mijn verzoek.",
    },
}


@pytest.fixture
def gemeente() -> Recipient:
    return typed_recipient(
        "Gemeente Testdorp", email="privacy@testdorp.nl", postal="Postbus 12\n1234 AB Testdorp"
    )


@pytest.fixture
def applicant() -> Applicant:
    return Applicant(
        "Sam de Vries",
        email="sam.devries@example.nl",
        phone="06 12345678",
        address="Dorpsstraat 1\n1234 AB Testdorp",
    )


def _sample_input(kind: RequestKind, recipient: Recipient, applicant: Applicant) -> RequestInput:
    return RequestInput(kind, applicant, recipient, dict(SAMPLE_DETAILS[kind]))


SampleInput = Callable[[RequestKind, Recipient, Applicant], RequestInput]


@pytest.fixture
def sample_input() -> SampleInput:
    """``sample_input(kind, recipient, applicant)``: a realistic filled-in request."""
    return _sample_input


@pytest.fixture
def samples() -> dict[RequestKind, dict[str, str]]:
    return {kind: dict(details) for kind, details in SAMPLE_DETAILS.items()}


@pytest.fixture
def today() -> date:
    return TODAY
