"""Form edits of one node keep the rest of the file exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from privacyapp.studio import nodes
from privacyapp.studio.errors import InvalidInput

REPO = Path(__file__).resolve().parents[2]
FLOW = (REPO / "flows" / "jeugd" / "jeugd-gezinsvoogd.yaml").read_text(encoding="utf-8")


def test_every_shipped_file_round_trips_byte_for_byte() -> None:
    for path in sorted((REPO / "flows").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        document = nodes._load(text) if "nodes:" in text else None
        if document is not None:
            assert nodes._dump(document) == text, path


def test_changing_one_field_changes_only_its_lines() -> None:
    fields = nodes.node_fields(FLOW, "advies-geven")
    sources = [*fields["sources"], {"law": "jeugdwet", "article": "7.3.8"}]
    new = nodes.update_node(
        FLOW, "advies-geven", {"explanation": "Kort en duidelijk.", "sources": sources}
    )
    old_lines, new_lines = FLOW.splitlines(), new.splitlines()
    removed = [line for line in old_lines if line not in new_lines]
    added = [line for line in new_lines if line not in old_lines]
    assert added == ["      Kort en duidelijk.", "      - {law: jeugdwet, article: 7.3.8}"]
    # only the old explanation's lines went (the folded block keeps its style)
    assert len(removed) == 4 and all(line.startswith("      ") for line in removed)
    assert nodes.node_fields(new, "advies-geven")["sources"][-1] == {
        "law": "jeugdwet",
        "article": "7.3.8",
    }


def test_nodes_are_added_moved_and_deleted_with_links_kept_whole() -> None:
    ids = nodes.node_ids(FLOW)
    added = nodes.add_node(FLOW, "advies-nieuw", "advice", after=ids[0])
    assert nodes.node_ids(added)[:2] == [ids[0], "advies-nieuw"]
    moved = nodes.move_node(added, "advies-nieuw", +1)
    assert nodes.node_ids(moved)[2] == "advies-nieuw"
    assert nodes.node_ids(nodes.delete_node(moved, "advies-nieuw")) == ids
    linked = nodes.links_to(FLOW, "advies-geven")
    assert linked
    with pytest.raises(InvalidInput, match="leidt ernaartoe"):
        nodes.delete_node(FLOW, "advies-geven")
    with pytest.raises(InvalidInput, match="bestaat al"):
        nodes.add_node(FLOW, ids[0], "info")
    with pytest.raises(InvalidInput, match="geen geldige YAML"):
        nodes.node_ids("nodes: [")
