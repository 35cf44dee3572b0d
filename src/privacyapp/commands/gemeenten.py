"""`privacyapp gemeenten …` subcommands."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: argparse._SubParsersAction[Any]) -> None:
    """Add the `gemeenten` command group to the top-level parser."""
    return None
