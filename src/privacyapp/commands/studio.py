"""`privacyapp studio …`: serve the editors' studio, and manage its accounts.

- ``studio --repo DIR --studio-data DIR [--host H --port N]``: serve the studio (a web app for
  the editorial team; not part of the citizen app);
- ``studio users add NAME --role ROLE [--role ROLE] [--name "Full Name"] [--municipality
  GMxxxx]`` (a gemeenteredacteur's municipality): a new account, its
  password from ``PRIVACYAPP_STUDIO_PASSWORD`` (never on the command line);
- ``studio users list [--format json]`` and ``studio users set NAME [--role R ...]
  [--block|--unblock] [--new-password]``.

Account commands run as the operator of the machine (whoever may read the studio's data
folder); they are written to the audit log as such.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from privacyapp import __version__
from privacyapp.cli import CliContext
from privacyapp.studio import ROLES, PublishTarget, Studio
from privacyapp.studio.core import DEFAULT_WALKS_DIR
from privacyapp.studio.errors import InvalidInput
from privacyapp.studio.oidc import load_oidc_config

__all__ = ["PASSWORD_ENV", "add_location_args", "open_studio", "register"]

PASSWORD_ENV = "PRIVACYAPP_STUDIO_PASSWORD"
DATA_ENV = "PRIVACYAPP_STUDIO_DATA"


def add_location_args(parser: argparse.ArgumentParser) -> None:
    """``--repo``, ``--studio-data`` and the optional update server (``--tuf-repo``, ``--keys``)."""
    parser.add_argument(
        "--repo", type=Path, default=Path("."), help="the content repository (git; default: .)"
    )
    parser.add_argument(
        "--studio-data",
        type=Path,
        default=None,
        help=f"the studio's own data folder (accounts, reviews, audit log; env {DATA_ENV})",
    )
    parser.add_argument(
        "--tuf-repo", type=Path, default=None, help="publish into this TUF repository too"
    )
    parser.add_argument(
        "--walks", default=DEFAULT_WALKS_DIR, metavar="DIR",
        help="the golden walks' folder in the repository, walked at publishing "
        f"(default: {DEFAULT_WALKS_DIR}; '' for none)",
    )  # fmt: skip
    parser.add_argument(
        "--keys", type=Path, action="append", default=None, metavar="KEYDIR",
        help="signing keys of the TUF repository (repeat per key holder)",
    )  # fmt: skip


def open_studio(args: argparse.Namespace, ctx: CliContext) -> Studio:
    """The studio of ``--repo`` and ``--studio-data`` (with its update server, when given)."""
    data = args.studio_data or (Path(ctx.env[DATA_ENV]) if ctx.env.get(DATA_ENV) else None)
    if data is None:
        raise InvalidInput(
            f"Geef --studio-data DIR (of zet {DATA_ENV}): waar de studio zijn gegevens bewaart."
        )
    target = None
    if args.tuf_repo is not None:
        if not args.keys:
            raise InvalidInput("Geef bij --tuf-repo ook --keys KEYDIR (de sleutels om te tekenen).")
        target = PublishTarget(args.tuf_repo, tuple(args.keys), __version__)
    walks = getattr(args, "walks", DEFAULT_WALKS_DIR) or None
    oidc_file = getattr(args, "oidc", None)
    oidc = load_oidc_config(oidc_file, ctx.env) if oidc_file is not None else None
    return Studio(
        args.repo, data, clock=ctx.clock, publish_target=target, walks_dir=walks, oidc=oidc
    )


def password(ctx: CliContext) -> str:
    """The password from the environment (never an argument: it would show in ``ps``)."""
    value = ctx.env.get(PASSWORD_ENV, "")
    if not value:
        raise InvalidInput(f"Zet het wachtwoord in de omgevingsvariabele {PASSWORD_ENV}.")
    return value


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `studio` command group to the top-level parser."""
    studio = sub.add_parser("studio", help="serve the editors' studio, and manage its accounts")
    add_location_args(studio)
    studio.add_argument("--host", default="127.0.0.1", help="address to listen on")
    studio.add_argument("--port", type=int, default=8560, help="port to listen on")
    studio.add_argument(
        "--oidc", type=Path, default=None, metavar="FILE",
        help="offer sign-in with an OpenID Connect provider (TOML; see docs/studio.md)",
    )  # fmt: skip
    studio.set_defaults(handler=serve_command)
    groups = studio.add_subparsers(dest="studio_command", metavar="SUBCOMMAND")
    users = groups.add_parser("users", help="the studio's accounts")
    actions = users.add_subparsers(dest="users_command", metavar="ACTION")
    users.set_defaults(handler=lambda args, ctx: _usage(users, ctx))

    add = actions.add_parser("add", help=f"a new account (password from ${PASSWORD_ENV})")
    add.add_argument("account", metavar="NAME")
    add.add_argument("--role", action="append", required=True, choices=ROLES)
    add.add_argument("--name", dest="display_name", default=None, help="full name, for commits")
    add.add_argument(
        "--municipality", default=None, metavar="GMxxxx",
        help="a gemeenteredacteur's municipality (CBS gemeentecode, e.g. GM0363)",
    )  # fmt: skip
    add_location_args(add)
    add.set_defaults(handler=users_add)

    listing = actions.add_parser("list", help="every account and its roles")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    add_location_args(listing)
    listing.set_defaults(handler=users_list)

    change = actions.add_parser("set", help="change roles, block or unblock, new password")
    change.add_argument("account", metavar="NAME")
    change.add_argument("--role", action="append", default=None, choices=ROLES)
    state = change.add_mutually_exclusive_group()
    state.add_argument("--block", action="store_true")
    state.add_argument("--unblock", action="store_true")
    change.add_argument(
        "--new-password", action="store_true", help=f"set the password from ${PASSWORD_ENV}"
    )
    add_location_args(change)
    change.set_defaults(handler=users_set)


