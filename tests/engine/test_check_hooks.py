"""Extra checks plug in without changing the engine (e.g. the content team's readability check)."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from pathlib import Path

import pytest

from privacyapp.engine import CheckContext, Diagnostic, load_flows
from privacyapp.engine import checks as checks_module

REPO = Path(__file__).resolve().parents[2]


def long_questions(ctx: CheckContext) -> Iterable[Diagnostic]:
    for node_id, node in ctx.flow.nodes.items():
        if node.type == "question" and len(node.text.split()) > 8:
            yield ctx.warning(("nodes", node_id, "text"), "long-sentence", "this question is long")


def test_extra_checks_run_and_point_at_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks_module, "EXTRA_CHECKS", [long_questions])
    result = load_flows([REPO / "flows"], display_base=REPO)
    found = [d for d in result.diagnostics if d.code == "long-sentence"]
    assert found and all(d.severity == "warning" for d in found)
    assert (
        found[0]
        .format()
        .startswith(
            "flows/algemeen/algemeen-delen-zonder-toestemming.yaml:16:11: warning[long-sentence]"
        )
    )


def test_a_plugin_module_with_checks_is_picked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = types.ModuleType("privacyapp_test_plugin")
    plugin.CHECKS = [long_questions]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "privacyapp_test_plugin", plugin)
    monkeypatch.setattr(checks_module, "PLUGIN_MODULES", ("privacyapp_test_plugin", "no_such_mod"))
    result = load_flows([REPO / "flows"], display_base=REPO)
    assert any(d.code == "long-sentence" for d in result.diagnostics)


def test_the_published_json_schema_is_up_to_date() -> None:
    import json

    from privacyapp.engine.render import flow_schema

    published = json.loads((REPO / "docs" / "flow-schema.json").read_text("utf-8"))
    assert published == flow_schema(), (
        "docs/flow-schema.json is stale: run `privacyapp flows schema`"
    )
    assert {"Flow", "Variant", "QuestionNode", "AdviceNode"} <= set(published["$defs"])
