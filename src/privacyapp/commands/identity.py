"""`privacyapp identity …`: the professional's signing identity for PDF records.

The identity lives in the encrypted store (record kind ``identity``), opened with the PIN from
the environment variable ``PRIVACYAPP_PIN``; the first command creates the store with that PIN.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privacyapp.dossier import (
    IdentityError,
    IdentityImportError,
    SigningIdentity,
    VaultIdentityStore,
    create_identity,
    import_pkcs12,
    load_identity,
    save_identity,
)

if TYPE_CHECKING:
    from privacyapp.cli import CliContext
    from privacyapp.dossier import Vault

PIN_ENV = "PRIVACYAPP_PIN"
P12_PASSWORD_ENV = "PRIVACYAPP_P12_PASSWORD"


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `identity` command group to the top-level parser."""
    group = sub.add_parser(
        "identity",
        help="signing identity for PDF records (PIN from env PRIVACYAPP_PIN)",
        description="Who signs your PDF records. The key is kept in the encrypted store; "
        f"give its PIN in the environment variable {PIN_ENV}.",
    )
    commands = group.add_subparsers(dest="identity_command", metavar="SUBCOMMAND")

    create = commands.add_parser(
        "create", help="make a key pair and self-signed certificate (ECDSA P-256)"
    )
    create.add_argument("--name", required=True, help="your full name")
    create.add_argument("--organisation", required=True, help="your organisation")
    create.add_argument("--email", required=True, help="your work e-mail address")
    create.add_argument("--role", default="", help="your role, e.g. jeugdconsulent")
    create.add_argument(
        "--replace", action="store_true", help="replace an existing identity (new fingerprint)"
    )
    create.set_defaults(handler=cmd_create)

    show = commands.add_parser("show", help="show the identity and its fingerprint")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=cmd_show)

    imp = commands.add_parser(
        "import",
        help=f"import an organisation certificate (.p12); password from env {P12_PASSWORD_ENV}",
    )
    imp.add_argument("file", type=Path, help="the PKCS#12 file (.p12 or .pfx)")
    imp.add_argument("--role", default="", help="your role, printed on records")
    imp.add_argument("--replace", action="store_true", help="replace an existing identity")
    imp.set_defaults(handler=cmd_import)


def open_vault(ctx: CliContext) -> Vault:
    """Open (or on first use create) the encrypted store with the PIN from the environment."""
    from privacyapp.commands.records import open_store

    vault = open_store(ctx, create=True)
    assert vault is not None  # create=True always gives a store
    return vault


def load_cli_identity(ctx: CliContext) -> SigningIdentity:
    """The identity in the store (``IdentityMissingError`` when there is none)."""
    return load_identity(VaultIdentityStore(open_vault(ctx)))


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    """`identity create`: generate and save a new identity."""
    store = VaultIdentityStore(open_vault(ctx))
    _refuse_overwrite(store, args.replace)
    identity = create_identity(
        name=args.name,
        organisation=args.organisation,
        email=args.email,
        role=args.role,
        now=ctx.clock(),
    )
    save_identity(store, identity)
    print(f"Ondertekenaar gemaakt voor {identity.name} ({identity.organisation}).", file=ctx.stdout)
    print(f"Vingerafdruk (SHA-256): {identity.fingerprint}", file=ctx.stdout)
    print("Geef deze vingerafdruk aan je organisatie, zodat zij je pdf's kan herkennen.",
          file=ctx.stdout)  # fmt: skip
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    """`identity show`: print who signs and the certificate fingerprint."""
    identity = load_cli_identity(ctx)
    info = {
        "name": identity.name,
        "organisation": identity.organisation,
        "email": identity.email,
        "role": identity.role,
        "origin": identity.origin,
        "fingerprint_sha256": identity.fingerprint,
        "valid_until": identity.valid_until.isoformat(),
        "warnings": [{"code": w.code, "text": w.text} for w in identity.warnings(ctx.clock())],
    }
    if args.format == "json":
        print(json.dumps(info, ensure_ascii=False, indent=2), file=ctx.stdout)
        return 0
    origin = "zelf gemaakt" if identity.origin == "self-signed" else "van je organisatie"
    lines = [
        f"Naam:          {identity.name}",
        f"Organisatie:   {identity.organisation}",
        f"E-mail:        {identity.email}",
        f"Rol:           {identity.role or '-'}",
        f"Certificaat:   {origin}, geldig tot {identity.valid_until:%Y-%m-%d}",
        f"Vingerafdruk:  {identity.fingerprint}",
    ]
    print("\n".join(lines), file=ctx.stdout)
    _print_warnings(identity, ctx)
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    """`identity import FILE.p12`: use the organisation's certificate."""
    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise IdentityImportError(f"Kan {args.file} niet lezen: {exc.strerror}.") from exc
    password = ctx.env.get(P12_PASSWORD_ENV)
    identity = import_pkcs12(data, password.encode("utf-8") if password else None, role=args.role)
    store = VaultIdentityStore(open_vault(ctx))
    _refuse_overwrite(store, args.replace)
    save_identity(store, identity)
    print(f"Certificaat geïmporteerd voor {identity.name} ({identity.organisation}).",
          file=ctx.stdout)  # fmt: skip
    print(f"Vingerafdruk (SHA-256): {identity.fingerprint}", file=ctx.stdout)
    _print_warnings(identity, ctx)
    return 0


def _print_warnings(identity: SigningIdentity, ctx: CliContext) -> None:
    for warning in identity.warnings(ctx.clock()):
        print(f"Let op: {warning.text}", file=ctx.stderr)


def _refuse_overwrite(store: VaultIdentityStore, replace: bool) -> None:
    if store.load() is not None and not replace:
        raise IdentityError(
            "Er is al een ondertekenaar. Een nieuwe krijgt een andere vingerafdruk; "
            "gebruik --replace als je dat echt wilt."
        )
