"""`privacyapp rights …`: write AVG requests and compute their terms, for automation and tests.

    privacyapp rights kinds
    privacyapp rights compose --type inzage --to privacy@gemeente.nl --name "Sam de Vries" \
        [--organisation ORG] [--postal ADDRESS] [--email ME] [--phone P] [--address A] \
        [--for-child NAME --role ouder|voogd|curator|mentor] [--detail KEY=VALUE ...] \
        [--format text|mailto|json|ics] [--pdf OUT]
    privacyapp rights deadline --sent 2028-01-31 [--extended 2028-02-10] [--type inzage] \
        [--format text|json|ics]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

from privacyapp.cli import CliContext
from privacyapp.commands._output import write_private_file
from privacyapp.rights import (
    AGE_RULES,
    IDENTITY_ADVICE,
    KINDS,
    NO_SERVER,
    Applicant,
    Channel,
    InvalidInputError,
    Letter,
    LetterPdfError,
    RecipientError,
    Representation,
    RequestInput,
    RequestKind,
    RightsRequest,
    Role,
    compose,
    compute_deadline,
    deadline_event,
    dutch_date,
    kind_spec,
    letter_pdf,
    mail_link,
    recipient_from_municipality,
    role_spec,
    typed_recipient,
    validate_email,
)
from privacyapp.rights.recipient import AP_RECIPIENT, Recipient

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `rights` command group to the top-level parser."""
    group = sub.add_parser("rights", help="write AVG requests and follow their terms")
    rights = group.add_subparsers(dest="rights_command", metavar="SUBCOMMAND")

    kinds = rights.add_parser("kinds", help="list the kinds of request and what each asks")
    kinds.set_defaults(handler=_kinds)

    comp = rights.add_parser("compose", help="write a request letter")
    comp.add_argument("--type", dest="kind", required=True, choices=[k.value for k in KINDS])
    comp.add_argument("--to", default="", help="e-mail address of the organisation")
    comp.add_argument("--organisation", default="", help="name of the organisation")
    comp.add_argument("--postal", default="", help="postal address of the organisation")
    comp.add_argument(
        "--gemeente",
        default="",
        metavar="QUERY",
        help="send to this municipality from the directory (name; offline, no network)",
    )
    comp.add_argument("--name", required=True, help="your name (signs the letter)")
    comp.add_argument("--email", default="", help="your e-mail address")
    comp.add_argument("--phone", default="", help="your phone number")
    comp.add_argument("--address", default="", help="your postal address")
    comp.add_argument("--for-child", default="", help="name of the child or ward you act for")
    comp.add_argument(
        "--role",
        choices=[r.value for r in Role],
        default=None,
        help="your role when writing for someone else (default with --for-child: ouder)",
    )
    comp.add_argument(
        "--detail",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a field of this kind of request (see `privacyapp rights kinds`)",
    )
    comp.add_argument("--format", choices=["text", "mailto", "json", "ics"], default="text")
    comp.add_argument("--pdf", type=Path, default=None, help="also save the letter as a PDF")
    comp.set_defaults(handler=_compose)

    dl = rights.add_parser("deadline", help="compute the answer term of a request")
    dl.add_argument("--sent", required=True, type=_date, help="YYYY-MM-DD")
    dl.add_argument("--extended", type=_date, default=None, help="YYYY-MM-DD: extension announced")
    dl.add_argument("--type", dest="kind", choices=[k.value for k in KINDS], default="inzage")
    dl.add_argument("--format", choices=["text", "json", "ics"], default="text")
    dl.set_defaults(handler=_deadline)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum; gebruik JJJJ-MM-DD") from None


def _kinds(args: argparse.Namespace, ctx: CliContext) -> int:
    for spec in KINDS.values():
        print(f"{spec.kind.value}: {spec.summary}", file=ctx.stdout)
        for key in spec.required:
            print(f"    {key} (verplicht): {spec.fields and _label(key)}", file=ctx.stdout)
        for key in spec.optional:
            print(f"    {key}: {_label(key)}", file=ctx.stdout)
    return 0


def _label(key: str) -> str:
    from privacyapp.rights import FIELDS

    return f"{FIELDS[key].label}. {FIELDS[key].hint}"


