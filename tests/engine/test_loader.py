"""Loading edge cases: registry problems, unreadable files, folders and file extensions."""

from __future__ import annotations

from pathlib import Path

from privacyapp.engine import load_flows

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "flows"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_broken_registry_is_reported_and_gives_no_library(tmp_path: Path) -> None:
    write(tmp_path / "registry.yaml", "schema: 1\naudiences: {}\nsectorz: {}\n")
    result = load_flows([tmp_path], display_base=tmp_path)
    assert result.library is None
    assert [d.format() for d in result.diagnostics] == [
        'registry.yaml:1:1: error[schema] the file is missing "sectors"',
        'registry.yaml:3:1: error[schema] unknown field "sectorz"\n'
        '    hint: did you mean "sectors"?',
    ]


def test_no_registry_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "algemeen" / "x.yaml", "schema: 1\n")
    result = load_flows([tmp_path / "algemeen" / "x.yaml"], display_base=tmp_path)
    assert [d.code for d in result.diagnostics] == ["no-registry"]


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "registry.yaml", (FIXTURES / "registry.yaml").read_text("utf-8"))
    (tmp_path / "algemeen").mkdir()
    (tmp_path / "algemeen" / "latin.yaml").write_bytes("title: cliënt\n".encode("latin-1"))
    result = load_flows([tmp_path], display_base=tmp_path)
    assert [(d.path, d.code) for d in result.diagnostics] == [("algemeen/latin.yaml", "unreadable")]


def test_a_list_instead_of_a_mapping_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "registry.yaml", (FIXTURES / "registry.yaml").read_text("utf-8"))
    write(tmp_path / "algemeen" / "lijst.yml", "- schema: 1\n")
    result = load_flows([tmp_path], display_base=tmp_path)
    assert [d.format() for d in result.diagnostics] == [
        "algemeen/lijst.yml:1:1: error[schema] the file should be a mapping of fields"
    ]


def test_diagnostics_are_sorted_over_files(tmp_path: Path) -> None:
    write(tmp_path / "registry.yaml", (FIXTURES / "registry.yaml").read_text("utf-8"))
    write(tmp_path / "jeugd" / "b.yaml", "schema: 1\nid: b\n")
    write(tmp_path / "algemeen" / "a.yaml", "schema: 1\nid: a\n")
    result = load_flows([tmp_path], display_base=tmp_path)
    paths = [d.path for d in result.diagnostics]
    assert paths == sorted(paths) and paths[0] == "algemeen/a.yaml" and paths[-1] == "jeugd/b.yaml"
