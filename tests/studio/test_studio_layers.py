"""The studio's service layer is plain Python: its screens live in views/studio."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from importgraph import assert_no_circle, imports_within

STUDIO = Path(__file__).resolve().parents[2] / "src" / "privacyapp" / "studio"


def test_the_service_layer_never_imports_flet() -> None:
    assert not (STUDIO / "ui").exists()  # the screens moved to views/studio (DESIGN.md §4)
    for path in STUDIO.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import flet" not in text and "from flet" not in text, path


def test_the_service_layer_loads_without_flet() -> None:
    code = (
        "import sys, privacyapp.studio, privacyapp.commands.changes; "
        "print(any(m == 'flet' or m.startswith('flet.') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def _studio_imports(path: Path) -> set[str]:
    return imports_within(path, "privacyapp.studio")


def test_no_import_circle_in_the_service_layer() -> None:
    """Type-checking and in-function imports count: a circle there is a circle for the reader."""
    graph = {p.stem: _studio_imports(p) for p in STUDIO.glob("*.py") if p.stem != "__init__"}
    graph = {n: {m.split(".")[0] for m in deps} & set(graph) - {n} for n, deps in graph.items()}
    assert_no_circle(graph)
