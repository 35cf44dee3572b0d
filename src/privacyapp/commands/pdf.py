"""`privacyapp pdf …`: check signed PDF records, and make one from a record file.

`pdf verify` exits 0 only when the file has exactly one signature, intact and valid, that covers
the whole file, and (with `--registered`) whose certificate fingerprint is a registered one. A
valid signature followed by an appended change exits 1, as does a second signature (the app never
makes two), an unsigned file, or a fingerprint that is not registered. Every signer is listed.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacyapp.commands._output import write_private_file
from privacyapp.dossier import (
    Professional,
    RecordInput,
    VaultIdentityStore,
    VerificationError,
    load_identity,
    make_signed_record,
    verify_pdf,
)
from privacyapp.dossier._record import format_datetime
from privacyapp.dossier._record_builder import from_path
from privacyapp.dossier.errors import ReportError

if TYPE_CHECKING:
    from privacyapp.cli import CliContext
    from privacyapp.dossier import VerificationReport
    from privacyapp.engine import Library, PathTaken


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
        help="a certificate fingerprint your organisation registered (repeatable); "
        "a signer that is not one of them makes the file NIET GELDIG (exit 1)",
    )
    verify.add_argument(
        "--trust",
        action="append",
        default=[],
        type=Path,
        metavar="CA.pem",
        help="a CA certificate (PEM or DER) of your organisation to trust (repeatable)",
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
    report = verify_pdf(data, registered=args.registered, trust_roots=_read_roots(args.trust))
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), file=ctx.stdout)
    else:
        print(render_report(report, str(args.file)), file=ctx.stdout)
    return 0 if report.ok else 1


def _read_roots(paths: list[Path]) -> list[bytes]:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    roots = []
    for path in paths:
        try:
            raw = path.read_bytes()
            cert = (
                x509.load_pem_x509_certificate(raw)
                if b"-----BEGIN" in raw
                else x509.load_der_x509_certificate(raw)
            )
        except (OSError, ValueError) as exc:
            raise VerificationError(
                f"Kan {path} niet lezen als certificaat (PEM of DER): {exc}."
            ) from exc
        roots.append(cert.public_bytes(Encoding.DER))
    return roots


def render_report(report: VerificationReport, name: str) -> str:
    """The verdict in plain Dutch, as the CLI prints it."""
    verdict = "GELDIG" if report.ok else "NIET GELDIG"
    lines = [f"{name}: {verdict}"]
    count = len(report.signers)
    for number, sig in enumerate(report.signers, start=1):
        when = format_datetime(sig.signing_time) if sig.signing_time else "onbekend"
        covered = "ja" if sig.covers_whole_file else "nee"
        trust = "vertrouwd" if sig.trusted else "uitgever onbekend: vergelijk de vingerafdruk"
        if count > 1:
            lines.append(f"  Handtekening {number} van {count}:")
        lines += [
            f"  Ondertekenaar:       {sig.signer} ({sig.organisation})",
            f"  E-mail:              {sig.email or '-'}",
            f"  Ondertekend op:      {when}",
            f"  Vingerafdruk:        {sig.fingerprint}",
            f"  Handtekening klopt:  {'ja' if sig.intact and sig.valid else 'nee'}",
            f"  Hele bestand gedekt: {covered}",
            f"  Certificaat:         {trust}",
        ]
        if sig.registered is not None:
            lines.append(f"  Geregistreerd:       {'ja' if sig.registered else 'NEE'}")
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
    """Write ``data`` to ``path`` (owner-only, atomic, never through a symlink); an unwritable
    place is a clear error."""
    write_private_file(path, data, ReportError)


def add_record_options(walk: argparse.ArgumentParser) -> None:
    """The options of `flows walk` that turn a finished walk into a signed PDF record."""
    walk.add_argument(
        "--pdf",
        type=Path,
        default=None,
        metavar="OUT.pdf",
        help="save the path in the encrypted store and write it as a signed PDF record "
        "(PIN from env PRIVACYAPP_PIN; needs `privacyapp identity create` first)",
    )
    walk.add_argument("--considerations", default="", help="your own considerations (free text)")
    walk.add_argument("--role", default=None, help="your role on this record (default: identity)")


def record_walk(
    args: argparse.Namespace, ctx: CliContext, library: Library, path: PathTaken
) -> int:
    """Save a finished walk in the store and write it as a signed PDF (`flows walk --pdf`)."""
    from dataclasses import replace

    from privacyapp.commands.identity import open_vault

    vault = open_vault(ctx)
    identity = load_identity(VaultIdentityStore(vault))
    if args.role is not None:
        identity = identity.with_role(args.role)
    record = from_path(
        path,
        library,
        professional=Professional(identity.name, identity.role, identity.organisation),
        created_at=ctx.clock(),
        considerations=args.considerations,
        client_reference=args.reference or "",
    )  # validates the reference before anything is saved
    # The same payload as `flows walk --save` (a PathTaken dict), plus the considerations.
    payload = {**path.to_dict(), "considerations": args.considerations}
    vault.create(
        "path", record.title, payload, reference=args.reference or None, flow_id=path.flow_id
    )
    record = replace(record, journal_head=vault.journal_head())
    write_pdf(args.pdf, make_signed_record(record, identity))
    # With --format json stdout carries the walk as JSON only; the note goes to stderr.
    out = ctx.stderr if getattr(args, "format", "text") == "json" else ctx.stdout
    print(f"Route bewaard en ondertekende pdf geschreven: {args.pdf}", file=out)
    print(f"Vingerafdruk ondertekenaar: {identity.fingerprint}", file=out)
    return 0
