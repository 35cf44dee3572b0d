"""The path taken through a flow: a plain, JSON-safe record.

Other parts store it (encrypted) and print it on signed PDFs, so ``to_dict`` / ``from_dict``
round-trip exactly and ``from_dict`` refuses anything malformed with ``InvalidPath``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from privacyapp.engine.errors import InvalidPath
from privacyapp.engine.model import Answer

__all__ = ["PATH_FORMAT", "ChecklistAnswer", "PathTaken", "Step", "StepKind"]

PATH_FORMAT = 1
StepKind = Literal["question", "info", "checklist", "advice"]
_KINDS = ("question", "info", "checklist", "advice")


@dataclass(frozen=True, slots=True)
class ChecklistAnswer:
    """One answered checklist item, with the item text as the user saw it."""

    item_id: str
    text: str
    answer: Answer
    note: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    """One step taken: the node, what it asked, the answer and when."""

    node_id: str
    kind: StepKind
    prompt: str
    answer_label: str | None
    at: datetime
    checklist: tuple[ChecklistAnswer, ...] = ()


@dataclass(frozen=True, slots=True)
class PathTaken:
    """The whole path: flow id, version and content hash, times and steps."""

    flow_id: str
    flow_title: str
    flow_version: str
    content_hash: str
    started_at: datetime
    finished_at: datetime | None
    steps: tuple[Step, ...]
    advice_node_id: str | None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (times as ISO 8601 text, answers as yes/no/unknown)."""
        return {
            "format": PATH_FORMAT,
            "flow_id": self.flow_id,
            "flow_title": self.flow_title,
            "flow_version": self.flow_version,
            "content_hash": self.content_hash,
            "started_at": self.started_at.isoformat(),
            "finished_at": None if self.finished_at is None else self.finished_at.isoformat(),
            "advice_node_id": self.advice_node_id,
            "steps": [
                {
                    "node_id": s.node_id,
                    "kind": s.kind,
                    "prompt": s.prompt,
                    "answer_label": s.answer_label,
                    "at": s.at.isoformat(),
                    "checklist": [
                        {
                            "item_id": c.item_id,
                            "text": c.text,
                            "answer": c.answer.value,
                            "note": c.note,
                        }
                        for c in s.checklist
                    ],
                }
                for s in self.steps
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PathTaken:
        """Read a path written by ``to_dict``.

        Raises:
            InvalidPath: when a field is missing or has the wrong type.
        """
        try:
            if data.get("format", PATH_FORMAT) != PATH_FORMAT:
                raise InvalidPath(
                    f"this path was saved in format {data.get('format')}; update the app"
                )
            steps = tuple(_step(s) for s in data["steps"])
            finished = data.get("finished_at")
            return cls(
                flow_id=_text(data["flow_id"]),
                flow_title=_text(data["flow_title"]),
                flow_version=_text(data["flow_version"]),
                content_hash=_text(data["content_hash"]),
                started_at=_time(data["started_at"]),
                finished_at=None if finished is None else _time(finished),
                steps=steps,
                advice_node_id=None
                if data.get("advice_node_id") is None
                else _text(data["advice_node_id"]),
            )
        except InvalidPath:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InvalidPath(f"the saved path is damaged ({exc!r}); it cannot be read") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _time(value: Any) -> datetime:
    return datetime.fromisoformat(_text(value))


def _step(data: Mapping[str, Any]) -> Step:
    kind = _text(data["kind"])
    if kind not in _KINDS:
        raise ValueError(f"unknown step kind {kind!r}")
    label = data.get("answer_label")
    return Step(
        node_id=_text(data["node_id"]),
        kind=kind,  # type: ignore[arg-type]
        prompt=_text(data["prompt"]),
        answer_label=None if label is None else _text(label),
        at=_time(data["at"]),
        checklist=tuple(
            ChecklistAnswer(
                item_id=_text(c["item_id"]),
                text=_text(c["text"]),
                answer=Answer(c["answer"]),
                note=_text(c.get("note", "")),
            )
            for c in data.get("checklist", ())
        ),
    )
