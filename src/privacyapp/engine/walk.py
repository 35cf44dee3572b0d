"""Walk a flow with a list of answers, without a screen (``privacyapp flows walk``).

Questions take one answer each (a 1-based choice number or the label); info steps take none;
a checklist takes one answer per item (1 = ja, 2 = nee, 3 = weet ik niet, or the words).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from privacyapp.engine.errors import InvalidAnswer
from privacyapp.engine.library import Library
from privacyapp.engine.model import Answer, ChecklistNode, InfoNode, QuestionNode
from privacyapp.engine.session import FlowSession

__all__ = ["parse_answers", "walk_session"]


def parse_answers(text: str) -> list[str]:
    """Split ``1,2,ja`` into answers (empty text: no answers)."""
    return [part.strip() for part in text.split(",")] if text.strip() else []


def _choice(token: str) -> int | str:
    return int(token) - 1 if token.isdigit() else token


def walk_session(
    library: Library,
    flow_id: str,
    answers: Sequence[str],
    clock: Callable[[], datetime],
) -> FlowSession:
    """Start ``flow_id`` and apply the answers; the result may be unfinished if they run out.

    Raises:
        FlowNotFound: when there is no such flow.
        InvalidAnswer: when an answer does not fit its step, or answers are left over.
    """
    flow = library.get(flow_id)
    session = FlowSession.start(flow, content_hash=library.content_hash, clock=clock)
    position = 0
    while not session.finished:
        node = session.current
        if isinstance(node, InfoNode):
            session = session.proceed()
            continue
        if position >= len(answers):
            break
        if isinstance(node, QuestionNode):
            token = answers[position]
            position += 1
            try:
                session = session.answer(_choice(token))
            except InvalidAnswer as exc:
                raise InvalidAnswer(
                    f'answer {position} ("{token}") at "{node.id}": {exc}'
                ) from None
        elif isinstance(node, ChecklistNode):
            tokens = answers[position : position + len(node.items)]
            if len(tokens) < len(node.items):
                break
            parsed: dict[str, Answer] = {}
            for item, token in zip(node.items, tokens, strict=True):
                position += 1
                try:
                    parsed[item.id] = Answer.parse(token)
                except ValueError as exc:
                    raise InvalidAnswer(
                        f'answer {position} at "{node.id}" item "{item.id}": {exc}'
                    ) from None
            session = session.answer_checklist(parsed)
    if position < len(answers):
        left = ", ".join(answers[position:])
        raise InvalidAnswer(f"the flow ended before these answers were used: {left}")
    return session
