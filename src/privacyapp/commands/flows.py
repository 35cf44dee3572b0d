"""`privacyapp flows …`: the editors' tools for content.

``check`` lists every problem, ``list`` and ``show`` give an overview, ``search`` finds flows the
way the app does, ``walk`` runs a flow with given answers, ``build`` compiles the bundle the app
loads, ``schema`` prints the JSON Schema.
Handlers stay short: the work is done by ``privacyapp.engine`` and ``privacyapp.content``.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from privacyapp._atomic import write_atomic
from privacyapp.cli import CliContext
from privacyapp.commands.pdf import add_record_options, record_walk
from privacyapp.engine import (
    Library,
    LoadResult,
    SearchIndex,
    load_flows,
    parse_answers,
    walk_session,
)
from privacyapp.engine import render as output
from privacyapp.engine.coverage import coverage_counts, coverage_table
from privacyapp.engine.errors import ContentInvalid
from privacyapp.engine.loader import find_registry

DEFAULT_FLOWS_DIR = Path("flows")
DEFAULT_BUNDLE = Path("src/privacyapp/assets/content-bundle.json")


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `flows` command group to the top-level parser."""
    flows = sub.add_parser("flows", help="check, list, show, walk and build the content")
    commands = flows.add_subparsers(dest="flows_command", metavar="SUBCOMMAND")
    flows.set_defaults(handler=lambda args, ctx: _usage(flows, ctx))

    check = commands.add_parser("check", help="check flows and print every problem")
    check.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: flows/)"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    check.set_defaults(handler=check_command)

    listing = commands.add_parser("list", help="list every flow")
    listing.add_argument("--flows", type=Path, default=DEFAULT_FLOWS_DIR, help="content folder")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument(
        "--coverage", action="store_true", help="count published flows per sector and audience"
    )
    listing.set_defaults(handler=list_command)

    show = commands.add_parser("show", help="print a flow as a tree (or as JSON)")
    show.add_argument("flow_id", metavar="ID")
    show.add_argument("--flows", type=Path, default=DEFAULT_FLOWS_DIR, help="content folder")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=show_command)

    search = commands.add_parser("search", help="search the flows as the app does")
    search.add_argument("query", metavar="QUERY")
    search.add_argument(
        "--audience", default=None, metavar="A", help="only flows for this audience (e.g. inwoner)"
    )
    search.add_argument("--limit", type=int, default=10, help="how many hits (default 10)")
    search.add_argument("--flows", type=Path, default=DEFAULT_FLOWS_DIR, help="content folder")
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.set_defaults(handler=search_command)

    walk = commands.add_parser("walk", help="walk a flow with given answers")
    walk.add_argument("flow_id", metavar="ID")
    walk.add_argument(
        "--answers",
        default="",
        help="e.g. 1,2,ja: choice numbers or labels; checklists 1=ja 2=nee 3=weet niet",
    )
    walk.add_argument("--flows", type=Path, default=DEFAULT_FLOWS_DIR, help="content folder")
    walk.add_argument("--format", choices=("text", "json"), default="text")
    walk.add_argument(
        "--save", action="store_true", help="save the path in the encrypted store ($PRIVACYAPP_PIN)"
    )
    walk.add_argument(
        "--reference", default=None, help="client reference for --save, --pdf (never a name or BSN)"
    )
    add_record_options(walk)  # --pdf OUT.pdf: save the path and write a signed record (issue 6)
    walk.set_defaults(handler=walk_command)

    build = commands.add_parser("build", help="compile the flows into the app's content bundle")
    build.add_argument("--flows", type=Path, default=DEFAULT_FLOWS_DIR, help="content folder")
    build.add_argument("--out", type=Path, default=DEFAULT_BUNDLE, help="where to write the bundle")
    build.set_defaults(handler=build_command)

    schema = commands.add_parser("schema", help="print the JSON Schema of a flow file")
    schema.set_defaults(handler=schema_command)
    _register_signing(commands)


