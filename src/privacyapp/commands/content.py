"""`privacyapp content …`: publish content as a TUF repository, and update an installed app.

Publishing (the editors' side; the repository folder is what a static host serves):

- ``init --repo DIR --keys KEYDIR``: keys for every role and the first root;
- ``publish --repo DIR --keys KEYDIR [--flows FLOWS]``: build the bundle and sign it out;
- ``refresh-timestamp``: re-sign the short-lived timestamp (a daily job);
- ``resign --role ROLE``: sign a role again with a fresh expiry;
- ``keys list|add|remove|rotate|threshold``: manage who may sign what (each change is a new root);
- ``trust --repo DIR --url URL``: write the root and address a release ships.

Updating (the app's side, with the global ``--data-dir``):

- ``update --from URL [--trust ROOT_JSON]``: check and install now;
- ``status [--format json]``: what is installed, from where, and how the last check went.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from privacyapp import __version__
from privacyapp.cli import CliContext
from privacyapp.content.errors import UpdateNotConfigured
from privacyapp.content.publish import ROLES, ContentRepository, init_repository, root_summary

__all__ = ["register"]

DEFAULT_FLOWS_DIR = Path("flows")
DEFAULT_ASSETS = Path("src/privacyapp/assets")


def _repo_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--repo", type=Path, required=True, help="the repository folder")
    parser.add_argument(
        "--keys",
        type=Path,
        action="append",
        required=True,
        metavar="KEYDIR",
        help="a folder with private keys (repeat for each key holder's folder)",
    )


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `content` command group to the top-level parser."""
    group = sub.add_parser("content", help="publish signed content (TUF) and update the app")
    commands = group.add_subparsers(dest="content_command", metavar="SUBCOMMAND")

    init = commands.add_parser("init", help="make the keys and the first root")
    init.add_argument("--repo", type=Path, required=True, help="the new repository folder")
    init.add_argument("--keys", type=Path, required=True, help="where to write the private keys")
    init.add_argument("--root-keys", type=int, default=3, help="number of root keys (default 3)")
    init.add_argument("--root-threshold", type=int, default=2, help="root signatures needed")
    init.set_defaults(handler=_init)

    publish = commands.add_parser("publish", help="build the bundle and publish it")
    _repo_args(publish)
    publish.add_argument("--flows", type=Path, default=DEFAULT_FLOWS_DIR, help="content folder")
    publish.add_argument(
        "--min-app-version",
        default=__version__,
        help=f"oldest app that may install it (default: this app, {__version__})",
    )
    publish.set_defaults(handler=_publish)

    refresh = commands.add_parser("refresh-timestamp", help="re-sign the timestamp (daily)")
    _repo_args(refresh)
    refresh.set_defaults(handler=_refresh)

    resign = commands.add_parser("resign", help="sign a role again with a fresh expiry")
    _repo_args(resign)
    resign.add_argument("--role", choices=ROLES, required=True)
    resign.set_defaults(handler=_resign)

    trust = commands.add_parser("trust", help="write the root and address a release ships")
    trust.add_argument("--repo", type=Path, required=True, help="the repository folder")
    trust.add_argument("--url", required=True, help="where the repository is served (https)")
    trust.add_argument("--out", type=Path, default=DEFAULT_ASSETS, help="the app's assets folder")
    trust.set_defaults(handler=_trust)

    _register_keys(commands)

    update = commands.add_parser("update", help="check for new content and install it")
    update.add_argument("--from", dest="url", default=None, help="the repository's address")
    update.add_argument(
        "--trust", type=Path, default=None, help="start from this root instead of the app's"
    )
    update.add_argument("--format", choices=("text", "json"), default="text")
    update.set_defaults(handler=_update)

    status = commands.add_parser("status", help="the installed content and the last check")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(handler=_status)
    group.set_defaults(handler=lambda args, ctx: _usage(group, ctx))


