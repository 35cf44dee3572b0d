"""Golden diagnostics: each broken flow in tests/fixtures/flows has its exact expected output.

A case is ``<case>.yaml`` (loaded together with ``ok-minimal.yaml``, the base of the variant
cases) or a folder ``<case>/`` of sector folders. The expected diagnostics are in
``<case>.expected``. After a deliberate change, refresh them with ``UPDATE_GOLDEN=1 pytest …``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privacyapp.engine import load_flows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "flows"
BASE = FIXTURES / "ok-minimal.yaml"
CASES = sorted(
    p.name.removesuffix(".yaml")
    for p in FIXTURES.iterdir()
    if p.name not in ("registry.yaml", "_fragments") and not p.name.endswith(".expected")
)


def diagnostics_for(case: str) -> str:
    path = FIXTURES / case if (FIXTURES / case).is_dir() else FIXTURES / f"{case}.yaml"
    paths = [path] if path.is_dir() or path == BASE else [path, BASE]
    result = load_flows(
        paths, registry=FIXTURES / "registry.yaml", root=FIXTURES, display_base=FIXTURES
    )
    return "".join(d.format() + "\n" for d in result.diagnostics)


@pytest.mark.parametrize("case", CASES)
def test_golden_diagnostics(case: str) -> None:
    actual = diagnostics_for(case)
    expected_file = FIXTURES / f"{case}.expected"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected_file.write_text(actual, encoding="utf-8")
    assert expected_file.exists(), f"no {expected_file.name}: run with UPDATE_GOLDEN=1"
    assert actual == expected_file.read_text(encoding="utf-8")


def test_every_check_has_a_golden_case() -> None:
    codes = set()
    for case in CASES:
        for line in (FIXTURES / f"{case}.expected").read_text("utf-8").splitlines():
            if "[" in line and not line.startswith(" "):
                codes.add(line.split("[", 1)[1].split("]", 1)[0])
    assert codes >= {
        "yaml-syntax", "empty-file", "duplicate-key", "unsafe-tag", "yaml-alias", "schema",
        "unknown-node", "unreachable", "cycle", "dead-end", "no-source", "duplicate-id",
        "unknown-fragment", "unknown-flow", "extends-cycle", "unknown-sector", "unknown-audience",
        "unknown-situation", "unknown-law", "unknown-help", "sector-folder", "no-review",
        "bad-when", "no-otherwise", "duplicate-choice", "file-name", "no-next-step",
        "unpublished-flow", "yaml-too-deep", "representative-inherits", "representative-request",
        "help-audience", "review-record", "bill-check-date",
    }  # fmt: skip


def test_labels_like_nee_and_no_stay_text() -> None:
    result = load_flows(
        [FIXTURES / "labels-stay-strings.yaml", BASE],
        registry=FIXTURES / "registry.yaml",
        root=FIXTURES,
    )
    assert result.library is not None
    flow = result.library.get("labels-stay-strings")
    question = flow.nodes["vraag"]
    assert [c.label for c in question.choices] == ["nee", "NO", "yes", "off", "1.10"]  # type: ignore[union-attr]
    assert flow.version == "1.10.0"


def test_the_unsafe_tag_is_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    flow = tmp_path / "flow.yaml"
    flow.write_text(f'schema: 1\nid: !!python/object/apply:os.system ["touch {marker}"]\n', "utf-8")
    result = load_flows([flow], registry=FIXTURES / "registry.yaml", root=tmp_path)
    assert not marker.exists()
    assert "unsafe-tag" in [d.code for d in result.diagnostics]
