"""`privacyapp changes …`: change sets for scripts and CI, over the studio's service layer.

Every rule of the studio holds here too (roles, four eyes, stale approvals, conflicts): the
commands sign in as ``--as USER`` with the password in ``PRIVACYAPP_STUDIO_PASSWORD``.

- ``changes new TITLE``: prints the new change set's id;
- ``changes put ID FILE [--path P] [--version V]``: a file's new text into the change set,
  checked as in the editor (exit 1 when the saved content has errors);
- ``changes submit|approve|publish ID``, ``changes request-changes ID --reason TEXT``;
- ``changes comment ID TEXT [--path P --node N]``;
- ``changes list|show [ID] [--format json]``, ``changes history``, ``changes restore PUB``;
- ``changes review-pdf ID [--out FILE]``: the review document for the jurist.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from privacyapp.cli import CliContext
from privacyapp.commands.studio import add_location_args, open_studio, password
from privacyapp.engine._document import YMap, YScalar, parse_document
from privacyapp.studio import Studio, User, model
from privacyapp.studio.errors import ContentHasErrors, EditConflict, InvalidInput
from privacyapp.studio.model import ChangeSet, audit_to_dict

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `changes` command group to the top-level parser."""
    group = sub.add_parser("changes", help="change sets of the editors' studio (for scripts)")
    commands = group.add_subparsers(dest="changes_command", metavar="SUBCOMMAND")
    group.set_defaults(handler=lambda args, ctx: _usage(group, ctx))

    def command(name: str, help_text: str, handler: Any, *, user: bool = True) -> Any:
        parser = commands.add_parser(name, help=help_text)
        add_location_args(parser)
        if user:
            parser.add_argument("--as", dest="user", required=True, metavar="USER")
        parser.set_defaults(handler=handler)
        return parser

    new = command("new", "start a change set (prints its id)", _new)
    new.add_argument("title", metavar="TITLE")
    put = command("put", "save a content file's new text into a change set", _put)
    put.add_argument("change_set", type=int, metavar="ID")
    put.add_argument("file", type=Path, metavar="FILE")
    put.add_argument("--path", default=None, help="its place in the content (default: found)")
    put.add_argument("--version", default=None, help="the version you edited (default: newest)")
    put.add_argument("--format", choices=("text", "json"), default="text")
    for name, text in [
        ("submit", "submit for review"),
        ("approve", "approve (a jurist who did not edit it)"),
        ("publish", "publish an approved change set (a publicist)"),
    ]:
        step = command(name, text, _step)
        step.add_argument("change_set", type=int, metavar="ID")
    request = command("request-changes", "ask the authors for changes", _step)
    request.add_argument("change_set", type=int, metavar="ID")
    request.add_argument("--reason", required=True, help="what must change (required)")
    comment = command("comment", "comment on a change set or one node", _comment)
    comment.add_argument("change_set", type=int, metavar="ID")
    comment.add_argument("text", metavar="TEXT")
    comment.add_argument("--path", default=None)
    comment.add_argument("--node", default=None)
    update = command(
        "update-walks", "record the change set's walks as its new golden walks", _update_walks
    )
    update.add_argument("change_set", type=int, metavar="ID")
    restore = command("restore", "a new change set with an earlier publication's content", _restore)
    restore.add_argument("publication", type=int, metavar="PUBLICATION")

    listing = command("list", "every change set and its state", _list, user=False)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = command("show", "one change set: state, diff, diagnostics, audit log", _show, user=False)
    show.add_argument("change_set", type=int, metavar="ID")
    show.add_argument("--format", choices=("text", "json"), default="text")
    pdf = command(
        "review-pdf", "the review document (PDF) of a change set, for the jurist", _review_pdf,
        user=False,
    )  # fmt: skip
    pdf.add_argument("change_set", type=int, metavar="ID")
    pdf.add_argument("--out", type=Path, default=None, help="default: voorstel-ID.pdf")
    history = command("history", "every published version", _history, user=False)
    history.add_argument("--format", choices=("text", "json"), default="text")


