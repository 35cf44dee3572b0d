"""Helpers for the overlay tests: a content folder with one national flow that marks adaptable
parts (``tests/fixtures/overlays``), overlay files pinned to it, and kept bases."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from privacyapp.engine import Flow, load_flows
from privacyapp.engine.overlay_files import base_file_name, base_json
from privacyapp.engine.overlays import flow_hash

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "overlays"
FLOW_ID = "algemeen-dossier-gemeente"
FLOW_FILE = f"algemeen/{FLOW_ID}.yaml"


def content(tmp: Path) -> Path:
    """A fresh copy of the overlay fixture content (registry and one national flow)."""
    root = tmp / "flows"
    shutil.copytree(FIXTURE, root)
    return root


def national(root: Path, flow_id: str = FLOW_ID) -> Flow:
    """The national flow as the loader resolves it (overlays left out)."""
    result = load_flows([root / FLOW_FILE], registry=root / "registry.yaml", root=root)
    assert result.library is not None, [d.format() for d in result.diagnostics]
    return result.library.get(flow_id)


def pin(flow: Flow) -> dict[str, str]:
    return {"version": flow.version, "hash": flow_hash(flow)}


def keep_base(root: Path, flow: Flow) -> Path:
    """Keep a national flow in ``_overlays/_bases`` (as the studio does when it pins)."""
    folder = root / "_overlays" / "_bases"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / base_file_name(flow.id, flow_hash(flow))
    path.write_text(base_json(flow), encoding="utf-8")
    return path


def write_overlay(
    root: Path,
    code: str,
    name: str,
    flows: dict[str, Any],
    *,
    file_name: str | None = None,
) -> Path:
    folder = root / "_overlays"
    folder.mkdir(exist_ok=True)
    path = folder / (file_name or f"{code}.yaml")
    data = {"schema": "1", "municipality": code, "name": name, "flows": flows}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def edit_national(root: Path, old: str, new: str) -> None:
    """Change the national flow's text (and raise its version), as a national editor would."""
    path = root / FLOW_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new).replace("version: 1.0.0", "version: 1.1.0")
    path.write_text(text, encoding="utf-8")


AMSTERDAM_STEP = "Vul het formulier Inzage persoonsgegevens in op de website van de gemeente."
AMSTERDAM_CONTACTS = [
    {"name": "Privacyteam van de gemeente", "phone": "14 020", "email": "privacy@example.nl"}
]


def amsterdam(flow: Flow) -> dict[str, Any]:
    """A municipality's overlay entry: its own contacts and its own local step."""
    return {
        FLOW_ID: {
            "based_on": pin(flow),
            "nodes": {
                "lokale-stap": {
                    "title": "Zo vraag je het aan in Amsterdam",
                    "text": AMSTERDAM_STEP,
                },
                "advies-inzage": {"contacts": AMSTERDAM_CONTACTS},
            },
        }
    }


def add_national_flow(repo: Path) -> None:
    """Commit the fixture's national flow (with adaptable parts) into a content repository."""
    import subprocess

    shutil.copy2(FIXTURE / FLOW_FILE, repo / "flows" / FLOW_FILE)
    env = {"PATH": "/usr/bin:/bin", "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(repo)}
    commit = ["-c", "user.name=R", "-c", "user.email=r@x", "commit", "-qm", "+"]
    for args in (["add", "-A"], commit):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env)
