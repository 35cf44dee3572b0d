"""The content bundle: deterministic, verified on load, and never stale in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacyapp.content import (
    BundleInvalid,
    ContentNotClean,
    build_bundle,
    builtin_library,
    load_bundle,
)
from privacyapp.engine import load_flows

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"
ASSET = REPO / "src" / "privacyapp" / "assets" / "content-bundle.json"


def test_committed_bundle_is_up_to_date() -> None:
    fresh = build_bundle(FLOWS)
    assert ASSET.read_bytes() == fresh, (
        "src/privacyapp/assets/content-bundle.json is stale: run `privacyapp flows build`"
    )


def test_bundle_loads_to_the_same_library_as_the_yaml() -> None:
    from_yaml = load_flows([FLOWS]).library
    assert from_yaml is not None
    from_bundle = load_bundle(build_bundle(FLOWS))
    assert from_bundle.content_hash == from_yaml.content_hash
    assert dict(from_bundle.flows) == dict(from_yaml.flows)
    assert from_bundle.registry == from_yaml.registry
    assert from_bundle.content_version == from_yaml.registry.content_version


def test_builtin_library_is_the_shipped_content() -> None:
    library = builtin_library()
    assert len(library.flows) > 0
    data = json.loads(ASSET.read_bytes())
    assert data["content_hash"] == library.content_hash
    assert data["bundle_format"] == 1


def test_a_changed_bundle_is_refused() -> None:
    data = json.loads(build_bundle(FLOWS))
    data["flows"][0]["title"] = "Iets anders"
    with pytest.raises(BundleInvalid, match="changed after it was built"):
        load_bundle(json.dumps(data).encode())


def test_a_bundle_changed_byte_for_byte_is_refused_by_its_own_hash() -> None:
    data = build_bundle(FLOWS)
    first_title = json.loads(data)["flows"][0]["title"]
    changed = data.replace(first_title.encode(), (first_title[:-1] + "!").encode(), 1)
    with pytest.raises(BundleInvalid, match="changed after it was built"):
        load_bundle(changed)
    forged = data.replace(b'"bundle_hash": "', b'"bundle_hash": "f', 1).replace(b'f"', b'"', 1)
    with pytest.raises(BundleInvalid):
        load_bundle(forged)


def test_a_bundle_from_before_the_bytes_hash_still_loads_and_is_still_checked() -> None:
    data = json.loads(build_bundle(FLOWS))
    del data["bundle_hash"]
    old = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1).encode()
    assert load_bundle(old).content_hash == builtin_library().content_hash
    data["flows"][0]["title"] = "Iets anders"
    with pytest.raises(BundleInvalid, match="changed after it was built"):
        load_bundle(json.dumps(data).encode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfe", "damaged"),
        (b"{not json", "damaged"),
        (b'{"bundle_format": 2}', "unknown format"),
        (b"[]", "unknown format"),
        (b'{"bundle_format": 1, "registry": {}}', "does not match this app"),
    ],
)
def test_broken_bundles_are_refused_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(BundleInvalid, match=message):
        load_bundle(data)


def test_no_bundle_is_built_from_flows_with_errors(tmp_path: Path) -> None:
    (tmp_path / "registry.yaml").write_text((FLOWS / "registry.yaml").read_text("utf-8"), "utf-8")
    (tmp_path / "algemeen").mkdir()
    (tmp_path / "algemeen" / "kapot.yaml").write_text("schema: 1\nid: kapot\n", "utf-8")
    with pytest.raises(ContentNotClean, match="run `privacyapp flows check`"):
        build_bundle(tmp_path)
