"""`privacyapp rights …` subcommands."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `rights` command group to the top-level parser."""
    return None
