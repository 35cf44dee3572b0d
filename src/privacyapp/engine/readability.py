"""Readability checks for flow texts: plain Dutch at B1 level.

The content brief asks for short sentences, everyday words and jargon explained the first
time it is used. This module finds the places where a text falls short of that and says how to
fix it. It knows nothing about YAML: callers pass the texts of one flow in document order, with
a location each, and get findings back that they turn into diagnostics
(``file:line:col: warning[code] message`` plus a ``hint:``).

Three codes:

``long-sentence``
    A sentence with more than :data:`MAX_SENTENCE_WORDS` words.
``long-word``
    A word with more than :data:`MAX_WORD_LETTERS` letters that is not a known, explained
    legal term (:data:`LONG_WORD_WHITELIST`).
``jargon``
    A stiff or official word that has a plain alternative (:data:`JARGON`), or a term that may
    be used only when the flow explains it somewhere (:data:`EXPLAIN_ONCE`), e.g.
    ``AVG (de privacywet)``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Generic, TypeVar

from privacyapp.engine.checks import CheckContext
from privacyapp.engine.diagnostics import Diagnostic, Loc, Severity
from privacyapp.engine.model import AdviceNode, ChecklistNode, InfoNode, QuestionNode

__all__ = [
    "CHECKS",
    "EXPLAIN_ONCE",
    "JARGON",
    "LONG_WORD_WHITELIST",
    "MAX_SENTENCE_WORDS",
    "MAX_WORD_LETTERS",
    "PROPER_NAMES",
    "ReadabilityFinding",
    "check_flow_texts",
    "check_readability",
    "check_text",
    "split_sentences",
]

L = TypeVar("L")

#: Sentences longer than this are hard to read at B1 level (aim for 15 or fewer).
MAX_SENTENCE_WORDS = 25
#: Words with more letters than this are hard to read unless they are a known, explained term.
MAX_WORD_LETTERS = 20

#: Long legal terms that the content uses on purpose and explains where they first appear.
LONG_WORD_WHITELIST: frozenset[str] = frozenset(
    {
        "aandachtsfunctionaris",
        "gegevensbeschermingsautoriteit",
        "kinderbeschermingsmaatregel",
        "kinderbeschermingsmaatregelen",
        "ondertoezichtstelling",
        "verwerkingsverantwoordelijke",
        "zelfredzaamheidsmatrix",
    }
)

#: Stiff words and phrases with a plain alternative (lower case; matched as whole words).
JARGON: dict[str, str] = {
    "aangaande": "over",
    "alsmede": "en, en ook",
    "conform": "volgens",
    "derhalve": "daarom",
    "desalniettemin": "toch",
    "dient te": "moet",
    "dienen te": "moeten",
    "doch": "maar",
    "hetgeen": "wat",
    "indien": "als",
    "ingevolge": "volgens",
    "inzake": "over",
    "middels": "met, via",
    "omtrent": "over",
    "onverwijld": "meteen",
    "reeds": "al",
    "teneinde": "om",
    "ten behoeve van": "voor",
    "terstond": "meteen",
    "ter zake": "over",
    "tevens": "ook",
    "thans": "nu",
    "verstrekken": "geven",
    "verstrekt": "gegeven, gegeven aan",
    "verstrekking": "het geven van gegevens",
    "voornoemde": "deze",
    "woonachtig": "wonend",
    "zulks": "dat",
}

#: Terms that may be used once the flow explains them, e.g. "persoonsgegevens (gegevens over
#: jou)". An explanation is the term directly followed by "(", or the term inside brackets
#: right after a plain phrase: "de privacywet (AVG)". The value is the hint.
EXPLAIN_ONCE: dict[str, str] = {
    "avg": "schrijf de eerste keer 'AVG (de privacywet)'",
    "uavg": "schrijf de eerste keer 'UAVG (de Nederlandse uitvoeringswet van de AVG)'",
    "bsn": "schrijf de eerste keer 'BSN (burgerservicenummer)'",
    "ots": "schrijf de eerste keer 'OTS (ondertoezichtstelling)'",
    "persoonsgegevens": "leg het uit, of schrijf 'gegevens'",
    "betrokkene": "leg het uit, of schrijf 'de persoon over wie het gaat'",
    "grondslag": "leg het uit, of schrijf 'reden in de wet'",
    "subsidiariteit": "leg het uit, bijvoorbeeld 'subsidiariteit (is er geen andere weg?)'",
    "proportionaliteit": "leg het uit, bijvoorbeeld 'proportionaliteit (niet meer dan nodig)'",
    "doelmatigheid": "leg het uit, bijvoorbeeld 'doelmatigheid (helpt het echt?)'",
    "doelbinding": "leg het uit, of schrijf 'alleen voor het doel waarvoor het is gegeven'",
    "rectificatie": "leg het uit, of schrijf 'verbeteren'",
    "wgbo": "schrijf de eerste keer 'WGBO (de wet over de behandelrelatie)'",
    # Terms residents meet without explanation (content review, December 2026).
    "inlichtingenbureau": "schrijf de eerste keer 'Inlichtingenbureau (dat verzamelt gegevens "
    "van andere instanties voor de gemeente)'",
    "suwinet": "schrijf de eerste keer 'Suwinet (het systeem waarin UWV, SVB en gemeenten "
    "gegevens delen)'",
    "maatwerkvoorziening": "schrijf de eerste keer 'maatwerkvoorziening (hulp die de gemeente "
    "speciaal voor jou regelt)'",
    "svb": "schrijf de eerste keer 'SVB (Sociale Verzekeringsbank)'",
    "ciz": "schrijf de eerste keer 'CIZ (Centrum Indicatiestelling Zorg)'",
    "wlz": "schrijf de eerste keer 'Wlz (Wet langdurige zorg)'",
    "ondubbelzinnige toestemming": "leg het uit, bijvoorbeeld 'ondubbelzinnige toestemming (een "
    "duidelijk ja, waar geen twijfel over is)'",
}

#: Names that contain an explain-once term but need no explanation themselves.
PROPER_NAMES: tuple[str, ...] = ("Autoriteit Persoonsgegevens",)

#: Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    {"art", "bijv", "bv", "bijvoorbeeld", "o.a", "e.d", "enz", "etc", "nr", "jl", "stb", "mr", "dr"}
)

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Every pattern here runs over texts of any length (a hostile flow file can hold a line of
# megabytes): each may only start a match where a run starts, so the work stays linear.
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_TOKEN_RE = re.compile(r"\S+")
_SENTENCE_END_RE = re.compile(r"(?<![.!?…])[.!?…]+(?=\s|$)|\n\s*\n|\n\s*[-*•]\s")


@dataclass(frozen=True)
class ReadabilityFinding(Generic[L]):
    """One readability problem in a text."""

    code: str
    """``long-sentence``, ``long-word`` or ``jargon``."""
    message: str
    """What is wrong, in one line."""
    hint: str
    """How to fix it."""
    location: L
    """Where the text is (whatever the caller passed in)."""
    offset: int
    """Character offset of the problem inside the text."""


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split a text into sentences; returns ``(offset, sentence)`` pairs.

    A full stop after a known abbreviation ("art.", "bijv.") or inside a number ("7.3.11") does
    not end a sentence; blank lines and list bullets do.
    """
    masked = _mask_links(text, "x")
    sentences: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(masked):
        last = _last_word(masked, start, match.start()).lower()
        if match.group(0) == "." and last.rstrip(".") in _ABBREVIATIONS:
            continue
        end = match.end()
        piece = text[start:end]
        if piece.strip():
            sentences.append((start + len(piece) - len(piece.lstrip()), piece.strip()))
        start = end
    rest = text[start:]
    if rest.strip():
        sentences.append((start + len(rest) - len(rest.lstrip()), rest.strip()))
    return sentences


