"""Sample records and identities for the PDF record tests (real-looking Dutch content)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime
from functools import cache

from privacyapp.dossier import (
    Professional,
    RecordAnswer,
    RecordChecklistItem,
    RecordInput,
    RecordSource,
    SigningIdentity,
    create_identity,
)

WHEN = datetime(2026, 11, 22, 13, 5, tzinfo=UTC)

QUESTIONS = (
    ("Over wie gaat je vraag?", "Over een kind (jonger dan 16)"),
    ("Met wie wil je informatie delen?", "Met de huisarts van het kind"),
    ("Hebben de ouders met gezag toestemming gegeven?", "Nee, en ik kan die niet vragen"),
    ("Is er een vermoeden van kindermishandeling?", "Ja, er zijn signalen van geweld thuis"),
)

CHECKLIST = (
    ("Is er sprake van ernstig gevaar voor het kind?", "yes", "Blauwe plekken gezien op 3-11."),
    ("Heb je geprobeerd toestemming te krijgen?", "no", "Moeder niet bereikbaar; zie notitie."),
    ("Is delen het enige middel om het gevaar af te wenden?", "unknown", ""),
)


def sample_record(*, answers: int | None = None, reference: str = "WT-2026-0042") -> RecordInput:
    """A realistic record; ``answers`` repeats the walk to make a long one."""
    pairs = list(QUESTIONS)
    if answers is not None:
        n = len(QUESTIONS)
        pairs = [(f"{QUESTIONS[i % n][0]} (ronde {i // n + 1})", QUESTIONS[i % n][1])
                 for i in range(answers)]  # fmt: skip
    return RecordInput(
        title="Delen met de huisarts zonder toestemming",
        created_at=WHEN,
        professional=Professional(
            name="Anne de Vries", role="Jeugdconsulent", organisation="Wijkteam Zuid, Utrecht"
        ),
        flow_id="jeugd-delen-huisarts",
        flow_title="Mag ik informatie delen met de huisarts?",
        flow_version="1.2.0",
        content_hash="sha256:" + "3f" * 32,
        answers=tuple(RecordAnswer(q, a) for q, a in pairs),
        checklist=tuple(
            RecordChecklistItem("Conflict van plichten", text, answer, note)
            for text, answer, note in CHECKLIST
        ),
        outcome_title="Je mag delen zonder toestemming, maar alleen wat nodig is",
        advice_steps=(
            "Deel alleen de gegevens die de huisarts nodig heeft.",
            "Leg vast wat je deelt, met wie en waarom.",
            "Vertel de ouders achteraf dat je hebt gedeeld, tenzij dat het kind in gevaar brengt.",
        ),
        explanation="Bij een conflict van plichten mag je je geheimhoudingsplicht doorbreken "
        "als er ernstig gevaar dreigt en er geen andere weg is.",
        sources=(
            RecordSource(
                "Jeugdwet, artikel 7.3.11",
                "https://wetten.overheid.nl/BWBR0034925/2025-01-01#Artikel7.3.11",
            ),
            RecordSource(
                "AVG, artikel 6 lid 1 onder d", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
            ),
        ),
        considerations="Ik heb eerst overlegd met de aandachtsfunctionaris.\n"
        "Moeder was twee dagen niet bereikbaar; het gevaar was acuut.",
        client_reference=reference,
        journal_head="9c1d" * 16,
    )


@cache
def sample_identity() -> SigningIdentity:
    """One identity for the whole test run (key generation is cheap, but keep it stable)."""
    return create_identity(
        name="Anne de Vries",
        organisation="Wijkteam Zuid, Utrecht",
        email="anne.devries@wijkteam.example",
        role="Jeugdconsulent",
        now=WHEN,
    )


def pdfsig_text(path: str) -> str | None:
    """pdfsig's report (it exits 0 for every file, so only its text counts); None if missing."""
    exe = shutil.which("pdfsig")
    if exe is None:
        return None
    run = subprocess.run([exe, path], capture_output=True, text=True, timeout=60, check=False)
    return run.stdout + run.stderr
