"""The flow engine: content model, YAML loading with diagnostics, checks, sessions and search.

Plain typed Python (no UI). Editors' tools load YAML with ``load_flows``; the app loads a compiled
bundle (``privacyapp.content``) into a ``Library`` and walks flows with ``FlowSession``.

The YAML side (``load_flows``, ``LoadResult``, the extra checks) is imported on first use: the
app itself never reads YAML, and the browser build ships no PyYAML at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity
from privacyapp.engine.errors import (
    ContentInvalid,
    EngineError,
    FlowNotFound,
    InvalidAnswer,
    InvalidPath,
)
from privacyapp.engine.library import Library, canonical_content
from privacyapp.engine.model import (
    Action,
    AdviceNode,
    Answer,
    ChecklistItem,
    ChecklistNode,
    Choice,
    Condition,
    Flow,
    InfoNode,
    Node,
    Outcome,
    QuestionNode,
    Review,
    Source,
)
from privacyapp.engine.path import ChecklistAnswer, PathTaken, Step
from privacyapp.engine.registry import Audience, HelpRoute, Law, Registry, Sector, Situation
from privacyapp.engine.search import SearchHit, SearchIndex
from privacyapp.engine.session import FlowSession, Progress
from privacyapp.engine.walk import parse_answers, walk_session

if TYPE_CHECKING:
    from privacyapp.engine.checks import EXTRA_CHECKS, CheckContext, FlowCheck
    from privacyapp.engine.loader import LoadResult, load_flows
else:

    def load_flows(*args: Any, **kwargs: Any) -> Any:
        """``privacyapp.engine.loader.load_flows`` (imports PyYAML on first call)."""
        from privacyapp.engine.loader import load_flows as load

        return load(*args, **kwargs)


#: Names imported on first use, with the module that defines them (they need PyYAML).
_LAZY = {
    "EXTRA_CHECKS": "privacyapp.engine.checks",
    "CheckContext": "privacyapp.engine.checks",
    "FlowCheck": "privacyapp.engine.checks",
    "LoadResult": "privacyapp.engine.loader",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Action",
    "AdviceNode",
    "Answer",
    "Audience",
    "CheckContext",
    "ChecklistAnswer",
    "ChecklistItem",
    "ChecklistNode",
    "Choice",
    "Condition",
    "ContentInvalid",
    "Diagnostic",
    "EXTRA_CHECKS",
    "EngineError",
    "Flow",
    "FlowCheck",
    "FlowNotFound",
    "FlowSession",
    "HelpRoute",
    "InfoNode",
    "InvalidAnswer",
    "InvalidPath",
    "Law",
    "Library",
    "LoadResult",
    "Loc",
    "Node",
    "Outcome",
    "PathTaken",
    "Progress",
    "QuestionNode",
    "Registry",
    "Review",
    "SearchHit",
    "SearchIndex",
    "Sector",
    "Severity",
    "Situation",
    "Source",
    "Step",
    "canonical_content",
    "load_flows",
    "parse_answers",
    "walk_session",
]
