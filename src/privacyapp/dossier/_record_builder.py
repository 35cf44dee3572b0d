"""Build a ``RecordInput`` from the engine's ``PathTaken``: the walk as a reader sees it.

Questions become question/answer pairs, checklist steps become items with their answers and
notes, and the advice node the walk ended at gives the outcome, steps, explanation and sources
(citations and links generated from the law registry, never typed by hand).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from privacyapp.dossier._record import (
    Professional,
    RecordAnswer,
    RecordChecklistItem,
    RecordInput,
    RecordSource,
)
from privacyapp.dossier.errors import ReportError

if TYPE_CHECKING:
    from privacyapp.engine import Library, PathTaken

__all__ = ["INFO_READ", "from_path"]

#: What the route table says for an explanation step (it asks nothing).
INFO_READ = "Uitleg gelezen"


def from_path(
    path: PathTaken,
    library: Library,
    *,
    professional: Professional,
    created_at: datetime,
    considerations: str = "",
    client_reference: str = "",
    journal_head: str = "",
    title: str | None = None,
) -> RecordInput:
    """Turn a finished walk into the content of a PDF record.

    Raises:
        ReportError: the walk did not end at an advice (there is nothing to record yet), or
            the flow is no longer in the library.
        ClientReferenceError: the client reference looks like a BSN.
    """
    # The engine (pydantic models) costs ~140 ms to import: only when a record is made.
    from privacyapp.engine import FlowNotFound
    from privacyapp.engine.model import AdviceNode

    if path.advice_node_id is None:
        raise ReportError(
            "Deze route is nog niet af: beantwoord eerst alle vragen tot je een advies krijgt."
        )
    try:
        flow = library.get(path.flow_id)
    except FlowNotFound as exc:
        raise ReportError(
            f"De stroom '{path.flow_id}' staat niet (meer) in de inhoud van deze app."
        ) from exc
    advice = flow.nodes.get(path.advice_node_id)
    if not isinstance(advice, AdviceNode):
        raise ReportError(f"Het advies '{path.advice_node_id}' staat niet in deze stroom.")
    answers: list[RecordAnswer] = []
    checklist: list[RecordChecklistItem] = []
    for step in path.steps:
        if step.kind == "question" and step.answer_label is not None:
            answers.append(RecordAnswer(step.prompt, step.answer_label, step.at))
        elif step.kind == "info":
            answers.append(RecordAnswer(step.prompt, INFO_READ, step.at))
        elif step.kind == "checklist":
            checklist.extend(
                RecordChecklistItem(step.prompt, item.text, item.answer.value, item.note)
                for item in step.checklist
            )
    registry = library.registry
    sources = tuple(
        RecordSource(source.citation(registry), source.url(registry) or "")
        for source in advice.sources
    )
    return RecordInput(
        title=title or path.flow_title,
        created_at=created_at,
        professional=professional,
        flow_id=path.flow_id,
        flow_title=path.flow_title,
        flow_version=path.flow_version,
        content_hash=path.content_hash,
        answers=tuple(answers),
        checklist=tuple(checklist),
        outcome_title=advice.title,
        advice_steps=advice.steps,
        explanation=advice.explanation,
        sources=sources,
        considerations=considerations,
        client_reference=client_reference,
        journal_head=journal_head,
    )
