"""Fixtures for view builders: a ViewContext over the built-in content, no Flet client."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from viewkit import RecordingNavigator

from privacyapp.app import build_services
from privacyapp.views import strings as _strings  # noqa: F401  (registers the shell's text)
from privacyapp.views.i18n import Translator
from privacyapp.views.routes import ViewContext
from privacyapp.views.services import Services
from privacyapp.views.state import AppState, Settings

FIXED_NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    """The real services over the built-in content bundle (offline, temp data dir)."""
    data_dir: Path = tmp_path_factory.mktemp("data")
    return build_services(data_dir, web=True)


@pytest.fixture
def state() -> AppState:
    """A fresh state for a resident, with a fixed clock."""
    app_state = AppState(settings=Settings(audience="inwoner"))
    app_state.slots["clock"] = lambda: FIXED_NOW
    return app_state


@pytest.fixture
def nav() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def ctx(state: AppState, services: Services, nav: RecordingNavigator) -> ViewContext:
    """A context for a builder; set ``ctx.params`` / ``ctx.query`` as the route would."""
    return ViewContext(state, services, nav, Translator(state.settings.language))
