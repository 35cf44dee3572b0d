"""Variants' overrides, adaptable marks and municipal overlays: every rule, and every way an
overlay file can be wrong (each with its place and a hint)."""

from __future__ import annotations

from pathlib import Path

import pytest

from overlaykit import (
    AMSTERDAM_CONTACTS,
    AMSTERDAM_STEP,
    FLOW_FILE,
    FLOW_ID,
    amsterdam,
    content,
    edit_national,
    keep_base,
    national,
    pin,
    write_overlay,
)
from privacyapp.content.bundle import bundle_bytes, load_bundle
from privacyapp.engine import Diagnostic, Library, load_flows
from privacyapp.engine.model import AdviceNode, InfoNode, QuestionNode


def load(root: Path) -> tuple[Library | None, list[Diagnostic]]:
    result = load_flows([root], display_base=root.parent)
    return result.library, result.diagnostics


def only(diagnostics: list[Diagnostic], code: str) -> Diagnostic:
    found = [d for d in diagnostics if d.code == code]
    assert len(found) == 1, [d.format() for d in diagnostics]
    return found[0]


def step(library: Library, code: str | None) -> InfoNode:
    node = library.flow_for(FLOW_ID, code).nodes["lokale-stap"]
    assert isinstance(node, InfoNode)
    return node


def advice(library: Library, code: str | None) -> AdviceNode:
    node = library.flow_for(FLOW_ID, code).nodes["advies-inzage"]
    assert isinstance(node, AdviceNode)
    return node


# ---------------------------------------------------------------- variants


def test_a_variant_that_changes_a_node_its_base_lacks_is_told_where(tmp_path: Path) -> None:
    root = content(tmp_path)
    (root / "algemeen" / "algemeen-dossier-gemeente-ouder.yaml").write_text(
        "schema: 1\nid: algemeen-dossier-gemeente-ouder\nextends: algemeen-dossier-gemeente\n"
        "title: Hoe vraag ik de gegevens van mijn kind op?\naudience: [vertegenwoordiger]\n"
        "status: draft\nnodes:\n  lokale-stp:\n    text: Stuur een brief namens je kind.\n",
        encoding="utf-8",
    )
    library, diagnostics = load(root)
    problem = only(diagnostics, "unknown-override")
    assert library is None
    assert problem.path == "flows/algemeen/algemeen-dossier-gemeente-ouder.yaml"
    assert (problem.line, problem.col) == (8, 3)
    assert '"lokale-stp"' in problem.message and "algemeen-dossier-gemeente" in problem.message
    assert problem.hint == 'did you mean "lokale-stap"?'
    # no second, confusing schema error at the same place
    assert not [d for d in diagnostics if d.code == "schema"]


def test_a_variant_may_add_a_node_with_a_type_and_override_named_fields(tmp_path: Path) -> None:
    root = content(tmp_path)
    (root / "algemeen" / "algemeen-dossier-gemeente-ouder.yaml").write_text(
        "schema: 1\nid: algemeen-dossier-gemeente-ouder\nextends: algemeen-dossier-gemeente\n"
        "title: Hoe vraag ik de gegevens van mijn kind op?\nstatus: draft\nnodes:\n"
        "  lokale-stap:\n    text: Stuur de gemeente een brief namens je kind.\n"
        "    next: extra\n"
        "  extra:\n    type: info\n    title: Neem je paspoort mee\n"
        "    text: De gemeente wil weten wie je bent.\n    next: advies-inzage\n",
        encoding="utf-8",
    )
    library, diagnostics = load(root)
    assert library is not None, [d.format() for d in diagnostics]
    variant = library.get("algemeen-dossier-gemeente-ouder")
    node = variant.nodes["lokale-stap"]
    assert isinstance(node, InfoNode)
    assert node.text == "Stuur de gemeente een brief namens je kind."
    assert node.title == "Zo vraag je het aan"  # inherited field
    assert node.adaptable == ("title", "text")  # marks are inherited too
    assert "extra" in variant.nodes


# ---------------------------------------------------------------- adaptable marks


def test_marks_name_only_fields_a_municipality_may_adapt(tmp_path: Path) -> None:
    root = content(tmp_path)
    text = (root / FLOW_FILE).read_text(encoding="utf-8")
    text = text.replace("adaptable: [steps, contacts, links]", "adaptable: [steps, sources]")
    text = text.replace("    locked: true\n", "    locked: true\n    adaptable: [steps]\n")
    (root / FLOW_FILE).write_text(text, encoding="utf-8")
    library, diagnostics = load(root)
    assert library is None
    wrong = only(diagnostics, "not-adaptable")
    assert '"sources" of a advice step cannot be adaptable' in wrong.message
    assert wrong.hint == "a advice step may mark: contacts, explanation, links, steps, summary"
    assert only(diagnostics, "locked-adaptable").message.startswith('"advies-verbeteren" is locked')


# ---------------------------------------------------------------- resolving


