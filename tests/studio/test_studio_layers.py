"""The studio's service layer is plain Python: only studio/ui imports flet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

STUDIO = Path(__file__).resolve().parents[2] / "src" / "privacyapp" / "studio"


def test_only_the_ui_imports_flet() -> None:
    for path in STUDIO.rglob("*.py"):
        if "ui" in path.relative_to(STUDIO).parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "import flet" not in text and "from flet" not in text, path


def test_the_service_layer_loads_without_flet() -> None:
    code = (
        "import sys, privacyapp.studio, privacyapp.commands.changes; "
        "print(any(m == 'flet' or m.startswith('flet.') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
