"""The review document: a PDF of a change set for the jurist, readable without the studio.

For every flow whose content the change set changes (also through a shared fragment, or as a
variant of a changed flow) it gives: the flow's data, what changed (per node, with removed and
added words marked ``[weg: …]`` and ``[nieuw: …]``), every path from the first question to an
advice (question, chosen answer, … advice) with changed steps marked, and every advice in full
with its sources (citation and link). It also lists the change set's authors, the reviewers
with the date and whether their approval holds for this version, the content hash reviewed,
other changed files (fragments, municipal overlays, the registry) and, once published, the
publication. ``Studio.publish`` keeps one with every publication (``reviews/`` in the data
folder); ``privacyapp changes review-pdf ID`` writes one at any time.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from privacyapp.engine import Flow, Library
from privacyapp.engine.model import AdviceNode, ChecklistNode, InfoNode, QuestionNode
from privacyapp.fonts import BOLD, ITALIC, REGULAR, register_fonts
from privacyapp.studio.diff import FIELD_NAMES, FileDiff, NodeDiff, describe_file
from privacyapp.studio.model import ChangeSet
from privacyapp.studio.storage import Publication

__all__ = ["FlowReview", "MAX_PATHS", "ReviewInput", "flow_paths", "review_pdf"]

#: Paths listed per flow; a flow with more says how many were left out (none of ours has).
MAX_PATHS = 400


@dataclass(frozen=True)
class FlowReview:
    """One changed flow: the new version (None: removed), the old one (None: new), the diff."""

    flow_id: str
    path: str
    new: Flow | None
    old: Flow | None
    diff: FileDiff


@dataclass(frozen=True)
class ReviewInput:
    change_set: ChangeSet
    flows: tuple[FlowReview, ...]
    #: Files that are not flows (fragments, overlays, registry) and their diffs.
    other_files: tuple[FileDiff, ...]
    library: Library | None
    made_at: datetime
    publication: Publication | None = None


@dataclass(frozen=True)
class Step:
    node: str
    text: str
    answer: str | None


def flow_paths(flow: Flow, limit: int = MAX_PATHS) -> tuple[list[list[Step]], int]:
    """Every path from ``start`` to an advice (no node twice); and how many were left out."""
    paths: list[list[Step]] = []
    left_out = 0

    def visit(node_id: str, trail: list[Step], seen: frozenset[str]) -> None:
        nonlocal left_out
        node = flow.nodes.get(node_id)
        if node is None or node_id in seen:
            return
        seen = seen | {node_id}
        if isinstance(node, AdviceNode):
            if len(paths) < limit:
                paths.append([*trail, Step(node_id, f"Advies: {node.title}", None)])
            else:
                left_out += 1
            return
        if isinstance(node, QuestionNode):
            for choice in node.choices:
                visit(choice.next, [*trail, Step(node_id, node.text, choice.label)], seen)
        elif isinstance(node, InfoNode):
            visit(node.next, [*trail, Step(node_id, f"Uitleg: {node.title}", None)], seen)
        elif isinstance(node, ChecklistNode):
            for outcome in node.outcomes:
                answer = f"uitkomst: {_rule(outcome.when.describe())}"
                visit(
                    outcome.next, [*trail, Step(node_id, f"Checklist: {node.title}", answer)], seen
                )

    visit(flow.start, [], frozenset())
    return paths, left_out


_RULE_WORDS = {"all": "alles", "any": "een of meer", "none": "geen", "yes": "ja", "no": "nee",
               "unknown": "weet ik niet", "otherwise": "anders", "item": "onderdeel"}  # fmt: skip


def _rule(text: str) -> str:
    """A checklist rule in Dutch: ``all yes`` → ``alles ja``."""
    words = text.replace("at least", "minstens").split()
    return " ".join(_RULE_WORDS.get(word, word) for word in words)


def _x(text: object) -> str:
    return escape(str(text))


def _words(change: Any) -> str:
    """A changed prose field with its removed and added words marked (text and colour)."""
    if change.words:
        out = []
        for piece in change.words:
            if piece.kind == "same":
                out.append(_x(piece.text))
            elif piece.kind == "removed":
                out.append(f'<font color="#a00000"><strike>[weg: {_x(piece.text)}]</strike></font>')
            else:
                out.append(f'<font color="#006000"><u>[nieuw: {_x(piece.text)}]</u></font>')
        return "".join(out)
    old = "" if change.old is None else _value(change.old)
    new = "" if change.new is None else _value(change.new)
    parts = []
    if old:
        parts.append(f'<font color="#a00000">[weg: {_x(old)}]</font>')
    if new:
        parts.append(f'<font color="#006000">[nieuw: {_x(new)}]</font>')
    return " ".join(parts)


def _value(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items())
    return str(value)


def _date(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return stamp


def review_pdf(data: ReviewInput) -> bytes:  # noqa: C901 - one document, read top to bottom
    """The review document as PDF bytes (A4, embedded font)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=4)
    small = ParagraphStyle("small", parent=body, fontSize=9, leading=12, leftIndent=10)
    h1 = ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceAfter=8)
    h2 = ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12.5, leading=16,
                        spaceBefore=10, spaceAfter=5)  # fmt: skip
    h3 = ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=10.5, spaceBefore=6)
    note = ParagraphStyle("note", parent=body, fontName=ITALIC, fontSize=9)
    cs = data.change_set
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=18 * mm, title=f"Beoordelingsdocument voorstel {cs.id}: {cs.title}",
        author="PrivacyApp-studio", creator="PrivacyApp ondersteuning en zorg", invariant=1,
        initialFontName=REGULAR, initialFontSize=10,
    )  # fmt: skip
    story: list[Any] = []

    def p(text: str, style: ParagraphStyle = body) -> None:
        story.append(Paragraph(text, style))

    p(f"Beoordelingsdocument wijzigingsvoorstel {cs.id}", h1)
    p(f"<b>{_x(cs.title)}</b>")
    p(
        f"Status: {_x(cs.state_label)}. Gemaakt door {_x(cs.created_by)} op "
        f"{_x(_date(cs.created_at))}. Geschreven door: {_x(', '.join(cs.editors) or '-')}."
    )
    p(f"Beoordeelde versie (inhoudshash): {_x(cs.content_hash)}", small)
    p(f"Dit document is gemaakt op {_x(data.made_at.strftime('%d-%m-%Y %H:%M'))} (UTC).", small)
    p("Beoordelaars", h2)
    if not cs.approvals:
        p("Nog niemand heeft dit voorstel goedgekeurd.")
    for view in cs.approvals:
        a = view.approval
        holds = "geldt voor deze versie" if view.valid else "geldt niet meer (later gewijzigd)"
        p(f"{_x(a.author)} ({_x(a.role)}), goedgekeurd op {_x(_date(a.at))}: {holds}.")
    for comment in cs.comments:
        if comment.kind == "wijzigingen-gevraagd":
            p(
                f"{_x(comment.author)} vroeg op {_x(_date(comment.at))} om wijzigingen: "
                f"{_x(comment.text)}"
            )
    if data.publication is not None:
        pub = data.publication
        p("Publicatie", h2)
        p(
            f"Gepubliceerd door {_x(pub.author)} op {_x(_date(pub.at))} als inhoud "
            f"{_x(pub.content_version)} (hash {_x(pub.content_hash)})."
        )
    p("Wat verandert", h2)
    p(
        f"{len(data.flows)} vragen veranderen. Gemarkeerd: <strike>[weg: …]</strike> is "
        "verwijderde tekst, <u>[nieuw: …]</u> is nieuwe tekst; GEWIJZIGD of NIEUW staat bij "
        "stappen die veranderen."
    )
    for other in data.other_files:
        p(f"Ander bestand: {_x(other.path)}", h3)
        for sentence in other.sentences():
            p(_x(sentence), small)
    for review in data.flows:
        _flow_section(review, data.library, p, (h2, h3, body, small, note))
        story.append(Spacer(1, 4 * mm))
    doc.build(story)
    return buffer.getvalue()


