"""Files the CLI writes outside the store (security review 9a/9b): exports, record PDFs and
letter PDFs are owner-only, written atomically and never through a symlink."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from privacyapp.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dossier"))
from record_samples import sample_record  # noqa: E402
from test_pdf_cli import CREATE, run  # noqa: E402
from test_records import run as run_records  # noqa: E402
from test_records import store  # noqa: E402,F401 (fixture)

Writer = Callable[[Path, Path], tuple[int, str]]


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The usual umask 022, under which Path.write_bytes gave 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def _export(data_dir: Path, tmp_path: Path, out: Path) -> tuple[int, str]:
    code, _, err = run_records(data_dir, "records", "export", str(out))
    return code, err


def _pdf(_store: Path, tmp_path: Path, out: Path) -> tuple[int, str]:
    data_dir = tmp_path / "signer"
    code, _, err = run(CREATE, data_dir)
    assert code == 0, err
    record = tmp_path / "record.json"
    record.write_text(json.dumps(sample_record().to_dict()), encoding="utf-8")
    code, _, err = run(["pdf", "make", str(record), "--out", str(out)], data_dir)
    return code, err


def _letter(_store: Path, tmp_path: Path, out: Path) -> tuple[int, str]:
    import io

    err = io.StringIO()
    code = main(
        ["--data-dir", str(tmp_path / "letters"), "rights", "compose", "--type", "inzage",
         "--to", "privacy@testdorp.nl", "--name", "Sam de Vries", "--pdf", str(out)],
        stdout=io.StringIO(), stderr=err, env={},
    )  # fmt: skip
    return code, err.getvalue()


WRITERS = {"export-zip": (_export, "uit.zip"), "export-json": (_export, "uit.json"),
           "record-pdf": (_pdf, "verslag.pdf"), "letter-pdf": (_letter, "brief.pdf")}  # fmt: skip


@pytest.mark.parametrize("kind", list(WRITERS))
def test_written_owner_only(kind: str, store: Path, tmp_path: Path) -> None:  # noqa: F811
    write, name = WRITERS[kind]
    out = tmp_path / "uit" / name
    out.parent.mkdir()
    code, err = write(store, tmp_path, out)
    assert code == 0, err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == [name]  # no temporary file left


@pytest.mark.parametrize("kind", list(WRITERS))
def test_a_symlink_at_the_target_is_replaced_not_followed(
    kind: str,
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    write, name = WRITERS[kind]
    victim = tmp_path / "belangrijk.txt"
    victim.write_text("niet overschrijven", encoding="utf-8")
    out = tmp_path / name
    out.symlink_to(victim)
    code, err = write(store, tmp_path, out)
    assert code == 0, err
    assert victim.read_text(encoding="utf-8") == "niet overschrijven"
    assert not out.is_symlink() and out.stat().st_size > 100
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", list(WRITERS))
def test_an_existing_file_is_replaced_whole_and_made_private(
    kind: str,
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    write, name = WRITERS[kind]
    out = tmp_path / name
    out.write_bytes(b"x" * 10_000_000)
    out.chmod(0o644)
    code, err = write(store, tmp_path, out)
    assert code == 0, err
    assert out.stat().st_size < 10_000_000
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", list(WRITERS))
def test_an_unwritable_place_is_a_clear_error(
    kind: str,
    store: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    write, name = WRITERS[kind]
    code, err = write(store, tmp_path, tmp_path / "bestaat-niet" / name)
    assert code != 0
    assert "niet schrijven" in err and "Traceback" not in err


def test_keygen_never_writes_through_a_dangling_symlink(tmp_path: Path) -> None:
    import io

    target = tmp_path / "elders.pem"
    link = tmp_path / "sleutel.pem"
    link.symlink_to(target)
    err = io.StringIO()
    code = main(["flows", "keygen", "--out", str(link)], stdout=io.StringIO(), stderr=err, env={})
    assert code == 1 and "already exists" in err.getvalue()
    assert not target.exists()
