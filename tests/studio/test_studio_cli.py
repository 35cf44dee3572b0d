"""`privacyapp studio users …` and `privacyapp changes …`: the same rules as the UI."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from studiokit import ADVICE_FILE, FAST, PASSWORD, edit_explanation

from privacyapp import cli
from privacyapp.studio import service

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(
    content_repo: Path,
    tmp_path: Path,
    ticking: Callable[[], datetime],
    monkeypatch: pytest.MonkeyPatch,
) -> Run:
    monkeypatch.setattr(service, "DEFAULT_PARAMS", FAST)
    original = service.Studio.__init__

    def cheap(self: service.Studio, *args: object, **kwargs: object) -> None:
        kwargs["hash_params"] = FAST
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(service.Studio, "__init__", cheap)
    where = ["--repo", str(content_repo), "--studio-data", str(tmp_path / "data")]

    def call(*argv: str, password: str = PASSWORD) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        env = {"PRIVACYAPP_STUDIO_PASSWORD": password}
        code = cli.main([*argv, *where], stdout=out, stderr=err, env=env, clock=ticking)
        return code, out.getvalue(), err.getvalue()

    return call


def test_a_change_set_from_the_command_line(run: Run, content_repo: Path, tmp_path: Path) -> None:
    for name, role in [("anna", "auteur"), ("jet", "jurist"), ("piet", "publicist")]:
        assert run("studio", "users", "add", name, "--role", role)[0] == 0
    code, out, _ = run("changes", "new", "Uitleg gezinsvoogd", "--as", "anna")
    assert code == 0 and out == "1\n"
    flow = tmp_path / "jeugd-gezinsvoogd.yaml"
    original = (content_repo / ADVICE_FILE).read_text(encoding="utf-8")
    flow.write_text(original.replace("{law: jeugdwet,", "{law: jeugwet,", 1), encoding="utf-8")
    code, out, _ = run("changes", "put", "1", str(flow), "--as", "anna")
    assert code == 1 and f"{ADVICE_FILE}:" in out and "error[unknown-law]" in out
    assert "opgeslagen in voorstel 1" in out  # saved anyway: nothing is lost
    code, _, err = run("changes", "submit", "1", "--as", "anna")
    assert code == 1 and "fouten" in err
    flow.write_text(edit_explanation(original, "Geef wat nodig is. Meer niet."), encoding="utf-8")
    assert run("changes", "put", "1", str(flow), "--as", "anna")[0] == 0
    assert run("changes", "submit", "1", "--as", "anna")[1] == "voorstel 1: Ter beoordeling\n"
    code, _, err = run("changes", "approve", "1", "--as", "anna")
    assert code == 1 and "Alleen een jurist" in err
    code, _, err = run("changes", "request-changes", "1", "--as", "jet")
    assert code == 2  # --reason is required
    assert run("changes", "approve", "1", "--as", "jet")[0] == 0
    code, out, _ = run("changes", "publish", "1", "--as", "piet")
    assert code == 0 and "inhoud 2026.12.1" in out
    code, out, _ = run("changes", "show", "1", "--format", "json")
    shown = json.loads(out)
    assert shown["state_label"] == "Gepubliceerd"
    assert shown["changes"] == [
        {"path": ADVICE_FILE, "sentences": ["Advies advies-geven: uitleg gewijzigd"]}
    ]
    assert [(e["who"], e["action"]) for e in shown["audit"]] == [
        ("anna", "voorstel-gemaakt"),
        ("anna", "opgeslagen"),
        ("anna", "opgeslagen"),
        ("anna", "ingediend"),
        ("jet", "goedgekeurd"),
        ("piet", "gepubliceerd"),
    ]
    listed = json.loads(run("changes", "list", "--format", "json")[1])
    assert [(c["id"], c["state"]) for c in listed] == [(1, "gepubliceerd")]


def test_the_command_line_checks_the_password_and_the_role(run: Run) -> None:
    assert run("studio", "users", "add", "anna", "--role", "auteur")[0] == 0
    code, _, err = run("changes", "new", "Iets nieuws", "--as", "anna", password="niet goed genoeg")
    assert code == 1 and "klopt niet" in err
    code, _, err = run("studio", "users", "add", "bob", "--role", "auteur", password="kort")
    assert code == 1 and "te kort" in err
    assert run("studio", "users", "add", "bob", "--role", "baas")[0] == 2
    code, _, err = run("changes", "show", "9")
    assert code == 1 and "geen wijzigingsvoorstel met nummer 9" in err
    code, out, _ = run("studio", "users", "list", "--format", "json")
    assert json.loads(out) == [
        {"name": "anna", "display_name": "anna", "roles": ["auteur"], "active": True}
    ]
