"""`privacyapp gemeenten …`: the municipality directory from the command line.

- ``update [--url URL]``: refresh from the register now and cache it under ``--data-dir``;
- ``find QUERY [--format text|json] [--pdok-url URL]``: search by name, or by postcode (PDOK);
- ``snapshot --csv FILE --out FILE [--date YYYY-MM-DD]``: build the app's built-in list from the
  register's CSV export (how ``assets/gemeenten.json`` is made).
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from privacyapp.cli import CliContext
from privacyapp.opendata import (
    PDOK_URL,
    REGISTER_URL,
    DirectoryData,
    Municipality,
    MunicipalityDirectory,
    OpenDataError,
    default_client,
    parse_register_csv,
)
from privacyapp.opendata._store import save_data

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `gemeenten` command group to the top-level parser."""
    group = sub.add_parser("gemeenten", help="municipality directory (register, postcode)")
    commands = group.add_subparsers(dest="gemeenten_command", metavar="SUBCOMMAND")

    update = commands.add_parser("update", help="refresh the list from the register now")
    update.add_argument("--url", default=REGISTER_URL, help="the register's XML export")
    update.set_defaults(handler=_update)

    find = commands.add_parser("find", help="find a municipality by name or postcode")
    find.add_argument("query", help="a name (Den Bosch) or a postcode (1234 AB)")
    find.add_argument("--format", choices=("text", "json"), default="text")
    find.add_argument("--pdok-url", default=PDOK_URL, help="PDOK Locatieserver free endpoint")
    find.set_defaults(handler=_find)

    snapshot = commands.add_parser("snapshot", help="build the built-in list from the CSV")
    snapshot.add_argument("--csv", type=Path, required=True, help="the register's Gemeenten.csv")
    snapshot.add_argument("--out", type=Path, required=True, help="where to write the JSON")
    snapshot.add_argument(
        "--date", type=date.fromisoformat, default=None, help="export date (default: from name)"
    )
    snapshot.set_defaults(handler=_snapshot)


def _update(args: argparse.Namespace, ctx: CliContext) -> int:
    with default_client() as client:
        directory = MunicipalityDirectory(ctx.data_dir, client, url=args.url, clock=ctx.clock)
        if directory.notice:
            print(directory.notice, file=ctx.stderr)
        result = directory.refresh(force=True)
    stream = ctx.stdout if result.ok else ctx.stderr
    print(result.message, file=stream)
    print(f"{directory.source_line} ({len(directory.all())} gemeenten)", file=ctx.stdout)
    return 0 if result.ok else 1


def _find(args: argparse.Namespace, ctx: CliContext) -> int:
    with default_client() as client:
        directory = MunicipalityDirectory(ctx.data_dir, client, pdok_url=args.pdok_url)
        postcode = directory.is_postcode(args.query)
        if postcode:
            print(
                "Je postcode wordt naar PDOK (Kadaster) gestuurd om je gemeente te vinden.",
                file=ctx.stderr,
            )
            matches = directory.lookup_postcode(args.query)
            found = [m.municipality for m in matches if m.municipality is not None]
            places = {m.area.municipality_code: list(m.area.places) for m in matches}
        else:
            found = directory.find(args.query)
            places = {}
    if args.format == "json":
        payload = {
            "query": args.query,
            "kind": "postcode" if postcode else "name",
            "updated_at": directory.updated_at.isoformat(),
            "source": directory.source,
            "results": [
                {**record.to_dict(), **({"places": places[record.code]} if places else {})}
                for record in found
            ],
        }
        json.dump(payload, ctx.stdout, ensure_ascii=False, indent=2)
        print(file=ctx.stdout)
    else:
        for record in found:
            print(_describe(record), file=ctx.stdout)
        if not found:
            print(f"Geen gemeente gevonden voor '{args.query}'.", file=ctx.stderr)
        print(directory.source_line, file=ctx.stdout)
    return 0 if found else 1


def _describe(record: Municipality) -> str:
    lines = [f"{record.name} ({record.code})"]
    if record.phone:
        lines.append(f"  telefoon: {record.phone}")
    lines.append(
        f"  e-mail: {record.email or '(geen algemeen e-mailadres; gebruik het formulier of bel)'}"
    )
    if record.contact_form:
        lines.append(f"  contactformulier: {record.contact_form}")
    if record.website:
        lines.append(f"  website: {record.website}")
    if record.visit_address:
        lines.append(f"  bezoekadres: {', '.join(record.visit_address.lines())}")
    if record.postal_address:
        lines.append(f"  postadres: {', '.join(record.postal_address.lines())}")
    return "\n".join(lines)


def _snapshot(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        text = args.csv.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OpenDataError(f"Kan {args.csv} niet lezen: {exc}") from exc
    when = args.date or _date_from_name(args.csv.name)
    if when is None:
        print("privacyapp: geef --date: de bestandsnaam bevat geen datum.", file=ctx.stderr)
        return 2
    records: dict[str, Municipality] = {}
    for entry in parse_register_csv(text):
        record = entry.to_municipality() if entry.is_active(when) else None
        if record is not None:
            records.setdefault(record.code, record)
    if not records:
        raise OpenDataError(f"{args.csv} bevat geen actieve gemeenten.")
    data = DirectoryData(tuple(records.values()), updated_at=when, url=args.csv.name)
    save_data(args.out, data)
    print(
        f"{len(records)} gemeenten, bijgewerkt op {when.isoformat()}, naar {args.out}",
        file=ctx.stdout,
    )
    return 0


def _date_from_name(name: str) -> date | None:
    match = re.search(r"(\d{4}-\d{2}-\d{2})", name)
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None