def _flow_section(
    review: FlowReview,
    library: Library | None,
    p: Any,
    styles: Sequence[Any],
) -> None:
    h2, h3, body, small, note = styles
    flow = review.new or review.old
    assert flow is not None
    state = "NIEUW" if review.old is None else "VERWIJDERD" if review.new is None else "GEWIJZIGD"
    p(f"{_x(flow.title)} ({state})", h2)
    version = flow.version if review.old is None else f"{review.old.version} → {flow.version}"
    p(
        f"Id {_x(flow.id)}, bestand {_x(review.path)}, sector {_x(flow.sector)}, doelgroep "
        f"{_x(', '.join(flow.audience))}, versie {_x(version)}, status {_x(flow.status)}"
        + (f", variant van {_x(flow.extends)}" if flow.extends else "")
        + ".",
        small,
    )
    changed = {n.node: n for n in review.diff.nodes}
    p("Wijzigingen", h3)
    if review.diff.metadata:
        p("Gegevens van de vraag: " + "; ".join(_x(f.summary) for f in review.diff.metadata))
    for node_diff in review.diff.nodes:
        _node_change(node_diff, p, body, small)
    if not review.diff.metadata and not review.diff.nodes:
        p("Geen inhoudelijke wijziging in de tekst.", note)
    if review.new is None:
        return
    paths, left_out = flow_paths(review.new)
    p(f"Alle paden ({len(paths)})", h3)
    for number, path in enumerate(paths, 1):
        marked = any(step.node in changed for step in path)
        steps = []
        for step in path:
            text = _x(step.text) + (f" → <i>{_x(step.answer)}</i>" if step.answer else "")
            if step.node in changed:
                text = f"<b>{text} [{_label(changed[step.node])}]</b>"
            steps.append(text)
        p(f"Pad {number}{' (gewijzigd)' if marked else ''}: " + " | ".join(steps), small)
    if left_out:
        p(f"Nog {left_out} paden zijn niet opgenomen.", note)
    p("Adviezen met bronnen", h3)
    for node in review.new.nodes.values():
        if isinstance(node, AdviceNode):
            _advice(node, library, changed.get(node.id), p, body, small)


