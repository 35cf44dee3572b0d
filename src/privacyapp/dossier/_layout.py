"""The look of a PDF record: styles, sections, header and footer (reportlab platypus).

Only layout lives here; ``_report`` runs the document build. Every user-provided text goes
through ``_text`` (XML-escaped, line breaks kept) because reportlab paragraphs are mini-markup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from privacyapp.dossier._record import RecordChecklistItem, RecordInput, format_datetime
from privacyapp.fonts import BOLD, ITALIC, REGULAR

#: Draws the visible signature block into a reportlab canvas (origin: the box's lower left
#: corner; width, height). ``_stamp`` makes one; defined here so the layout needs no import of it.
StampDrawer = Callable[[Any, float, float], None]

__all__ = [
    "CONTENT_WIDTH",
    "StampDrawer",
    "MARGIN",
    "PAGE_SIZE",
    "SIGNATURE_HEIGHT",
    "SignaturePlaceholder",
    "draw_footer",
    "page_header",
    "story",
]

PAGE_SIZE = A4
MARGIN = 20 * mm
CONTENT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN
SIGNATURE_HEIGHT = 30 * mm
_CHUNK = 8

INK = colors.HexColor("#1B1F24")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5A6470")
RULE = colors.HexColor("#C9D1DB")
SHADE = colors.HexColor("#EEF2F6")
LINK = colors.HexColor("#1A4D99")
MARK_COLORS = {"yes": "#1E6B3A", "no": "#A12A2A", "unknown": "#5A6470"}
MARKS = {"yes": "☑", "no": "☒", "unknown": "☐"}


# Every font is named explicitly: reportlab's defaults are read from rl_config when its modules
# are first imported, which may be before ``register_fonts`` (then they say Helvetica).
BODY = ParagraphStyle(
    "body", fontName=REGULAR, bulletFontName=REGULAR, fontSize=9.5, leading=13, textColor=INK
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10.5, textColor=MUTED)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=9, leading=12)
CELL_HEAD = ParagraphStyle("cellhead", parent=CELL, fontName=BOLD, textColor=ACCENT)
MONO = ParagraphStyle("mono", parent=CELL, fontSize=8, leading=10.5, splitLongWords=1)
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName=BOLD, fontSize=17, leading=22, textColor=ACCENT
)
SUBTITLE = ParagraphStyle("subtitle", parent=BODY, fontSize=10.5, leading=14, textColor=MUTED)
H1 = ParagraphStyle(
    "h1",
    parent=BODY,
    fontName=BOLD,
    fontSize=12,
    leading=16,
    textColor=ACCENT,
    spaceBefore=12,
    spaceAfter=5,
    keepWithNext=1,
)
H2 = ParagraphStyle(
    "h2",
    parent=BODY,
    fontName=BOLD,
    fontSize=10,
    leading=14,
    spaceBefore=6,
    spaceAfter=3,
    keepWithNext=1,
)
ITEM = ParagraphStyle("item", parent=BODY, leftIndent=14, bulletIndent=2, spaceAfter=2)
NOTE = ParagraphStyle("note", parent=CELL, fontName=ITALIC, textColor=MUTED)


class SignaturePlaceholder(Flowable):  # type: ignore[misc]
    """An empty, framed box where the signature appearance will be placed after layout.

    It remembers the page and absolute position it was drawn at (``position``).
    """

    def __init__(self, width: float, height: float, stamp: StampDrawer | None = None) -> None:
        super().__init__()
        self.width = width
        self.height = height
        #: Draws the signature block into the box (the lite signer); None leaves it empty.
        self.stamp = stamp
        self.position: tuple[int, float, float] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.position = (self.canv.getPageNumber(), x, y)
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.6)
        self.canv.roundRect(0, 0, self.width, self.height, 4, stroke=1, fill=0)
        if self.stamp is not None:
            self.stamp(self.canv, self.width, self.height)


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>")


def _p(value: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(_text(value), style)


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def story(
    record: RecordInput, *, fingerprint: str, self_signed: bool, box: SignaturePlaceholder
) -> list[Flowable]:
    """All flowables of the record, in reading order."""
    flow: list[Flowable] = [
        Paragraph(_text(record.title), TITLE),
        Paragraph(f"Vastgelegd op {format_datetime(record.created_at)}", SUBTITLE),
        Spacer(1, 8),
    ]
    flow += _details(record)
    flow += _route(record)
    flow += _checklist(record.checklist)
    flow += _advice(record)
    flow += _considerations(record)
    flow += _about()
    flow += _verification(record, fingerprint, self_signed)
    flow.append(
        KeepTogether(
            [
                Paragraph("Ondertekening", H1),
                Paragraph(
                    "Dit dossierstuk is digitaal ondertekend (PAdES). De handtekening hoort bij "
                    "het hele bestand.",
                    BODY,
                ),
                Spacer(1, 6),
                box,
            ]
        )
    )
    return flow


def _details(record: RecordInput) -> list[Flowable]:
    who = record.professional
    reference = record.client_reference or "niet ingevuld"
    rows = [
        ("Vastgelegd door", who.name),
        ("Rol", who.role or "niet ingevuld"),
        ("Organisatie", who.organisation),
        ("Kenmerk cliënt", reference),
        ("Stroom", f"{record.flow_title} ({record.flow_id})"),
        ("Versie van de stroom", record.flow_version),
    ]
    table_rows: list[list[Any]] = [[_p(k, CELL_HEAD), _p(v)] for k, v in rows]
    table_rows.append([_p("Inhoudshash", CELL_HEAD), _p(record.content_hash or "onbekend", MONO)])
    return [
        Paragraph("Gegevens", H1),
        _table(table_rows, [45 * mm, CONTENT_WIDTH - 45 * mm], header=False),
        Paragraph(
            "Het kenmerk is een dossiernummer van de organisatie. Dit stuk bevat geen naam of "
            "BSN van de cliënt.",
            SMALL,
        ),
    ]


def _route(record: RecordInput) -> list[Flowable]:
    flow: list[Flowable] = [Paragraph("Gekozen route", H1)]
    if not record.answers:
        return [*flow, Paragraph("Er zijn geen vragen beantwoord.", NOTE)]
    head = [_p("", CELL_HEAD), _p("Vraag", CELL_HEAD), _p("Antwoord", CELL_HEAD)]
    rows = [
        [_p(f"{number}."), _p(answer.question), _p(answer.answer)]
        for number, answer in enumerate(record.answers, start=1)
    ]
    return flow + _tables(head, rows, [9 * mm, 95 * mm, CONTENT_WIDTH - 104 * mm])


def _tables(head: list[Any], rows: list[list[Any]], widths: list[float]) -> list[Flowable]:
    """One table per few rows: reportlab splits one long table in quadratic time."""
    chunks = [rows[i : i + _CHUNK] for i in range(0, len(rows), _CHUNK)] or [[]]
    tables = [_table([head, *chunks[0]], widths)]
    tables += [_table(chunk, widths, header=False) for chunk in chunks[1:]]
    return tables


def _checklist(items: tuple[RecordChecklistItem, ...]) -> list[Flowable]:
    if not items:
        return []
    flow: list[Flowable] = [
        Paragraph("Checklist", H1),
        Paragraph("☑ ja   ☒ nee   ☐ weet ik niet", SMALL),
    ]
    groups: dict[str, list[RecordChecklistItem]] = {}
    for item in items:
        groups.setdefault(item.checklist, []).append(item)
    widths = [8 * mm, 80 * mm, 24 * mm, CONTENT_WIDTH - 112 * mm]
    for title, group in groups.items():
        head = [
            _p("", CELL_HEAD),
            _p("Punt", CELL_HEAD),
            _p("Antwoord", CELL_HEAD),
            _p("Notitie", CELL_HEAD),
        ]
        rows: list[list[Any]] = []
        for item in group:
            colour = MARK_COLORS.get(item.answer, "#5A6470")
            mark = Paragraph(
                f'<font color="{colour}" size="12">{MARKS.get(item.answer, "☐")}</font>', CELL
            )
            rows.append([mark, _p(item.text), _p(item.answer_label), _p(item.note or "—")])
        flow += [Paragraph(_text(title), H2), *_tables(head, rows, widths)]
    return flow


def _advice(record: RecordInput) -> list[Flowable]:
    flow: list[Flowable] = [Paragraph("Uitkomst en advies", H1)]
    if record.outcome_title:
        flow.append(Paragraph(f"<b>{_text(record.outcome_title)}</b>", BODY))
    if record.advice_steps:
        flow.append(Paragraph("Wat je kunt doen", H2))
        for number, step in enumerate(record.advice_steps, start=1):
            flow.append(Paragraph(_text(step), ITEM, bulletText=f"{number}."))
    if record.explanation:
        flow += [Paragraph("Waarom", H2), Paragraph(_text(record.explanation), BODY)]
    if record.sources:
        flow.append(Paragraph("Bronnen", H2))
        for source in record.sources:
            line = f"<b>{_text(source.citation)}</b>"
            if source.url:
                line += (
                    f'<br/><link href={quoteattr(source.url)} color="{LINK.hexval()}">'
                    f"<u>{escape(source.url)}</u></link>"
                )
            flow.append(Paragraph(line, BODY))
            flow.append(Spacer(1, 3))
    return flow


def _considerations(record: RecordInput) -> list[Flowable]:
    text = record.considerations.strip()
    if text:
        body = Paragraph(_text(text), BODY)
    else:
        body = Paragraph("Geen eigen afweging vastgelegd.", NOTE)
    return [Paragraph("Eigen afweging van de professional", H1), body]


def _about() -> list[Flowable]:
    return [
        Paragraph("Over dit dossierstuk", H1),
        Paragraph(
            "Dit stuk is gemaakt met de PrivacyApp ondersteuning en zorg. De app helpt bij vragen "
            "over privacy en het verwerken van persoonsgegevens in het sociaal domein. De app gaat "
            "niet over de zorg of hulp zelf en is geen juridisch advies op maat. Het advies volgt "
            "uit de antwoorden hierboven. De afweging en het besluit zijn van de professional die "
            "dit stuk heeft ondertekend.",
            BODY,
        ),
    ]


def _verification(record: RecordInput, fingerprint: str, self_signed: bool) -> list[Flowable]:
    issuer = (
        "Het certificaat is door de professional zelf gemaakt in de app. Een pdf-lezer noemt de "
        "uitgever daarom onbekend. Vergelijk de vingerafdruk hieronder met de vingerafdruk die de "
        "organisatie van deze professional heeft geregistreerd."
        if self_signed
        else "Het certificaat is uitgegeven door de organisatie van de professional. Vergelijk de "
        "vingerafdruk hieronder met wat de organisatie heeft geregistreerd."
    )
    rows: list[list[Any]] = [
        [
            _p("Vingerafdruk certificaat (SHA-256)", CELL_HEAD),
            Paragraph(_two_lines(fingerprint), MONO),
        ],
        [_p("Stand van het dagboek", CELL_HEAD), _p(record.journal_head or "niet opgenomen", MONO)],
    ]
    steps = [
        "Adobe Acrobat Reader: open het bestand en kijk in het paneel Handtekeningen. Daar staat "
        "of het document is gewijzigd sinds het is ondertekend.",
        f"Opdrachtregel: <font name='{BOLD}'>pdfsig bestand.pdf</font> (poppler) of "
        f"<font name='{BOLD}'>privacyapp pdf verify bestand.pdf</font>.",
        "In de PrivacyApp: kies ‘PDF controleren’ en open het bestand.",
        "Elke wijziging na het ondertekenen, ook iets wat achteraan is toegevoegd, maakt de "
        "controle ongeldig.",
    ]
    flow: list[Flowable] = [
        Paragraph("Controleren", H1),
        Paragraph(issuer, BODY),
        Spacer(1, 4),
        _table(rows, [45 * mm, CONTENT_WIDTH - 45 * mm], header=False),
        Spacer(1, 4),
    ]
    flow += [Paragraph(step, ITEM, bulletText="•") for step in steps]
    return flow


def _two_lines(fingerprint: str) -> str:
    """32 hex pairs as two lines of 16, easy to compare by eye."""
    pairs = fingerprint.split(":")
    return escape(":".join(pairs[:16])) + "<br/>" + escape(":".join(pairs[16:]))


def page_header(record: RecordInput) -> Callable[[Any, Any], None]:
    """The ``onPage`` callback drawing the running header."""

    def draw(canvas: Any, doc: Any) -> None:
        width, height = PAGE_SIZE
        top = height - MARGIN + 6
        canvas.saveState()
        canvas.setFont(BOLD, 8)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN, top, "PrivacyApp ondersteuning en zorg")
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(MUTED)
        brand_width = canvas.stringWidth("PrivacyApp ondersteuning en zorg", BOLD, 8)
        canvas.drawString(MARGIN + brand_width + 4, top, "· Dossierstuk")
        if record.client_reference:
            canvas.drawRightString(width - MARGIN, top, f"Kenmerk: {record.client_reference}")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 5, width - MARGIN, top - 5)
        canvas.restoreState()

    return draw


def draw_footer(canvas: Any, record: RecordInput, fingerprint: str, total: int) -> None:
    """Footer with who/when, a short fingerprint and "pagina X van Y"."""
    width, _ = PAGE_SIZE
    y = MARGIN - 22
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, y + 11, width - MARGIN, y + 11)
    canvas.setFont(REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    short = ":".join(fingerprint.split(":")[:8])
    canvas.drawString(
        MARGIN,
        y,
        f"{record.professional.name} · {format_datetime(record.created_at)} · certificaat {short}…",
    )
    canvas.drawRightString(width - MARGIN, y, f"pagina {canvas.getPageNumber()} van {total}")
    canvas.restoreState()
