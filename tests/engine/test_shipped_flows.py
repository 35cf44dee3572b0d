"""The real content in flows/: every flow checks clean, and every part of the format is used."""

from __future__ import annotations

from pathlib import Path

from privacyapp.engine import AdviceNode, ChecklistNode, InfoNode, QuestionNode, load_flows

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"


def test_shipped_flows_have_no_errors_or_warnings() -> None:
    result = load_flows([FLOWS], display_base=REPO)
    assert [d.format() for d in result.diagnostics] == []


def test_shipped_flows_use_every_node_kind_and_variants() -> None:
    library = load_flows([FLOWS]).library
    assert library is not None
    kinds = {type(node) for flow in library.flows.values() for node in flow.nodes.values()}
    assert kinds == {QuestionNode, InfoNode, ChecklistNode, AdviceNode}
    assert any(flow.extends for flow in library.flows.values())
    assert any((FLOWS / "_fragments").glob("*.yaml"))
