"""Benchmark signed PDF records: layout (reportlab), signing (pyHanko PAdES B-B) and checking.

Prints one table for a 2-page and a 20-page record: median build, sign, build+sign and verify
times over a few runs, with the 20/2 ratio measured in the same run (linear growth would be
~10; the signature itself costs the same for any size). Imports are warmed up first so the
one-off pyHanko import (~330 ms) is reported separately.

    PYTHONPATH=src .venv/bin/python benchmarks/pdf_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from privacyapp.dossier import (
    Professional,
    RecordAnswer,
    RecordChecklistItem,
    RecordInput,
    RecordSource,
    build_report,
    create_identity,
    sign_pdf,
    verify_pdf,
)

NOW = datetime(2026, 11, 22, 13, 5, tzinfo=UTC)


def record(answers: int) -> RecordInput:
    """A record with ``answers`` question rows (about 17 rows fill a page)."""
    return RecordInput(
        title="Delen met de huisarts zonder toestemming",
        created_at=NOW,
        professional=Professional("Anne de Vries", "Jeugdconsulent", "Wijkteam Zuid"),
        flow_id="algemeen-delen-zonder-toestemming",
        flow_title="Mag ik informatie over mijn cliënt delen met een andere hulpverlener?",
        flow_version="1.0.0",
        content_hash="sha256:" + "ab" * 32,
        answers=tuple(
            RecordAnswer(
                f"Vraag {i + 1}: heeft je cliënt toestemming gegeven om deze informatie te delen?",
                "Nee, en ik kan die niet op tijd vragen",
            )
            for i in range(answers)
        ),
        checklist=tuple(
            RecordChecklistItem("Conflict van plichten", f"Punt {i + 1} van de afweging", a, "")
            for i, a in enumerate(("yes", "no", "unknown", "yes"))
        ),
        outcome_title="Weeg af of er een conflict van plichten is",
        advice_steps=("Overleg met een collega.", "Leg je afweging vast."),
        explanation="Bij ernstig gevaar mag je soms delen zonder toestemming.",
        sources=(RecordSource("Jeugdwet, artikel 7.3.11", "https://wetten.overheid.nl/"),),
        considerations="Besproken in het MDO.",
    )


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _answers_for(pages: int) -> int:
    """Find the number of answers that gives exactly ``pages`` pages."""
    identity_fp = "00:" * 31 + "00"
    low, high = 0, 60 * pages
    while low < high:
        mid = (low + high) // 2
        if build_report(record(mid), fingerprint=identity_fp).page_count < pages:
            low = mid + 1
        else:
            high = mid
    return low


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    identity = create_identity(
        name="Anne de Vries", organisation="Wijkteam Zuid", email="anne@example.nl", now=NOW
    )
    start = time.perf_counter()
    warm = build_report(record(1), fingerprint=identity.fingerprint)
    first_build = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    verify_pdf(sign_pdf(warm, identity, when=NOW))
    first_sign = (time.perf_counter() - start) * 1000

    rows = []
    for pages in (2, 20):
        rec = record(_answers_for(pages))
        report = build_report(rec, fingerprint=identity.fingerprint)
        signed = sign_pdf(report, identity, when=NOW)
        assert verify_pdf(signed).ok
        build = _median(
            lambda rec=rec: build_report(rec, fingerprint=identity.fingerprint), args.runs
        )
        sign = _median(lambda report=report: sign_pdf(report, identity, when=NOW), args.runs)
        verify = _median(lambda signed=signed: verify_pdf(signed), args.runs)
        rows.append((pages, report.page_count, len(signed), build, sign, verify))

    print(f"first use (imports + font load): build {first_build:.0f} ms, "
          f"sign+verify {first_sign:.0f} ms")  # fmt: skip
    print(f"{'record':<10}{'pages':>6}{'size KB':>9}{'build ms':>10}{'sign ms':>9}"
          f"{'build+sign':>12}{'verify ms':>11}")  # fmt: skip
    for pages, count, size, build, sign, verify in rows:
        print(f"{pages:>2}-page   {count:>6}{size / 1024:>9.0f}{build:>10.1f}{sign:>9.1f}"
              f"{build + sign:>12.1f}{verify:>11.1f}")  # fmt: skip
    (_, _, _, b2, s2, v2), (_, _, _, b20, s20, v20) = rows
    print(f"ratio 20/2 {'':>15}{b20 / b2:>10.2f}{s20 / s2:>9.2f}{(b20 + s20) / (b2 + s2):>12.2f}"
          f"{v20 / v2:>11.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
