"""The kinds of request the app can write, and what each one needs to know.

Each kind declares its fields, so the composer asks only what that request needs. The legal
basis is given per kind: the AVG articles, and for destroying a youth-care or Wmo file the
stronger right of Jeugdwet art. 7.3.9 / Wmo 2015 art. 5.3.5.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "FIELDS",
    "KINDS",
    "DeadlineRule",
    "FieldSpec",
    "KindSpec",
    "RequestKind",
    "kind_spec",
]


class RequestKind(StrEnum):
    """A kind of request or complaint; the value is what the CLI and stored records use."""

    INZAGE = "inzage"
    RECTIFICATIE = "rectificatie"
    VERWIJDERING = "verwijdering"
    BEPERKING = "beperking"
    OVERDRAAGBAARHEID = "overdraagbaarheid"
    BEZWAAR = "bezwaar"
    VERNIETIGING = "vernietiging"
    KLACHT_ORGANISATIE = "klacht-organisatie"
    KLACHT_AP = "klacht-ap"


class DeadlineRule(StrEnum):
    """Which answer term applies after sending."""

    AVG = "avg"
    """One month, plus two when the organisation announces that within the first month."""
    THREE_MONTHS = "drie-maanden"
    """Destroying a youth-care or Wmo file: within three months (no extension)."""
    SIX_WEEKS = "zes-weken"
    """A complaint to the organisation: a municipality handles it within six weeks (Awb 9:11)."""
    NONE = "geen"
    """A complaint to the AP: the AP sets its own pace; there is no term to track."""


@dataclass(frozen=True)
class FieldSpec:
    """One question the composer asks."""

    key: str
    """Stable key, used by the CLI (``--detail key=value``) and the views."""
    label: str
    """Short label shown next to the input."""
    hint: str
    """One sentence that helps to fill it in."""
    multiline: bool = False


@dataclass(frozen=True)
class KindSpec:
    """Everything the app knows about one kind of request."""

    kind: RequestKind
    title: str
    """Name of the request, as the user sees it in the list."""
    summary: str
    """One line: what this request does."""
    legal_basis: str
    """The articles, as written in the letter."""
    subject: str
    """Subject line of the letter and e-mail."""
    required: tuple[str, ...]
    """Field keys that must be filled in."""
    optional: tuple[str, ...]
    """Field keys that may be filled in."""
    deadline: DeadlineRule

    @property
    def fields(self) -> tuple[FieldSpec, ...]:
        """The fields to ask, required first."""
        return tuple(FIELDS[key] for key in self.required + self.optional)


_FIELD_LIST = (
    FieldSpec(
        "data", "Welke gegevens", "Bijvoorbeeld: mijn Wmo-dossier, of alles wat u van mij heeft."
    ),
    FieldSpec(
        "period", "Welke periode", "Bijvoorbeeld: 2023 tot nu. Laat leeg als het om alles gaat."
    ),
    FieldSpec(
        "wrong", "Wat klopt er niet", "Schrijf op welke gegevens niet kloppen.", multiline=True
    ),
    FieldSpec(
        "correction",
        "Wat moet het zijn",
        "Schrijf op wat er wel moet staan.",
        multiline=True,
    ),
    FieldSpec(
        "statement",
        "Mijn eigen verklaring",
        "Bij een mening of conclusie: schrijf hier jouw kant van het verhaal.",
        multiline=True,
    ),
    FieldSpec("reason", "Waarom", "Leg kort uit waarom je dit vraagt.", multiline=True),
    FieldSpec(
        "file",
        "Welk dossier",
        "Bijvoorbeeld: mijn jeugddossier bij het wijkteam, van 2019 tot 2022.",
    ),
    FieldSpec(
        "law",
        "Soort dossier",
        "jeugd (Jeugdwet) of wmo (Wmo 2015).",
    ),
    FieldSpec(
        "complaint",
        "Wat ging er mis",
        "Beschrijf wat er gebeurde en wanneer.",
        multiline=True,
    ),
    FieldSpec(
        "wish", "Wat wil je bereiken", "Bijvoorbeeld: dat ik alsnog inzage krijg.", multiline=True
    ),
    FieldSpec(
        "organisation",
        "Over welke organisatie",
        "De naam van de organisatie waarover je klaagt.",
    ),
    FieldSpec(
        "earlier",
        "Eerder contact",
        "Wanneer en hoe heb je de organisatie eerst benaderd? Wat was de reactie?",
        multiline=True,
    ),
    FieldSpec("reference", "Klant- of dossiernummer", "Als je dat hebt. Anders leeg laten."),
)

#: All fields by key.
FIELDS: dict[str, FieldSpec] = {spec.key: spec for spec in _FIELD_LIST}

_KIND_LIST = (
    KindSpec(
        RequestKind.INZAGE,
        "Inzage",
        "Vraag welke gegevens een organisatie over je heeft, en krijg een kopie.",
        "artikel 15 van de Algemene verordening gegevensbescherming (AVG)",
        "Verzoek om inzage in persoonsgegevens (artikel 15 AVG)",
        (),
        ("data", "period", "reference"),
        DeadlineRule.AVG,
    ),
    KindSpec(
        RequestKind.RECTIFICATIE,
        "Verbeteren",
        "Laat gegevens verbeteren die niet kloppen, of voeg je eigen verklaring toe.",
        "artikel 16 van de Algemene verordening gegevensbescherming (AVG)",
        "Verzoek om verbetering van persoonsgegevens (artikel 16 AVG)",
        ("wrong",),
        ("correction", "statement", "reference"),
        DeadlineRule.AVG,
    ),
    KindSpec(
        RequestKind.VERWIJDERING,
        "Verwijderen",
        "Vraag een organisatie om gegevens over je te wissen.",
        "artikel 17 van de Algemene verordening gegevensbescherming (AVG)",
        "Verzoek om verwijdering van persoonsgegevens (artikel 17 AVG)",
        ("data", "reason"),
        ("reference",),
        DeadlineRule.AVG,
    ),
    KindSpec(
        RequestKind.BEPERKING,
        "Beperken",
        "Laat een organisatie je gegevens tijdelijk niet gebruiken.",
        "artikel 18 van de Algemene verordening gegevensbescherming (AVG)",
        "Verzoek om beperking van de verwerking (artikel 18 AVG)",
        ("data", "reason"),
        ("reference",),
        DeadlineRule.AVG,
    ),
    KindSpec(
        RequestKind.OVERDRAAGBAARHEID,
        "Meenemen",
        "Krijg je gegevens in een bestand dat je zelf kunt bewaren of doorgeven.",
        "artikel 20 van de Algemene verordening gegevensbescherming (AVG)",
        "Verzoek om overdracht van persoonsgegevens (artikel 20 AVG)",
        ("data",),
        ("reference",),
        DeadlineRule.AVG,
    ),
    KindSpec(
        RequestKind.BEZWAAR,
        "Bezwaar maken",
        "Zeg dat je niet wilt dat een organisatie je gegevens zo gebruikt.",
        "artikel 21 van de Algemene verordening gegevensbescherming (AVG)",
        "Bezwaar tegen het gebruik van persoonsgegevens (artikel 21 AVG)",
        ("data", "reason"),
        ("reference",),
        DeadlineRule.AVG,
    ),
    KindSpec(
        RequestKind.VERNIETIGING,
        "Dossier vernietigen",
        "Laat je jeugd- of Wmo-dossier vernietigen: dat moet binnen drie maanden.",
        "",  # filled in per law by the letter: Jeugdwet 7.3.9 or Wmo 2015 5.3.5
        "Verzoek om vernietiging van mijn dossier",
        ("file", "law"),
        ("reason", "reference"),
        DeadlineRule.THREE_MONTHS,
    ),
    KindSpec(
        RequestKind.KLACHT_ORGANISATIE,
        "Klacht bij de organisatie",
        "Klaag bij de organisatie zelf over hoe zij met je gegevens omgaat.",
        "de Algemene verordening gegevensbescherming (AVG)",
        "Klacht over de omgang met mijn persoonsgegevens",
        ("complaint", "wish"),
        ("earlier", "reference"),
        DeadlineRule.SIX_WEEKS,
    ),
    KindSpec(
        RequestKind.KLACHT_AP,
        "Klacht bij de Autoriteit Persoonsgegevens",
        "Kom je er met de organisatie niet uit? Dien dan een klacht in bij de toezichthouder.",
        "artikel 77 van de Algemene verordening gegevensbescherming (AVG)",
        "Klacht over de verwerking van mijn persoonsgegevens (artikel 77 AVG)",
        ("organisation", "complaint", "earlier", "wish"),
        ("data",),
        DeadlineRule.NONE,
    ),
)

#: All kinds in the order the composer lists them.
KINDS: dict[RequestKind, KindSpec] = {spec.kind: spec for spec in _KIND_LIST}


def kind_spec(kind: RequestKind | str) -> KindSpec:
    """The spec of ``kind``; accepts the enum or its value."""
    return KINDS[RequestKind(kind)]
