"""The layout of ``views/``: a kit, feature wings and a shell, with no arrow running back up.

``kit/`` imports no other part of ``views/``; a wing imports the kit and the domain packages,
never another wing (the open store is reached through ``kit.vault``); only ``shell/``
imports the wings; no module loads another by name (``importlib``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import privacyapp.views

VIEWS = Path(privacyapp.views.__file__).parent
WINGS = ("flow", "record", "rights", "store", "municipality")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "privacyapp.views":
                found.update(f"privacyapp.views.{a.name}" for a in node.names)
            else:
                found.update({node.module} | {f"{node.module}.{a.name}" for a in node.names})
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {
        name.removeprefix("privacyapp.views.")
        for name in found
        if name.startswith("privacyapp.views.")
    }


def _package(path: Path) -> str:
    return path.relative_to(VIEWS).parts[0] if len(path.relative_to(VIEWS).parts) > 1 else ""


def test_every_views_module_lives_in_the_kit_the_shell_or_a_wing() -> None:
    loose = [p.name for p in VIEWS.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert {p.name for p in VIEWS.iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        "kit",
        "shell",
        *WINGS,
    }


def test_the_kit_imports_no_wing_and_no_shell() -> None:
    for path in (VIEWS / "kit").glob("*.py"):
        outside = {m for m in _imports(path) if m.split(".")[0] != "kit"}
        assert outside == set(), f"{path.name} imports {sorted(outside)}"


def test_a_wing_never_imports_another_wing_or_the_shell() -> None:
    for wing in WINGS:
        for path in (VIEWS / wing).glob("*.py"):
            for module in _imports(path):
                top = module.split(".")[0]
                assert top in ("kit", wing), f"{wing}/{path.name} imports {module}"


def test_no_screen_is_loaded_by_name() -> None:
    for path in VIEWS.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import_module" not in text and "__import__" not in text, path.name


def test_no_file_in_views_is_over_400_lines() -> None:
    for path in VIEWS.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"{path.relative_to(VIEWS)}: {lines} lines"


def test_no_import_circle_in_views() -> None:
    """Type-checking imports count too: a circle there is a circle for the reader."""
    graph: dict[str, set[str]] = {}
    for path in VIEWS.rglob("*.py"):
        parts = path.relative_to(VIEWS).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__")
        graph[name] = set()
        for module in _imports(path):
            # ``from privacyapp.views.kit import widgets`` names kit.widgets; keep real modules
            graph[name].add(module)
    graph = {n: {m for m in deps if m in graph and m != n} for n, deps in graph.items()}
    for top in ("", "kit", "flow", "record", "rights", "store", "municipality", "shell"):
        for deps in graph.values():
            deps.discard(top)  # a package face is not an arrow between modules

    seen: dict[str, int] = {}  # 1: on the current path, 2: done

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
