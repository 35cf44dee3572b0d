"""`privacyapp flows search` and `flows show --format json`: what editors and scripts read."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from privacyapp.cli import main
from privacyapp.engine import checks

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "tests" / "fixtures" / "examples"


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err, env={})
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example flows in a temp dir, which is also the working directory."""
    monkeypatch.setattr(checks, "PLUGIN_MODULES", ())
    shutil.copytree(EXAMPLES, tmp_path / "flows", ignore=shutil.ignore_patterns("*.md"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "flows"


def test_search_json_gives_hits_with_ids_kind_title_and_sector(content: Path) -> None:
    code, out, err = run(["flows", "search", "mag ik mijn dossier inzien", "--format", "json"])
    assert code == 0, err
    payload = json.loads(out)
    assert payload["query"] == "mag ik mijn dossier inzien" and payload["audience"] is None
    first = payload["hits"][0]
    assert first["flow_id"] == "algemeen-inzage-dossier"
    assert first["node_id"] is None and first["kind"] == "flow"
    assert first["title"] == "Mag ik mijn dossier inzien?"
    assert first["sector"] == "algemeen" and first["audience"] == ["inwoner"]
    assert {"flow_id", "node_id", "kind", "title", "sector", "snippet", "score"} <= set(first)
    # a hit on a node names its node and kind
    _, out, _ = run(["flows", "search", "gemeente", "--format", "json"])
    first = json.loads(out)["hits"][0]
    assert (first["flow_id"], first["node_id"], first["kind"]) == (
        "algemeen-inzage-dossier",
        "advies-gemeente",
        "advice",
    )
    assert first["title"] == "Vraag de gemeente om je gegevens"


def test_search_audience_filter_and_without_it(content: Path) -> None:
    _, out, _ = run(["flows", "search", "dossier", "--format", "json"])
    everyone = {h["flow_id"] for h in json.loads(out)["hits"]}
    assert {"algemeen-inzage-dossier", "algemeen-inzage-dossier-vertegenwoordiger"} <= everyone
    code, out, _ = run(
        ["flows", "search", "dossier", "--audience", "vertegenwoordiger", "--format", "json"]
    )
    hits = json.loads(out)["hits"]
    assert code == 0 and hits
    assert {h["flow_id"] for h in hits} == {"algemeen-inzage-dossier-vertegenwoordiger"}
    assert all(h["audience"] == ["vertegenwoordiger"] for h in hits)


def test_search_text_lists_title_place_kind_and_sector(content: Path) -> None:
    code, out, _ = run(["flows", "search", "beroepsgeheim", "--limit", "2"])
    assert code == 0
    assert out.startswith(" 1. Mag ik mijn beroepsgeheim doorbreken?\n")
    assert "    algemeen-conflict-van-plichten  [flow, algemeen]\n" in out
    assert out.endswith('2 hit(s) for "beroepsgeheim"\n')


def test_search_folds_diacritics_and_plurals(content: Path) -> None:
    for query in ("kopieen", "kopieën", "Kopie"):
        _, out, _ = run(["flows", "search", query, "--format", "json"])
        assert json.loads(out)["hits"][0]["flow_id"] == "algemeen-inzage-dossier", query
    _, plain, _ = run(["flows", "search", "client delen", "--format", "json"])
    _, marked, _ = run(["flows", "search", "cliënt delen", "--format", "json"])
    assert json.loads(plain)["hits"] == json.loads(marked)["hits"]


def test_search_that_finds_nothing_exits_1_with_a_hint(content: Path) -> None:
    code, out, err = run(["flows", "search", "zzqqxx"])
    assert code == 1
    assert out == '0 hit(s) for "zzqqxx"\n'
    assert "try other words" in err


def test_search_refuses_an_unknown_audience_and_a_bad_limit(content: Path) -> None:
    code, _, err = run(["flows", "search", "dossier", "--audience", "ouder"])
    assert code == 2
    assert 'unknown audience "ouder"; use one of: inwoner, professional, vertegenwoordiger' in err
    code, _, err = run(["flows", "search", "dossier", "--limit", "0"])
    assert code == 2 and "--limit must be 1 or more" in err
    assert run(["flows", "search"])[0] == 2  # no query: a usage error


def test_show_json_has_every_node_and_each_advice_with_citations(content: Path) -> None:
    code, out, err = run(["flows", "show", "algemeen-delen-zonder-toestemming", "--format", "json"])
    assert code == 0, err
    flow = json.loads(out)
    assert flow["id"] == "algemeen-delen-zonder-toestemming"
    assert flow["sector"] == "algemeen" and flow["sector_label"] == "Algemeen"
    assert flow["audience"] == ["professional"] and flow["start"] == "vraag-toestemming"
    kinds = {n["node_id"]: n["kind"] for n in flow["nodes"]}
    assert kinds["vraag-toestemming"] == "question"
    assert kinds["advies-met-toestemming"] == "advice"
    question = next(n for n in flow["nodes"] if n["node_id"] == "vraag-toestemming")
    assert [c["label"] for c in question["choices"]] == ["Ja", "Nee", "Weet ik niet"]
    advice = next(n for n in flow["nodes"] if n["node_id"] == "advies-met-toestemming")
    assert advice["sources"][0] == {
        "citation": "Jeugdwet, artikel 7.3.11 lid 1",
        "url": "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=7.3.11",
        "note": None,
    }
    assert advice["steps"] and advice["explanation"]
    assert all(n["sources"] for n in flow["nodes"] if n["kind"] == "advice")


def test_show_json_of_an_unknown_flow_suggests_the_right_id(content: Path) -> None:
    code, _, err = run(["flows", "show", "algemeen-inzage-dosier", "--format", "json"])
    assert code == 1 and 'did you mean "algemeen-inzage-dossier"' in err
