"""The flow engine: content model, YAML loading with diagnostics, checks, sessions and search.

Plain typed Python (no UI). Editors' tools load YAML with ``load_flows``; the app loads a compiled
bundle (``privacyapp.content``) into a ``Library`` and walks flows with ``FlowSession``.
"""

from privacyapp.engine.checks import EXTRA_CHECKS, CheckContext, FlowCheck
from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity
from privacyapp.engine.errors import (
    ContentInvalid,
    EngineError,
    FlowNotFound,
    InvalidAnswer,
    InvalidPath,
)
from privacyapp.engine.library import Library, canonical_content
from privacyapp.engine.loader import LoadResult, load_flows
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