def _label(node_diff: NodeDiff) -> str:
    return {"added": "NIEUW", "removed": "VERWIJDERD"}.get(node_diff.change, "GEWIJZIGD")


def _node_change(node_diff: NodeDiff, p: Any, body: Any, small: Any) -> None:
    p(f"{_x(node_diff.label)} {_x(node_diff.node)}: {_label(node_diff)}", body)
    for change in node_diff.fields:
        name = FIELD_NAMES.get(change.field, change.field)
        p(f"{_x(name)}: {_words(change)}", small)


def _advice(
    node: AdviceNode, library: Library | None, node_diff: NodeDiff | None, p: Any, body: Any,
    small: Any,
) -> None:  # fmt: skip
    mark = f" [{_label(node_diff)}]" if node_diff is not None else ""
    p(f"<b>Advies {_x(node.id)}: {_x(node.title)}</b>{mark}", body)
    if node.summary:
        p(_x(node.summary), small)
    for i, step in enumerate(node.steps, 1):
        p(f"{i}. {_x(step)}", small)
    p(f"Waarom: {_x(node.explanation)}", small)
    for source in node.sources:
        if library is not None:
            url = source.url(library.registry)
            cite = source.citation(library.registry)
        else:
            url, cite = None, f"{source.law} {source.article or ''}".strip()
        p(f"Bron: {_x(cite)}" + (f" ({_x(url)})" if url else ""), small)
    for contact in node.contacts or ():
        ways = ", ".join(v for v in (contact.phone, contact.email, contact.url) if v)
        p(f"Contact: {_x(contact.name)} ({_x(ways)})", small)
    for link in node.links or ():
        p(f"Link: {_x(link.label)} ({_x(link.url)})", small)
    if node.help:
        p(f"Meer hulp: {_x(', '.join(node.help))}", small)


def collect_flows(
    old_flows: dict[str, Flow], new_flows: dict[str, Flow], paths: dict[str, str],
    laws: dict[str, str], flow_yaml: Any,
) -> Iterable[FlowReview]:  # fmt: skip
    """Every flow whose resolved content differs between two versions, with its diff."""
    for flow_id in sorted({*old_flows, *new_flows}):
        old, new = old_flows.get(flow_id), new_flows.get(flow_id)
        if old == new:
            continue
        path = paths.get(flow_id, flow_id)
        yield FlowReview(
            flow_id, path, new, old, describe_file(path, flow_yaml(old), flow_yaml(new), laws)
        )
