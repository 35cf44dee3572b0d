"""Golden walks for the sectors wmo, werk-en-inkomen and schulden.

Each file ``tests/content/walks/<flow-id>__<answers>.txt`` whose flow id starts with one of
this test's sectors holds the exact output of ``privacyapp flows walk <flow-id> --answers
<answers>``. The test walks the flow again and compares, so a content change that moves an
answer to another advice, or changes its text, shows up here. After an intended change, run
the tests with ``UPDATE_GOLDEN=1`` to rewrite the transcripts, and review the diff.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import walkkit

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"
WALKS = Path(__file__).resolve().parent / "walks"
SECTORS = ("wmo-", "werk-en-inkomen-", "schulden-")

#: The walks this test owns: at least one per sector, every representative variant.
EXPECTED = (
    "schulden-inzage-dossier-vertegenwoordiger__1,1,1.txt",
    "schulden-signaal-gemeente__1,2.txt",
    "schulden-vroegsignalering__1,1.txt",
    "werk-en-inkomen-gegevens-vragen__2,1.txt",
    "werk-en-inkomen-gemeente-delen__3,2.txt",
    "werk-en-inkomen-inzage-dossier-vertegenwoordiger__2,2.txt",
    "werk-en-inkomen-niet-eens__2,2.txt",
    "wmo-huisarts-gegevens__1,2.txt",
    "wmo-huisarts-gegevens__2,2,1.txt",
    "wmo-inzage-dossier-vertegenwoordiger__4,1.txt",
    "wmo-inzage-dossier__3,1.txt",
    "wmo-niet-eens__5.txt",
)


def _fixed_clock() -> Callable[[], datetime]:
    return lambda: datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def _walk(flow_id: str, answers: str) -> tuple[int, str, str]:
    return walkkit.walk(flow_id, answers, _fixed_clock())


def _owned() -> list[Path]:
    return sorted(p for p in WALKS.glob("*__*.txt") if p.name.startswith(SECTORS))


def _split(path: Path) -> tuple[str, str]:
    flow_id, answers = path.stem.split("__", 1)
    return flow_id, answers


def test_every_expected_walk_has_a_transcript() -> None:
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for name in EXPECTED:
            flow_id, answers = _split(WALKS / name)
            code, out, err = _walk(flow_id, answers)
            assert code == 0, err
            (WALKS / name).write_text(out, encoding="utf-8")
    assert sorted(p.name for p in _owned()) == sorted(EXPECTED)


@pytest.mark.parametrize("path", _owned(), ids=lambda p: p.stem)
def test_walk_matches_its_transcript(path: Path) -> None:
    flow_id, answers = _split(path)
    code, out, err = _walk(flow_id, answers)
    assert code == 0, err
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", _owned(), ids=lambda p: p.stem)
def test_walk_ends_in_advice_with_sources_and_help(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "\nADVIES: " in text
    assert "\nBronnen:\n  - " in text
    assert "\nMeer hulp:\n  - " in text


def test_a_wrong_answer_is_refused_with_exit_code_1() -> None:
    code, out, err = _walk("wmo-huisarts-gegevens", "9")
    assert code == 1
    assert err.strip()
