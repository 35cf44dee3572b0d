"""The ``privacyapp`` command: runs the app, and gives editors and automation subcommands.

Each subcommand group lives in its own module under ``privacyapp.commands`` and registers itself
through ``register(subparsers)``; its handlers take ``(args, ctx)`` and return an exit code.
Errors are caught here, at the edge only: 0 ok, 1 problems found (or an expected failure such as
a wrong PIN or an invalid signature), 2 usage errors.

Light start (issue 21): ``main`` imports only the module of the subcommand that is asked for;
``privacyapp --version`` and ``--help`` import none (they list the groups from ``COMMAND_HELP``,
which a test keeps equal to what each module registers), so they answer in a few tens of
milliseconds instead of importing the whole app first.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from privacyapp import __version__
from privacyapp.errors import PrivacyAppError
from privacyapp.paths import default_data_dir

__all__ = ["CliContext", "Handler", "build_parser", "main"]

#: Subcommand modules, in the order ``privacyapp --help`` lists them.
COMMAND_MODULES = (
    "flows",
    "content",
    "records",
    "pdf",
    "identity",
    "gemeenten",
    "rights",
    "studio",
    "changes",
)

#: Each group's one-line help, for ``--help`` without importing the modules (kept equal to
#: what each module's ``register`` says by a test).
COMMAND_HELP = {
    "flows": "check, list, show, walk and build the content",
    "content": "publish signed content (TUF) and update the app",
    "records": "saved paths, checklists and requests in the encrypted store",
    "pdf": "check signed PDF records",
    "identity": "signing identity for PDF records (PIN from env PRIVACYAPP_PIN)",
    "gemeenten": "municipality directory (register, postcode)",
    "rights": "write AVG requests and follow their terms",
    "studio": "serve the editors' studio, and manage its accounts",
    "changes": "change sets of the editors' studio (for scripts)",
}
#: Top-level options that take a value (to find the subcommand in argv without parsing).
_VALUE_OPTIONS = ("--data-dir", "--host", "--port")

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


@dataclass
class CliContext:
    """What a handler may touch: injected so tests can call ``main(argv)`` directly."""

    data_dir: Path
    stdout: TextIO
    stderr: TextIO
    env: Mapping[str, str]
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))


Handler = Callable[[argparse.Namespace, CliContext], int]


def build_parser(only: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand group registered.

    Args:
        only: register (and import) just these groups; the others are listed with their help
            but not imported. ``()``: import none (``--version``, ``--help``, starting the app).
    """
    parser = argparse.ArgumentParser(
        prog="privacyapp",
        description="PrivacyApp ondersteuning en zorg. Without a subcommand it starts the app.",
    )
    parser.add_argument("--version", action="version", version=f"privacyapp {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="where encrypted user data is kept (default: the platform's app-data directory; "
        "env PRIVACYAPP_DATA_DIR)",
    )
    parser.add_argument("--web", action="store_true", help="serve the app as a web app")
    parser.add_argument("--host", default="127.0.0.1", help="web: address to listen on")
    parser.add_argument("--port", type=int, default=8550, help="web: port to listen on")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        if only is None or name in only:
            module = importlib.import_module(f"privacyapp.commands.{name}")
            module.register(sub)
        else:
            sub.add_parser(name, help=COMMAND_HELP[name])
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand group named in ``argv`` (the first word that is not an option)."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in _VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    env: Mapping[str, str] | None = None,
    clock: Callable[[], datetime] | None = None,
) -> int:
    """Run the command line; returns the exit code instead of exiting (tests call this)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    environ = dict(os.environ if env is None else env)
    arguments = list(sys.argv[1:] if argv is None else argv)
    command = _command_in(arguments)
    parser = build_parser(only=(command,) if command in COMMAND_MODULES else ())
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    data_dir = args.data_dir if args.data_dir is not None else default_data_dir(environ)
    ctx = CliContext(data_dir=data_dir, stdout=out, stderr=err, env=environ)
    if clock is not None:
        ctx.clock = clock
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        if args.command is not None:  # a group without its subcommand, e.g. `privacyapp flows`
            print(f"privacyapp {args.command}: choose a subcommand (see --help)", file=err)
            return EXIT_USAGE
        from privacyapp.app import run  # imported late: flet is only needed to run the app

        return run(web=args.web, host=args.host, port=args.port, data_dir=data_dir)
    try:
        return handler(args, ctx)
    except PrivacyAppError as exc:
        print(f"privacyapp: {exc}", file=err)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return 130