def _register_keys(commands: argparse._SubParsersAction[Any]) -> None:
    keys = commands.add_parser("keys", help="list, add, remove and rotate signing keys")
    actions = keys.add_subparsers(dest="keys_command", metavar="ACTION")
    keys.set_defaults(handler=lambda args, ctx: _usage(keys, ctx))

    listing = actions.add_parser("list", help="every role's keys, and which are at hand")
    _repo_args(listing)
    listing.set_defaults(handler=_keys_list)

    add = actions.add_parser("add", help="make a new key for a role (a new root)")
    _repo_args(add)
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--out", type=Path, default=None, help="key folder (default: first --keys)")
    add.set_defaults(handler=_keys_add)

    remove = actions.add_parser("remove", help="take a lost or leaked key out (a new root)")
    _repo_args(remove)
    remove.add_argument("--role", choices=ROLES, required=True)
    remove.add_argument("--keyid", required=True, help="the key id (or its start)")
    remove.set_defaults(handler=_keys_remove)

    rotate = actions.add_parser("rotate", help="replace one key by a new one (a new root)")
    _repo_args(rotate)
    rotate.add_argument("--role", choices=ROLES, required=True)
    rotate.add_argument("--keyid", required=True, help="the key to replace (or its start)")
    rotate.add_argument("--out", type=Path, default=None, help="key folder (default: first --keys)")
    rotate.set_defaults(handler=_keys_rotate)

    threshold = actions.add_parser("threshold", help="how many keys of a role must sign")
    _repo_args(threshold)
    threshold.add_argument("--role", choices=ROLES, required=True)
    threshold.add_argument("--threshold", type=int, required=True)
    threshold.set_defaults(handler=_keys_threshold)


def _usage(parser: argparse.ArgumentParser, ctx: CliContext) -> int:
    ctx.stderr.write(parser.format_help())
    return 2


def _open(args: argparse.Namespace, ctx: CliContext) -> ContentRepository:
    return ContentRepository(args.repo, args.keys, clock=ctx.clock)


def _print_expiries(repository: ContentRepository, ctx: CliContext) -> None:
    for role, (version, expires) in repository.expiries().items():
        ctx.stdout.write(f"  {role:<9} version {version:<4} expires {expires}\n")