def _usage(parser: argparse.ArgumentParser, ctx: CliContext) -> int:
    ctx.stderr.write(parser.format_help())
    return 2


def serve_command(args: argparse.Namespace, ctx: CliContext) -> int:
    """Serve the studio's web UI."""
    studio = open_studio(args, ctx)
    from privacyapp.views.studio.server import serve  # flet only when serving

    serve(studio, host=args.host, port=args.port, out=ctx.stdout)
    return 0


def users_add(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    user = studio.add_account(
        args.account, password(ctx), args.role, display_name=args.display_name,
        municipality=args.municipality,
    )  # fmt: skip
    ctx.stdout.write(f"account {user.name} aangemaakt: {', '.join(sorted(user.roles))}\n")
    return 0


def users_list(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    with studio.storage.connect() as db:
        accounts = studio.storage.accounts(db)
    rows = [
        {
            "name": a.name,
            "display_name": a.display_name,
            "roles": sorted(a.roles),
            "active": a.active,
        }
        for a in accounts
    ]
    if args.format == "json":
        ctx.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    for account in accounts:
        blocked = "" if account.active else " (geblokkeerd)"
        roles = ", ".join(sorted(account.roles))
        ctx.stdout.write(f"{account.name}\t{roles}\t{account.display_name}{blocked}\n")
    return 0


def users_set(args: argparse.Namespace, ctx: CliContext) -> int:
    studio = open_studio(args, ctx)
    active = True if args.unblock else False if args.block else None
    user = studio.update_account(
        None, args.account, roles=args.role, active=active,
        password=password(ctx) if args.new_password else None,
    )  # fmt: skip
    state = "actief" if user.active else "geblokkeerd"
    ctx.stdout.write(f"account {user.name}: {', '.join(sorted(user.roles))}, {state}\n")
    return 0
