"""Golden walks at publishing: a walk that changes blocks publishing, unless the change set
updates that golden (and a jurist approves the new text)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from studiokit import FAST, PASSWORD

from privacyapp.engine import load_flows
from privacyapp.engine.goldens import changed_walks, goldens_from_folder, run_walk
from privacyapp.studio import Studio, User
from privacyapp.studio.errors import InvalidInput, WalksChanged

REPO = Path(__file__).resolve().parents[2]
WALKS = "tests/content/walks"
FLOW = "flows/algemeen/algemeen-leeftijd-gezag.yaml"
GOLDEN = f"{WALKS}/algemeen-leeftijd-gezag__1,1.txt"
OLD = "    summary: De ouders met gezag geven toestemming en mogen het dossier inzien.\n"
NEW = "    summary: De ouders met gezag geven toestemming en mogen alles in het dossier lezen.\n"


@pytest.fixture
def walks_repo(content_repo: Path) -> Path:
    """The content repository with the shipped golden walks in it (as the project keeps them)."""
    shutil.copytree(REPO / WALKS, content_repo / WALKS)
    env = {"PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
           "HOME": str(content_repo), "GIT_AUTHOR_NAME": "R", "GIT_AUTHOR_EMAIL": "r@x.invalid",
           "GIT_COMMITTER_NAME": "R", "GIT_COMMITTER_EMAIL": "r@x.invalid"}  # fmt: skip
    for args in (["add", "-A"], ["commit", "-q", "-m", "Voorbeeldroutes"]):
        subprocess.run(["git", "-C", str(content_repo), *args], check=True, env=env)
    return content_repo


@pytest.fixture
def studio(walks_repo: Path, tmp_path: Path, ticking: Callable[[], datetime]) -> Studio:
    return Studio(walks_repo, tmp_path / "studio-data", clock=ticking, hash_params=FAST)


def _approved_edit(studio: Studio, team: dict[str, User]) -> int:
    cs = studio.new_change_set(team["anna"], "Samenvatting onder 12")
    text, version = studio.read(cs.id, FLOW)
    assert OLD in text
    studio.save(team["anna"], cs.id, {FLOW: text.replace(OLD, NEW)}, expected_version=version)
    studio.submit(team["anna"], cs.id)
    studio.approve(team["jet"], cs.id)
    return cs.id


def test_every_shipped_golden_walk_matches_with_the_products_runner() -> None:
    library = load_flows([REPO / "flows"]).library
    assert library is not None
    goldens = goldens_from_folder(REPO / WALKS)
    assert len(goldens) >= 100  # both folders: the sector walks and the topics walks
    assert changed_walks(library, goldens) == []


def test_a_changed_walk_blocks_publishing_with_the_flow_and_the_answers(
    studio: Studio, team: dict[str, User]
) -> None:
    cs_id = _approved_edit(studio, team)
    main = studio.repo.head("main")
    # the author sees it before publishing too
    assert any("algemeen-leeftijd-gezag" in line for line in studio.walk_changes(cs_id))
    with pytest.raises(WalksChanged) as caught:
        studio.publish(team["piet"], cs_id)
    assert "voorbeeldroutes" in str(caught.value) and "bij" in str(caught.value)
    lines = [line for line in caught.value.diagnostics if "algemeen-leeftijd-gezag" in line]
    assert lines, caught.value.diagnostics
    assert "met antwoorden 1,1" in "\n".join(lines) and GOLDEN in "\n".join(lines)
    assert "alles in het dossier lezen" in "\n".join(lines)  # what it says now
    assert studio.repo.head("main") == main  # nothing published
    assert studio.change_set(cs_id).state == "goedgekeurd"


def test_updating_the_golden_in_the_change_set_lets_it_publish_after_a_new_review(
    studio: Studio, team: dict[str, User]
) -> None:
    cs_id = _approved_edit(studio, team)
    cs = studio.change_set(cs_id)
    result = studio.update_walks(team["anna"], cs_id, expected_version=cs.version)
    assert GOLDEN in result.paths and result.voided_approvals == 1
    cs = studio.change_set(cs_id)
    assert cs.state == "concept" and not cs.valid_jurist_approval  # the golden is reviewed too
    assert any(path == GOLDEN for _, path in cs.files)
    diff = next(d for d in studio.diff(cs_id) if d.path == GOLDEN)
    assert any("alles in het dossier lezen" in line for line in diff.lines)
    studio.submit(team["anna"], cs_id)
    studio.approve(team["jet"], cs_id)
    publication = studio.publish(team["piet"], cs_id)
    main = studio.repo.head("main") or ""
    published = studio.repo.read_file(main, GOLDEN) or ""
    assert "alles in het dossier lezen" in published
    library = load_flows([REPO / "flows"]).library  # the shipped flows still walk the old text
    assert library is not None and run_walk(library, "algemeen-leeftijd-gezag", "1,1").text != (
        published
    )
    entry = [e for e in studio.audit(cs_id) if e.action == "gepubliceerd"][0]
    assert entry.detail["golden_walks"] >= 100 and publication.content_version


def test_nothing_to_update_is_said(studio: Studio, team: dict[str, User]) -> None:
    cs = studio.new_change_set(team["anna"], "Niets")
    with pytest.raises(InvalidInput, match="niets bij te werken"):
        studio.update_walks(team["anna"], cs.id, expected_version=cs.version)


def test_a_golden_walk_path_must_be_a_walk_file(studio: Studio, team: dict[str, User]) -> None:
    cs = studio.new_change_set(team["anna"], "Pad")
    with pytest.raises(InvalidInput, match="voorbeeldroute"):
        studio.save(team["anna"], cs.id, {f"{WALKS}/x.py": "x"}, expected_version=cs.version)


def test_without_a_walks_folder_publishing_runs_no_walks(
    walks_repo: Path, tmp_path: Path, ticking: Callable[[], datetime], team: dict[str, User]
) -> None:
    # the same repository, with the studio told to keep its golden walks elsewhere (none there)
    other = Studio(
        walks_repo, tmp_path / "studio-data", clock=ticking, hash_params=FAST, walks_dir="elders"
    )
    cs_id = _approved_edit(other, team)
    other.publish(team["piet"], cs_id)
    entry = [e for e in other.audit(cs_id) if e.action == "gepubliceerd"][0]
    assert entry.detail["golden_walks"] == 0


def test_the_publisher_reads_which_walk_changed_in_the_studio(
    studio: Studio, team: dict[str, User]
) -> None:
    from uikit import click, texts

    from privacyapp.views.studio.app import StudioUI

    cs_id = _approved_edit(studio, team)
    token, piet = studio.sign_in("piet", PASSWORD)
    ui = StudioUI(None, studio)
    ui.state.token, ui.state.user = token, piet
    ui.go(f"/voorstel/{cs_id}")
    click(ui.body.controls[0], "cs-publish")
    shown = texts(ui.body.controls[0])
    assert "Publiceren kan nog niet" in shown
    assert "Voorbeeldroute van vraag algemeen-leeftijd-gezag met antwoorden 1,1" in shown
    assert "Status: Goedgekeurd" in shown
