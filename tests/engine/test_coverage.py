"""``privacyapp flows list --coverage``: published flows per sector and audience."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

from privacyapp.cli import main
from privacyapp.engine import load_flows
from privacyapp.engine.coverage import coverage_counts, coverage_table

REPO = Path(__file__).resolve().parents[2]

FLOW = """\
schema: 1
id: {id}
title: Mag ik mijn dossier zien?
summary: Je wilt weten wat er over je is opgeschreven.
audience: [{audience}]
sector: {sector}
status: {status}
version: 1.0.0
owner: redactie-test
review:
  reviewed_by: Redactie
  reviewed_at: 2026-11-22
start: advies
nodes:
  advies:
    type: advice
    title: Vraag het op
    steps: [Stuur een brief.]
    explanation: Dat mag altijd.
    sources: [{{law: avg, article: "15"}}]
    help: [juridisch-loket]
"""


def make_content(tmp_path: Path) -> Path:
    flows = tmp_path / "flows"
    flows.mkdir()
    shutil.copy(REPO / "flows" / "registry.yaml", flows / "registry.yaml")
    specs = [
        ("jeugd-a", "inwoner", "jeugd", "published"),
        ("jeugd-b", "inwoner, vertegenwoordiger", "jeugd", "published"),
        ("jeugd-c", "professional", "jeugd", "draft"),
        ("wmo-a", "professional", "wmo", "published"),
    ]
    for flow_id, audience, sector, status in specs:
        folder = flows / sector
        folder.mkdir(exist_ok=True)
        text = FLOW.format(id=flow_id, audience=audience, sector=sector, status=status)
        (folder / f"{flow_id}.yaml").write_text(text, encoding="utf-8")
    return flows


def test_counts_only_published_flows_and_each_audience(tmp_path: Path) -> None:
    library = load_flows([make_content(tmp_path)]).library
    assert library is not None
    counts = coverage_counts(library)
    assert counts["jeugd"] == {"inwoner": 2, "professional": 0, "vertegenwoordiger": 1}
    assert counts["wmo"]["professional"] == 1
    assert counts["schulden"] == {"inwoner": 0, "professional": 0, "vertegenwoordiger": 0}


def test_table_has_a_row_per_sector_and_totals(tmp_path: Path) -> None:
    library = load_flows([make_content(tmp_path)]).library
    assert library is not None
    lines = coverage_table(library).splitlines()
    assert lines[0].split() == ["SECTOR", "INWONER", "PROFESSIONAL", "VERTEGENWOORDIGER", "TOTAL"]
    assert lines[2].split() == ["jeugd", "2", "0", "1", "3"]
    assert lines[-2].split() == ["total", "2", "1", "1", "4"]
    assert lines[-1].startswith("3 published flows")


def test_cli_prints_the_table_and_json(tmp_path: Path) -> None:
    flows = make_content(tmp_path)
    out = io.StringIO()
    code = main(["flows", "list", "--coverage", "--flows", str(flows)], stdout=out, env={})
    assert code == 0 and "jeugd" in out.getvalue() and "TOTAL" in out.getvalue()
    out = io.StringIO()
    argv = ["flows", "list", "--coverage", "--format", "json", "--flows", str(flows)]
    assert main(argv, stdout=out, env={}) == 0
    assert json.loads(out.getvalue())["wmo"]["professional"] == 1
