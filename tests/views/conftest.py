"""Fixtures for view builders: a ViewContext over the built-in content, no Flet client."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from viewkit import RecordingNavigator

from privacyapp.app import build_services
from privacyapp.views.kit.context import ViewContext
from privacyapp.views.kit.i18n import Translator
from privacyapp.views.kit.services import Services
from privacyapp.views.kit.state import AppState, Settings

FIXED_NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def services(tmp_path_factory: pytest.TempPathFactory) -> Services:
    """The real services over the built-in content bundle (offline, temp data dir)."""
    data_dir: Path = tmp_path_factory.mktemp("data")
    return build_services(data_dir, web=True, clock=lambda: FIXED_NOW)


@pytest.fixture
def state() -> AppState:
    """A fresh state for a resident (the services' clock is fixed at ``FIXED_NOW``)."""
    return AppState(settings=Settings(audience="inwoner"))


@pytest.fixture
def nav() -> RecordingNavigator:
    return RecordingNavigator()


@pytest.fixture
def ctx(state: AppState, services: Services, nav: RecordingNavigator) -> ViewContext:
    """A context for a builder; set ``ctx.params`` / ``ctx.query`` as the route would."""
    return ViewContext(state, services, nav, Translator(state.settings.language))