def _register_signing(commands: argparse._SubParsersAction[Any]) -> None:
    """`flows keygen`, `flows sign` and `flows verify`: signed content updates (Ed25519)."""
    keygen = commands.add_parser("keygen", help="make an Ed25519 key pair for signing bundles")
    keygen.add_argument("--out", type=Path, required=True, help="where to write the private key")
    keygen.set_defaults(handler=keygen_command)

    sign = commands.add_parser("sign", help="sign a bundle (writes BUNDLE.sig)")
    sign.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    sign.add_argument("--key", type=Path, required=True, help="private key from flows keygen")
    sign.set_defaults(handler=sign_command)

    verify = commands.add_parser("verify", help="verify a signed bundle")
    verify.add_argument("--bundle", type=Path, default=DEFAULT_BUNDLE)
    verify.add_argument("--signature", type=Path, default=None, help="default: BUNDLE.sig")
    verify.add_argument(
        "--trust", action="append", required=True, metavar="PUBLIC_KEY", help="base64 public key"
    )
    verify.set_defaults(handler=verify_command)


def _usage(parser: argparse.ArgumentParser, ctx: CliContext) -> int:
    """`privacyapp flows` without a subcommand: show what there is (a usage error)."""
    ctx.stderr.write(parser.format_help())
    return 2


def check_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Check flows; exit 1 on errors (or warnings with --strict)."""
    paths: list[Path] = args.paths or [DEFAULT_FLOWS_DIR]
    result = _load_for_check(paths)
    diagnostics = result.diagnostics
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    if args.format == "json":
        payload = {
            "errors": errors,
            "warnings": warnings,
            "diagnostics": [d.to_dict() for d in diagnostics],
        }
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for diagnostic in diagnostics:
            ctx.stdout.write(diagnostic.format() + "\n")
        flows = len(result.partial.flows) if result.partial is not None else 0
        ctx.stdout.write(f"{flows} flows checked: {errors} error(s), {warnings} warning(s)\n")
    return 1 if errors or (args.strict and warnings) else 0


def _load_for_check(paths: list[Path]) -> LoadResult:
    """Load the whole content folder (so references resolve) but report only for ``paths``."""
    registry = find_registry(paths[0]) if paths[0].exists() else None
    if registry is None or not all(p.exists() for p in paths):
        return load_flows(paths)
    root = registry.parent
    if any(not p.resolve().is_relative_to(root.resolve()) for p in paths):
        return load_flows(paths)
    result = load_flows([root])
    wanted = [p.resolve() for p in paths]
    kept = [
        d
        for d in result.diagnostics
        if _under(Path(d.path).resolve(), wanted) or Path(d.path).name == registry.name
    ]
    return LoadResult(result.library, kept, result.partial)


def _under(path: Path, wanted: list[Path]) -> bool:
    return any(path == w or path.is_relative_to(w) for w in wanted)


def _library(flows_dir: Path, ctx: CliContext) -> Library:
    """The flows as a library; with errors, the valid flows and a note on stderr."""
    result = load_flows([flows_dir])
    if result.library is not None:
        return result.library
    if result.partial is None:
        raise ContentInvalid(
            f"the flows in {flows_dir} cannot be loaded; run `privacyapp flows check`"
        )
    ctx.stderr.write(
        f"note: {len(result.errors)} error(s) in the flows; run `privacyapp flows check`\n"
    )
    return result.partial


def list_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """List every flow, or with ``--coverage`` count published flows per sector and audience."""
    library = _library(args.flows, ctx)
    if args.coverage:
        if args.format == "json":
            ctx.stdout.write(json.dumps(coverage_counts(library), indent=2) + "\n")
        else:
            ctx.stdout.write(coverage_table(library))
        return 0
    rows = output.flow_rows(library)
    if args.format == "json":
        ctx.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        ctx.stdout.write(output.table(rows))
    return 0


def show_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print one flow as a readable tree, or as JSON with every node and citation."""
    library = _library(args.flows, ctx)
    flow = library.get(args.flow_id)
    if args.format == "json":
        payload = output.flow_json(library, flow)
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        ctx.stdout.write(output.flow_tree(library, flow))
    return 0


