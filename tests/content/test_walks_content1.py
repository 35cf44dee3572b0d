"""Golden walks for the sectors algemeen, jeugd and multiprobleem, and the three checklists.

A transcript ``tests/content/walks/<flow-id>__<answers>.txt`` is the exact output of
``privacyapp flows walk <flow-id> --answers <answers>``. This test owns the transcripts whose
flow id starts with ``algemeen-``, ``jeugd-`` or ``multiprobleem-``. It walks each flow again and
compares, so an edit that sends an answer to another advice, or changes its text, shows up in
review. After an intended change run the tests with ``UPDATE_GOLDEN=1`` and read the diff.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import walkkit

from privacyapp.engine import QuestionNode, load_flows

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"
WALKS = Path(__file__).resolve().parent / "walks"
PREFIXES = ("algemeen-", "jeugd-", "multiprobleem-")

#: Every walk this test owns. The checklists have one walk per kind of outcome.
OWNED = {
    # conflict van plichten: all six yes; consent not tried; one "weet ik niet"; one "nee"
    "algemeen-conflict-van-plichten__1,1,1,1,1,1",
    "algemeen-conflict-van-plichten__2,1,1,1,1,1",
    "algemeen-conflict-van-plichten__1,1,1,3,1,1",
    "algemeen-conflict-van-plichten__1,2,1,1,1,1",
    # meldcode: acute danger; acute or structural unsafety (always report) with and without
    # help; no unsafety and help works; help not possible; no suspicion; steps 1-3 not done
    "algemeen-meldcode__1",
    "algemeen-meldcode__2,1,1,1,1,1,1",
    "algemeen-meldcode__2,1,1,1,1,1,2",
    "algemeen-meldcode__2,1,1,1,1,2,1,1,3",
    "algemeen-meldcode__2,1,1,1,1,2,2",
    "algemeen-meldcode__2,1,1,1,2",
    "algemeen-meldcode__2,2,1,1",
    # who decides about a child's data: under 12, 12-15, 16+, adult with a mentor
    "algemeen-leeftijd-gezag__1,1",
    "algemeen-leeftijd-gezag__2,1",
    "algemeen-leeftijd-gezag__3,1",
    "algemeen-leeftijd-gezag__4,2",
    "algemeen-leeftijd-gezag-ouder__3,1",
    "algemeen-inzage-dossier-mentor__1,2",
    "algemeen-delen-zonder-toestemming__2,Nee,1",
    "jeugd-delen-hulpverlener__2,2,2",
    "jeugd-dossier-inzien__2,1",
    "jeugd-dossier-inzien-ouder__3",
    "jeugd-gezag-ouder__2,2,1",
    "multiprobleem-wams-professional__1",
    "multiprobleem-wams-inwoner__2,2",
    "multiprobleem-gemeente-koppelt__2,2",
    "jeugd-ouders-inzien__2,2",
    "multiprobleem-gemeente-koppelt-vertegenwoordiger__2",
}


def _clock() -> datetime:
    return datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def walk(flow_id: str, answers: str) -> tuple[int, str, str]:
    return walkkit.walk(flow_id, answers, _clock)


def test_walkkit_matches_the_command() -> None:
    for flow_id, answers in (("algemeen-meldcode", "2,1,1,1,1,2,1,1"), ("jeugd-gezag-ouder", "2")):
        assert walk(flow_id, answers) == walkkit.cli_walk(flow_id, answers, _clock)


def transcript(name: str) -> Path:
    return WALKS / f"{name}.txt"


def test_the_transcript_files_are_exactly_the_owned_walks() -> None:
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for name in OWNED:
            code, out, err = walk(*name.split("__"))
            assert code == 0, err
            transcript(name).write_text(out, encoding="utf-8")
    on_disk = {p.stem for p in WALKS.glob("*__*.txt") if p.name.startswith(PREFIXES)}
    assert on_disk == OWNED


@pytest.mark.parametrize("name", sorted(OWNED))
def test_walk_matches_its_transcript(name: str) -> None:
    code, out, err = walk(*name.split("__"))
    assert code == 0, err
    assert out == transcript(name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(OWNED))
def test_every_walk_ends_in_advice_with_steps_sources_and_help(name: str) -> None:
    text = transcript(name).read_text(encoding="utf-8")
    for part in ("\nADVIES: ", "\nWat kun je doen:\n", "\nBronnen:\n  - ", "\nMeer hulp:\n  - "):
        assert part in text, f"{name}: missing {part.strip()!r}"


@pytest.mark.parametrize(
    "answers",
    ["2,1,1,1,1,1,1", "2,1,1,1,1,1,2"],
    ids=["with-own-help", "without-own-help"],
)
def test_acute_or_structural_unsafety_always_means_reporting(answers: str) -> None:
    _, out, _ = walk("algemeen-meldcode", answers)
    advice = out.split("\nADVIES: ", 1)[1]
    assert advice.startswith("Meld bij Veilig Thuis")
    assert "Beslissing 1: melden is noodzakelijk." in advice


def test_step_five_is_two_decisions_never_one_choice_among_four() -> None:
    _, out, _ = walk("algemeen-meldcode", "2,1,1,1,1,2,1,1,3")
    assert "Beslissing 1: melden is nu niet noodzakelijk." in out
    assert "Beslissing 2: hulp geven of regelen is mogelijk." in out
    library = load_flows([FLOWS]).library
    assert library is not None
    flow = library.get("algemeen-meldcode")
    second = flow.nodes["hulp-na-melden"]
    assert isinstance(second, QuestionNode)
    assert second.text.startswith("Beslissing 2: is hulp verlenen of organiseren ook mogelijk?")
    assert len(second.choices) == 2
    questions = [n for n in flow.nodes.values() if isinstance(n, QuestionNode)]
    assert all(len(q.choices) <= 3 for q in questions)


def test_conflict_van_plichten_needs_all_six_yes_to_share() -> None:
    _, out, _ = walk("algemeen-conflict-van-plichten", "1,1,1,1,1,1")
    assert "ADVIES: Je mag delen wat nodig is om de schade te voorkomen" in out
    _, out, _ = walk("algemeen-conflict-van-plichten", "1,1,1,1,1,2")
    assert "ADVIES: Deel niets zonder toestemming" in out


def test_a_wrong_answer_fails_with_a_message() -> None:
    code, _, err = walk("algemeen-leeftijd-gezag", "7")
    assert code == 1
    assert "7" in err
