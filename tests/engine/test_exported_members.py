"""The public surface of engine and content: sorted ``__all__``, every name importable."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("name", ["privacyapp.engine", "privacyapp.content"])
def test_all_is_sorted_and_complete(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported)
    for member in exported:
        assert hasattr(module, member), member


def test_api_names_other_parts_rely_on() -> None:
    import privacyapp.engine as engine

    for member in (
        "Registry", "Flow", "QuestionNode", "InfoNode", "ChecklistNode", "AdviceNode", "Source",
        "Library", "Answer", "FlowSession", "PathTaken", "Step", "ChecklistAnswer", "Progress",
        "SearchIndex", "SearchHit", "Diagnostic", "Severity", "EngineError", "InvalidAnswer",
        "load_flows", "walk_session",
    ):  # fmt: skip
        assert member in engine.__all__, member
    assert [a.label for a in engine.Answer] == ["ja", "nee", "weet ik niet"]