def _last_word(text: str, start: int, end: int) -> str:
    """The last whitespace-separated word of ``text[start:end]`` (no copy of the whole span)."""
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:stop]


def _is_email(token: str) -> bool:
    """``name@host.tld`` inside one word: an ``@`` after the first letter, a dot later on."""
    at = token.find("@", 1)
    return at > 0 and token.find(".", at + 2, len(token) - 1) >= 0


def _mask_links(text: str, fill: str) -> str:
    """``text`` with web addresses and e-mail addresses overwritten by ``fill`` (same length)."""
    text = _URL_RE.sub(lambda m: fill * len(m.group(0)), text)
    if "@" not in text:
        return text
    parts: list[str] = []
    done = 0
    for match in _TOKEN_RE.finditer(text):
        if "@" in match.group(0) and _is_email(match.group(0)):
            parts += [text[done : match.start()], fill * (match.end() - match.start())]
            done = match.end()
    return "".join([*parts, text[done:]])


def _words(text: str) -> list[tuple[int, str]]:
    masked = _mask_links(text, " ")
    return [(m.start(), m.group(0)) for m in _WORD_RE.finditer(masked)]


def _phrases_re(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern for all phrases (whole words, any case, any spaces); longest first."""
    alternatives = (
        r"\s+".join(re.escape(w) for w in phrase.split())
        for phrase in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _key(matched: str) -> str:
    return " ".join(matched.lower().split())


_JARGON_RE = _phrases_re(JARGON)
_EXPLAIN_RE = _phrases_re(EXPLAIN_ONCE)


def _mask_names(text: str) -> str:
    for name in PROPER_NAMES:
        text = re.sub(re.escape(name), lambda m: " " * len(m.group(0)), text, flags=re.IGNORECASE)
    return text


def _is_explained(text: str, start: int, end: int) -> bool:
    after = _skip_spaces(text, end, 1)
    if after < len(text) and text[after] in "(:":
        return True
    before = _skip_spaces(text, start, -1)  # the index just after the last non-space
    return before > 1 and text[before - 1] == "(" and after < len(text) and text[after] == ")"


def _skip_spaces(text: str, index: int, step: int) -> int:
    """From ``index``, past the spaces forward (step 1: first non-space) or back (step -1)."""
    if step > 0:
        while index < len(text) and text[index] == " ":
            index += 1
        return index
    while index > 0 and text[index - 1] == " ":
        index -= 1
    return index


def check_text(text: str, location: L) -> list[ReadabilityFinding[L]]:
    """Check one text for long sentences, long words and stiff jargon.

    Terms of :data:`EXPLAIN_ONCE` are not checked here; :func:`check_flow_texts` checks them
    over a whole flow.
    """
    findings: list[ReadabilityFinding[L]] = []
    words = _words(text)
    starts = [offset for offset, _ in words]
    for offset, sentence in split_sentences(text):
        count = bisect_left(starts, offset + len(sentence)) - bisect_left(starts, offset)
        if count > MAX_SENTENCE_WORDS:
            opening = " ".join(sentence.split()[:5])
            findings.append(
                ReadabilityFinding(
                    "long-sentence",
                    f'sentence "{opening} …" has {count} words (more than {MAX_SENTENCE_WORDS})',
                    "split it into shorter sentences; aim for 15 words or fewer",
                    location,
                    offset,
                )
            )
    for offset, word in words:
        if len(word) <= MAX_WORD_LETTERS:  # cheap test first: most words are short
            continue
        for part in word.split("-"):
            letters = sum(ch.isalpha() for ch in part)
            if letters > MAX_WORD_LETTERS and part.lower() not in LONG_WORD_WHITELIST:
                findings.append(
                    ReadabilityFinding(
                        "long-word",
                        f'"{part}" has {letters} letters (more than {MAX_WORD_LETTERS})',
                        "use a shorter word or split it, e.g. with a hyphen or a few words",
                        location,
                        offset,
                    )
                )
    for match in _JARGON_RE.finditer(text):
        findings.append(
            ReadabilityFinding(
                "jargon",
                f'"{match.group(0)}" is official language',
                f'write "{JARGON[_key(match.group(0))]}" instead',
                location,
                match.start(),
            )
        )
    return sorted(findings, key=lambda f: (f.offset, f.code))


def check_flow_texts(texts: Iterable[tuple[str, L]]) -> list[ReadabilityFinding[L]]:
    """Check all texts of one flow, given in document order with their locations.

    Besides :func:`check_text` for each text, every :data:`EXPLAIN_ONCE` term must be explained
    at least once in the flow; if it never is, the first use is reported.
    """
    items: Sequence[tuple[str, L]] = list(texts)
    findings: list[ReadabilityFinding[L]] = []
    first_use: dict[str, tuple[L, int, str]] = {}
    explained: set[str] = set()
    for text, location in items:
        findings.extend(check_text(text, location))
        masked = _mask_names(text)
        for match in _EXPLAIN_RE.finditer(masked):
            term = _key(match.group(0))
            first_use.setdefault(term, (location, match.start(), match.group(0)))
            if _is_explained(text, match.start(), match.end()):
                explained.add(term)
    for term, (location, offset, used) in first_use.items():
        if term not in explained:
            findings.append(
                ReadabilityFinding(
                    "jargon",
                    f'"{used}" is not explained anywhere in this flow',
                    EXPLAIN_ONCE[term],
                    location,
                    offset,
                )
            )
    return findings


Parts = tuple[str | int, ...]


def _flow_texts(ctx: CheckContext) -> Iterator[tuple[str, Parts]]:
    """Every text a user reads in a flow, in document order, with its field path."""
    flow = ctx.flow
    yield flow.title, ("title",)
    yield flow.summary, ("summary",)
    for node_id, node in flow.nodes.items():
        base: Parts = ("nodes", node_id)
        fields: list[tuple[str | None, Parts]] = []
        if isinstance(node, QuestionNode):
            fields += [(node.text, ("text",)), (node.help, ("help",))]
            for i, choice in enumerate(node.choices):
                fields += [(choice.label, ("choices", i, "label"))]
                fields += [(choice.help, ("choices", i, "help"))]
        elif isinstance(node, InfoNode):
            fields += [(node.title, ("title",)), (node.text, ("text",))]
        elif isinstance(node, ChecklistNode):
            fields += [(node.title, ("title",)), (node.intro, ("intro",))]
            for i, item in enumerate(node.items):
                fields += [(item.text, ("items", i, "text")), (item.help, ("items", i, "help"))]
        elif isinstance(node, AdviceNode):
            fields += [(node.title, ("title",)), (node.summary, ("summary",))]
            fields += [(step, ("steps", i)) for i, step in enumerate(node.steps)]
            fields += [(node.explanation, ("explanation",))]
            fields += [(a.label, ("actions", i, "label")) for i, a in enumerate(node.actions)]
        for text, parts in fields:
            if text:
                yield text, (*base, *parts)


def check_readability(ctx: CheckContext) -> Iterable[Diagnostic]:
    """The ``flows check`` plugin: readability warnings for one flow.

    Texts a variant inherits from its base are reported once, at the base; texts from shared
    fragments are reported at the fragment (the loader drops the duplicates).
    """
    located = [((text, ctx.loc(*parts))) for text, parts in _flow_texts(ctx)]
    texts = {id(loc): text for text, loc in located}
    lines: list[str] | None = None
    for finding in check_flow_texts(located):
        loc: Loc = finding.location
        own = loc.path == ctx.source.path
        if not own and "_fragments" not in PurePath(loc.path).parts:
            continue
        if own:
            if lines is None:
                lines = _read_lines(ctx.source.file)
            loc = _refine(loc, texts[id(finding.location)], finding.offset, lines)
        yield Diagnostic.at(loc, Severity.WARNING, finding.code, finding.message, finding.hint)


def _read_lines(file: Path) -> list[str]:
    try:
        return file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []


def _refine(loc: Loc, text: str, offset: int, lines: list[str]) -> Loc:
    """Move ``loc`` from the start of a text to the problem inside it, where that is certain.

    Handles texts on one line (plain or quoted) and folded or literal blocks (``>-``, ``|``);
    anything else keeps the location of the field.
    """
    if not 0 < loc.line <= len(lines):
        return loc
    value = lines[loc.line - 1][loc.col - 1 :]
    for skip in (0, 1):  # plain, or inside quotes
        if value[skip:].startswith(text[: max(1, min(len(text), 30))]):
            return Loc(loc.path, loc.line, loc.col + skip + offset)
    if value[:1] not in (">", "|"):
        return loc
    head = lines[loc.line - 1]
    key_indent = len(head) - len(head.lstrip())
    position = 0
    for number in range(loc.line + 1, len(lines) + 1):
        raw = lines[number - 1]
        content = raw.strip()
        if not content:
            continue
        indent = len(raw) - len(raw.lstrip())
        if indent <= key_indent:
            break
        start = text.find(content, position)
        if start < 0:
            break
        if start <= offset < start + len(content):
            return Loc(loc.path, number, indent + 1 + offset - start)
        position = start + len(content)
    return loc


#: Picked up by ``privacyapp.engine.checks`` (``PLUGIN_MODULES``) for ``privacyapp flows check``.
CHECKS = (check_readability,)