def _usage(parser: argparse.ArgumentParser, ctx: CliContext) -> int:
    ctx.stderr.write(parser.format_help())
    return 2


def _signed_in(args: argparse.Namespace, ctx: CliContext) -> tuple[Studio, User]:
    studio = open_studio(args, ctx)
    token, user = studio.sign_in(args.user, password(ctx))
    studio.sign_out(token)  # one command, one step: no session is left behind
    return studio, user


def _new(args: argparse.Namespace, ctx: CliContext) -> int:
    studio, user = _signed_in(args, ctx)
    ctx.stdout.write(f"{studio.new_change_set(user, args.title).id}\n")
    return 0


def _target_path(studio: Studio, cs_id: int, file: Path, text: str) -> str:
    """Where a file belongs: an existing file of the same name, or ``<sector>/<name>``."""
    content = studio.repo.content_dir
    if file.name == "registry.yaml":
        return f"{content}/registry.yaml"
    same = [p for p in studio.files(cs_id) if Path(p).name == file.name]
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        raise InvalidInput(f"Er zijn meer bestanden {file.name}; geef --path.")
    document, _ = parse_document(text, str(file))
    if isinstance(document, YMap) and "fragments" in document.entries:
        return f"{content}/_fragments/{file.name}"
    sector = document.get("sector") if isinstance(document, YMap) else None
    if not isinstance(sector, YScalar):
        raise InvalidInput(f"{file} is een nieuw bestand zonder sector; geef --path.")
    return f"{content}/{sector.value}/{file.name}"


def _put(args: argparse.Namespace, ctx: CliContext) -> int:
    studio, user = _signed_in(args, ctx)
    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"Kan {args.file} niet lezen ({exc}). Geef een UTF-8-tekstbestand."
        ) from exc
    path = args.path or _target_path(studio, args.change_set, args.file, text)
    version = args.version or studio.change_set(args.change_set, with_checks=False).version
    try:
        result = studio.save(user, args.change_set, {path: text}, expected_version=version)
    except EditConflict as exc:
        ctx.stderr.write(f"privacyapp: {exc} (nieuwste versie: {exc.current_version})\n")
        return 1
    errors = len(result.errors)
    if args.format == "json":
        payload = {
            "path": path,
            "version": result.version,
            "state": result.state,
            "errors": errors,
            "warnings": len(result.diagnostics) - errors,
            "diagnostics": [d.to_dict() for d in result.diagnostics],
        }
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for diagnostic in result.diagnostics:
            ctx.stdout.write(diagnostic.format() + "\n")
        ctx.stdout.write(
            f"opgeslagen in voorstel {args.change_set} als {path} (versie {result.version[:12]}): "
            f"{errors} fout(en), {len(result.diagnostics) - errors} waarschuwing(en)\n"
        )
    return 1 if errors else 0


def _update_walks(args: argparse.Namespace, ctx: CliContext) -> int:
    studio, user = _signed_in(args, ctx)
    version = studio.change_set(args.change_set, with_checks=False).version
    result = studio.update_walks(user, args.change_set, expected_version=version)
    for path in result.paths:
        ctx.stdout.write(f"bijgewerkt: {path}\n")
    ctx.stdout.write(f"voorstel {args.change_set}: {model.STATE_LABELS[result.state]}\n")
    return 0


