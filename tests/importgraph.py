"""The import graph of one package, for the layout tests (views/, the studio's service layer).

Every import counts, type-checking and in-function ones too: a circle there is a circle for
the reader, even when Python would not trip over it.
"""

from __future__ import annotations

import ast
from pathlib import Path


def imports_within(path: Path, package: str) -> set[str]:
    """The modules of ``package`` that the file at ``path`` imports, relative to it
    (``from privacyapp.views.kit import widgets`` in views gives ``kit`` and ``kit.widgets``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.update({node.module} | {f"{node.module}.{a.name}" for a in node.names})
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    prefix = f"{package}."
    return {name.removeprefix(prefix) for name in found if name.startswith(prefix)}


def assert_no_circle(graph: dict[str, set[str]]) -> None:
    """Fail naming the circle when ``graph`` (module -> the modules it imports) has one."""
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
