"""Publishing from the studio: strict checks on the merged result, bundle, TUF repository."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from studiokit import ADVICE_FILE, FAST, edit_explanation

from privacyapp.content.bundle import load_bundle
from privacyapp.content.publish import ContentRepository, init_repository
from privacyapp.studio import PublishTarget, Studio, User
from privacyapp.studio.errors import ContentHasErrors
from privacyapp.studio.publishing import APP_BUNDLE

TEXT = "Vraagt de gezinsvoogd erom? Geef dan wat nodig is. Meer hoeft niet."


def _approved(studio: Studio, team: dict[str, User], new: str = TEXT) -> int:
    cs = studio.new_change_set(team["anna"], "Uitleg gezinsvoogd")
    text, version = studio.read(cs.id, ADVICE_FILE)
    studio.save(
        team["anna"], cs.id, {ADVICE_FILE: edit_explanation(text, new)}, expected_version=version
    )
    studio.submit(team["anna"], cs.id)
    studio.approve(team["jet"], cs.id)
    return cs.id


def test_publishing_signs_the_bundle_into_the_update_repository(
    content_repo: Path, tmp_path: Path, ticking: Callable[[], datetime], team: dict[str, User]
) -> None:
    tuf = init_repository(tmp_path / "tuf", tmp_path / "keys")
    target = PublishTarget(tmp_path / "tuf", (tmp_path / "keys",), "0.1.0")
    studio = Studio(
        content_repo, tmp_path / "studio-data", clock=ticking, hash_params=FAST,
        publish_target=target,
    )  # fmt: skip
    cs_id = _approved(studio, team)
    publication = studio.publish(team["piet"], cs_id)
    published = ContentRepository(tuf.repo, [tmp_path / "keys"]).published()
    assert published is not None
    assert (published.content_hash, published.content_version) == (
        publication.content_hash,
        publication.content_version,
    )
    assert publication.repository_version == published.targets_version
    # the citizen app built from the repository shows the new text
    main = studio.repo.head("main") or ""
    app_bundle = load_bundle((studio.repo.read_file(main, APP_BUNDLE) or "").encode())
    advice = app_bundle.get("jeugd-gezinsvoogd").node("advies-geven")
    assert getattr(advice, "explanation", "") == TEXT
    kept = tmp_path / "studio-data" / "bundles" / publication.bundle_file
    assert load_bundle(kept.read_bytes()).content_hash == publication.content_hash


def test_the_merged_result_gets_the_strict_checks(studio: Studio, team: dict[str, User]) -> None:
    # a warning (jargon) passes submit and review, but not the strict check before publishing
    cs_id = _approved(studio, team, TEXT + " Dit geschiedt conform de wet.")
    main_before = studio.repo.head("main")
    with pytest.raises(ContentHasErrors) as refused:
        studio.publish(team["piet"], cs_id)
    assert any("jargon" in line for line in refused.value.diagnostics)
    assert studio.repo.head("main") == main_before  # nothing was merged
    assert studio.change_set(cs_id).state_label == "Goedgekeurd"


def test_two_change_sets_are_merged_with_each_other(studio: Studio, team: dict[str, User]) -> None:
    first = _approved(studio, team)
    other = studio.new_change_set(team["bram"], "Andere vraag")
    path = "flows/jeugd/jeugd-gezag-ouder.yaml"
    text, version = studio.read(other.id, path)
    changed = text.replace("title: Heb ik gezag", "title: Heb ik als ouder gezag", 1)
    studio.save(team["bram"], other.id, {path: changed}, expected_version=version)
    studio.submit(team["bram"], other.id)
    studio.approve(team["jet"], other.id)
    studio.publish(team["piet"], first)
    studio.publish(team["piet"], other.id)  # its base is older: a real merge
    assert TEXT in (studio.published_text(ADVICE_FILE) or "")
    assert "title: Heb ik als ouder gezag" in (studio.published_text(path) or "")
    assert [p.content_version for p in studio.history()] == ["2026.12.2", "2026.12.1"]
