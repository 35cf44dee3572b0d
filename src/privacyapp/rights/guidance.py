"""What the app tells the user around a request: identity checks, acting for someone, ages.

These texts are shown next to the composer and in the CLI; the letters themselves are in
``letter``. Sources: AVG art. 12 (identity, terms), Jeugdwet art. 7.3.9/7.3.10, Wmo 2015
art. 5.3.2/5.3.5, and the AP's explanation of privacy rights (16+ yourself, younger through the
legal representative).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from privacyapp.rights.kinds import RequestKind

__all__ = [
    "AGE_RULES",
    "IDENTITY_ADVICE",
    "NO_SERVER",
    "OBJECTION_ROUTE",
    "Role",
    "RoleSpec",
    "kind_advice",
    "objection_advice",
    "role_spec",
]


class Role(StrEnum):
    """The legal representative's role when writing for someone else."""

    OUDER = "ouder"
    VOOGD = "voogd"
    CURATOR = "curator"
    MENTOR = "mentor"


@dataclass(frozen=True)
class RoleSpec:
    """How the letter names a role, and which proof the organisation may ask for it."""

    role: Role
    label: str
    """As in "Ik ben {label} van ..."."""
    proof: str
    """What the organisation may ask as proof, for the user."""


_ROLES = {
    Role.OUDER: RoleSpec(
        Role.OUDER,
        "de ouder met gezag",
        "De organisatie mag vragen of je het gezag hebt. Dat bewijs je met een uittreksel uit "
        "het gezagsregister (gratis aan te vragen bij de rechtbank). Hebben twee ouders het "
        "gezag? Dan vraagt een organisatie soms dat jullie allebei tekenen.",
    ),
    Role.VOOGD: RoleSpec(
        Role.VOOGD,
        "de voogd",
        "De organisatie mag bewijs vragen dat je voogd bent: de uitspraak (beschikking) van de "
        "rechter of een uittreksel uit het gezagsregister.",
    ),
    Role.CURATOR: RoleSpec(
        Role.CURATOR,
        "de curator",
        "De organisatie mag bewijs vragen dat je curator bent: de uitspraak (beschikking) van "
        "de kantonrechter of een uittreksel uit het curatele- en bewindregister.",
    ),
    Role.MENTOR: RoleSpec(
        Role.MENTOR,
        "de mentor",
        "De organisatie mag bewijs vragen dat je mentor bent: de uitspraak (beschikking) van de "
        "kantonrechter.",
    ),
}


def role_spec(role: Role | str) -> RoleSpec:
    """The spec of ``role``; accepts the enum or its value."""
    return _ROLES[Role(role)]


#: Who may send a request, by age.
AGE_RULES = (
    "Ben je 16 jaar of ouder? Dan doe je het verzoek zelf.",
    "Gaat het om je jeugddossier of je Wmo-dossier? Dan mag je vanaf 12 jaar zelf om inzage of "
    "vernietiging vragen, als je goed kunt overzien wat dat betekent (Jeugdwet artikel 7.3.9, "
    "7.3.10 en 7.3.15; Wmo 2015 artikel 5.3.2 en 5.3.5).",
    "Voor andere verzoeken doet je ouder met gezag of je voogd het verzoek meestal voor je, "
    "zolang je jonger bent dan 16. Voor kinderen onder 12 doen zij het altijd.",
    "Bij de Wmo mag je ouder met gezag tot je 16e ook zelf om inzage vragen, tenzij dat tegen "
    "jouw belang is (Wmo 2015 artikel 5.3.2). Bij de jeugdhulp is inzage vanaf 12 jaar jouw "
    "recht. Je hulpverlener mag je ouders met gezag wel informeren, maar overlegt eerst met jou.",
    "Sta je onder curatele? Dan doet je curator het verzoek voor je.",
)

#: A municipality's answer to an AVG request is a decision: object within six weeks.
OBJECTION_ROUTE = (
    "Weigert een gemeente je verzoek, of maar voor een deel? Dan is dat een besluit. Daar kun je "
    "binnen zes weken bezwaar tegen maken (Uitvoeringswet AVG artikel 34, Awb artikel 6:7).",
    "Een klacht bij de Autoriteit Persoonsgegevens stopt die termijn van zes weken niet.",
)

