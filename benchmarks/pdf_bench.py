"""Benchmark signed PDF records against a naive reportlab + pyHanko baseline on the same record.

For a realistic record (2, 3 and 4 pages: the answers of a walk, a checklist, the advice with
its sources) and a long one (20 pages), measured interleaved in one process:

- **app**: ``build_report`` (the record's layout, fonts embedded, verification section) and
  ``sign_pdf`` (PAdES B-B with the visible signature block);
- **naive**: the same answers as a plain reportlab ``SimpleDocTemplate`` (one table of
  paragraphs, the standard Helvetica font, nothing else) signed by pyHanko with the same key
  and no visible block: what "just use the libraries" costs.

Prints medians with [min-max] of build + sign, the ratio app/naive (the verdict) and the
1-minute load average. Whether reportlab's C helpers (``rl_accel``) are in use is printed;
``--pure`` hides them, so a whole-process A/B of the two shows what the accelerator gives.
The goal: a 2-4-page record built and signed in under 100 ms on this machine.

    PYTHONPATH=src .venv/bin/python benchmarks/pdf_bench.py [--runs 5] [--pure]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from typing import Any

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


def naive(rec: RecordInput, identity: Any) -> bytes:
    """The baseline: the record's text as a plain reportlab table, signed by pyHanko."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    from privacyapp.dossier._signing import _signer

    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    story: list[Any] = [Paragraph(rec.title, styles["Title"])]
    rows = [[Paragraph(a.question, body), Paragraph(a.answer, body)] for a in rec.answers]
    rows += [[Paragraph(c.text, body), Paragraph(c.answer, body)] for c in rec.checklist]
    story.append(Table(rows, colWidths=[300, 170], repeatRows=0))
    story += [Paragraph(rec.outcome_title, styles["Heading2"])]
    story += [Paragraph(step, body) for step in rec.advice_steps]
    story += [Paragraph(rec.explanation, body)]
    story += [Paragraph(source.citation, body) for source in rec.sources]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build(story)
    writer = IncrementalPdfFileWriter(io.BytesIO(buffer.getvalue()))
    meta = signers.PdfSignatureMetadata(
        field_name="Handtekening", subfilter=fields.SigSeedSubFilter.PADES
    )
    return bytes(signers.sign_pdf(writer, meta, signer=_signer(identity)).getvalue())


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):7.1f} [{min(values):.1f}-{max(values):.1f}]"


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
    parser.add_argument("--pure", action="store_true", help="without reportlab's C helpers")
    parser.add_argument("--pages", default="2,3,4,20")
    args = parser.parse_args()
    if args.pure:
        sys.modules["_rl_accel"] = None  # type: ignore[assignment]  # reportlab falls back
    from reportlab.lib import rl_accel

    accel = "C (rl_accel)" if rl_accel._c_funcs else "pure Python"
    load_before = os.getloadavg()[0]
    identity = create_identity(
        name="Anne de Vries", organisation="Wijkteam Zuid", email="anne@example.nl", now=NOW
    )
    start = time.perf_counter()
    warm = build_report(record(1), fingerprint=identity.fingerprint)
    verify_pdf(sign_pdf(warm, identity, when=NOW))
    naive(record(1), identity)
    first = (time.perf_counter() - start) * 1000

    print(f"pdf_bench: reportlab text helpers {accel}; {args.runs} interleaved runs; "
          f"first use (imports, fonts) {first:.0f} ms")  # fmt: skip
    print(f"{'record':<8}{'answers':>8}{'app build+sign ms':>28}{'of which sign':>15}"
          f"{'naive build+sign ms':>28}{'app/naive':>10}  goal")  # fmt: skip
    for pages in (int(p) for p in args.pages.split(",")):
        rec = record(_answers_for(pages))
        report = build_report(rec, fingerprint=identity.fingerprint)
        assert verify_pdf(sign_pdf(report, identity, when=NOW)).ok
        app, sign, base = [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            built = build_report(rec, fingerprint=identity.fingerprint)
            middle = time.perf_counter()
            sign_pdf(built, identity, when=NOW)
            app.append((time.perf_counter() - start) * 1000)
            sign.append((time.perf_counter() - middle) * 1000)
            start = time.perf_counter()
            naive(rec, identity)
            base.append((time.perf_counter() - start) * 1000)
        ratio = statistics.median(app) / statistics.median(base)
        goal = "< 100 ms" if pages <= 4 else ""
        signing = statistics.median(sign)
        print(f"{pages:>2}-page {len(rec.answers):>8}{_fmt(app):>28}{signing:>15.1f}"
              f"{_fmt(base):>28}{ratio:>9.2f}x  {goal}")  # fmt: skip
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