def _init(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = init_repository(
        args.repo,
        args.keys,
        clock=ctx.clock,
        root_keys=args.root_keys,
        root_threshold=args.root_threshold,
    )
    ctx.stdout.write(
        f"made {args.repo} and the keys in {args.keys} (keep them secret; never in the "
        "repository)\n"
    )
    _print_expiries(repository, ctx)
    ctx.stdout.write(
        f"the app's trusted root: {args.repo / 'metadata' / '1.root.json'}; "
        "next: privacyapp content publish\n"
    )
    return 0


def _publish(args: argparse.Namespace, ctx: CliContext) -> int:
    from privacyapp.content import build_bundle

    repository = _open(args, ctx)
    repository.root()  # a wrong --repo fails before the flows are built
    published = repository.publish(build_bundle(args.flows), min_app_version=args.min_app_version)
    ctx.stdout.write(
        f"published content {published.content_version} ({published.length} bytes, "
        f"sha256 {published.sha256[:12]}) for app {published.min_app_version} and newer\n"
    )
    _print_expiries(repository, ctx)
    return 0


def _refresh(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    timestamp = repository.refresh_timestamp()
    ctx.stdout.write(
        f"timestamp version {timestamp.version} expires {timestamp.expires.isoformat()}\n"
    )
    return 0


def _resign(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    repository.resign(args.role)
    ctx.stdout.write(f"signed {args.role} again\n")
    _print_expiries(repository, ctx)
    return 0


def _trust(args: argparse.Namespace, ctx: CliContext) -> int:
    from privacyapp._atomic import write_atomic
    from privacyapp.content.updater import ROOT_RESOURCE, SOURCE_RESOURCE

    if not args.url.startswith("https://"):
        ctx.stderr.write("a released app must fetch updates over https; give an https:// URL\n")
        return 2
    root = ContentRepository(args.repo, []).root()
    data = (args.repo / "metadata" / f"{root.signed.version}.root.json").read_bytes()
    args.out.mkdir(parents=True, exist_ok=True)
    write_atomic(args.out / ROOT_RESOURCE, data, mode=0o644)
    config = json.dumps({"url": args.url}, indent=1) + "\n"
    write_atomic(args.out / SOURCE_RESOURCE, config.encode("utf-8"), mode=0o644)
    ctx.stdout.write(
        f"wrote {args.out / ROOT_RESOURCE} (root version {root.signed.version}) and "
        f"{args.out / SOURCE_RESOURCE}\n"
    )
    return 0


def _keys_list(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    root = repository.root().signed
    for role, keys in repository.keys().items():
        ctx.stdout.write(f"{role} (threshold {root.roles[role].threshold}):\n")
        for keyid, at_hand in keys:
            ctx.stdout.write(f"  {keyid}  {'at hand' if at_hand else 'not here'}\n")
    return 0


def _keys_add(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    keyid = repository.add_key(args.role, args.out or args.keys[0])
    ctx.stdout.write(
        f"added {args.role} key {keyid}; root is now version {repository.root().signed.version}\n"
    )
    return 0


def _keys_remove(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    repository.remove_key(args.role, args.keyid)
    ctx.stdout.write(
        f"removed the {args.role} key; root is now version {repository.root().signed.version}\n"
    )
    return 0


def _keys_rotate(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    keyid = repository.rotate_key(args.role, args.keyid, args.out or args.keys[0])
    ctx.stdout.write(
        f"replaced the {args.role} key by {keyid}; root is now version "
        f"{repository.root().signed.version}\n"
    )
    return 0


def _keys_threshold(args: argparse.Namespace, ctx: CliContext) -> int:
    repository = _open(args, ctx)
    repository.set_threshold(args.role, args.threshold)
    ctx.stdout.write(f"{args.role} now needs {args.threshold} signature(s)\n")
    return 0


def _update(args: argparse.Namespace, ctx: CliContext) -> int:
    from privacyapp.content.updater import ContentUpdater, UpdateSource, configured_source
    from privacyapp.opendata import default_client

    shipped = configured_source(ctx.env)
    if args.trust is not None:
        try:
            root = args.trust.read_bytes()
        except OSError as exc:
            raise UpdateNotConfigured(f"{args.trust} cannot be read ({exc.strerror})") from None
        root_summary_or_error(root, args.trust)
        url = args.url or (shipped.url if shipped else None)
        origin = "trust"
    else:
        root = shipped.root if shipped else b""
        url = args.url or (shipped.url if shipped else None)
        origin = shipped.origin if shipped else "app"
    if not url or not root:
        raise UpdateNotConfigured(
            "this app has no update address or trusted root; give --from URL and --trust ROOT_JSON"
        )
    with default_client() as client:
        updater = ContentUpdater(
            ctx.data_dir, client, source=UpdateSource(url, root, origin), clock=ctx.clock
        )
        outcome = updater.check()
    if args.format == "json":
        payload = {
            "result": outcome.result,
            "content_version": outcome.content_version,
            "message": outcome.message,
        }
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        ctx.stdout.write(outcome.message + "\n")
    return 0


def root_summary_or_error(data: bytes, path: Path) -> None:
    """Refuse a --trust file that is not TUF root metadata, naming the file."""
    try:
        root_summary(data)
    except Exception:
        raise UpdateNotConfigured(
            f"{path} is not TUF root metadata; give the repository's metadata/1.root.json "
            "(or the root your release ships)"
        ) from None


def _status(args: argparse.Namespace, ctx: CliContext) -> int:
    from privacyapp.content.updater import ContentUpdater, configured_source

    updater = ContentUpdater(ctx.data_dir, None, source=configured_source(ctx.env), clock=ctx.clock)
    status = updater.status()
    active = updater.active_library()
    installed_library = updater.installed_library()
    from_update = installed_library is not None and installed_library.content_hash == (
        active.content_hash
    )
    payload = {
        **status.to_json(),
        "active_version": active.content_version,
        "active_from": "update" if from_update else "built-in",
        "stale": updater.is_stale(status),
    }
    if args.format == "json":
        ctx.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        return 0
    installed = status.installed or {}
    lines = [
        f"content in use: {active.content_version} ({payload['active_from']})",
        f"installed update: {installed.get('content_version', 'none')}"
        + (f", published {installed.get('published_at')}" if installed else ""),
        f"source: {installed.get('source') or status.source or 'none'}",
        f"last check: {status.last_check or 'never'} ({status.last_result})",
    ]
    if status.last_message:
        lines.append(f"  {status.last_message}")
    if payload["stale"]:
        lines.append("note: no check succeeded for more than a week")
    ctx.stdout.write("\n".join(lines) + "\n")
    return 0
