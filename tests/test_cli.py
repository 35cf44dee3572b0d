"""The command's edge: usage errors, version, help."""

import io

from privacyapp import __version__
from privacyapp.cli import main


def test_version_is_printed() -> None:
    # argparse writes --version to sys.stdout itself; the exit code is what we control
    assert main(["--version"]) == 0
    assert __version__.count(".") == 2


def test_unknown_command_is_a_usage_error() -> None:
    assert main(["no-such-command"], stderr=io.StringIO()) == 2


def test_group_without_subcommand_is_a_usage_error(monkeypatch: object) -> None:
    from typing import Any

    import privacyapp.commands.records as records

    def register(sub: Any) -> None:
        sub.add_parser("records")

    mp: Any = monkeypatch
    mp.setattr(records, "register", register)
    err = io.StringIO()
    assert main(["records"], stderr=err) == 2
    assert "choose a subcommand" in err.getvalue()


def test_version_and_help_import_none_of_the_app() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, contextlib, io\n"
        "from privacyapp.cli import main\n"
        "for argv in (['--version'], ['--help']):\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        "        assert main(argv) == 0\n"
        "heavy = ('privacyapp.engine', 'privacyapp.dossier', 'privacyapp.commands', 'flet',\n"
        "         'pydantic', 'httpx', 'cryptography', 'reportlab', 'yaml')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_help_lists_each_group_as_its_module_registers_it() -> None:
    from privacyapp.cli import COMMAND_HELP, COMMAND_MODULES, build_parser

    full = build_parser()
    light = build_parser(only=())
    assert full.format_help() == light.format_help()
    assert list(COMMAND_HELP) == list(COMMAND_MODULES)


def test_a_subcommand_after_top_level_options_is_found() -> None:
    from privacyapp.cli import _command_in

    assert _command_in(["--data-dir", "flows", "records", "list"]) == "records"
    assert _command_in(["--web", "--port", "8000"]) is None
    assert _command_in(["--port=8000", "flows", "check"]) == "flows"
