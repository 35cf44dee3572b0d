"""The layout of ``views/``: a kit, feature wings and two app roots, with no arrow back up.

``kit/`` imports no other part of ``views/``; a wing imports the kit and the domain packages,
never another wing (the open store is reached through ``kit.vault``); only ``shell/``
imports the wings; no module loads another by name (``importlib``).

``studio/`` (the editors' studio, issue 18) is a second app root like ``shell/``: it may take
the kit and the flow wing's player (for the preview), nothing else of ``views/``; nothing
imports it but the CLI (``privacyapp.commands.studio``).
"""

from __future__ import annotations

from pathlib import Path

import privacyapp.views
from importgraph import assert_no_circle, imports_within

VIEWS = Path(privacyapp.views.__file__).parent
WINGS = ("flow", "record", "rights", "store", "municipality")
SRC = VIEWS.parent
#: What the studio's screens may take from views/ outside their own package.
STUDIO_MAY_IMPORT = ("kit", "flow.player")


def _imports(path: Path) -> set[str]:
    return imports_within(path, "privacyapp.views")


def _package(path: Path) -> str:
    return path.relative_to(VIEWS).parts[0] if len(path.relative_to(VIEWS).parts) > 1 else ""


def test_every_views_module_lives_in_the_kit_the_shell_or_a_wing() -> None:
    loose = [p.name for p in VIEWS.glob("*.py") if p.name != "__init__.py"]
    assert loose == []
    assert {p.name for p in VIEWS.iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        "kit",
        "shell",
        "studio",
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


def test_the_studio_takes_only_the_kit_and_the_flow_player() -> None:
    for path in (VIEWS / "studio").glob("*.py"):
        for module in _imports(path):
            allowed = module.split(".")[0] in ("kit", "studio") or any(
                module == m or module.startswith(m + ".") for m in STUDIO_MAY_IMPORT
            )
            assert allowed, f"studio/{path.name} imports {module}"


def test_nothing_imports_the_studio_but_the_cli() -> None:
    importers = set()
    for path in SRC.rglob("*.py"):
        if (VIEWS / "studio") in path.parents:
            continue
        if any(m.split(".")[0] == "studio" for m in _imports(path)):
            importers.add(path.relative_to(SRC).as_posix())
    assert importers <= {"commands/studio.py"}, sorted(importers)


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
    for top in ("", "kit", "flow", "record", "rights", "store", "municipality", "shell", "studio"):
        for deps in graph.values():
            deps.discard(top)  # a package face is not an arrow between modules

    assert_no_circle(graph)


def test_the_view_tests_follow_the_wings() -> None:
    """``tests/views/<wing>/`` mirrors ``views/<wing>/``: a reader finds a screen's tests there."""
    tests = Path(__file__).parent
    folders = {p.name for p in tests.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == {"kit", "shell", *WINGS}
    for folder in folders:
        assert list((tests / folder).glob("test_*.py")), folder