#: Identity: the organisation must check it; this is how to do that safely.
IDENTITY_ADVICE = (
    "De organisatie moet controleren of jij het echt bent. Dat mag en moet.",
    "Stuur geen kopie van je identiteitsbewijs in een gewone e-mail. Vraag eerst hoe je je "
    "kunt laten zien: bijvoorbeeld met DigiD, of aan de balie.",
    "Moet je toch een kopie sturen? Maak dan een veilige kopie met de app KopieID van de "
    "Rijksoverheid. Daarmee streep je je burgerservicenummer (BSN) en je pasfoto door, en zet "
    "je op de kopie voor wie hij is.",
)

#: Said wherever the user sends, copies or saves a letter.
NO_SERVER = (
    "Je brief gaat niet via een server van ons. Je verstuurt hem zelf, met je eigen mailapp, "
    "via het contactformulier of per post. De app bewaart alleen wat jij bewaart, versleuteld "
    "op dit apparaat."
)

_KIND_ADVICE = {
    RequestKind.INZAGE: (
        "De organisatie mag je ook een overzicht geven in plaats van kopieën van alle stukken.",
    ),
    RequestKind.RECTIFICATIE: (
        "Je kunt alleen feiten laten verbeteren. Gaat het om een mening of conclusie van een "
        "medewerker? Dan kun je vragen om je eigen verklaring aan het dossier toe te voegen.",
    ),
    RequestKind.VERWIJDERING: (
        "Gemeenten moeten veel gegevens een tijd bewaren. Ze mogen je verzoek dan weigeren, "
        "maar moeten zeggen waarom.",
        "Gaat het om je jeugd- of Wmo-dossier? Kies dan 'Dossier vernietigen': dat recht is "
        "sterker.",
    ),
    RequestKind.BEPERKING: (
        "Beperken is handig zolang niet duidelijk is of gegevens kloppen of weg moeten.",
    ),
    RequestKind.OVERDRAAGBAARHEID: (
        "Dit recht geldt vaak niet voor gegevens die een gemeente nodig heeft voor haar "
        "wettelijke taken. De brief vraagt dan om inzage in plaats daarvan.",
    ),
    RequestKind.BEZWAAR: (
        "Bezwaar maken kan als de organisatie je gegevens gebruikt voor een taak van algemeen "
        "belang of een eigen belang. Leg uit wat er in jouw situatie bijzonder is.",
    ),
    RequestKind.VERNIETIGING: (
        "De organisatie moet je jeugd- of Wmo-dossier binnen drie maanden vernietigen.",
        "Dat hoeft niet als het bewaren heel belangrijk is voor iemand anders, of als een wet "
        "zegt dat het bewaard moet worden.",
    ),
    RequestKind.KLACHT_ORGANISATIE: (
        "Klaag eerst bij de organisatie zelf. Een gemeente moet binnen zes weken reageren.",
    ),
    RequestKind.KLACHT_AP: (
        "De Autoriteit Persoonsgegevens vraagt dat je eerst zelf contact opneemt met de "
        "organisatie. Kom je er samen niet uit? Dan kun je klagen bij de AP.",
        "Een klacht bij de AP kan niet anoniem.",
    ),
}


def kind_advice(kind: RequestKind | str) -> tuple[str, ...]:
    """Short tips for this kind of request, shown above the letter."""
    return _KIND_ADVICE[RequestKind(kind)]


def objection_advice(kind: RequestKind | str, *, municipality: bool) -> tuple[str, ...]:
    """The bezwaar route, for an AVG request to a municipality; empty otherwise."""
    avg = RequestKind(kind) not in (
        RequestKind.VERNIETIGING,
        RequestKind.KLACHT_ORGANISATIE,
        RequestKind.KLACHT_AP,
    )
    return OBJECTION_ROUTE if municipality and avg else ()
