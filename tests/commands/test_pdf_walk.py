"""`privacyapp flows walk ID --answers … --pdf OUT.pdf`: a real flow, walked, signed, checked."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from privacyapp.cli import main
from privacyapp.dossier import AppLock, FileBackend, Professional, verify_pdf
from privacyapp.dossier._record_builder import INFO_READ, from_path
from privacyapp.dossier.errors import ReportError
from privacyapp.engine import load_flows, walk_session

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dossier"))
from record_samples import pdfsig_text  # noqa: E402

FLOWS = Path(__file__).resolve().parents[2] / "flows"
PIN = "24680"
NOW = datetime(2026, 11, 22, 13, 5, tzinfo=UTC)
SHARE = "algemeen-delen-zonder-toestemming"
CONFLICT = "algemeen-conflict-van-plichten"


def run(argv: list[str], data_dir: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--data-dir", str(data_dir), *argv],
        stdout=out,
        stderr=err,
        env={"PRIVACYAPP_PIN": PIN},
        clock=lambda: NOW,
    )
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    code, _, err = run(
        ["identity", "create", "--name", "Sam Bakker", "--organisation", "Gemeente Zwolle",
         "--email", "sam@zwolle.example", "--role", "Wmo-consulent"],
        data,
    )  # fmt: skip
    assert code == 0, err
    return data


def _library():  # type: ignore[no-untyped-def]
    result = load_flows([FLOWS])
    assert result.library is not None
    return result.library


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_walk_to_pdf_holds_every_question_and_answer(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "delen.pdf"
    code, stdout, err = run(
        ["flows", "walk", SHARE, "--flows", str(FLOWS), "--answers", "2,2,1",
         "--pdf", str(out), "--reference", "ZW-2026-11", "--considerations", "Besproken in MDO."],
        data_dir,
    )  # fmt: skip
    assert code == 0, err
    assert "ondertekende pdf geschreven" in stdout
    pdf = out.read_bytes()
    report = verify_pdf(pdf)
    assert report.ok and report.signatures[0].signer == "Sam Bakker"

    session = walk_session(_library(), SHARE, ["2", "2", "1"], lambda: NOW)
    text = _text(pdf)
    questions = [s for s in session.path.steps if s.kind == "question"]
    assert len(questions) == 3
    for step in questions:
        assert " ".join(step.prompt.split()) in text
        assert step.answer_label is not None and step.answer_label in text
    for needle in ("Weeg af of er een conflict van plichten is", "Besproken in MDO.",
                   "ZW-2026-11", "Wmo-consulent", "Gemeente Zwolle", SHARE):  # fmt: skip
        assert needle in text
    assert "wetten.overheid.nl" in text  # sources with generated links

    text_pdfsig = tmp_path / "check.pdf"
    text_pdfsig.write_bytes(pdf)
    sig = pdfsig_text(str(text_pdfsig))
    if sig is not None:
        assert "Signature is Valid." in sig and "Total document signed" in sig


def test_walk_pdf_saves_the_path_and_prints_the_journal_head(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "conflict.pdf"
    code, _, err = run(
        ["flows", "walk", CONFLICT, "--flows", str(FLOWS), "--answers", "1,1,1,1,1,1",
         "--pdf", str(out)],
        data_dir,
    )  # fmt: skip
    assert code == 0, err
    vault = AppLock(FileBackend(data_dir)).unlock(PIN)
    saved = vault.list(kind="path")
    assert len(saved) == 1 and saved[0].flow_id == CONFLICT
    text = _text(out.read_bytes()).replace(" ", "")
    assert vault.journal_head() in text
    assert "☑" in text and INFO_READ.replace(" ", "") in text


def test_walk_pdf_refuses_a_bsn_and_saves_nothing(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(
        ["flows", "walk", SHARE, "--flows", str(FLOWS), "--answers", "1",
         "--pdf", str(out), "--reference", "111222333"],
        data_dir,
    )  # fmt: skip
    assert code == 1 and "BSN" in err
    assert not out.exists()
    assert AppLock(FileBackend(data_dir)).unlock(PIN).list(kind="path") == []


def test_unfinished_walk_writes_no_pdf(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, _, _ = run(
        ["flows", "walk", SHARE, "--flows", str(FLOWS), "--answers", "2", "--pdf", str(out)],
        data_dir,
    )
    assert code == 1 and not out.exists()


def test_walk_pdf_without_identity_says_create_one(tmp_path: Path) -> None:
    code, _, err = run(
        ["flows", "walk", SHARE, "--flows", str(FLOWS), "--answers", "1",
         "--pdf", str(tmp_path / "x.pdf")],
        tmp_path / "empty",
    )  # fmt: skip
    assert code == 1 and "identity create" in err


def test_from_path_needs_a_finished_walk() -> None:
    library = _library()
    session = walk_session(library, SHARE, ["2"], lambda: NOW)
    who = Professional("Sam Bakker", "Wmo-consulent", "Gemeente Zwolle")
    with pytest.raises(ReportError, match="nog niet af"):
        from_path(session.path, library, professional=who, created_at=NOW)
    done = walk_session(library, SHARE, ["1"], lambda: NOW)
    record = from_path(done.path, library, professional=who, created_at=NOW)
    assert record.outcome_title == "Je mag delen wat nodig is"
    assert [s.citation for s in record.sources][0].startswith("Jeugdwet, artikel 7.3.11")
    assert all(s.url.startswith("https://") for s in record.sources)
    assert json.loads(json.dumps(record.to_dict()))["flow_id"] == SHARE


def test_walk_json_with_pdf_keeps_stdout_pure_json(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, err = run(
        ["flows", "walk", SHARE, "--flows", str(FLOWS), "--answers", "1", "--format", "json",
         "--pdf", str(out)],
        data_dir,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(stdout)
    assert "ondertekende pdf geschreven" in err and out.exists()