def search_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Search the flows with the app's index; exit 1 when nothing is found."""
    library = _library(args.flows, ctx)
    audiences = library.registry.audiences
    if args.audience is not None and args.audience not in audiences:
        known = ", ".join(sorted(audiences))
        ctx.stderr.write(f'unknown audience "{args.audience}"; use one of: {known}\n')
        return 2
    if args.limit < 1:
        ctx.stderr.write("--limit must be 1 or more\n")
        return 2
    hits = SearchIndex(library).search(args.query, audience=args.audience, limit=args.limit)
    if args.format == "json":
        payload = {
            "query": args.query,
            "audience": args.audience,
            "hits": [hit.to_dict() for hit in hits],
        }
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for n, hit in enumerate(hits, 1):
            where = hit.flow_id + (f"#{hit.node_id}" if hit.node_id else "")
            ctx.stdout.write(f"{n:>2}. {hit.title}\n    {where}  [{hit.kind}, {hit.sector}]\n")
        ctx.stdout.write(f'{len(hits)} hit(s) for "{args.query}"\n')
    if not hits:
        ctx.stderr.write("nothing found; try other words, or leave out --audience\n")
        return 1
    return 0


def walk_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Walk a flow with the given answers and print every step and the advice."""
    library = _library(args.flows, ctx)
    session = walk_session(library, args.flow_id, parse_answers(args.answers), ctx.clock)
    if args.format == "json":
        ctx.stdout.write(
            json.dumps(output.walk_json(library, session), ensure_ascii=False, indent=2) + "\n"
        )
    else:
        ctx.stdout.write(output.walk_text(library, session))
    if not session.finished:
        ctx.stderr.write(f'the answers ran out at "{session.current_id}"; give more answers\n')
        return 1
    if args.pdf is not None:  # issue 6: saves the path too, then writes the signed PDF
        return record_walk(args, ctx, library, session.path)
    if args.save:  # issue 5: the store owns what saving means
        from privacyapp.commands.records import save_walked_path

        save_walked_path(ctx, session.path, reference=args.reference)
    return 0


def build_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Compile the flows into the bundle file."""
    from privacyapp.content import build_bundle, load_bundle

    data = build_bundle(args.flows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    library = load_bundle(data)
    ctx.stdout.write(
        f"wrote {args.out}: {len(library.flows)} flows, content {library.content_version}, "
        f"hash {library.content_hash[:12]}\n"
    )
    return 0


def schema_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the JSON Schema of a flow file."""
    ctx.stdout.write(json.dumps(output.flow_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def keygen_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write a new private key (never overwrites) and print its public key."""
    from privacyapp.content import generate_signing_key

    if os.path.lexists(args.out):  # also a dangling symlink: never write through one
        ctx.stderr.write(f"{args.out} already exists; choose another file\n")
        return 1
    pem, public = generate_signing_key()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(args.out, pem, mode=0o600, best_effort_dir_sync=True)
    ctx.stdout.write(f"wrote {args.out} (keep it secret)\npublic key: {public}\n")
    return 0


def sign_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Sign the bundle with a private key; the signature goes next to it."""
    from privacyapp.content import load_bundle, load_signing_key, sign_bundle

    data = args.bundle.read_bytes()
    load_bundle(data)  # never sign something the app cannot read
    signature = sign_bundle(data, load_signing_key(args.key.read_bytes()))
    out = args.bundle.with_name(args.bundle.name + ".sig")
    out.write_bytes(signature)
    ctx.stdout.write(f"wrote {out}\n")
    return 0


def verify_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Verify a bundle's signature against trusted public keys."""
    from privacyapp.content import verify_bundle

    signature = args.signature or args.bundle.with_name(args.bundle.name + ".sig")
    library = verify_bundle(args.bundle.read_bytes(), signature.read_bytes(), args.trust)
    ctx.stdout.write(
        f"signature valid: {len(library.flows)} flows, content {library.content_version}, "
        f"hash {library.content_hash[:12]}\n"
    )
    return 0
