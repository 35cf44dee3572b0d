"""`privacyapp pdf …`: check signed PDF records, and make one from a record file.

`pdf verify` exits 0 only when every signature is intact and the last one covers the whole
file; a valid signature followed by an appended change exits 1, as does an unsigned file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacyapp.dossier import RecordInput, VerificationError, make_signed_record, verify_pdf
from privacyapp.dossier._record import format_datetime
from privacyapp.dossier.errors import ReportError

if TYPE_CHECKING:
    from privacyapp.cli import CliContext
    from privacyapp.dossier import VerificationReport


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `pdf` command group to the top-level parser."""
    group = sub.add_parser("pdf", help="check signed PDF records", description=__doc__)
    commands = group.add_subparsers(dest="pdf_command", metavar="SUBCOMMAND")

    verify = commands.add_parser(
        "verify", help="check the signature; exit 0 only if it covers the whole file"
    )
    verify.add_argument("file", type=Path, help="the PDF to check")
    verify.add_argument("--format", choices=("text", "json"), default="text")
    verify.add_argument(
        "--registered",
        action="append",
        default=[],
        metavar="FINGERPRINT",
        help="a certificate fingerprint your organisation registered (repeatable)",
    )
    verify.set_defaults(handler=cmd_verify)

    make = commands.add_parser(
        "make", help="make a signed PDF from a record file (JSON, as RecordInput.to_dict)"
    )
    make.add_argument("record", type=Path, help="the record as JSON")
    make.add_argument("--out", type=Path, required=True, help="where to write the PDF")
    make.set_defaults(handler=cmd_make)


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    """`pdf verify FILE`: print the verdict; exit 0 only for a whole-file valid signature."""
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise VerificationError(f"Kan {args.file} niet lezen: {exc.strerror}.") from exc
    report = verify_pdf(data, registered=args.registered)
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), file=ctx.stdout)
    else:
        print(render_report(report, str(args.file)), file=ctx.stdout)
    return 0 if report.ok else 1


def render_report(report: VerificationReport, name: str) -> str:
    """The verdict in plain Dutch, as the CLI prints it."""
    verdict = "GELDIG" if report.ok else "NIET GELDIG"
    lines = [f"{name}: {verdict}"]
    for sig in report.signatures:
        when = format_datetime(sig.signing_time) if sig.signing_time else "onbekend"
        covered = "ja" if sig.covers_whole_file else "nee"
        trust = "vertrouwd" if sig.trusted else "uitgever onbekend: vergelijk de vingerafdruk"
        lines += [
            f"  Ondertekenaar:      {sig.signer} ({sig.organisation})",
            f"  E-mail:             {sig.email or '-'}",
            f"  Ondertekend op:     {when}",
            f"  Vingerafdruk:       {sig.fingerprint}",
            f"  Handtekening klopt: {'ja' if sig.intact and sig.valid else 'nee'}",
            f"  Hele bestand gedekt: {covered}",
            f"  Certificaat:        {trust}",
        ]
        if sig.registered is not None:
            lines.append(f"  Geregistreerd:      {'ja' if sig.registered else 'NEE'}")
    lines += [f"  Probleem: {problem}" for problem in report.problems]
    return "\n".join(lines)


def cmd_make(args: argparse.Namespace, ctx: CliContext) -> int:
    """`pdf make RECORD.json --out OUT.pdf`: lay out and sign with the stored identity."""
    from privacyapp.commands.identity import load_cli_identity

    try:
        raw = json.loads(args.record.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ReportError(f"Kan {args.record} niet lezen als JSON: {exc}.") from exc
    record = RecordInput.from_dict(raw)
    identity = load_cli_identity(ctx)
    write_pdf(args.out, make_signed_record(record, identity))
    print(f"Ondertekende pdf geschreven: {args.out}", file=ctx.stdout)
    return 0


def write_pdf(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``; an unwritable place is a clear error."""
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise ReportError(f"Kan {path} niet schrijven: {exc.strerror}.") from exc
