"""Engine tests: the example flows and the clock come from ``tests/conftest.py``."""

from __future__ import annotations

import pytest

from privacyapp.engine import checks


@pytest.fixture(autouse=True)
def _without_plugin_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Engine tests pin exact diagnostics; plug-in checks (readability) have their own tests."""
    monkeypatch.setattr(checks, "PLUGIN_MODULES", ())