def _step(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return _run_step(args, ctx)
    except ContentHasErrors as exc:  # the message, then every line that says where
        ctx.stderr.write(f"privacyapp: {exc}\n")
        for line in exc.diagnostics:
            ctx.stderr.write(f"  - {line}\n")
        return 1


def _run_step(args: argparse.Namespace, ctx: CliContext) -> int:
    studio, user = _signed_in(args, ctx)
    cs_id = args.change_set
    if args.changes_command == "submit":
        done = studio.submit(user, cs_id)
    elif args.changes_command == "approve":
        done = studio.approve(user, cs_id)
    elif args.changes_command == "request-changes":
        done = studio.request_changes(user, cs_id, args.reason)
    else:
        publication = studio.publish(user, cs_id)
        ctx.stdout.write(
            f"voorstel {cs_id} gepubliceerd: inhoud {publication.content_version} "
            f"({publication.content_hash[:12]})\n"
        )
        return 0
    ctx.stdout.write(f"voorstel {cs_id}: {done.state_label}\n")
    return 0


def _comment(args: argparse.Namespace, ctx: CliContext) -> int:
    studio, user = _signed_in(args, ctx)
    studio.comment(user, args.change_set, args.text, path=args.path, node=args.node)
    ctx.stdout.write(f"opmerking bij voorstel {args.change_set} bewaard\n")
    return 0


def _restore(args: argparse.Namespace, ctx: CliContext) -> int:
    studio, user = _signed_in(args, ctx)
    ctx.stdout.write(f"{studio.restore(user, args.publication).id}\n")
    return 0


def _line(cs: ChangeSet) -> str:
    return f"{cs.id}\t{cs.state_label}\t{cs.title}\t{cs.created_by}\t{cs.updated_at}"


def _list(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    sets = studio.change_sets()
    if args.format == "json":
        ctx.stdout.write(
            json.dumps([cs.to_dict() for cs in sets], ensure_ascii=False, indent=2) + "\n"
        )
    else:
        for cs in sets:
            ctx.stdout.write(_line(cs) + "\n")
    return 0


def _show(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    cs = studio.change_set(args.change_set)
    diffs = studio.diff(cs.id)
    check = studio.check(cs.id) if cs.state != "gepubliceerd" else None
    audit = [audit_to_dict(e) for e in studio.audit(cs.id)]
    if args.format == "json":
        payload = cs.to_dict()
        payload["changes"] = [{"path": d.path, "sentences": d.sentences()} for d in diffs]
        payload["diagnostics"] = [d.to_dict() for d in check.diagnostics] if check else []
        payload["audit"] = audit
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return 0
    ctx.stdout.write(f"Voorstel {cs.id}: {cs.title}\nStatus: {cs.state_label}\n")
    ctx.stdout.write(f"Gemaakt door {cs.created_by}; geschreven door {', '.join(cs.editors)}\n")
    for approval in cs.approvals:
        valid = "geldig" if approval.valid else "vervallen (later gewijzigd)"
        ctx.stdout.write(
            f"Goedgekeurd door {approval.approval.author} op {approval.approval.at}: {valid}\n"
        )
    ctx.stdout.write("Wijzigingen:\n")
    for diff in diffs:
        for sentence in diff.sentences():
            ctx.stdout.write(f"  {diff.path}: {sentence}\n")
    if check is not None:
        for diagnostic in check.diagnostics:
            ctx.stdout.write(diagnostic.format() + "\n")
    for comment in cs.comments:
        where = f" bij {comment.node}" if comment.node else ""
        ctx.stdout.write(f"Opmerking van {comment.author}{where}: {comment.text}\n")
    ctx.stdout.write("Logboek:\n")
    for entry in audit:
        ctx.stdout.write(f"  {entry['at']}  {entry['who']}  {entry['action']}\n")
    return 0


def _review_pdf(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    out = args.out if args.out is not None else Path(f"voorstel-{args.change_set}.pdf")
    data = studio.review_pdf(args.change_set)
    out.write_bytes(data)
    ctx.stdout.write(f"wrote {out}: the review document of change set {args.change_set}\n")
    return 0


def _history(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    rows = [
        {"id": p.id, "change_set": p.change_set, "content_version": p.content_version,
         "content_hash": p.content_hash, "by": p.author, "at": p.at}
        for p in studio.history()
    ]  # fmt: skip
    if args.format == "json":
        ctx.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        for row in rows:
            ctx.stdout.write(
                f"{row['id']}\t{row['content_version']}\tvoorstel {row['change_set']}\t"
                f"{row['by']}\t{row['at']}\n"
            )
    return 0
