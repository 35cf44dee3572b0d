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
