"""Publishing rules for the sectors algemeen, jeugd and multiprobleem.

Every flow is published, reviewed on the review date with the sources it was checked against,
owned by its sector's editors, and each sector has at least 5 professional flows, 4 for
residents and 2 for representatives. WAMS content always says it is a bill.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from privacyapp.engine import AdviceNode, Library, load_flows
from privacyapp.engine.coverage import coverage_counts

FLOWS = Path(__file__).resolve().parents[2] / "flows"
SECTORS = ("algemeen", "jeugd", "multiprobleem")
MINIMUM = {"professional": 5, "inwoner": 4, "vertegenwoordiger": 2}


@pytest.fixture(scope="module")
def library() -> Library:
    result = load_flows([FLOWS])
    assert result.library is not None, [d.format() for d in result.diagnostics]
    return result.library


def own_flows(library: Library) -> list[str]:
    return [f.id for f in library.flows.values() if f.sector in SECTORS]


def test_every_flow_is_published_and_reviewed(library: Library) -> None:
    for flow_id in own_flows(library):
        flow = library.get(flow_id)
        assert flow.status == "published", flow_id
        review = flow.review
        assert review is not None and review.reviewed_at >= date(2026, 11, 22), flow_id
        assert review.sources_checked, f"{flow_id}: record what was checked"
        # honest records: a self-review says so, and every reading names its law-text version
        assert review.self_review is True, flow_id
        assert "eigen controle" in review.reviewed_by, flow_id
        assert review.checks and all(c.text_version for c in review.checks), flow_id
        # either someone independent read it (the content review of December 2026 read every
        # flow it had), or the record says plainly that nobody has yet (flows written after it)
        if not any(c.independent for c in review.checks):
            assert any("onafhankelijke" in item for item in review.not_verified), flow_id
        assert flow.owner == f"redactie-{flow.sector}", flow_id


@pytest.mark.parametrize("sector", SECTORS)
def test_each_sector_has_the_minimum_per_audience(library: Library, sector: str) -> None:
    counts = coverage_counts(library)[sector]
    for audience, minimum in MINIMUM.items():
        assert counts[audience] >= minimum, f"{sector}/{audience}: {counts[audience]}"


def test_every_advice_has_steps_a_why_sources_and_more_help(library: Library) -> None:
    for flow_id in own_flows(library):
        for node_id, node in library.get(flow_id).nodes.items():
            if isinstance(node, AdviceNode):
                where = f"{flow_id}/{node_id}"
                assert node.steps and node.explanation, where
                assert node.sources, where
                assert node.help, where


def test_wams_is_always_called_a_bill(library: Library) -> None:
    for flow in library.flows.values():
        if flow.sector != "multiprobleem":
            continue
        for node_id, node in flow.nodes.items():
            if isinstance(node, AdviceNode) and "WAMS" in node.explanation:
                text = node.explanation.lower()
                assert "wetsvoorstel" in text or "geen wet" in text, f"{flow.id}/{node_id}"
