"""`flows check` gives the same answer with libyaml and with PyYAML's pure-Python parser.

PyYAML falls back to its pure parser when it was built without libyaml (Pyodide, some mobile
builds, a source install without libyaml-dev). The two parsers disagree on some plain scalars
(``{label: Twijfel je? Doe …}`` is fine for libyaml and a syntax error for the pure parser), so
every shipped file must be written in the YAML both accept, and the checker's diagnostics and the
compiled content must not depend on which one ran.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from privacyapp.engine import _document, canonical_content, load_flows
from privacyapp.engine._document import MAX_DEPTH, parse_document

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"
FIXTURES = REPO / "tests" / "fixtures"

needs_libyaml = pytest.mark.skipif(
    not hasattr(yaml, "CBaseLoader"), reason="PyYAML here was built without libyaml"
)


def _check(paths: list[Path], loader: Any, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    monkeypatch.setattr(_document, "_BaseLoader", loader)
    result = load_flows(paths, display_base=REPO)
    content = (
        None
        if result.library is None
        else canonical_content(result.library.registry, result.library.flows.values())
    )
    return [d.format() for d in result.diagnostics], content


@needs_libyaml
@pytest.mark.parametrize(
    "paths",
    [[FLOWS], [FIXTURES / "examples"]],
    ids=["shipped-flows", "example-fixtures"],
)
def test_both_parsers_give_the_same_diagnostics_and_content(
    paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    with_libyaml = _check(paths, yaml.CBaseLoader, monkeypatch)
    pure_python = _check(paths, yaml.BaseLoader, monkeypatch)
    assert pure_python[0] == with_libyaml[0]
    assert pure_python[1] is not None
    assert pure_python[1] == with_libyaml[1]


@needs_libyaml
def test_every_shipped_and_fixture_file_parses_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """File by file, so a new file that only one parser accepts is named in the failure."""
    differing = []
    files = sorted([*FLOWS.rglob("*.yaml"), *FIXTURES.rglob("*.yaml")])
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        outcomes = []
        for loader in (yaml.CBaseLoader, yaml.BaseLoader):
            monkeypatch.setattr(_document, "_BaseLoader", loader)
            document, diagnostics = parse_document(text, path.name)
            # Broken files must be broken for both, with the same code; the parsers word
            # (and place) their syntax errors differently.
            outcomes.append((document is None, [d.code for d in diagnostics]))
        if outcomes[0] != outcomes[1]:
            differing.append(f"{path.relative_to(REPO)}: {outcomes}")
    assert differing == []


def test_deep_nesting_is_located_with_the_pure_parser_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_document, "_BaseLoader", yaml.BaseLoader)
    text = "schema: 1\nextra: " + "[" * 500 + "]" * 500 + "\n"
    document, diagnostics = parse_document(text, "diep.yaml")
    assert document is None
    assert [(d.code, d.line, d.col) for d in diagnostics] == [
        ("yaml-too-deep", 2, len("extra: ") + MAX_DEPTH)
    ]
