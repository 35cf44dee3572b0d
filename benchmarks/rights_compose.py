"""How long writing a request takes: letter, mail link, calendar event and letter PDF.

Each row is the median of a few runs, in milliseconds, with its ratio to a baseline measured in
the same run (building the same letter text with one f-string: the cost of no checks at all;
and a one-line reportlab PDF for the PDF row). Run:

    PYTHONPATH=src .venv/bin/python benchmarks/rights_compose.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime

from privacyapp.rights import (
    Applicant,
    RequestInput,
    RequestKind,
    compose,
    deadline_event,
    letter_pdf,
    mail_link,
    typed_recipient,
)

TODAY = date(2026, 11, 22)


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up (font registration, imports)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    recipient = typed_recipient("Gemeente Testdorp", email="privacy@testdorp.nl")
    applicant = Applicant("Sam de Vries", email="sam@example.nl", address="Dorpsstraat 1")
    request = RequestInput(
        RequestKind.RECTIFICATIE,
        applicant,
        recipient,
        {
            "wrong": "In het verslag staat dat ik alleen woon. " * 20,
            "correction": "Wij zijn met 2.",
        },
    )
    letter = compose(request, TODAY)
    text = letter.as_text()

    def baseline_text() -> str:
        return f"{recipient.name}\n{TODAY}\n{letter.subject}\n\n{letter.body}"

    def baseline_pdf() -> bytes:
        import io

        from reportlab.pdfgen.canvas import Canvas

        buffer = io.BytesIO()
        canvas = Canvas(buffer, invariant=1)
        canvas.drawString(72, 720, "x")
        canvas.save()
        return buffer.getvalue()

    now = datetime(2026, 11, 22, 10, tzinfo=UTC)
    base_text = _median_ms(baseline_text, 200)
    base_pdf = _median_ms(baseline_pdf, 10)
    rows = [
        ("compose letter", _median_ms(lambda: compose(request, TODAY), 200), base_text),
        ("mailto link", _median_ms(lambda: mail_link(letter), 200), base_text),
        (
            "ICS event",
            _median_ms(
                lambda: deadline_event(
                    uid="x", due=TODAY, summary=letter.subject, description=text, now=now
                ),
                200,
            ),
            base_text,
        ),
        ("letter PDF", _median_ms(lambda: letter_pdf(letter), 10), base_pdf),
    ]
    print(f"letter: {len(text)} characters")
    print(f"{'step':<16}{'median ms':>12}{'baseline ms':>14}{'ratio':>10}")
    for name, ms, base in rows:
        print(f"{name:<16}{ms:>12.3f}{base:>14.4f}{ms / base:>10.1f}")


if __name__ == "__main__":
    main()