def test_a_municipality_sees_its_own_parts_and_the_rest_is_national(tmp_path: Path) -> None:
    root = content(tmp_path)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(national(root)))
    library, diagnostics = load(root)
    assert library is not None and not diagnostics, [d.format() for d in diagnostics]
    assert step(library, "GM0363").text == AMSTERDAM_STEP
    assert [c.name for c in advice(library, "GM0363").contacts or ()] == [
        AMSTERDAM_CONTACTS[0]["name"]
    ]
    # untouched parts of the same node stay national
    assert advice(library, "GM0363").steps == advice(library, None).steps
    local = library.for_municipality(FLOW_ID, "GM0363")
    assert local is not None and not local.conflicts
    assert local.local == ("advies-inzage.contacts", "lokale-stap.text", "lokale-stap.title")
    assert local.local_nodes() == {"advies-inzage", "lokale-stap"}
    # another municipality, and no municipality, see the national text
    assert library.for_municipality(FLOW_ID, "GM0599") is None
    assert step(library, "GM0599").text.startswith("Stuur de gemeente een brief")
    assert step(library, None) == library.get(FLOW_ID).nodes["lokale-stap"]


def test_national_changes_to_parts_without_override_reach_the_municipality(
    tmp_path: Path,
) -> None:
    root = content(tmp_path)
    old = national(root)
    keep_base(root, old)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(old))
    edit_national(root, "Vraag om een kopie van je gegevens.", "Vraag om een gratis kopie.")
    library, diagnostics = load(root)
    assert library is not None and not diagnostics, [d.format() for d in diagnostics]
    assert advice(library, "GM0363").steps[0] == "Vraag om een gratis kopie."
    assert step(library, "GM0363").text == AMSTERDAM_STEP
    local = library.for_municipality(FLOW_ID, "GM0363")
    assert local is not None and not local.conflicts
    assert library.flow_for(FLOW_ID, "GM0363").version == "1.1.0"


def test_a_national_change_to_an_overridden_part_keeps_the_whole_old_base(
    tmp_path: Path,
) -> None:
    root = content(tmp_path)
    old = national(root)
    keep_base(root, old)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(old))
    edit_national(root, "Zo vraag je het aan", "Zo vraag je je gegevens op")
    edit_national(root, "Vraag om een kopie van je gegevens.", "Vraag om een gratis kopie.")
    library, diagnostics = load(root)
    # a conflict is a state, never an error: the national publication goes ahead
    assert library is not None and not diagnostics, [d.format() for d in diagnostics]
    local = library.for_municipality(FLOW_ID, "GM0363")
    assert local is not None
    assert local.conflicts == ("lokale-stap.title",)
    shown = library.flow_for(FLOW_ID, "GM0363")
    assert shown.version == "1.0.0"  # the old base, whole: the new national step is not mixed in
    assert advice(library, "GM0363").steps[0] == "Vraag om een kopie van je gegevens."
    assert step(library, "GM0363").title == "Zo vraag je het aan in Amsterdam"
    assert advice(library, None).steps[0] == "Vraag om een gratis kopie."
    assert step(library, "GM0599").title == "Zo vraag je je gegevens op"


def test_a_part_no_longer_adaptable_nationally_is_a_conflict_not_an_error(tmp_path: Path) -> None:
    root = content(tmp_path)
    old = national(root)
    keep_base(root, old)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(old))
    edit_national(root, "adaptable: [steps, contacts, links]", "adaptable: [steps]")
    library, diagnostics = load(root)
    assert library is not None and not diagnostics, [d.format() for d in diagnostics]
    local = library.for_municipality(FLOW_ID, "GM0363")
    assert local is not None and local.conflicts == ("advies-inzage.contacts",)


def test_the_bundle_carries_the_overlays_and_their_hash(tmp_path: Path) -> None:
    root = content(tmp_path)
    library, _ = load(root)
    assert library is not None
    plain = library.content_hash
    old = national(root)
    keep_base(root, old)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(old))
    edit_national(root, "Zo vraag je het aan", "Zo vraag je je gegevens op")
    with_overlay, _ = load(root)
    assert with_overlay is not None
    data = bundle_bytes(with_overlay)
    assert bundle_bytes(with_overlay) == data  # deterministic
    loaded = load_bundle(data)
    assert loaded.content_hash == with_overlay.content_hash != plain
    local = loaded.published().for_municipality(FLOW_ID, "GM0363")
    assert local is not None and local.conflicts == ("lokale-stap.title",)
    assert local.flow.version == "1.0.0"
    tampered = data.replace(AMSTERDAM_STEP.encode(), b"Bel ons.")
    with pytest.raises(Exception, match="changed after it was built"):
        load_bundle(tampered)


# ---------------------------------------------------------------- malformed overlays


def overlay_errors(tmp_path: Path, nodes: dict[str, dict[str, object]]) -> list[Diagnostic]:
    root = content(tmp_path)
    entry = {FLOW_ID: {"based_on": pin(national(root)), "nodes": nodes}}
    write_overlay(root, "GM0363", "Amsterdam", entry)
    library, diagnostics = load(root)
    assert library is None
    return diagnostics


