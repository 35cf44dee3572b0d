"""`privacyapp flows …` as editors use it: exit codes and what is printed."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from privacyapp.cli import main

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"


def run(argv: list[str], clock: Callable[[], datetime] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err, env={}, clock=clock)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped flows in a temp dir, which is also the working directory."""
    shutil.copytree(FLOWS, tmp_path / "flows")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "flows"


def test_check_passes_on_the_shipped_flows(content: Path) -> None:
    code, out, _ = run(["flows", "check"])
    assert code == 0
    assert out == "4 flows checked: 0 error(s), 0 warning(s)\n"


def test_check_reports_errors_with_place_and_hint(content: Path) -> None:
    path = content / "algemeen" / "algemeen-inzage-dossier.yaml"
    path.write_text(
        path.read_text("utf-8").replace("next: advies-gemeente", "next: advies-gemeent"), "utf-8"
    )
    code, out, _ = run(["flows", "check"])
    assert code == 1
    assert (
        "flows/algemeen/algemeen-inzage-dossier.yaml:36:15: "
        'error[unknown-node] "vraag-organisatie" leads to "advies-gemeent", '
        "which is not a node of this flow\n"
        '    hint: did you mean "advies-gemeente"?\n'
    ) in out
    code, out, _ = run(["flows", "check", "--format", "json"])
    payload = json.loads(out)
    assert code == 1 and payload["errors"] >= 1
    assert {d["code"] for d in payload["diagnostics"]} == {"unknown-node", "unreachable"}


def test_check_of_one_file_reports_only_that_file(content: Path) -> None:
    broken = content / "algemeen" / "algemeen-delen-zonder-toestemming.yaml"
    broken.write_text(
        broken.read_text("utf-8").replace("sector: algemeen", "sector: jeugd"), "utf-8"
    )
    code, out, _ = run(["flows", "check", "flows/algemeen/algemeen-inzage-dossier.yaml"])
    assert code == 0, out
    code, out, _ = run(["flows", "check", str(broken)])
    assert code == 1 and "error[sector-folder]" in out


def test_strict_makes_warnings_fail(content: Path) -> None:
    extra = content / "algemeen" / "algemeen-conflict-van-plichten.yaml"
    extra.rename(content / "algemeen" / "cvp.yaml")
    code, out, _ = run(["flows", "check"])
    assert code == 0 and "warning[file-name]" in out
    code, _, _ = run(["flows", "check", "--strict"])
    assert code == 1


def test_check_of_a_missing_path_is_an_error(content: Path) -> None:
    code, out, _ = run(["flows", "check", "flows/nergens"])
    assert code == 1
    assert "flows/nergens:1:1: error[no-such-file] this file or folder does not exist" in out


def test_usage_errors_exit_2(content: Path) -> None:
    assert run(["flows", "check", "--format", "xml"])[0] == 2
    assert run(["flows", "walk"])[0] == 2


def test_list_shows_every_flow(content: Path) -> None:
    code, out, _ = run(["flows", "list"])
    assert code == 0
    assert "algemeen-inzage-dossier-vertegenwoordiger  algemeen  vertegenwoordiger" in out
    code, out, _ = run(["flows", "list", "--format", "json"])
    rows = json.loads(out)
    assert {"id", "title", "sector", "audience", "status", "version"} <= set(rows[0])
    assert len(rows) == 4


def test_show_prints_a_tree(content: Path) -> None:
    code, out, _ = run(["flows", "show", "algemeen-delen-zonder-toestemming"])
    assert code == 0
    assert "[vraag] Heeft je cliënt toestemming gegeven" in out
    assert "    2. Nee => [vraag] Helpt de ander direct mee" in out
    code, _, err = run(["flows", "show", "algemeen-delen-zonder-toestemmng"])
    assert code == 1 and 'did you mean "algemeen-delen-zonder-toestemming"' in err


def test_walk_prints_steps_advice_sources_and_help(
    content: Path, clock: Callable[[], datetime]
) -> None:
    code, out, _ = run(
        ["flows", "walk", "algemeen-delen-zonder-toestemming", "--answers", "2,Nee,1"], clock
    )
    assert code == 0, out
    assert "1. Heeft je cliënt toestemming gegeven om deze informatie te delen?\n   -> Nee" in out
    assert "ADVIES: Weeg af of er een conflict van plichten is" in out
    assert (
        "  - Jeugdwet, artikel 7.3.11 <https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=7.3.11>"
        in out
    )
    assert "  - Veilig Thuis (0800-2000, https://www.veiligthuis.nl)" in out


def test_walk_checklist_answers_and_json(content: Path, clock: Callable[[], datetime]) -> None:
    argv = [
        "flows",
        "walk",
        "algemeen-conflict-van-plichten",
        "--answers",
        "1,1,1,3,1,1",
        "--format",
        "json",
    ]
    code, out, _ = run(argv, clock)
    data = json.loads(out)
    assert code == 0 and data["finished"]
    assert data["advice"]["title"] == "Overleg eerst met een collega of deskundige"
    answers = [c["answer"] for c in data["path"]["steps"][1]["checklist"]]
    assert answers == ["yes", "yes", "yes", "unknown", "yes", "yes"]
    assert data["path"]["started_at"] == "2026-11-22T09:00:00+00:00"


def test_walk_that_runs_out_of_answers_exits_1(content: Path) -> None:
    code, out, err = run(["flows", "walk", "algemeen-inzage-dossier", "--answers", "1"])
    assert code == 1
    assert 'answers ran out at "vraag-organisatie"' in err
    code, _, err = run(["flows", "walk", "algemeen-inzage-dossier", "--answers", "1,7"])
    assert code == 1 and "there is no choice 7" in err


def test_build_writes_a_bundle_and_schema_prints_json_schema(content: Path) -> None:
    code, out, _ = run(["flows", "build", "--out", "bundle.json"])
    assert code == 0 and out.startswith("wrote bundle.json: 4 flows")
    assert json.loads(Path("bundle.json").read_text("utf-8"))["bundle_format"] == 1
    code, out, _ = run(["flows", "schema"])
    schema = json.loads(out)
    assert code == 0 and "nodes" in schema["$defs"]["Flow"]["properties"]
