"""Flow sessions: answers, checklists, back, restart, progress and the path taken."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pytest

from privacyapp.engine import (
    Answer,
    FlowSession,
    InvalidAnswer,
    InvalidPath,
    Library,
    PathTaken,
    walk_session,
)

Clock = Callable[[], datetime]


def start(library: Library, flow_id: str, clock: Clock) -> FlowSession:
    return FlowSession.start(library.get(flow_id), content_hash=library.content_hash, clock=clock)


def test_answer_by_index_and_by_label(library: Library, clock: Clock) -> None:
    session = start(library, "algemeen-delen-zonder-toestemming", clock)
    by_index = session.answer(1)
    by_label = session.answer("  nEE ")
    assert by_index.current_id == by_label.current_id == "vraag-betrokken"
    assert session.current_id == "vraag-toestemming"  # the old value did not change


def test_wrong_answers_raise_with_the_choices(library: Library, clock: Clock) -> None:
    session = start(library, "algemeen-delen-zonder-toestemming", clock)
    with pytest.raises(InvalidAnswer, match='did you mean "Nee"'):
        session.answer("Neee")
    with pytest.raises(InvalidAnswer, match="no choice 4; this question has 3 choices"):
        session.answer(3)
    with pytest.raises(InvalidAnswer, match="is a question; going on does not fit here"):
        session.proceed()
    with pytest.raises(InvalidAnswer):
        session.answer(True)


def test_checklist_needs_every_item_and_picks_the_first_matching_rule(
    library: Library, clock: Clock
) -> None:
    session = start(library, "algemeen-conflict-van-plichten", clock).proceed()
    items = ["toestemming", "schade", "geweten", "geen-andere-weg", "helpt", "zo-min-mogelijk"]
    with pytest.raises(InvalidAnswer, match="missing: zo-min-mogelijk"):
        session.answer_checklist({i: Answer.YES for i in items[:-1]})
    with pytest.raises(InvalidAnswer, match='"schaade" is not an item'):
        session.answer_checklist({**{i: Answer.YES for i in items}, "schaade": Answer.NO})
    all_yes = session.answer_checklist({i: Answer.YES for i in items})
    assert all_yes.current_id == "advies-doorbreken" and all_yes.finished
    no_consent = session.answer_checklist(
        {**{i: Answer.UNKNOWN for i in items}, "toestemming": Answer.NO}
    )
    assert no_consent.current_id == "advies-eerst-toestemming"
    unsure = session.answer_checklist({**{i: Answer.YES for i in items}, "helpt": Answer.UNKNOWN})
    assert unsure.current_id == "advies-overleg"
    other = session.answer_checklist({**{i: Answer.YES for i in items}, "schade": Answer.NO})
    assert other.current_id == "advies-niet-doorbreken"


def test_back_restart_and_progress(library: Library, clock: Clock) -> None:
    session = start(library, "algemeen-delen-zonder-toestemming", clock)
    assert session.progress.step == 1 and session.progress.remaining_max == 3
    assert session.progress.fraction == 0.0
    assert not session.can_go_back and session.back() is session
    second = session.answer("Nee")
    assert second.progress.step == 2 and second.progress.remaining_max == 2
    done = second.answer("Ja")
    assert done.finished and done.progress.fraction == 1.0
    back = done.back()
    assert back.current_id == "vraag-betrokken" and not back.finished
    assert back.path.finished_at is None and back.path.advice_node_id is None
    again = done.restart()
    assert again.current_id == "vraag-toestemming" and again.steps == ()


def test_path_records_texts_answers_notes_and_times(library: Library, clock: Clock) -> None:
    session = start(library, "algemeen-conflict-van-plichten", clock).proceed()
    items = ["toestemming", "schade", "geweten", "geen-andere-weg", "helpt", "zo-min-mogelijk"]
    done = session.answer_checklist(
        {i: Answer.YES for i in items}, {"schade": " Kind is in gevaar. "}
    )
    path = done.path
    assert path.flow_id == "algemeen-conflict-van-plichten"
    assert path.flow_version == "1.0.0" and path.content_hash == library.content_hash
    assert [s.kind for s in path.steps] == ["info", "checklist", "advice"]
    assert path.steps[1].checklist[1].note == "Kind is in gevaar."
    assert path.steps[1].checklist[0].answer.label == "ja"
    assert path.advice_node_id == "advies-doorbreken"
    assert path.started_at.minute == 0 and path.finished_at is not None
    assert path.steps[-1].at == path.finished_at


def test_path_round_trips_through_json(library: Library, clock: Clock) -> None:
    session = walk_session(
        library, "algemeen-conflict-van-plichten", ["1", "2", "3", "1", "1", "1"], clock
    )
    path = session.path
    text = json.dumps(path.to_dict())
    assert PathTaken.from_dict(json.loads(text)) == path


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.pop("flow_id"),
        lambda d: d.update(started_at="gisteren"),
        lambda d: d["steps"][0].update(kind="dans"),
        lambda d: d["steps"][1]["checklist"][0].update(answer="misschien"),
        lambda d: d.update(format=99),
        lambda d: d.update(steps=None),
    ],
)
def test_damaged_paths_are_refused(
    library: Library, clock: Clock, damage: Callable[[dict[str, object]], object]
) -> None:
    data = walk_session(library, "algemeen-conflict-van-plichten", ["1"] * 6, clock).path.to_dict()
    damage(data)
    with pytest.raises(InvalidPath):
        PathTaken.from_dict(data)


def test_walk_session_uses_numbers_labels_and_stops_when_answers_run_out(
    library: Library, clock: Clock
) -> None:
    done = walk_session(library, "algemeen-inzage-dossier", ["Jonger dan 16", "2"], clock)
    assert done.current_id == "advies-organisatie"
    assert [s.kind for s in done.path.steps] == ["question", "info", "question", "advice"]
    waiting = walk_session(library, "algemeen-inzage-dossier", ["1"], clock)
    assert not waiting.finished and waiting.current_id == "vraag-organisatie"
    with pytest.raises(InvalidAnswer, match="ended before these answers were used: 1"):
        walk_session(library, "algemeen-inzage-dossier", ["1", "1", "1"], clock)
    with pytest.raises(InvalidAnswer, match='answer 1 \\("9"\\)'):
        walk_session(library, "algemeen-inzage-dossier", ["9"], clock)
