"""The middle of each letter: what is asked, on which legal basis, and by when.

Written by us in plain Dutch (B1): short sentences, "u" for the organisation, one point per
paragraph. The greeting, the contact block and the footer are added by ``letter.compose``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from privacyapp.rights.errors import InvalidInputError
from privacyapp.rights.guidance import Role
from privacyapp.rights.kinds import KindSpec, RequestKind
from privacyapp.rights.messages import Code
from privacyapp.rights.recipient import Recipient

__all__ = ["LAWS", "body_paragraphs", "law_key"]

#: Per law: the file's name, the article in full, the article short (for the subject).
LAWS = {
    "jeugd": ("jeugddossier", "artikel 7.3.9 van de Jeugdwet", "artikel 7.3.9 Jeugdwet"),
    "wmo": (
        "Wmo-dossier",
        "artikel 5.3.5 van de Wet maatschappelijke ondersteuning 2015",
        "artikel 5.3.5 Wmo 2015",
    ),
}
_LAW_ALIASES = {
    "jeugd": "jeugd",
    "jeugdwet": "jeugd",
    "jeugdhulp": "jeugd",
    "wmo": "wmo",
    "wmo 2015": "wmo",
    "wmo2015": "wmo",
}

_TERM_AVG = (
    "Volgens artikel 12, lid 3, van de AVG moet u binnen één maand na ontvangst van dit "
    "verzoek reageren. Heeft u meer tijd nodig, omdat het verzoek ingewikkeld is? Dan mag u de "
    "termijn met twee maanden verlengen. Dat moet u mij dan binnen één maand laten weten, met "
    "de reden."
)
_REFUSAL = (
    "Voert u mijn verzoek niet of niet helemaal uit? Laat mij dan binnen dezelfde termijn weten "
    "waarom. Vertel mij dan ook dat ik een klacht kan indienen bij de Autoriteit "
    "Persoonsgegevens of naar de rechter kan gaan (artikel 12, lid 4, AVG)."
)


#: For a municipality (a bestuursorgaan): its answer is a decision under the Awb.
_OBJECTION = (
    "U bent een bestuursorgaan. Uw beslissing op dit verzoek is daarom een besluit volgens de "
    "Algemene wet bestuursrecht (artikel 34 van de Uitvoeringswet AVG). Zet in uw besluit dat ik "
    "daar binnen zes weken bezwaar tegen kan maken, en bij wie."
)


def _pass_on(done: str) -> str:
    return (
        f"Heeft u de gegevens aan anderen gegeven? Laat hen dan ook weten {done} (artikel 19 AVG)."
    )


def law_key(value: str) -> str:
    """``"Jeugdwet"`` → ``"jeugd"``; raises ``InvalidInputError`` for anything else."""
    key = _LAW_ALIASES.get(" ".join(value.lower().split()))
    if key is None:
        raise InvalidInputError(Code.LAW, value=value)
    return key


class _Words:
    """Pronouns that change when writing for someone else."""

    def __init__(self, rep_person: str | None, rep_role: Role | None) -> None:
        self.person = rep_person
        self.role = rep_role

    @property
    def obj(self) -> str:
        """ "van mij" / "van Sam"."""
        return f"van {self.person}" if self.person else "van mij"

    @property
    def source(self) -> str:
        """ "mij" / "mij of van Sam"."""
        return f"mij of van {self.person}" if self.person else "mij"

    @property
    def data(self) -> str:
        """ "mijn persoonsgegevens" / "de persoonsgegevens van Sam"."""
        return f"de persoonsgegevens van {self.person}" if self.person else "mijn persoonsgegevens"

    def identity(self) -> str:
        if self.person:
            return (
                f"U mag controleren wie ik ben, en of ik {self.person} mag vertegenwoordigen. "
                "Laat mij weten welk bewijs u nodig heeft en hoe ik dat veilig kan sturen. Ik "
                "stuur geen kopie van een identiteitsbewijs per gewone e-mail."
            )
        return (
            "U mag controleren of ik ben wie ik zeg dat ik ben. Laat mij weten hoe ik dat veilig "
            "kan doen, bijvoorbeeld met DigiD of aan de balie. Ik stuur geen kopie van mijn "
            "identiteitsbewijs per gewone e-mail."
        )


_Writer = Callable[[Mapping[str, str], _Words, KindSpec, Recipient], list[str]]


def _inzage(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    out = [
        f"Ik wil graag weten welke persoonsgegevens u {w.obj} verwerkt. Daarom vraag ik u om "
        f"inzage, volgens {spec.legal_basis}.",
        "Ik vraag u om mij te laten weten:\n"
        f"- welke gegevens u {w.obj} heeft, met een kopie van die gegevens;\n"
        "- om welke soorten gegevens het gaat;\n"
        "- waarvoor u de gegevens gebruikt;\n"
        "- aan wie u de gegevens heeft gegeven of nog gaat geven;\n"
        "- hoe lang u de gegevens bewaart;\n"
        f"- waar u de gegevens vandaan heeft, als u ze niet van {w.source} heeft;\n"
        "- of een computer met de gegevens automatisch besluiten neemt, en zo ja, hoe dat werkt;\n"
        "- welke rechten ik heb om gegevens te laten verbeteren, wissen of beperken, om bezwaar "
        "te maken, en om te klagen bij de Autoriteit Persoonsgegevens.",
    ]
    if d.get("data"):
        out.append(f"Het gaat vooral om: {d['data']}.")
    if d.get("period"):
        out.append(f"Het gaat om deze periode: {d['period']}.")
    return out


def _rectificatie(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    out = [
        f"In uw administratie staan gegevens {w.obj} die niet kloppen. Ik vraag u om die te "
        f"verbeteren, volgens {spec.legal_basis}.",
        f"Dit klopt niet:\n{d['wrong']}",
    ]
    if d.get("correction"):
        out.append(f"Dit moet het zijn:\n{d['correction']}")
    if d.get("statement"):
        out.append(
            "Gaat het om een mening of een conclusie van een medewerker? Voeg dan mijn eigen "
            f"verklaring toe aan het dossier. Mijn verklaring:\n{d['statement']}"
        )
    out.append("Laat mij weten wat u heeft verbeterd. " + _pass_on("om welke verbetering het gaat"))
    return out


def _verwijdering(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    return [
        f"Ik vraag u om {w.data} te verwijderen, volgens {spec.legal_basis}.",
        f"Het gaat om:\n{d['data']}",
        f"Mijn reden:\n{d['reason']}",
        "Mag u de gegevens volgens de wet nog niet verwijderen, bijvoorbeeld door een "
        "bewaartermijn? Laat mij dan weten welke regel dat is, en tot wanneer u de gegevens "
        "bewaart.",
        _pass_on("dat u de gegevens heeft verwijderd"),
    ]


def _beperking(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    return [
        f"Ik vraag u om het gebruik van {w.data} te beperken, volgens {spec.legal_basis}.",
        f"Het gaat om:\n{d['data']}",
        f"Mijn reden:\n{d['reason']}",
        "Beperken betekent: u bewaart de gegevens wel, maar u gebruikt ze niet meer tot de zaak "
        "is opgelost. Laat mij het weten voordat u de beperking weer opheft.",
        _pass_on("dat u het gebruik heeft beperkt"),
    ]


def _overdracht(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    return [
        f"Ik vraag u om {w.data} die ik zelf aan u heb gegeven, aan mij te sturen in een "
        f"gangbaar digitaal bestand, zoals CSV of JSON. Dit is mijn recht volgens "
        f"{spec.legal_basis}.",
        f"Het gaat om:\n{d['data']}",
        "Geldt dit recht volgens u niet, bijvoorbeeld omdat u de gegevens gebruikt voor een taak "
        "van algemeen belang? Behandel mijn verzoek dan als een verzoek om inzage (artikel 15 "
        "AVG).",
    ]


def _bezwaar(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    return [
        f"Ik maak bezwaar tegen het gebruik van {w.data}, volgens {spec.legal_basis}.",
        f"Het gaat om:\n{d['data']}",
        f"Dit is mijn reden, vanwege mijn persoonlijke situatie:\n{d['reason']}",
        "U mag de gegevens dan niet meer gebruiken, tenzij u dwingende redenen heeft die "
        "zwaarder wegen dan mijn belangen. Laat mij weten wat u besluit, en waarom.",
    ]


def _vernietiging(d: Mapping[str, str], w: _Words, _s: KindSpec, _r: Recipient) -> list[str]:
    noun, basis, _short = LAWS[law_key(d["law"])]
    if w.person:
        first = (
            f"Ik vraag u om het {noun} van {w.person} te vernietigen, volgens {basis}. Ik doe dit "
            f"verzoek als wettelijk vertegenwoordiger, omdat {w.person} het niet zelf kan doen: "
            "jonger dan 12 jaar, of niet in staat de eigen belangen hierin goed te overzien."
        )
    else:
        first = f"Ik vraag u om mijn {noun} te vernietigen. Dit is mijn recht volgens {basis}."
    out = [first, f"Het gaat om:\n{d['file']}"]
    if d.get("reason"):
        out.append(f"Mijn reden:\n{d['reason']}")
    out += [
        "Volgens de wet moet u het dossier binnen drie maanden na dit verzoek vernietigen. Dat "
        "hoeft alleen niet als het bewaren van aanmerkelijk belang is voor een ander, of als een "
        "wet zegt dat u het moet bewaren. Denkt u dat zo'n uitzondering geldt? Laat mij dan "
        "weten welke, en voor welk deel van het dossier.",
        "Laat mij schriftelijk weten wanneer het dossier is vernietigd.",
    ]
    return out


def _klacht(d: Mapping[str, str], w: _Words, _s: KindSpec, _r: Recipient) -> list[str]:
    out = [
        f"Ik heb een klacht over de manier waarop u met {w.data} omgaat.",
        f"Dit is er gebeurd:\n{d['complaint']}",
    ]
    if d.get("earlier"):
        out.append(f"Eerder contact met u:\n{d['earlier']}")
    out += [
        f"Dit wil ik bereiken:\n{d['wish']}",
        "Ik vraag u om mijn klacht te behandelen en mij binnen zes weken schriftelijk te laten "
        "weten wat u ermee doet. Heeft uw organisatie een functionaris gegevensbescherming? "
        "Geef mijn klacht dan ook aan hem of haar.",
        "Komen we er samen niet uit? Dan kan ik een klacht indienen bij de Autoriteit "
        "Persoonsgegevens.",
    ]
    return out


def _klacht_ap(d: Mapping[str, str], w: _Words, spec: KindSpec, _r: Recipient) -> list[str]:
    out = [
        f"Ik dien een klacht in over de verwerking van {w.data} door {d['organisation']}. Dit "
        f"doe ik volgens {spec.legal_basis}.",
        f"Dit is er gebeurd:\n{d['complaint']}",
    ]
    if d.get("data"):
        out.append(f"Het gaat om deze gegevens:\n{d['data']}")
    out += [
        f"Ik heb eerst zelf contact gezocht met de organisatie:\n{d['earlier']}",
        f"Dit wil ik bereiken:\n{d['wish']}",
        "Ik kan kopieën van mijn brieven en van de reacties van de organisatie sturen als u die "
        "wilt zien.",
    ]
    return out


_WRITERS: dict[RequestKind, _Writer] = {
    RequestKind.INZAGE: _inzage,
    RequestKind.RECTIFICATIE: _rectificatie,
    RequestKind.VERWIJDERING: _verwijdering,
    RequestKind.BEPERKING: _beperking,
    RequestKind.OVERDRAAGBAARHEID: _overdracht,
    RequestKind.BEZWAAR: _bezwaar,
    RequestKind.VERNIETIGING: _vernietiging,
    RequestKind.KLACHT_ORGANISATIE: _klacht,
    RequestKind.KLACHT_AP: _klacht_ap,
}

_AVG_TERM_KINDS = {
    RequestKind.INZAGE,
    RequestKind.RECTIFICATIE,
    RequestKind.VERWIJDERING,
    RequestKind.BEPERKING,
    RequestKind.OVERDRAAGBAARHEID,
    RequestKind.BEZWAAR,
}


def body_paragraphs(
    spec: KindSpec,
    details: Mapping[str, str],
    rep_person: str | None,
    rep_role: Role | None,
    recipient: Recipient,
) -> list[str]:
    """The paragraphs between the greeting and the contact block."""
    words = _Words(rep_person, rep_role)
    out = _WRITERS[spec.kind](details, words, spec, recipient)
    if spec.kind in _AVG_TERM_KINDS:
        out += [_TERM_AVG, _REFUSAL]
        if recipient.municipality_code:
            out.append(_OBJECTION)
    if spec.kind is not RequestKind.KLACHT_AP:
        out.append(words.identity())
    return out
