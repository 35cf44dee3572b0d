"""A flow session: where the user is in a flow, and the path taken so far.

A session is an immutable value. Every move (``answer``, ``answer_checklist``, ``proceed``,
``back``, ``restart``) returns a new session, so the UI can keep the old one for "back" and tests
can compare values. The path taken records node ids, the question and answer texts, checklist
answers and notes, times from the injected clock, and the flow id, version and content hash: it
is what later gets stored encrypted and printed on a signed PDF.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

from privacyapp.engine.diagnostics import did_you_mean
from privacyapp.engine.errors import InvalidAnswer
from privacyapp.engine.model import (
    AdviceNode,
    Answer,
    ChecklistNode,
    Flow,
    InfoNode,
    QuestionNode,
)
from privacyapp.engine.path import ChecklistAnswer, PathTaken, Step

__all__ = ["FlowSession", "Progress", "longest_remaining"]

NodeT = QuestionNode | InfoNode | ChecklistNode | AdviceNode
_KIND_NAMES = {
    "question": "a question",
    "info": "an info step",
    "checklist": "a checklist",
    "advice": "an advice (the end of the flow)",
}


@dataclass(frozen=True, slots=True)
class Progress:
    """Where-am-I: the step number, the most steps still to come, and a fraction for a bar."""

    step: int
    remaining_max: int
    fraction: float


def longest_remaining(flow: Flow) -> Mapping[str, int]:
    """For each node, the most steps from it to an advice (loops counted once)."""
    memo: dict[str, int] = {}

    def depth(node_id: str, on_path: frozenset[str]) -> int:
        if node_id in memo:
            return memo[node_id]
        node = flow.nodes.get(node_id)
        if node is None or isinstance(node, AdviceNode):
            return 0
        targets = _targets(node)
        inner = on_path | {node_id}
        best = max((depth(t, inner) for t in targets if t not in inner), default=0)
        result = best + 1
        if not any(t in inner for t in targets):
            memo[node_id] = result  # only cache values that do not depend on the current path
        return result

    return MappingProxyType({node_id: depth(node_id, frozenset()) for node_id in flow.nodes})


def _targets(node: NodeT) -> list[str]:
    if isinstance(node, QuestionNode):
        return [c.next for c in node.choices]
    if isinstance(node, InfoNode):
        return [node.next]
    if isinstance(node, ChecklistNode):
        return [o.next for o in node.outcomes]
    return []


def _prompt(node: NodeT) -> str:
    return node.text if isinstance(node, QuestionNode) else node.title


def _match_choice(node: QuestionNode, choice: int | str) -> int:
    labels = [c.label for c in node.choices]
    if isinstance(choice, bool):
        raise InvalidAnswer("give the number or the text of a choice")
    if isinstance(choice, int):
        if 0 <= choice < len(labels):
            return choice
        raise InvalidAnswer(
            f"there is no choice {choice + 1}; this question has {len(labels)} choices"
        )
    if choice in labels:
        return labels.index(choice)
    folded = [" ".join(label.casefold().split()) for label in labels]
    key = " ".join(choice.casefold().split())
    if key in folded:
        return folded.index(key)
    options = ", ".join(f'"{label}"' for label in labels)
    hint = did_you_mean(choice, labels, fallback=f"choose one of {options}")
    raise InvalidAnswer(f'"{choice}" is not a choice of this question; {hint}')


@dataclass(frozen=True)
class FlowSession:
    """One walk through a flow; every move returns a new session."""

    flow: Flow
    content_hash: str
    clock: Callable[[], datetime] = field(repr=False, compare=False)
    started_at: datetime
    current_id: str
    steps: tuple[Step, ...] = ()
    finished_at: datetime | None = None
    _depths: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def start(cls, flow: Flow, *, content_hash: str, clock: Callable[[], datetime]) -> FlowSession:
        """Start at the flow's first node."""
        session = cls(
            flow=flow,
            content_hash=content_hash,
            clock=clock,
            started_at=clock(),
            current_id=flow.start,
            _depths=longest_remaining(flow),
        )
        return session._arrive(flow.start, ())

    @property
    def current(self) -> NodeT:
        """The node the user is at."""
        return self.flow.nodes[self.current_id]

    @property
    def finished(self) -> bool:
        """True when the current node is an advice."""
        return isinstance(self.current, AdviceNode)

    @property
    def can_go_back(self) -> bool:
        """False at the first step."""
        return bool(self.steps)

    @property
    def progress(self) -> Progress:
        """Step number, the longest remaining path, and a fraction (1.0 at the advice)."""
        done = len(self.steps)
        remaining = 0 if self.finished else self._depths.get(self.current_id, 1)
        total = done + remaining
        fraction = 1.0 if self.finished else (done / total if total else 0.0)
        return Progress(step=done + 1, remaining_max=remaining, fraction=fraction)

    @property
    def path(self) -> PathTaken:
        """The path taken so far (with the advice as the last step once finished)."""
        steps = self.steps
        advice_id = None
        if self.finished and self.finished_at is not None:
            node = self.current
            steps = (*steps, Step(self.current_id, "advice", _prompt(node), None, self.finished_at))
            advice_id = self.current_id
        return PathTaken(
            flow_id=self.flow.id,
            flow_title=self.flow.title,
            flow_version=self.flow.version,
            content_hash=self.content_hash,
            started_at=self.started_at,
            finished_at=self.finished_at,
            steps=steps,
            advice_node_id=advice_id,
        )

    def _arrive(self, node_id: str, steps: tuple[Step, ...]) -> FlowSession:
        finished_at = self.clock() if isinstance(self.flow.nodes[node_id], AdviceNode) else None
        return dataclasses.replace(self, current_id=node_id, steps=steps, finished_at=finished_at)

    def _require(self, kind: type[NodeT], what: str) -> None:
        if not isinstance(self.current, kind):
            here = _KIND_NAMES[self.current.type]
            raise InvalidAnswer(f'"{self.current_id}" is {here}; {what} does not fit here')

    def answer(self, choice: int | str) -> FlowSession:
        """Answer the current question with a 0-based choice index or its label.

        Raises:
            InvalidAnswer: when the current node is not a question or the choice does not exist.
        """
        self._require(QuestionNode, "a choice")
        node = self.current
        assert isinstance(node, QuestionNode)
        index = _match_choice(node, choice)
        chosen = node.choices[index]
        step = Step(self.current_id, "question", node.text, chosen.label, self.clock())
        return self._arrive(chosen.next, (*self.steps, step))

    def answer_checklist(
        self, answers: Mapping[str, Answer], notes: Mapping[str, str] | None = None
    ) -> FlowSession:
        """Answer every item of the current checklist (item id -> answer), with optional notes.

        Raises:
            InvalidAnswer: when the node is not a checklist, an item is missing or unknown.
        """
        self._require(ChecklistNode, "a checklist answer")
        node = self.current
        assert isinstance(node, ChecklistNode)
        notes = notes or {}
        item_ids = [item.id for item in node.items]
        for key in [*answers, *notes]:
            if key not in item_ids:
                hint = did_you_mean(key, item_ids, fallback="items: " + ", ".join(item_ids))
                raise InvalidAnswer(f'"{key}" is not an item of this checklist; {hint}')
        missing = [item_id for item_id in item_ids if item_id not in answers]
        if missing:
            raise InvalidAnswer("answer every item; missing: " + ", ".join(missing))
        parsed: dict[str, Answer] = {}
        for item_id, value in answers.items():
            try:
                parsed[item_id] = value if isinstance(value, Answer) else Answer.parse(str(value))
            except ValueError as exc:
                raise InvalidAnswer(f"{item_id}: {exc}") from None
        checklist = tuple(
            ChecklistAnswer(item.id, item.text, parsed[item.id], notes.get(item.id, "").strip())
            for item in node.items
        )
        step = Step(self.current_id, "checklist", node.title, None, self.clock(), checklist)
        return self._arrive(node.outcome(parsed), (*self.steps, step))

    def proceed(self) -> FlowSession:
        """Go on from an info step.

        Raises:
            InvalidAnswer: when the current node is not an info step.
        """
        self._require(InfoNode, "going on")
        node = self.current
        assert isinstance(node, InfoNode)
        step = Step(self.current_id, "info", node.title, None, self.clock())
        return self._arrive(node.next, (*self.steps, step))

    def back(self) -> FlowSession:
        """Undo the last step (at the first step nothing changes)."""
        if not self.steps:
            return self
        last = self.steps[-1]
        return dataclasses.replace(
            self, current_id=last.node_id, steps=self.steps[:-1], finished_at=None
        )

    def restart(self) -> FlowSession:
        """Start the same flow again, with a new start time."""
        return FlowSession.start(self.flow, content_hash=self.content_hash, clock=self.clock)