def test_a_locked_node_cannot_be_overridden(tmp_path: Path) -> None:
    found = overlay_errors(tmp_path, {"advies-verbeteren": {"steps": ["Bel ons."]}})
    problem = only(found, "overlay-locked")
    assert problem.path == "flows/_overlays/GM0363.yaml"
    assert problem.message == '"advies-verbeteren" is locked by the national editors'


def test_sources_and_conclusions_can_never_be_overridden(tmp_path: Path) -> None:
    found = overlay_errors(
        tmp_path, {"advies-inzage": {"sources": [{"law": "avg", "article": "20"}]}}
    )
    problem = only(found, "overlay-locked")
    assert "can never be adapted locally" in problem.message
    assert problem.hint == "adaptable here: contacts, links, steps"
    found = overlay_errors(tmp_path / "b", {"advies-inzage": {"title": "Je mag niets"}})
    assert "can never be adapted" in only(found, "overlay-locked").message


def test_an_unmarked_part_cannot_be_overridden(tmp_path: Path) -> None:
    found = overlay_errors(tmp_path, {"advies-inzage": {"explanation": "Anders."}})
    problem = only(found, "overlay-locked")
    assert problem.message == '"advies-inzage.explanation" is not marked adaptable in ' + (
        f'"{FLOW_ID}"'
    )
    assert problem.hint == "adaptable here: contacts, links, steps"


def test_an_unknown_node_gets_a_did_you_mean(tmp_path: Path) -> None:
    problem = only(overlay_errors(tmp_path, {"lokale-stp": {"text": "x"}}), "unknown-node")
    assert problem.hint == 'did you mean "lokale-stap"?'


def test_a_local_value_of_the_wrong_form_is_a_located_schema_error(tmp_path: Path) -> None:
    found = overlay_errors(tmp_path, {"advies-inzage": {"contacts": [{"name": "Balie"}]}})
    problem = only(found, "schema")
    assert "phone" in problem.message and problem.path == "flows/_overlays/GM0363.yaml"


@pytest.mark.parametrize(
    ("based_on", "wanted"),
    [
        (None, "needs based_on"),
        ({"version": "1.0.0", "hash": "abc"}, "64-character content hash"),
        ({"version": "1.0.0", "hash": "0" * 64}, "neither the current national flow nor kept"),
        ("current-with-version-2.0.0", 'based_on.version is "2.0.0"'),
    ],
)
def test_a_bad_pin_is_refused(tmp_path: Path, based_on: object, wanted: str) -> None:
    root = content(tmp_path)
    entry: dict[str, object] = {"nodes": {"lokale-stap": {"text": "x"}}}
    if based_on == "current-with-version-2.0.0":
        entry["based_on"] = {**pin(national(root)), "version": "2.0.0"}
    elif based_on is not None:
        entry["based_on"] = based_on
    write_overlay(root, "GM0363", "Amsterdam", {FLOW_ID: entry})
    library, diagnostics = load(root)
    assert library is None
    assert wanted in only(diagnostics, "overlay-pin").message


def test_the_file_itself_must_name_a_municipality_and_real_flows(tmp_path: Path) -> None:
    root = content(tmp_path)
    flow = national(root)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(flow), file_name="amsterdam.yaml")
    write_overlay(root, "0599", "Rotterdam", {})
    write_overlay(root, "GM0344", "Utrecht", {"algemeen-dossier-gemeent": {}})
    library, diagnostics = load(root)
    assert library is None
    assert only(diagnostics, "overlay-file-name").hint == 'name the file "GM0363.yaml" ' + (
        "(one file per municipality)"
    )
    assert "CBS gemeentecode" in only(diagnostics, "schema").message
    assert only(diagnostics, "unknown-flow").hint == f'did you mean "{FLOW_ID}"?'


def test_a_kept_base_changed_by_hand_is_refused(tmp_path: Path) -> None:
    root = content(tmp_path)
    old = national(root)
    base = keep_base(root, old)
    base.write_text(base.read_text().replace("Zo vraag je het aan", "Bel ons"), encoding="utf-8")
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(old))
    edit_national(root, "Zo vraag je het aan", "Zo vraag je je gegevens op")
    library, diagnostics = load(root)
    assert library is None
    assert "changed after it was kept" in only(diagnostics, "overlay-base").message
    assert "neither the current" in only(diagnostics, "overlay-pin").message


def test_overlay_files_are_not_read_as_flows(tmp_path: Path) -> None:
    root = content(tmp_path)
    write_overlay(root, "GM0363", "Amsterdam", amsterdam(national(root)))
    result = load_flows([root / "algemeen"], registry=root / "registry.yaml", root=root)
    assert result.library is not None and not result.library.overlays
    assert not result.diagnostics
    question = result.library.get(FLOW_ID).nodes["vraag-wat"]
    assert isinstance(question, QuestionNode) and question.adaptable == ("help",)
