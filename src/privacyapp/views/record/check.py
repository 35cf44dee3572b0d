"""Check a PDF (route ``/vastleggen/controleren``): the verdict, every signer, and why not.

Also the texts the record screens share about a report: ``problem_lines`` and ``signed_at``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import flet as ft

from privacyapp.views.kit import i18n
from privacyapp.views.kit import widgets as w
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.record.state import record_state

if TYPE_CHECKING:
    from privacyapp.dossier import VerificationReport

#: The check result's scroll key (``ViewContext.focus``).
VERDICT_KEY = "record-verdict"

__all__ = ["VERDICT_KEY", "check_bytes", "check_view", "problem_lines", "signed_at", "verdict"]


def problem_lines(ctx: ViewContext, report: VerificationReport) -> list[str]:
    """Why a PDF is not valid, in the UI language: in Dutch the report's own lines (they name the
    signature and what changed), otherwise one text per problem code."""
    if report.ok:
        return []
    if i18n.language_of(ctx.t) == "nl" and report.problems:
        return list(report.problems)
    return [ctx.t(f"record.problem.{code}") for code in report.codes] or [
        ctx.t("record.invalid_text")
    ]


def signed_at(ctx: ViewContext, when: datetime) -> str:
    """'22 november 2026 om 11:00 (Nederlandse tijd)': the PDF's own wording in Dutch."""
    from privacyapp.dossier._record import _amsterdam, format_datetime

    local = when.astimezone(_amsterdam())
    return i18n.from_dutch(
        ctx.t,
        "record.when",
        format_datetime(when),
        day=local.day,
        month=i18n.month_name(ctx.t, local.month),
        year=local.year,
        time=f"{local:%H:%M}",
        zone=ctx.t("record.zone") if local.tzinfo is not UTC else "UTC",
    )


def verdict(ctx: ViewContext, report: VerificationReport) -> list[ft.Control]:
    """The check result: unmistakable in words, icon and colour, then every signer in the file."""
    ok = report.ok
    lines: list[ft.Control] = [
        w.verdict(
            ctx.t("record.valid_title") if ok else ctx.t("record.invalid_title"),
            ctx.t("record.valid") if ok else ctx.t("record.invalid_text"),
            ok=ok,
            ident="record-verdict-ok" if ok else "record-verdict-bad",
        )
    ]
    lines += [w.body(problem) for problem in problem_lines(ctx, report)]
    signers = report.signers
    for number, sig in enumerate(signers, start=1):
        when = signed_at(ctx, sig.signing_time) if sig.signing_time else "?"
        whole = ctx.t("record.yes") if sig.covers_whole_file else ctx.t("record.no")
        part: list[ft.Control] = []
        if len(signers) > 1:
            part.append(w.heading(ctx.t("record.signature_n", n=number, total=len(signers)), 2))
        part += [
            w.body(ctx.t("record.signed_by", signer=sig.signer, organisation=sig.organisation,
                         when=when)),
            w.body(ctx.t("record.whole_file", answer=whole)),
            w.body(ctx.t("record.cert_fingerprint", fingerprint=sig.fingerprint), selectable=True),
        ]  # fmt: skip
        if not sig.trusted:
            part.append(w.muted(ctx.t("record.self_signed")))
        lines.append(
            ft.Semantics(identifier=f"record-signer-{number}", content=ft.Column(part, spacing=6))
        )
    return lines


def check_view(ctx: ViewContext) -> ft.Control:
    """``/vastleggen/controleren``: pick a PDF and see whether its signature holds."""
    screen = record_state(ctx)
    signer = ctx.services.signer
    title = w.heading(ctx.t("record.check_title"), 1, ident="record-check-title")
    if signer is None:
        return w.page_body([title, w.notice(ctx.t("record.unavailable"), ident="record-none")])

    async def pick(_: object) -> None:
        if ctx.page is None:
            return
        files = await ft.FilePicker().pick_files(
            allowed_extensions=["pdf"], file_type=ft.FilePickerFileType.CUSTOM, with_data=True
        )
        if files and files[0].bytes is not None:
            await check_bytes(ctx, files[0].name, files[0].bytes)

    controls: list[ft.Control] = [
        title,
        w.body(ctx.t("record.check_intro")),
        w.primary(ctx.t("record.pick"), "record-pick", pick, icon=ft.Icons.FILE_OPEN),
    ]
    if screen.checked is not None:
        name, report = screen.checked
        found = verdict(ctx, report)
        # the verdict carries the scroll key the shell brings into view, right after a check
        found[0] = ft.Container(content=found[0], key=ft.ScrollKey(VERDICT_KEY))  # type: ignore[call-arg]
        controls += [w.muted(ctx.t("record.checked_file", name=name)), *found]
        if screen.reveal:
            screen.reveal = False
            ctx.focus = VERDICT_KEY
    return w.page_body(controls)


async def check_bytes(ctx: ViewContext, name: str, data: bytes) -> VerificationReport:
    """Check ``data`` and show the result on the check screen (also used by tests)."""
    signer = ctx.services.signer
    if signer is None:  # the check screen says so before a file can be picked
        raise RuntimeError("PDF checking is not available in this build")
    report: VerificationReport = await signer.verify(data)
    screen = record_state(ctx)
    screen.checked, screen.reveal = (name, report), True
    ctx.nav.refresh()
    return report
