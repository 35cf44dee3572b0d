"""Copy and variant, and cluster changes: a shared fragment's impact on every flow before it is
saved, change everywhere or copy into one flow, and one atomic publication of the cluster."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest

from privacyapp import cli
from privacyapp.content.bundle import load_bundle
from privacyapp.engine.model import AdviceNode
from privacyapp.studio import Studio, User
from privacyapp.studio.errors import InvalidInput
from privacyapp.studio.publishing import APP_BUNDLE

FRAGMENTS = "flows/_fragments/wmo-werk-schulden.yaml"
OLD = "De organisatie heeft een maand de tijd."
NEW = "De organisatie heeft één maand de tijd om te antwoorden."


def _new_fragment(studio: Studio, cs_id: int) -> str:
    text, _ = studio.read(cs_id, FRAGMENTS)
    assert text.count(f"summary: {OLD}") == 1
    return text.replace(f"summary: {OLD}", f"summary: {NEW}")


def _summaries(data: bytes) -> dict[str, str]:
    """flow id -> the summary of every advice that comes from the fragment, in one bundle."""
    library = load_bundle(data)
    found = {}
    for flow in library.flows.values():
        for node in flow.nodes.values():
            if isinstance(node, AdviceNode) and node.title == "Wacht nog even op antwoord":
                found[f"{flow.id}/{node.id}"] = node.summary or ""
    return found


def test_a_fragment_change_lists_every_flow_it_reaches_with_its_diff(
    studio: Studio, team: dict[str, User]
) -> None:
    cs = studio.new_change_set(team["anna"], "Termijntekst")
    impact = studio.fragment_impact(cs.id, FRAGMENTS, _new_fragment(studio, cs.id))
    assert [i.fragment_id for i in impact] == ["wws-nog-wachten"]
    flows = {f.flow_id: f for f in impact[0].flows}
    direct = {
        "schulden-inzage-dossier", "schulden-niet-eens", "wmo-inzage-dossier", "wmo-niet-eens",
        "werk-en-inkomen-inzage-dossier", "werk-en-inkomen-niet-eens",
    }  # fmt: skip
    assert direct <= set(flows)
    variants = {k: v for k, v in flows.items() if v.via is not None}
    assert variants, "variants of the users are reached too"
    assert all(v.via in direct for v in variants.values())
    wmo = flows["wmo-inzage-dossier"]
    assert wmo.path == "flows/wmo/wmo-inzage-dossier.yaml"
    sentence = next(s for s in wmo.changes if "samenvatting gewijzigd" in s)
    assert sentence.startswith("Advies ")
    changed = next(f for n in wmo.diff.nodes for f in n.fields if f.field == "summary")
    assert (changed.old, changed.new) == (OLD, NEW)
    assert any(p.kind == "added" and "om te antwoorden" in p.text for p in changed.words)
    # nothing was saved yet
    assert studio.change_set(cs.id).files == ()
    with pytest.raises(InvalidInput, match="geen bestand met bouwstenen"):
        studio.fragment_impact(cs.id, "flows/wmo/wmo-inzage-dossier.yaml", "x")


def test_copy_into_one_flow_leaves_the_fragment_and_the_others(
    studio: Studio, team: dict[str, User]
) -> None:
    cs = studio.new_change_set(team["anna"], "Alleen voor wmo-niet-eens")
    result = studio.save_fragment(
        team["anna"], cs.id, FRAGMENTS, _new_fragment(studio, cs.id),
        expected_version=cs.version, only_flow="wmo-niet-eens",
    )  # fmt: skip
    assert result.errors == []
    assert [p for _, p in studio.change_set(cs.id).files] == ["flows/wmo/wmo-niet-eens.yaml"]
    library = studio.check(cs.id).library
    assert library is not None
    changed = [
        n for n in library.get("wmo-niet-eens").nodes.values()
        if isinstance(n, AdviceNode) and n.title == "Wacht nog even op antwoord"
    ]  # fmt: skip
    assert changed and all(n.summary == NEW for n in changed)
    other = library.get("wmo-inzage-dossier").nodes.values()
    assert all(n.summary == OLD for n in other if isinstance(n, AdviceNode) and n.title == (
        "Wacht nog even op antwoord"
    ))  # fmt: skip
    text, _ = studio.read(cs.id, "flows/wmo/wmo-niet-eens.yaml")
    assert "use: wws-nog-wachten" not in text


def test_a_cluster_is_published_at_once_and_no_state_mixes_old_and_new(
    studio: Studio, team: dict[str, User]
) -> None:
    anna, jet, piet = team["anna"], team["jet"], team["piet"]
    before = _summaries((studio.repo.read_file("main", APP_BUNDLE) or "").encode())
    # the advice that follow the fragment (a flow may write its own summary instead)
    followers = {k for k, v in before.items() if v == OLD}
    assert len(followers) >= 6
    # the cluster: the fragment, changed everywhere, in one change set
    cluster = studio.new_change_set(anna, "Termijntekst overal")
    studio.save_fragment(
        anna, cluster.id, FRAGMENTS, _new_fragment(studio, cluster.id),
        expected_version=cluster.version,
    )  # fmt: skip
    # meanwhile another change set, published first
    other = studio.new_change_set(team["bram"], "Andere tekst")
    path = "flows/jeugd/jeugd-gezinsvoogd.yaml"
    text, version = studio.read(other.id, path)
    studio.save(team["bram"], other.id, {path: text.replace("version: ", "version: ", 1) + "\n"},
                expected_version=version)  # fmt: skip
    for cs_id, author in [(other.id, "bram"), (cluster.id, "anna")]:
        studio.submit(team[author], cs_id)
        studio.approve(jet, cs_id)
        studio.publish(piet, cs_id)
    # every published bundle, and the app's bundle at every published commit, is all old or all
    # new: never some flows with the new text and some with the old
    states = []
    for publication in studio.history():
        kept = (studio.data_dir / "bundles" / publication.bundle_file).read_bytes()
        states.append(_summaries(kept))
        app = studio.repo.read_file(publication.commit_id, APP_BUNDLE) or ""
        assert json.loads(app)["content_hash"] == publication.content_hash
        states.append(_summaries(app.encode()))
    seen = [{state[k] for k in followers} for state in states]
    assert all(len(values) == 1 for values in seen), seen
    assert seen[0] == {NEW} and seen[1] == {NEW}  # the newest publication
    assert seen[-1] == {OLD}


def test_copy_and_variant(studio: Studio, team: dict[str, User]) -> None:
    anna = team["anna"]
    cs = studio.new_change_set(anna, "Kopie en variant")
    saved = studio.copy_flow(
        anna, cs.id, "wmo-inzage-dossier", "wmo-inzage-dossier-kopie", expected_version=cs.version
    )
    assert saved.errors == [], [d.format() for d in saved.errors]
    saved = studio.new_variant(
        anna, cs.id, "wmo-inzage-dossier", "wmo-inzage-dossier-jongeren",
        "Mag ik als jongere mijn Wmo-dossier zien?", expected_version=saved.version,
    )  # fmt: skip
    assert saved.errors == [], [d.format() for d in saved.errors]
    library = studio.check(cs.id).partial
    assert library is not None
    source = library.get("wmo-inzage-dossier")
    copy = library.get("wmo-inzage-dossier-kopie")
    variant = library.get("wmo-inzage-dossier-jongeren")
    assert copy.extends is None and copy.status == "draft" and copy.review is None
    assert copy.nodes.keys() == source.nodes.keys()
    assert variant.extends == "wmo-inzage-dossier" and variant.nodes.keys() == source.nodes.keys()
    text, _ = studio.read(cs.id, "flows/wmo/wmo-inzage-dossier-kopie.yaml")
    assert "use:" not in text  # independent: fragments are written out
    # override one node's field in the variant: the studio shows inherited vs overridden
    vpath = "flows/wmo/wmo-inzage-dossier-jongeren.yaml"
    vtext, version = studio.read(cs.id, vpath)
    start = source.start
    vtext = vtext.replace("nodes: {}", f"nodes:\n  {start}:\n    help: Je mag dit zelf vragen.")
    studio.save(anna, cs.id, {vpath: vtext}, expected_version=version)
    parts = {p.node: p for p in studio.variant_parts(cs.id, vpath)}
    assert parts[start].status == "overridden" and parts[start].fields == ("help",)
    assert {p.status for n, p in parts.items() if n not in ("", start)} == {"inherited"}
    assert set(parts[""].fields) >= {"id", "title", "status"}
    with pytest.raises(InvalidInput, match="al een vraag"):
        studio.copy_flow(anna, cs.id, "wmo-inzage-dossier", "wmo-niet-eens",
                         expected_version=studio.change_set(cs.id).version)  # fmt: skip


def _pdf_text(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    )
    return " ".join(done.stdout.split())


def test_the_review_document_shows_paths_advice_sources_changes_and_reviewers(
    studio: Studio, team: dict[str, User], tmp_path: Path
) -> None:
    anna, jet = team["anna"], team["jet"]
    cs = studio.new_change_set(anna, "Termijntekst overal")
    studio.save_fragment(
        anna, cs.id, FRAGMENTS, _new_fragment(studio, cs.id), expected_version=cs.version
    )
    studio.submit(anna, cs.id)
    studio.approve(jet, cs.id)
    publication = studio.publish(team["piet"], cs.id)
    kept = studio.review_file(publication)
    text = _pdf_text(kept)
    assert f"Beoordelingsdocument wijzigingsvoorstel {cs.id}" in text
    assert "Termijntekst overal" in text
    # every flow the fragment reaches is in it, with its changed advice marked
    for flow_id in ("wmo-inzage-dossier", "schulden-niet-eens", "werk-en-inkomen-niet-eens"):
        assert f"Id {flow_id}," in text
    assert "[weg: een]" in text and "[nieuw: één]" in text
    assert "om te antwoorden." in text
    assert "GEWIJZIGD" in text
    # paths with questions and answers, advice in full with sources (citation and link)
    assert "Alle paden" in text and "Pad 1" in text and "(gewijzigd)" in text
    assert "Advies: Wacht nog even op antwoord" in text
    assert "Bron: AVG, artikel 12 lid 3" in text
    assert "eur-lex.europa.eu" in text
    # reviewers and dates, the authors, and the publication
    assert "Jet Jurist" in text or "jet (jurist), goedgekeurd op 02-12-2026" in text
    assert "geldt voor deze versie" in text
    assert "Geschreven door: anna" in text
    assert f"als inhoud {publication.content_version}" in text
    assert "Ander bestand: flows/_fragments/wmo-werk-schulden.yaml" in text
    # the command writes the same document
    out = tmp_path / "review.pdf"
    code = cli.main(
        ["changes", "review-pdf", str(cs.id), "--out", str(out), "--repo", str(studio.repo.path),
         "--studio-data", str(studio.data_dir)],
        stdout=io.StringIO(), stderr=io.StringIO(), env={},
    )  # fmt: skip
    assert code == 0 and "Termijntekst overal" in _pdf_text(out)
