"""Fixtures of the studio tests: a content repository in git (a copy of the shipped flows and
the app's bundle), a studio over it with cheap password hashing, and three accounts."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from studiokit import FAST, PASSWORD

from privacyapp.studio import Studio, User

REPO = Path(__file__).resolve().parents[2]


def _git(repo: Path, *args: str) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "HOME": str(repo),
        "GIT_AUTHOR_NAME": "Redactie",
        "GIT_AUTHOR_EMAIL": "redactie@example.invalid",
        "GIT_COMMITTER_NAME": "Redactie",
        "GIT_COMMITTER_EMAIL": "redactie@example.invalid",
    }
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture(scope="session")
def template_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository with the shipped flows and bundle, made once per test session."""
    repo = tmp_path_factory.mktemp("content-template")
    shutil.copytree(REPO / "flows", repo / "flows")
    bundle = repo / "src" / "privacyapp" / "assets"
    bundle.mkdir(parents=True)
    shutil.copy2(REPO / "src" / "privacyapp" / "assets" / "content-bundle.json", bundle)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Inhoud")
    return repo


@pytest.fixture
def content_repo(template_repo: Path, tmp_path: Path) -> Path:
    repo = tmp_path / "content"
    shutil.copytree(template_repo, repo, symlinks=True)
    return repo


@pytest.fixture
def ticking() -> Callable[[], datetime]:
    """A clock one second further at every call, from 2026-12-02 10:00 UTC."""
    times: Iterator[datetime] = (
        datetime(2026, 12, 2, 10, 0, tzinfo=UTC) + timedelta(seconds=n) for n in range(10**6)
    )
    return lambda: next(times)


@pytest.fixture
def studio(content_repo: Path, tmp_path: Path, ticking: Callable[[], datetime]) -> Studio:
    return Studio(content_repo, tmp_path / "studio-data", clock=ticking, hash_params=FAST)


@pytest.fixture
def team(studio: Studio) -> dict[str, User]:
    """An author, a second author, a jurist, a publicist and a beheerder."""
    return {
        name: studio.add_account(name, PASSWORD, [role], display_name=display)
        for name, role, display in [
            ("anna", "auteur", "Anna Auteur"),
            ("bram", "auteur", "Bram Auteur"),
            ("jet", "jurist", "Jet Jurist"),
            ("piet", "publicist", "Piet Publicist"),
            ("bea", "beheerder", "Bea Beheer"),
        ]
    }
