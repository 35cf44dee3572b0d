"""Golden walks for the flows on the topics added in issue 14.

A transcript ``tests/content/walks/topics/<flow-id>__<answers>.txt`` is the exact output of
``privacyapp flows walk <flow-id> --answers <answers>``: parents without gezag and separated
parents, data breaches, objection against a municipality's decision, school and leerplicht,
police, the Zorg- en Veiligheidshuis, the Wvggz, the woningcorporatie, the WGBO, secure channels,
recordings, electronic copies, retention of bijstand files, deceased clients and fraud signals.
Every flow added for these topics has at least one walk, and every representative flow one per
kind of person represented. After an intended change run with ``UPDATE_GOLDEN=1`` and read the
diff.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import walkkit

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"
WALKS = Path(__file__).resolve().parent / "walks" / "topics"

#: Every walk this test owns: flow id -> the answers walked.
OWNED: dict[str, tuple[str, ...]] = {
    "jeugd-ouder-zonder-gezag-informatie": ("1,1,1", "1,1,2", "1,2", "2", "3"),
    "jeugd-ouders-uit-elkaar": ("1,1", "1,2", "1,3", "2", "3", "4"),
    "algemeen-datalek-professional": ("1,1", "2,2"),
    "algemeen-datalek-inwoner": ("1", "2", "3"),
    "algemeen-datalek-vertegenwoordiger": ("1", "2", "3"),
    "algemeen-bezwaar-avg-besluit": ("1,1", "1,2", "2"),
    "algemeen-bezwaar-avg-besluit-vertegenwoordiger": ("1,1", "1,2", "1,3", "2"),
    "jeugd-school-leerplicht": ("1,1", "1,2", "2"),
    "jeugd-school-leerplicht-ouder": ("1", "2"),
    "algemeen-politie-vraagt": ("1", "2", "3"),
    "algemeen-politie-inwoner": ("1", "2"),
    "multiprobleem-zorg-en-veiligheidshuis": ("1", "2,1", "2,2"),
    "multiprobleem-zorg-en-veiligheidshuis-inwoner": ("1", "2"),
    "wmo-ggz-zorgen-wvggz": ("1", "2,1", "2,2"),
    "wmo-ggz-wvggz-inwoner": ("1", "2"),
    "multiprobleem-woningcorporatie": ("1", "2,1", "2,2"),
    "multiprobleem-woningcorporatie-inwoner": ("1", "2"),
    "algemeen-wgbo-medisch": ("1,1", "1,2", "1,3", "2", "3"),
    "algemeen-veilig-mailen-appen": ("1", "2,1", "2,2"),
    "algemeen-gesprek-opnemen": ("1", "2"),
    "algemeen-gesprek-opnemen-professional": ("1", "2"),
    "algemeen-elektronische-kopie": ("1", "2"),
    "werk-en-inkomen-bewaartermijn": ("1", "2"),
    "algemeen-overleden-client": ("1", "2"),
    "algemeen-overleden-familielid": ("1", "2"),
    "werk-en-inkomen-fraude-signaal": ("1", "2", "3"),
    "werk-en-inkomen-fraude-signaal-vertegenwoordiger": ("1", "2"),
    "algemeen-veilig-mailen-inwoner": ("1", "2"),
    "jeugd-school-jongere": ("1", "2"),
    "algemeen-medisch-dossier-inwoner": ("1", "2", "3"),
}

NAMES = sorted(f"{flow}__{answers}" for flow, walks in OWNED.items() for answers in walks)


def _clock() -> datetime:
    return datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def walk(flow_id: str, answers: str) -> tuple[int, str, str]:
    return walkkit.walk(flow_id, answers, _clock)


def transcript(name: str) -> Path:
    return WALKS / f"{name}.txt"


def test_the_transcript_files_are_exactly_the_owned_walks() -> None:
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for name in NAMES:
            code, out, err = walk(*name.split("__"))
            assert code == 0, err
            transcript(name).write_text(out, encoding="utf-8")
    assert sorted(p.stem for p in WALKS.glob("*__*.txt")) == NAMES


def test_every_advice_of_these_flows_is_walked() -> None:
    library = walkkit.shipped_library()
    for flow_id in OWNED:
        flow = library.get(flow_id)
        advice = {n for n, node in flow.nodes.items() if node.type == "advice"}
        reached = set()
        for answers in OWNED[flow_id]:
            text = transcript(f"{flow_id}__{answers}").read_text(encoding="utf-8")
            title = text.split("\nADVIES: ", 1)[1].split("\n", 1)[0]
            reached |= {n for n in advice if flow.nodes[n].title == title}  # type: ignore[union-attr]
        assert reached == advice, f"{flow_id}: not walked {sorted(advice - reached)}"


@pytest.mark.parametrize("name", NAMES)
def test_walk_matches_its_transcript(name: str) -> None:
    code, out, err = walk(*name.split("__"))
    assert code == 0, err
    assert out == transcript(name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_every_walk_ends_in_advice_with_steps_sources_and_help(name: str) -> None:
    text = transcript(name).read_text(encoding="utf-8")
    for part in ("\nADVIES: ", "\nWat kun je doen:\n", "\nBronnen:\n  - ", "\nMeer hulp:\n  - "):
        assert part in text, f"{name}: missing {part.strip()!r}"


def test_a_representative_flow_speaks_about_the_person_represented() -> None:
    for name in NAMES:
        flow_id = name.split("__")[0]
        if not flow_id.endswith("-vertegenwoordiger"):
            continue
        advice = transcript(name).read_text(encoding="utf-8").split("\nADVIES: ", 1)[1]
        assert any(w in advice for w in ("je kind", "vertegenwoordig", "namens")), name
        assert "kindertelefoon" not in advice.casefold(), name
