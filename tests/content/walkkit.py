"""Golden walks without reloading the library for every walk.

``privacyapp flows walk`` loads and checks all flows each time it runs (about 0.8 s). The walk
tests load them once (``shipped_library``) and walk with the product's own runner
(``privacyapp.engine.goldens.run_walk``, which the editors' studio runs at publishing); a walk
that the engine refuses goes through the real command, so its message and exit code are the
command's own. ``test_walkkit_matches_the_command`` keeps the two ways equal.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from privacyapp.cli import main
from privacyapp.engine import Library, load_flows
from privacyapp.engine.goldens import run_walk

__all__ = ["FLOWS", "cli_walk", "shipped_library", "walk"]

FLOWS = Path(__file__).resolve().parents[2] / "flows"


@functools.cache
def shipped_library() -> Library:
    """The flows in ``flows/``, loaded and checked once per test run."""
    result = load_flows([FLOWS])
    assert result.library is not None, [str(d) for d in result.errors]
    return result.library


def cli_walk(flow_id: str, answers: str, clock: Callable[[], datetime]) -> tuple[int, str, str]:
    """``privacyapp flows walk FLOW --answers ANSWERS``: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["flows", "walk", flow_id, "--answers", answers, "--flows", str(FLOWS)]
    code = main(argv, stdout=out, stderr=err, env={}, clock=clock)
    return code, out.getvalue(), err.getvalue()


def walk(flow_id: str, answers: str, clock: Callable[[], datetime]) -> tuple[int, str, str]:
    """What ``cli_walk`` gives, over the library loaded once."""
    result = run_walk(shipped_library(), flow_id, answers, clock)
    if result.code != 0 and not result.text:  # refused: the command's own message
        return cli_walk(flow_id, answers, clock)
    return result.code, result.text, result.error + "\n" if result.error else ""
