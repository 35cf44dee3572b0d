"""Golden walks: a flow walked with fixed answers must still give exactly its recorded text.

A golden walk is a file ``<flow-id>__<answers>.txt`` (anywhere under a folder, e.g.
``tests/content/walks``) holding the exact output of ``privacyapp flows walk <flow-id> --answers
<answers>``. :func:`changed_walks` walks every golden again over a library and reports the ones
that no longer match: an edit that sends an answer to another advice, or changes its text,
shows up before it reaches anyone. The tests and the editors' studio (at publishing) both use
this module, so both judge a walk the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from privacyapp.engine import render
from privacyapp.engine.errors import EngineError
from privacyapp.engine.library import Library
from privacyapp.engine.walk import parse_answers, walk_session

__all__ = [
    "golden_clock",
    "Golden",
    "WalkChange",
    "WalkResult",
    "changed_walks",
    "goldens_from_folder",
    "goldens_from_texts",
    "parse_golden_name",
    "run_walk",
]

Clock = Callable[[], datetime]


def golden_clock() -> datetime:
    """The fixed time golden walks run at (the walk text itself shows no time)."""
    return datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Golden:
    """One recorded walk: where it is kept, the flow, the answers and the expected text."""

    path: str
    flow_id: str
    answers: str
    text: str


@dataclass(frozen=True)
class WalkResult:
    """What ``flows walk`` gives: exit code (0 done, 1 refused or unfinished), text, error."""

    code: int
    text: str
    error: str = ""


@dataclass(frozen=True)
class WalkChange:
    """A golden walk whose walk no longer gives its recorded text."""

    golden: Golden
    result: WalkResult

    def first_difference(self) -> tuple[int, str, str]:
        """(line number, recorded line, line now) of the first line that differs."""
        old = self.golden.text.splitlines()
        new = self.result.text.splitlines()
        for number in range(1, max(len(old), len(new)) + 1):
            before = old[number - 1] if number <= len(old) else ""
            after = new[number - 1] if number <= len(new) else ""
            if before != after:
                return number, before, after
        return len(old) + 1, "", ""  # only the final newline differs


def parse_golden_name(name: str) -> tuple[str, str] | None:
    """``jeugd-x__2,1.txt`` -> ("jeugd-x", "2,1"); None for a file that is no golden walk."""
    pure = PurePosixPath(name)
    if pure.suffix != ".txt" or "__" not in pure.stem:
        return None
    flow_id, answers = pure.stem.split("__", 1)
    return (flow_id, answers) if flow_id else None


def goldens_from_texts(files: Mapping[str, str]) -> list[Golden]:
    """The golden walks among ``files`` (path -> text), in path order."""
    found = []
    for path in sorted(files):
        parsed = parse_golden_name(path)
        if parsed is not None:
            found.append(Golden(path, parsed[0], parsed[1], files[path]))
    return found


def goldens_from_folder(folder: Path) -> list[Golden]:
    """Every golden walk under ``folder`` (paths relative to it); none when it is missing."""
    if not folder.is_dir():
        return []
    return goldens_from_texts(
        {
            p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in folder.rglob("*__*.txt")
        }
    )


def run_walk(
    library: Library, flow_id: str, answers: str, clock: Clock = golden_clock
) -> WalkResult:
    """Walk a flow as ``privacyapp flows walk`` does (its text, and its error in English)."""
    try:
        session = walk_session(library, flow_id, parse_answers(answers), clock)
    except EngineError as exc:
        return WalkResult(1, "", str(exc))
    text = render.walk_text(library, session)
    if not session.finished:
        return WalkResult(
            1, text, f'the answers ran out at "{session.current_id}"; give more answers'
        )
    return WalkResult(0, text)


def changed_walks(
    library: Library, goldens: Iterable[Golden], clock: Clock = golden_clock
) -> list[WalkChange]:
    """The golden walks whose walk over ``library`` no longer gives their recorded text."""
    changes = []
    for golden in goldens:
        result = run_walk(library, golden.flow_id, golden.answers, clock)
        if result.code != 0 or result.text != golden.text:
            changes.append(WalkChange(golden, result))
    return changes
