"""`privacyapp records …`: the encrypted store from the command line (automation, support, tests).

The PIN comes from the environment variable ``PRIVACYAPP_PIN`` (never from an argument, which
would end up in shell history and process lists); the store lives in the global ``--data-dir``.
``save_path`` is what ``privacyapp flows walk … --save`` calls.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacyapp.commands._output import write_private_file
from privacyapp.dossier import (
    FORGOTTEN_PIN_WARNING,
    REFERENCE_WARNING,
    AppLock,
    FileBackend,
    Record,
    StoreError,
    StoreWriteError,
    Vault,
    check_reference,
    export_bundle,
    export_json,
)

if TYPE_CHECKING:
    from privacyapp.cli import CliContext
    from privacyapp.engine import PathTaken

__all__ = [
    "PIN_ENV",
    "open_store",
    "register",
    "save_path",
    "save_walked_path",
]

PIN_ENV = "PRIVACYAPP_PIN"
EXIT_OK, EXIT_PROBLEMS = 0, 1

KIND_LABELS = {"path": "pad", "checklist": "checklist", "request": "verzoek", "identity": "sleutel"}


def _pin(ctx: CliContext) -> str:
    pin = str(ctx.env.get(PIN_ENV) or "")
    if not pin:
        raise StoreError(
            f"Geen pincode. Zet je pincode in de omgevingsvariabele {PIN_ENV} en probeer opnieuw."
        )
    return pin


def open_store(ctx: CliContext, *, create: bool = False) -> Vault | None:
    """Unlock the store in ``ctx.data_dir`` with the PIN from the environment.

    Returns ``None`` when nothing is stored yet and ``create`` is false. With ``create``, an
    empty store is made with that PIN (after printing the forgotten-PIN warning).
    """
    lock = AppLock(FileBackend(ctx.data_dir), clock=ctx.clock)
    if not lock.has_store():
        if not create:
            return None
        pin = _pin(ctx)
        print(
            f"Nieuwe versleutelde opslag in {ctx.data_dir}. {FORGOTTEN_PIN_WARNING}",
            file=ctx.stderr,
        )
        return lock.set_pin(pin)
    vault = lock.unlock(_pin(ctx))
    for problem in vault.problems:
        print(f"waarschuwing: {problem}", file=ctx.stderr)
    return vault


def save_path(
    ctx: CliContext,
    path: dict[str, Any],
    *,
    title: str,
    flow_id: str | None,
    reference: str | None = None,
    status: str = "opgeslagen",
) -> Record:
    """Save a walked flow path (``PathTaken.to_dict()``) as a ``path`` record; returns it."""
    reference = check_reference(reference)  # refuse a BSN before anything is created
    vault = open_store(ctx, create=True)
    assert vault is not None
    if reference:
        print(f"let op: {REFERENCE_WARNING}", file=ctx.stderr)
    return vault.create("path", title, path, status=status, reference=reference, flow_id=flow_id)


def save_walked_path(ctx: CliContext, path: PathTaken, *, reference: str | None) -> Record:
    """What ``flows walk … --save`` does: save the finished path and say where it went."""
    record = save_path(
        ctx, path.to_dict(), title=path.flow_title, flow_id=path.flow_id, reference=reference
    )
    ctx.stderr.write(f"bewaard als {record.id} (privacyapp records show {record.id})\n")
    return record


def _summary(record: Record) -> dict[str, Any]:
    data = record.to_dict()
    del data["payload"]
    return data


def _text_line(record: Record) -> str:
    ref = f"  [{record.reference}]" if record.reference else ""
    when = record.updated_at.strftime("%Y-%m-%d %H:%M")
    kind = KIND_LABELS.get(record.kind, record.kind)
    return f"{record.id}  {kind:<9}  {when}  {record.status:<11}  {record.title}{ref}"


def _finish(vault: Vault | None) -> int:
    return EXIT_PROBLEMS if vault is not None and vault.problems else EXIT_OK


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = open_store(ctx)
    records = vault.list(args.kind) if vault else []
    if args.format == "json":
        print(
            json.dumps([_summary(r) for r in records], ensure_ascii=False, indent=2),
            file=ctx.stdout,
        )
    elif not records:
        print("Nog niets bewaard.", file=ctx.stdout)
    else:
        for record in records:
            print(_text_line(record), file=ctx.stdout)
    return _finish(vault)


def _require(ctx: CliContext) -> Vault:
    vault = open_store(ctx)
    if vault is None:
        raise StoreError(f"Er is nog niets bewaard in {ctx.data_dir}.")
    return vault


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = _require(ctx)
    record = vault.get(args.id)
    data = vault.export_all()["records"]
    shown = next(r for r in data if r["id"] == record.id)  # identity secrets left out
    if args.format == "json":
        print(json.dumps(shown, ensure_ascii=False, indent=2), file=ctx.stdout)
    else:
        print(_text_line(record), file=ctx.stdout)
        print(f"stroom: {record.flow_id or '-'}", file=ctx.stdout)
        print(
            f"gemaakt: {record.created_at.isoformat()}  versie: {record.revision}", file=ctx.stdout
        )
        print(json.dumps(shown["payload"], ensure_ascii=False, indent=2), file=ctx.stdout)
    return _finish(vault)


def _export(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = _require(ctx)
    out = Path(args.out)
    data = export_json(vault) if out.suffix.lower() == ".json" else export_bundle(vault)
    write_private_file(out, data, StoreWriteError)  # plain personal data: 0600, atomic
    count = len(vault.list())
    if args.format == "json":
        print(json.dumps({"out": str(out), "records": count}), file=ctx.stdout)
    else:
        print(f"{count} item(s) geëxporteerd naar {out}.", file=ctx.stdout)
    print(
        "let op: dit bestand is niet versleuteld. Bewaar het op een veilige plek.", file=ctx.stderr
    )
    return _finish(vault)


def _delete(args: argparse.Namespace, ctx: CliContext) -> int:
    vault = _require(ctx)
    record = vault.delete(args.id)
    if args.format == "json":
        print(json.dumps({"deleted": record.id}), file=ctx.stdout)
    else:
        print(f"Verwijderd: {record.title} ({record.id}).", file=ctx.stdout)
    return _finish(vault)


def _wipe(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.yes:
        print(
            "Dit wist alle bewaarde gegevens en sleutels. Dat kan niet ongedaan worden gemaakt. "
            "Herhaal met --yes als je dat zeker wilt.",
            file=ctx.stderr,
        )
        return EXIT_PROBLEMS
    lock = AppLock(FileBackend(ctx.data_dir), clock=ctx.clock)
    lock.wipe()  # no PIN needed: a forgotten PIN must still allow starting over
    if args.format == "json":
        print(json.dumps({"wiped": True}), file=ctx.stdout)
    else:
        print("Alle bewaarde gegevens en sleutels zijn gewist.", file=ctx.stdout)
    return EXIT_OK


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `records` command group to the top-level parser."""
    records = sub.add_parser(
        "records",
        help="saved paths, checklists and requests in the encrypted store",
        description=f"The encrypted store. The PIN is read from ${PIN_ENV}.",
    )
    group = records.add_subparsers(dest="records_command", metavar="SUBCOMMAND")
    p = group.add_parser("list", help="list saved items")
    p.add_argument("--kind", choices=("path", "checklist", "request", "identity"), default=None)
    _add_format(p)
    p.set_defaults(handler=_list)
    p = group.add_parser("show", help="show one saved item")
    p.add_argument("id", help="the item's id (a unique prefix of 4+ characters is enough)")
    _add_format(p)
    p.set_defaults(handler=_show)
    p = group.add_parser("export", help="export everything (zip with JSON + PDF, or .json)")
    p.add_argument("out", help="file to write: *.zip (JSON + PDF) or *.json")
    _add_format(p)
    p.set_defaults(handler=_export)
    p = group.add_parser("delete", help="delete one saved item")
    p.add_argument("id")
    _add_format(p)
    p.set_defaults(handler=_delete)
    p = group.add_parser("wipe", help="delete all saved items and keys (cannot be undone)")
    p.add_argument("--yes", action="store_true", help="confirm: really wipe everything")
    _add_format(p)
    p.set_defaults(handler=_wipe)