def _details(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise InvalidInputError(f"--detail '{pair}' moet de vorm sleutel=waarde hebben.")
        out[key.strip()] = value
    return out


def _municipality(query: str, ctx: CliContext) -> Recipient:
    # Imported here: only this option needs the directory (read offline: cache or snapshot).
    from privacyapp.opendata import MunicipalityDirectory, search_key

    directory = MunicipalityDirectory(ctx.data_dir, None, clock=ctx.clock)
    found = directory.find(query, limit=6)
    exact = [m for m in found if search_key(m.name) == search_key(query)]
    if len(exact) == 1 or len(found) == 1:
        return recipient_from_municipality((exact or found)[0])
    if not found:
        raise RecipientError(
            f"Geen gemeente gevonden voor '{query}'. Controleer de naam, of gebruik --to."
        )
    names = ", ".join(m.name for m in found[:5])
    raise RecipientError(f"Meer gemeenten passen bij '{query}': {names}. Kies er één.")


def _recipient(args: argparse.Namespace, ctx: CliContext) -> Recipient:
    if args.kind == RequestKind.KLACHT_AP.value:
        return AP_RECIPIENT
    if args.gemeente.strip():
        return _municipality(args.gemeente, ctx)
    name = args.organisation
    if not name and args.to.strip():
        name = validate_email(args.to).partition("@")[2]
    return typed_recipient(name, email=args.to, postal=args.postal)


def _uid(letter: Letter) -> str:
    seed = f"{letter.kind}|{letter.recipient.name}|{letter.subject}|{letter.written_on}"
    return hashlib.sha256(seed.encode("utf-8")).hexdigest()[:20]


def _compose(args: argparse.Namespace, ctx: CliContext) -> int:
    today = ctx.clock().astimezone().date()  # the local date, as the user sees it
    rep = None
    if args.for_child or args.role:
        rep = Representation(Role(args.role or Role.OUDER.value), args.for_child)
    request = RequestInput(
        kind=RequestKind(args.kind),
        applicant=Applicant(args.name, args.email, args.phone, args.address),
        recipient=_recipient(args, ctx),
        details=_details(args.detail),
        representation=rep,
    )
    letter = compose(request, today)
    if args.pdf is not None:
        write_private_file(args.pdf, letter_pdf(letter), LetterPdfError)
        print(f"PDF bewaard: {args.pdf}", file=ctx.stderr)
    if args.format == "text":
        ctx.stdout.write(letter.as_text())
        _notes(letter, ctx)
    elif args.format == "mailto":
        if letter.recipient.channel is not Channel.EMAIL:
            raise RecipientError(
                f"{letter.recipient.explanation} Een mail-link kan daarom niet; "
                "gebruik --format text of --pdf."
            )
        link = mail_link(letter)
        print(link.url, file=ctx.stdout)
        if link.note:
            print(link.note, file=ctx.stderr)
    elif args.format == "json":
        json.dump(_as_json(letter), ctx.stdout, ensure_ascii=False, indent=2)
        ctx.stdout.write("\n")
    else:
        ctx.stdout.write(_ics(letter, ctx))
    return 0


def _notes(letter: Letter, ctx: CliContext) -> None:
    lines = [letter.recipient.explanation]
    if letter.recipient.contact_form:
        lines.append(f"Contactformulier: {letter.recipient.contact_form}")
    lines += IDENTITY_ADVICE
    if letter.representation is not None:
        lines.append(role_spec(letter.representation.role).proof)
        lines += AGE_RULES
    lines.append(NO_SERVER)
    for line in lines:
        if line:
            print(f"* {line}", file=ctx.stderr)


def _as_json(letter: Letter) -> dict[str, Any]:
    link = mail_link(letter) if letter.recipient.channel is Channel.EMAIL else None
    term = RightsRequest(
        id=_uid(letter),
        kind=letter.kind,
        recipient=letter.recipient,
        subject=letter.subject,
        sender=letter.sender,
        sent=letter.written_on,
        letter=letter.as_text(),
        for_person=letter.representation.person if letter.representation else "",
    )
    deadline = term.deadline()
    return {
        "kind": letter.kind.value,
        "subject": letter.subject,
        "body": letter.body,
        "text": letter.as_text(),
        "recipient": letter.recipient.to_dict(),
        "mailto": link.url if link else None,
        "mailto_shortened": link.shortened if link else False,
        "notes": [n for n in (link.note if link else "", letter.recipient.explanation) if n],
        "deadline": deadline.due.isoformat() if deadline else None,
        "request": term.to_dict(),
    }


def _ics(letter: Letter, ctx: CliContext) -> str:
    spec = kind_spec(letter.kind)
    term = compute_deadline(letter.written_on, rule=spec.deadline)
    return deadline_event(
        uid=_uid(letter),
        due=term.due,
        summary=f"Termijn {spec.title.lower()}-verzoek: {letter.recipient.name}",
        description=(
            f"{letter.subject}\nVerstuurd op {dutch_date(letter.written_on)}.\n"
            f"{term.explanation}\nGeen antwoord? Stuur een herinnering met de PrivacyApp."
        ),
        now=ctx.clock(),
    )


def _deadline(args: argparse.Namespace, ctx: CliContext) -> int:
    spec = kind_spec(args.kind)
    term = compute_deadline(args.sent, extension_announced=args.extended, rule=spec.deadline)
    if args.format == "json":
        data = {
            "received": term.received.isoformat(),
            "due": term.due.isoformat(),
            "first_due": term.first_due.isoformat(),
            "extended": term.extended,
            "remind_from": term.remind_from().isoformat(),
            "explanation": term.explanation,
        }
        json.dump(data, ctx.stdout, ensure_ascii=False, indent=2)
        ctx.stdout.write("\n")
    elif args.format == "ics":
        seed = f"{args.kind}|{args.sent}|{args.extended}"
        ctx.stdout.write(
            deadline_event(
                uid=hashlib.sha256(seed.encode()).hexdigest()[:20],
                due=term.due,
                summary=f"Termijn {spec.title.lower()}-verzoek",
                description=term.explanation,
                now=ctx.clock(),
            )
        )
    else:
        print(f"Verstuurd: {dutch_date(term.received)}", file=ctx.stdout)
        print(f"Uiterlijk antwoord: {dutch_date(term.due)}", file=ctx.stdout)
        print(f"Herinnering vanaf: {dutch_date(term.remind_from())}", file=ctx.stdout)
        print(term.explanation, file=ctx.stdout)
    return 0
