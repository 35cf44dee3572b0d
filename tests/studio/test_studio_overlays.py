"""Municipal editors in the studio: one municipality, adaptable parts only, the conflict after
a national publication, and keep/take per part; what each municipality's app then shows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from studiokit import FAST, PASSWORD

from overlaykit import AMSTERDAM_CONTACTS, AMSTERDAM_STEP, FLOW_FILE, FLOW_ID, add_national_flow
from privacyapp.content.bundle import load_bundle
from privacyapp.engine import Library
from privacyapp.engine.model import AdviceNode, InfoNode
from privacyapp.studio import Studio, User
from privacyapp.studio.errors import InvalidInput, NotAllowed
from privacyapp.studio.overlays import overlay_path, value_from_text, value_to_text

NATIONAL_FILE = f"flows/{FLOW_FILE}"
NEW_TITLE = "Zo vraag je je gegevens op"
NEW_TEXT = "Stuur de gemeente een brief, een e-mail of gebruik het formulier op de website."


@pytest.fixture
def studio(content_repo: Path, tmp_path: Path, ticking: Callable[[], datetime]) -> Studio:
    """The shipped flows plus one national flow with adaptable parts, published."""
    add_national_flow(content_repo)
    return Studio(content_repo, tmp_path / "studio-data", clock=ticking, hash_params=FAST)


@pytest.fixture
def team(studio: Studio) -> dict[str, User]:
    people = {
        name: studio.add_account(name, PASSWORD, [role], display_name=name.title())
        for name, role in [("anna", "auteur"), ("jet", "jurist"), ("piet", "publicist")]
    }
    people["gert"] = studio.add_account(
        "gert", PASSWORD, ["gemeenteredacteur"], display_name="Gert Gemeente",
        municipality="GM0363",
    )  # fmt: skip
    people["rob"] = studio.add_account(
        "rob", PASSWORD, ["gemeenteredacteur"], municipality="gm0599"
    )
    return people


def _publish(studio: Studio, team: dict[str, User], cs_id: int, by: str) -> Library:
    studio.submit(team[by], cs_id)
    studio.approve(team["jet"], cs_id)
    publication = studio.publish(team["piet"], cs_id)
    bundle = studio.data_dir / "bundles" / publication.bundle_file
    return load_bundle(bundle.read_bytes())


def _adapt(studio: Studio, gert: User) -> int:
    cs = studio.new_change_set(gert, "Amsterdamse contactgegevens en werkwijze")
    version = cs.version
    for node, field, value in [
        ("lokale-stap", "title", "Zo vraag je het aan in Amsterdam"),
        ("lokale-stap", "text", AMSTERDAM_STEP),
        ("advies-inzage", "contacts", AMSTERDAM_CONTACTS),
    ]:
        version = studio.set_local_part(
            gert, cs.id, FLOW_ID, node, field, value, expected_version=version
        ).version
    return cs.id


def _step(library: Library, code: str | None) -> InfoNode:
    node = library.flow_for(FLOW_ID, code).nodes["lokale-stap"]
    assert isinstance(node, InfoNode)
    return node


def _advice(library: Library, code: str | None) -> AdviceNode:
    node = library.flow_for(FLOW_ID, code).nodes["advies-inzage"]
    assert isinstance(node, AdviceNode)
    return node


def test_a_gemeenteredacteur_belongs_to_one_municipality(studio: Studio) -> None:
    with pytest.raises(InvalidInput, match="GM0363"):
        studio.add_account("zonder", PASSWORD, ["gemeenteredacteur"])
    with pytest.raises(InvalidInput, match="Alleen een gemeenteredacteur"):
        studio.add_account("anna", PASSWORD, ["auteur"], municipality="GM0363")
    assert (
        studio.add_account("x", PASSWORD, ["gemeenteredacteur"], municipality="gm0014").to_dict()[
            "municipality"
        ]
        == "GM0014"
    )


def test_the_studio_shows_inherited_and_local_parts(studio: Studio, team: dict[str, User]) -> None:
    cs_id = _adapt(studio, team["gert"])
    seen = studio.overlay(cs_id, "GM0363").flow(FLOW_ID)
    status = {p.name: p.status for p in seen.parts}
    assert status == {
        "vraag-wat.help": "inherited",
        "lokale-stap.text": "local",
        "lokale-stap.title": "local",
        "advies-inzage.contacts": "local",
        "advies-inzage.links": "inherited",
        "advies-inzage.steps": "inherited",
    }
    text = next(p for p in seen.parts if p.name == "lokale-stap.text")
    assert text.local == AMSTERDAM_STEP and text.national.startswith("Stuur de gemeente")
    assert text.label == "Uitleg lokale-stap: tekst"
    # the save wrote the overlay and kept the national flow it is pinned to
    files = dict((p, c) for c, p in studio.change_set(cs_id).files)
    assert "flows/_overlays/GM0363.yaml" in files
    assert any(p.startswith("flows/_overlays/_bases/algemeen-dossier-gemeente@") for p in files)
    assert studio.check(cs_id).errors == []
    # another municipality has nothing of it
    assert studio.overlay(cs_id, "GM0599").flow(FLOW_ID).local == []


def test_only_adaptable_parts_of_the_own_overlay_can_be_changed(
    studio: Studio, team: dict[str, User]
) -> None:
    gert = team["gert"]
    cs = studio.new_change_set(gert, "Proberen")
    for node, field in [("advies-verbeteren", "steps"), ("advies-inzage", "sources")]:
        with pytest.raises(NotAllowed, match="niet lokaal aanpassen"):
            studio.set_local_part(
                gert, cs.id, FLOW_ID, node, field, ["Bel ons."], expected_version=cs.version
            )
    with pytest.raises(NotAllowed, match="niet lokaal aanpassen"):
        studio.set_local_part(
            gert,
            cs.id,
            FLOW_ID,
            "advies-inzage",
            "title",
            "Je mag niets",
            expected_version=cs.version,
        )
    national, version = studio.read(cs.id, NATIONAL_FILE)
    with pytest.raises(NotAllowed, match="alleen de lokale tekst van GM0363"):
        studio.save(gert, cs.id, {NATIONAL_FILE: national + "\n"}, expected_version=version)
    with pytest.raises(NotAllowed, match="alleen de lokale tekst van GM0363"):
        studio.save(
            gert, cs.id, {overlay_path(studio, "GM0599"): "schema: 1\n"}, expected_version=version
        )
    forged = (
        "schema: 1\nmunicipality: GM0363\nname: Amsterdam\nflows:\n"
        f"  {FLOW_ID}:\n    based_on: {{version: 1.0.0, hash: {'0' * 64}}}\n"
        "    nodes: {lokale-stap: {text: Bel ons.}}\n"
    )
    with pytest.raises(NotAllowed, match="niet lokaal aanpassen"):
        studio.save(gert, cs.id, {overlay_path(studio, "GM0363"): forged}, expected_version=version)
    # nothing was saved by any of these
    assert studio.change_set(cs.id).files == ()
    # nor may they review, publish or edit as a national author
    with pytest.raises(NotAllowed):
        studio.approve(gert, cs.id)


def test_a_national_change_is_a_conflict_resolved_part_by_part(
    studio: Studio, team: dict[str, User]
) -> None:
    local = _publish(studio, team, _adapt(studio, team["gert"]), "gert")
    assert _step(local, "GM0363").text == AMSTERDAM_STEP
    # the national editor changes the same step (and an advice step nobody adapted)
    after = _national_change(studio, team, also_advice=True)
    kept_before = _bases(studio)  # Amsterdam's pin: the national flow it adapted
    # the national publication went ahead; Amsterdam keeps its whole old base until resolved
    assert _step(after, "GM0599").title == NEW_TITLE
    assert _step(after, "GM0363").text == AMSTERDAM_STEP
    assert _advice(after, "GM0363").steps[0] == "Vraag om een kopie van je gegevens."
    shown = after.for_municipality(FLOW_ID, "GM0363")
    assert shown is not None and shown.conflicts == ("lokale-stap.text", "lokale-stap.title")
    # the studio marks it: "Landelijke versie gewijzigd", old national, new national and local
    marked = studio.published_overlay("GM0363").flow(FLOW_ID)
    title = next(p for p in marked.conflicts if p.field == "title")
    assert (title.base, title.national, title.local) == (
        "Zo vraag je het aan",
        NEW_TITLE,
        "Zo vraag je het aan in Amsterdam",
    )
    assert [p.name for p in marked.conflicts] == ["lokale-stap.title", "lokale-stap.text"]
    # resolving: keep the own text, take the national title
    gert = team["gert"]
    fix = studio.new_change_set(gert, "Landelijke wijziging verwerken")
    with pytest.raises(InvalidInput, match="nog niet gekozen: lokale-stap.title"):
        studio.resolve_overlay(
            gert, fix.id, FLOW_ID, {"lokale-stap.text": "keep"}, expected_version=fix.version
        )
    with pytest.raises(InvalidInput, match="Kies eerst per deel"):
        studio.set_local_part(
            gert, fix.id, FLOW_ID, "advies-inzage", "steps", ["x"], expected_version=fix.version
        )
    studio.resolve_overlay(
        gert, fix.id, FLOW_ID, {"lokale-stap.text": "keep", "lokale-stap.title": "take"},
        expected_version=fix.version,
    )  # fmt: skip
    assert studio.overlay(fix.id, "GM0363").flow(FLOW_ID).conflicts == []
    merged = _publish(studio, team, fix.id, "gert")
    assert _step(merged, "GM0363").title == NEW_TITLE
    assert _step(merged, "GM0363").text == AMSTERDAM_STEP
    assert _advice(merged, "GM0363").steps[0] == "Vraag om een gratis kopie."
    assert [c.name for c in _advice(merged, "GM0363").contacts or ()] == [
        AMSTERDAM_CONTACTS[0]["name"]
    ]
    again = merged.for_municipality(FLOW_ID, "GM0363")
    assert again is not None and not again.conflicts
    assert again.local == ("advies-inzage.contacts", "lokale-stap.text")
    assert _step(merged, "GM0599").text == NEW_TEXT
    actions = [e.action for e in studio.audit(fix.id)]
    assert "landelijke-wijziging-opgelost" in actions
    # the old base no municipality pins any more left with the resolution; the new one stays
    assert len(kept_before) == 1 and len(_bases(studio)) == 1
    assert _bases(studio) != kept_before


def test_a_base_another_municipality_still_pins_is_kept(
    studio: Studio, team: dict[str, User]
) -> None:
    """Amsterdam resolves and moves on; Rotterdam, on the same old version, still needs it."""
    _publish(studio, team, _adapt(studio, team["gert"]), "gert")
    rob = team["rob"]
    cs = studio.new_change_set(rob, "Rotterdamse werkwijze")
    studio.set_local_part(
        rob, cs.id, FLOW_ID, "lokale-stap", "text", "Bel 14 010.", expected_version=cs.version
    )
    _publish(studio, team, cs.id, "rob")
    _national_change(studio, team)
    old = _bases(studio)
    assert len(old) == 1  # both municipalities are on the same old version
    fix = studio.new_change_set(team["gert"], "Landelijke wijziging verwerken")
    studio.resolve_overlay(
        team["gert"], fix.id, FLOW_ID, {"lokale-stap.text": "keep", "lokale-stap.title": "take"},
        expected_version=fix.version,
    )  # fmt: skip
    library = _publish(studio, team, fix.id, "gert")
    assert set(old) < set(_bases(studio))  # Rotterdam's base stays, Amsterdam's new one joins
    assert _step(library, "GM0599").text == "Bel 14 010."  # Rotterdam still shows its own text


def _national_change(
    studio: Studio, team: dict[str, User], *, also_advice: bool = False
) -> Library:
    """The national editors change the local step's title and text (and, ``also_advice``, an
    advice step nobody adapted, with a new version) and publish; the published library."""
    cs = studio.new_change_set(team["anna"], "Nieuwe werkwijze landelijk")
    text, version = studio.read(cs.id, NATIONAL_FILE)
    text = text.replace("title: Zo vraag je het aan", f"title: {NEW_TITLE}")
    text = text.replace(
        "text: Stuur de gemeente een brief of e-mail. Schrijf erin dat je je gegevens wilt zien.",
        f"text: {NEW_TEXT}",
    )
    if also_advice:
        text = text.replace("Vraag om een kopie van je gegevens.", "Vraag om een gratis kopie.")
        text = text.replace("version: 1.0.0", "version: 1.1.0")
    studio.save(team["anna"], cs.id, {NATIONAL_FILE: text}, expected_version=version)
    return _publish(studio, team, cs.id, "anna")


def _bases(studio: Studio) -> list[str]:
    """The kept national flows in what is published now."""
    head = studio.repo.head("main")
    assert head is not None
    return [p for p in studio.repo.list_files(head) if "/_overlays/_bases/" in p]


def test_form_text_and_values_round_trip() -> None:
    contacts = value_from_text("contacts", "Privacyteam | 14 020 | privacy@example.nl\n")
    assert contacts == [{"name": "Privacyteam", "phone": "14 020", "email": "privacy@example.nl"}]
    assert value_to_text("contacts", contacts) == "Privacyteam | 14 020 | privacy@example.nl"
    assert value_from_text("steps", "Een\n\n Twee ") == ["Een", "Twee"]
    assert value_from_text("links", "Site | https://a.nl") == [
        {"label": "Site", "url": "https://a.nl"}
    ]
    assert value_from_text("text", "  \n") is None
