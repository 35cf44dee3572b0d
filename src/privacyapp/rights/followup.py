"""After sending: what to do next, the reminder letter, and the route to the AP.

The reminder is a formal notice ("ingebrekestelling" in spirit, B1 in words): it names the
term that passed and gives the organisation two more weeks before the user complains to the
Autoriteit Persoonsgegevens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from privacyapp.rights.deadline import REPLY_TO_REMINDER_DAYS, objection_due
from privacyapp.rights.errors import DeadlineError
from privacyapp.rights.kinds import DeadlineRule, RequestKind, kind_spec
from privacyapp.rights.letter import FOOTER, Letter, dutch_date
from privacyapp.rights.messages import Code
from privacyapp.rights.tracking import FollowUpKind, RightsRequest, Stage

__all__ = [
    "NextStep",
    "RequestSummary",
    "ap_complaint_details",
    "compose_reminder",
    "next_step",
    "objection_step",
    "summarize",
]

_TERM = {
    DeadlineRule.AVG: "de termijn uit artikel 12, lid 3, van de AVG",
    DeadlineRule.THREE_MONTHS: "de wettelijke termijn van drie maanden",
    DeadlineRule.SIX_WEEKS: "de termijn van zes weken",
}


@dataclass(frozen=True)
class NextStep:
    """What the app tells the user on the deadline screen."""

    stage: Stage
    title: str
    text: str
    offer_reminder: bool = False
    offer_ap_complaint: bool = False


def next_step(request: RightsRequest, today: date) -> NextStep:
    """The advice for ``request`` on ``today``."""
    stage = request.stage(today)
    term = request.deadline()
    due = dutch_date(term.due) if term else ""
    if stage is Stage.VERSTUURD:
        return NextStep(stage, "Verstuurd", f"De organisatie moet uiterlijk {due} reageren.")
    if stage is Stage.BIJNA_OM:
        return NextStep(
            stage,
            "Termijn bijna om",
            f"De organisatie moet uiterlijk {due} reageren. Heb je nog niets gehoord? "
            "Houd je mail en brievenbus in de gaten.",
        )
    if stage is Stage.VERLOPEN:
        return NextStep(
            stage,
            "Termijn verlopen",
            f"De termijn is op {due} verlopen. Stuur een herinnering: de app schrijft hem voor "
            "je. De organisatie krijgt dan nog twee weken.",
            offer_reminder=True,
        )
    if stage is Stage.HERINNERD:
        until = request.reminder_due()
        return NextStep(
            stage,
            "Herinnering verstuurd",
            f"Je hebt een herinnering gestuurd. De organisatie heeft tot {dutch_date(until)} "
            "om te reageren."
            if until
            else "Je hebt een herinnering gestuurd.",
        )
    if stage is Stage.AP_ROUTE:
        text = (
            "De organisatie reageerde ook niet op je herinnering. Je kunt nu een klacht "
            "indienen bij de Autoriteit Persoonsgegevens. De app schrijft de klacht voor je."
        )
        if request.recipient.municipality_code and _is_avg(request.kind):
            text += (
                " Een gemeente die niet op tijd beslist, kun je ook voor de bestuursrechter "
                "brengen. Je herinnering geldt dan als ingebrekestelling (Awb artikel 6:12). Het "
                "Juridisch Loket helpt je daarbij."
            )
        return NextStep(
            stage, "Klacht bij de Autoriteit Persoonsgegevens", text, offer_ap_complaint=True
        )
    if stage is Stage.KLACHT_AP:
        return NextStep(
            stage,
            "Klacht ingediend",
            "Je hebt een klacht ingediend bij de Autoriteit Persoonsgegevens. De AP laat je "
            "weten hoe het verder gaat.",
        )
    if stage is Stage.GEEN_TERMIJN:
        return NextStep(
            stage,
            "Geen vaste termijn",
            "Voor een klacht bij de Autoriteit Persoonsgegevens geldt geen vaste termijn.",
        )
    return NextStep(stage, "Afgerond", "Je hebt dit verzoek afgerond.")


def _is_avg(kind: RequestKind) -> bool:
    return kind_spec(kind).deadline is DeadlineRule.AVG


def objection_step(request: RightsRequest, decided: date, today: date) -> NextStep:
    """What to do when a municipality refused (part of) an AVG request on ``decided``.

    A municipality's written answer to an AVG request is a decision under the Awb (UAVG art.
    34): the user can object within six weeks (Awb art. 6:7, 6:8). Raises ``DeadlineError`` for
    a request that is not an AVG request to a municipality, or a decision dated after today.
    """
    if not request.recipient.municipality_code or not _is_avg(request.kind):
        raise DeadlineError(Code.NOT_OBJECTABLE)
    if decided > today:
        raise DeadlineError(Code.DECISION_AFTER_TODAY, date=decided)
    due = objection_due(decided)
    if today > due:
        return NextStep(
            request.stage(today),
            "Bezwaartermijn verlopen",
            f"De termijn voor bezwaar liep tot en met {dutch_date(due)}. Was je te laat door "
            "een goede reden? Maak dan toch meteen bezwaar en leg uit waarom. Het Juridisch "
            "Loket kan je helpen.",
        )
    return NextStep(
        request.stage(today),
        "Maak bezwaar bij de gemeente",
        f"De gemeente weigerde je verzoek. Dat is een besluit. Je kunt tot en met "
        f"{dutch_date(due)} bezwaar maken bij de gemeente. Schrijf welk besluit het is en "
        "waarom je het er niet mee eens bent. Een klacht bij de Autoriteit Persoonsgegevens "
        "stopt deze termijn niet.",
    )


def compose_reminder(request: RightsRequest, today: date) -> Letter:
    """The reminder letter for a request whose term has passed.

    Raises:
        DeadlineError: the term has not passed yet, or this kind has no term.
    """
    term = request.deadline()
    if term is None:
        raise DeadlineError(Code.NO_TERM)
    if today <= term.due:
        raise DeadlineError(Code.TERM_RUNNING, date=term.due)
    rule = kind_spec(request.kind).deadline
    new_due = today + timedelta(days=REPLY_TO_REMINDER_DAYS)
    first = f"Op {dutch_date(request.sent)} heb ik u een brief gestuurd: {request.subject}."
    if request.for_person:
        first += f" Ik schreef namens {request.for_person}."
    due_sentence = f"U moest uiterlijk op {dutch_date(term.due)} reageren."
    if term.extended:
        due_sentence = (
            f"U heeft de termijn verlengd. U moest daarom uiterlijk op {dutch_date(term.due)} "
            "reageren."
        )
    paragraphs = [
        "Geachte heer of mevrouw,",
        first,
        f"{due_sentence} Ik heb nog geen volledig antwoord van u gekregen. Daarmee houdt u zich "
        f"niet aan {_TERM[rule]}.",
        "Ik vraag u daarom om binnen twee weken, uiterlijk op "
        f"{dutch_date(new_due)}, alsnog op mijn verzoek te reageren.",
        "Krijg ik dan geen antwoord? Dan dien ik een klacht in bij de Autoriteit Persoonsgegevens.",
        f"Met vriendelijke groet,\n\n{request.sender}",
        FOOTER,
    ]
    return Letter(
        kind=request.kind,
        recipient=request.recipient,
        subject=f"Herinnering: {request.subject}",
        body="\n\n".join(paragraphs),
        written_on=today,
        sender=request.sender,
    )


def ap_complaint_details(request: RightsRequest) -> dict[str, str]:
    """Details to prefill a complaint to the AP about ``request`` (the user can change them)."""
    earlier = (
        f"Op {dutch_date(request.sent)} heb ik de organisatie een brief gestuurd: "
        f"{request.subject}."
    )
    reminders = [f.sent for f in request.follow_ups if f.kind is FollowUpKind.HERINNERING]
    if reminders:
        earlier += f" Op {dutch_date(max(reminders))} heb ik een herinnering gestuurd."
    earlier += " Ik heb geen (volledig) antwoord gekregen."
    wish = "Dat de organisatie alsnog op mijn verzoek reageert, zoals de AVG voorschrijft."
    if request.kind is RequestKind.VERNIETIGING:
        wish = "Dat de organisatie mijn dossier vernietigt, zoals de wet voorschrijft."
    return {
        "organisation": request.recipient.name,
        "complaint": "De organisatie heeft niet op tijd gereageerd op mijn verzoek.",
        "earlier": earlier,
        "wish": wish,
    }


@dataclass(frozen=True)
class RequestSummary:
    """One line in "Mijn overzicht" for a saved request."""

    title: str
    recipient: str
    stage: Stage
    stage_title: str
    due: date | None
    """The end of the term (or of the reminder's extra time); None when there is none."""
    needs_action: bool
    """True when the user should act now (term passed, AP route open)."""

    def line(self) -> str:
        """``"Inzage · Zorg BV · Termijn verlopen (1 oktober 2026)"``."""
        due = f" ({dutch_date(self.due)})" if self.due else ""
        return f"{self.title} · {self.recipient} · {self.stage_title}{due}"


def summarize(request: RightsRequest, today: date) -> RequestSummary:
    """What the overview shows for ``request`` on ``today``."""
    step = next_step(request, today)
    term = request.deadline()
    due = request.reminder_due() or (term.due if term else None)
    if step.stage in (Stage.AFGEROND, Stage.KLACHT_AP, Stage.GEEN_TERMIJN):
        due = None
    return RequestSummary(
        title=kind_spec(request.kind).title,
        recipient=request.recipient.name,
        stage=step.stage,
        stage_title=step.title,
        due=due,
        needs_action=step.offer_reminder or step.offer_ap_complaint,
    )
