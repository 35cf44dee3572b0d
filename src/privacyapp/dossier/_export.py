"""Export everything the user saved: a readable JSON file and a short PDF summary, zipped.

The export is what the user explicitly asks to take out of the app, so it is plaintext by
design; the screens and the CLI say so. Signing-identity secrets are never exported
(``Vault.export_all`` leaves them out). The signed per-record PDF is the PDF module's job; this
summary lists what there is and the journal head so the list can be checked against the app.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from typing import Any

from privacyapp.dossier._vault import Vault
from privacyapp.fonts import BOLD, REGULAR, register_fonts

__all__ = [
    "BUNDLE_JSON",
    "BUNDLE_PDF",
    "export_bundle",
    "export_json",
    "export_pdf",
]

BUNDLE_JSON = "mijn-overzicht.json"
BUNDLE_PDF = "mijn-overzicht.pdf"
KIND_LABELS = {
    "path": "Bewaard pad",
    "checklist": "Checklist",
    "request": "Verzoek",
    "identity": "Ondertekensleutel",
}


def export_json(vault: Vault) -> bytes:
    """All records as indented, human-readable JSON (UTF-8)."""
    return json.dumps(vault.export_all(), ensure_ascii=False, indent=2).encode("utf-8")


def _date(text: str) -> str:
    return datetime.fromisoformat(text).strftime("%d-%m-%Y %H:%M")


def export_pdf(vault: Vault, data: dict[str, Any] | None = None) -> bytes:
    """A plain summary PDF: one line per record, plus the journal head."""
    # Fonts first: reportlab's table module takes its default cell font from rl_config when it
    # is first imported; imported before this, the export carried a non-embedded Helvetica.
    register_fonts()
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    data = data if data is not None else vault.export_all()
    styles = getSampleStyleSheet()
    for style in styles.byName.values():  # the sample styles name Helvetica, which is not embedded
        style.fontName = BOLD if "Bold" in getattr(style, "fontName", "") else REGULAR
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, title="Mijn overzicht", author="PrivacyApp ondersteuning en zorg",
        leftMargin=18 * mm, rightMargin=18 * mm,
    )  # fmt: skip
    story: list[Any] = [
        Paragraph("Mijn overzicht", styles["Title"]),
        Paragraph(f"Geëxporteerd op {_date(data['exported_at'])}.", styles["Normal"]),
        Paragraph(
            "Dit bestand is niet versleuteld. Bewaar het op een veilige plek.", styles["Normal"]
        ),
        Spacer(1, 6 * mm),
    ]
    # Every cell is a paragraph, so a long title, kind or status wraps inside its column.
    cell, head = styles["BodyText"], ParagraphStyle("head", styles["BodyText"], fontName=BOLD)
    rows: list[list[Any]] = [
        [Paragraph(h, head) for h in ("Soort", "Titel", "Kenmerk", "Status", "Laatst gewijzigd")]
    ]
    for record in data["records"]:
        values = (
            KIND_LABELS.get(record["kind"], record["kind"]),
            record["title"],
            record["reference"] or "-",
            record["status"],
            _date(record["updated_at"]),
        )
        rows.append([Paragraph(_escape(value), cell) for value in values])
    if len(rows) == 1:
        story.append(Paragraph("Er is niets bewaard.", styles["Normal"]))
    else:
        # 174 mm: the date column fits "22-11-2026 18:32" and its bold header on one line;
        # the reference column fits a 20-character reference on one line ("DOS-2026-55" wrapped)
        table = Table(rows, colWidths=[24 * mm, 44 * mm, 40 * mm, 28 * mm, 38 * mm], repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the cells' own font: never Helvetica
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))  # fmt: skip
        story.append(table)
    story += [
        Spacer(1, 6 * mm),
        Paragraph(
            f"Controlecode van de geschiedenis ({data['journal_entries']} regels): "
            f"{data['journal_head']}",
            styles["Normal"],
        ),
    ]
    doc.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def export_bundle(vault: Vault) -> bytes:
    """A zip with ``mijn-overzicht.json`` and ``mijn-overzicht.pdf`` (same snapshot); where this
    build cannot make PDFs (the static web build) the zip holds the complete JSON only."""
    from privacyapp.dossier._capabilities import pdf_available

    data = vault.export_all()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(BUNDLE_JSON, json.dumps(data, ensure_ascii=False, indent=2))
        if pdf_available():
            bundle.writestr(BUNDLE_PDF, export_pdf(vault, data))
    return out.getvalue()
