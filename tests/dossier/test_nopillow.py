"""PDFs without Pillow, as in the static web build (Pyodide has no Pillow wheel): the letter and
the export are real PDFs with the embedded font and the text a reader sees, and an image, which
the app never draws, fails loudly instead of silently."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

SRC = Path(__file__).resolve().parents[2] / "src"

BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PIL", "yaml", "pyhanko"):
            raise ImportError(f"{name} is not available in the browser build")
        return None
sys.meta_path.insert(0, Block())
"""

MAKE_PDFS = """
import base64, json
from datetime import date
from privacyapp.dossier import pdf_available
before = pdf_available()
from privacyapp.dossier._nopillow import allow_reportlab_without_pillow, pillow_is_absent
registered = allow_reportlab_without_pillow()
from privacyapp.dossier import AppLock, MemoryBackend
from privacyapp.dossier._export import export_bundle
from privacyapp.rights import Applicant, RequestInput, RequestKind, compose, letter_pdf
from privacyapp.rights import typed_recipient
recipient = typed_recipient("Gemeente Testdorp", email="privacy@testdorp.nl")
letter = compose(RequestInput(RequestKind.INZAGE, Applicant("Zoë Çelik-Müller"), recipient,
                              {"data": "mijn dossier"}), date(2026, 11, 22))
vault = AppLock(MemoryBackend()).set_pin("24680")
vault.create("path", "Overleg met de jeugdarts — één cliënt", {"flow": "x"}, reference="REF-1")
image_error = ""
try:
    from reportlab.pdfgen.canvas import Canvas
    Canvas(io.BytesIO()).drawImage("picture.png", 0, 0)
except Exception as exc:
    image_error = type(exc).__name__
print(json.dumps({
    "before": before, "registered": registered, "absent": pillow_is_absent(),
    "after": pdf_available(), "letter": base64.b64encode(letter_pdf(letter)).decode(),
    "bundle": base64.b64encode(export_bundle(vault)).decode(), "image_error": image_error,
    "pyhanko": sorted(m for m in sys.modules if m.split(".")[0] == "pyhanko"),
}))
"""


def _without_pillow(code: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run(
        [sys.executable, "-c", BLOCK + "import io\n" + code],
        capture_output=True, text=True, env=env, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _embedded_fonts(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():  # type: ignore[union-attr]
            font = ref.get_object()
            if "/DescendantFonts" in font:
                font_descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            else:
                font_descriptor = font["/FontDescriptor"]
            assert "/FontFile2" in font_descriptor.get_object(), "font must be embedded"
            names.add(str(font["/BaseFont"]))
    return names


def test_letter_and_export_are_real_pdfs_without_pillow() -> None:
    import base64
    import zipfile

    data = _without_pillow(MAKE_PDFS)
    assert data["before"] is False  # without the placeholder: no PDF button, never a failing one
    assert data["registered"] is True and data["absent"] is True and data["after"] is True
    letter = base64.b64decode(str(data["letter"]))
    assert letter.startswith(b"%PDF")
    assert "Zoë Çelik-Müller" in _text(letter)
    assert "Verzoek om inzage in persoonsgegevens (artikel 15 AVG)" in _text(letter)
    assert all("Helvetica" not in name for name in _embedded_fonts(letter))
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(str(data["bundle"])))) as bundle:
        assert sorted(bundle.namelist()) == ["mijn-overzicht.json", "mijn-overzicht.pdf"]
        summary = bundle.read("mijn-overzicht.pdf")
    assert "Overleg met de jeugdarts — één cliënt" in _text(summary)
    assert data["image_error"]  # a raster image is refused by reportlab, not drawn blank
    assert data["pyhanko"] == []  # PDFs need no pyHanko (the store here uses PyCA natively)


def test_the_same_letter_with_and_without_pillow() -> None:
    """The browser's letter is byte for byte the one the installed app makes."""
    import base64
    from datetime import date

    from privacyapp.rights import (
        Applicant,
        RequestInput,
        RequestKind,
        compose,
        letter_pdf,
        typed_recipient,
    )

    data = _without_pillow(MAKE_PDFS)
    recipient = typed_recipient("Gemeente Testdorp", email="privacy@testdorp.nl")
    letter = compose(
        RequestInput(
            RequestKind.INZAGE, Applicant("Zoë Çelik-Müller"), recipient, {"data": "mijn dossier"}
        ),
        date(2026, 11, 22),
    )
    assert base64.b64decode(str(data["letter"])) == letter_pdf(letter)


def test_nothing_changes_where_pillow_is_installed() -> None:
    from privacyapp.dossier._nopillow import allow_reportlab_without_pillow, pillow_is_absent

    assert allow_reportlab_without_pillow() is False
    assert not pillow_is_absent()
