"""The studio's service layer is plain Python: its screens live in views/studio."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {
        n.removeprefix("privacyapp.studio.") for n in found if n.startswith("privacyapp.studio.")
    }


def test_no_import_circle_in_the_service_layer() -> None:
    """Type-checking and in-function imports count: a circle there is a circle for the reader."""
    graph = {p.stem: _studio_imports(p) for p in STUDIO.glob("*.py") if p.stem != "__init__"}
    graph = {n: {m.split(".")[0] for m in deps} & set(graph) - {n} for n, deps in graph.items()}
    seen: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        seen[node] = 1
        for dep in sorted(graph[node]):
            assert seen.get(dep) != 1, "import circle: " + " -> ".join([*trail, node, dep])
            if dep not in seen:
                visit(dep, [*trail, node])
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node, [])
