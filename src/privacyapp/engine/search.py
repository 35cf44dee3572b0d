"""Search over every flow: titles, summaries, tags, situations, questions and advice titles.

An inverted index over folded tokens (no case, no diacritics, no stopwords). A query word
matches a word in the index exactly, as a prefix (``geheim`` finds ``geheimhouding``), inside a
compound (``houding`` finds ``geheimhouding``), or with a small typo (``toestemmng``).
Candidates for compounds and typos come from a trigram index, so a query stays fast with
thousands of flows. Scores add up per document, weighted by field and rarity (idf),
with a bonus when every query word matches and when the whole query appears in the title.
A query word also finds its synonyms (``curatele`` finds ``curator``, ``dokter`` finds
``huisarts``) and its singular (``kopieen`` and ``kopieën`` find ``kopie``). Every hit carries
its flow's sector and audiences, so a screen can show them and filter, or not.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from privacyapp.engine._bulk import paused_gc
from privacyapp.engine.library import Library
from privacyapp.engine.model import AdviceNode, ChecklistNode, Flow, InfoNode, QuestionNode
from privacyapp.engine.text import edit_distance, fold, tokens, trigrams

__all__ = ["SYNONYMS", "HitKind", "SearchHit", "SearchIndex"]

HitKind = Literal["flow", "question", "info", "checklist", "advice"]

_KIND_ORDER = {"flow": 0, "question": 1, "advice": 2, "checklist": 3, "info": 4}
_PREFIX = 0.8
_MAX_PREFIX = 5
_INSIDE = 0.5
_MAX_TYPO = 8
_TYPO = 0.6
_SYNONYM = 0.85
_SINGULAR = 0.9

#: Words people use for the same thing; a query word finds the others too (folded, one word
#: each). Editors add a group here when a natural question misses the flow that answers it.
SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in (
        "curatele curator curatoren",
        "mentor mentorschap",
        "bewindvoerder bewindvoering beschermingsbewind",
        "kopie afschrift",
        "huisarts dokter arts",
        "politie agent wijkagent",
        "school leerplicht leerplichtambtenaar leerplichtwet",
        "datalek lek gelekt uitgelekt",
        "whatsapp appen app",
        "mail email",
        "opnemen opname",
        "overleden overlijden",
        "gescheiden scheiding",
        "fraude fraudeonderzoek",
        "woningcorporatie corporatie verhuurder",
        "ggz psychiater psycholoog",
        "bezwaar bezwaarschrift",
        "inzien inzage",
        "verwijderen vernietigen wissen",
        "vernietigen vernietigd vernietiging",
        "fout fouten onjuist",
        "verbeteren corrigeren",
        "jeugdhulp jeugdzorg",
        "verzuim verzuimt spijbelen",
        "gezag gezaghebbende",
        "kind dochter zoon",
        "client clienten",
    )
)


def _synonyms_of(groups: tuple[frozenset[str], ...]) -> dict[str, frozenset[str]]:
    """Each word with every word it shares a group with (a word may be in several groups)."""
    related: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        for word in group:
            related[word] |= group
    return {word: frozenset(others) for word, others in related.items()}


_SYNONYMS_OF = _synonyms_of(SYNONYMS)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: a flow (node_id None) or a node in it."""

    flow_id: str
    node_id: str | None
    kind: HitKind
    title: str
    snippet: str
    score: float
    sector: str = ""
    """The flow's sector key (``jeugd``); the registry has its label."""
    audience: tuple[str, ...] = ()
    """The flow's audiences."""

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (``privacyapp flows search --format json``)."""
        return {
            "flow_id": self.flow_id,
            "node_id": self.node_id,
            "kind": self.kind,
            "title": self.title,
            "sector": self.sector,
            "audience": list(self.audience),
            "snippet": self.snippet,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class _Doc:
    flow_id: str
    node_id: str | None
    kind: HitKind
    title: str
    text: str
    audience: tuple[str, ...]
    folded_title: str
    sector: str = ""


def _documents(library: Library, flow: Flow) -> list[tuple[_Doc, list[tuple[str, float]]]]:
    """Each searchable unit of a flow with its (text, weight) fields."""
    registry = library.registry
    sector = flow.sector
    situations = " ".join(
        registry.situations[s].label for s in flow.situations if s in registry.situations
    )
    docs = [
        (
            _Doc(
                flow.id,
                None,
                "flow",
                flow.title,
                flow.summary,
                flow.audience,
                fold(flow.title),
                sector,
            ),
            [(flow.title, 3.0), (flow.summary, 1.5), (" ".join(flow.tags), 2.0), (situations, 1.5)],
        )
    ]
    for node_id, node in flow.nodes.items():
        if isinstance(node, QuestionNode):
            fields = [(node.text, 2.0), (" ".join(c.label for c in node.choices), 0.3)]
            doc = _Doc(
                flow.id,
                node_id,
                "question",
                node.text,
                node.help or flow.title,
                flow.audience,
                fold(node.text),
                sector,
            )
        elif isinstance(node, AdviceNode):
            fields = [(node.title, 2.0), (node.summary or "", 1.0), (" ".join(node.tags), 2.0)]
            doc = _Doc(
                flow.id,
                node_id,
                "advice",
                node.title,
                node.summary or node.explanation,
                flow.audience,
                fold(node.title),
                sector,
            )
        elif isinstance(node, ChecklistNode):
            fields = [(node.title, 1.5), (" ".join(i.text for i in node.items), 0.5)]
            doc = _Doc(
                flow.id,
                node_id,
                "checklist",
                node.title,
                node.intro or flow.title,
                flow.audience,
                fold(node.title),
                sector,
            )
        else:
            assert isinstance(node, InfoNode)
            fields = [(node.title, 1.0)]
            doc = _Doc(
                flow.id,
                node_id,
                "info",
                node.title,
                node.text,
                flow.audience,
                fold(node.title),
                sector,
            )
        docs.append((doc, fields))
    return docs


class SearchIndex:
    """A search index over a library; build once, query many times."""

    def __init__(self, library: Library) -> None:
        """Index every flow of the library."""
        with paused_gc(freeze=True):
            self._build(library)

    def _build(self, library: Library) -> None:
        self._docs: list[_Doc] = []
        grouped: dict[str, dict[float, list[int]]] = defaultdict(lambda: defaultdict(list))
        seen: dict[str, list[str]] = {}  # the same texts recur (choice labels, tags, titles)
        for flow in library.flows.values():
            for doc, fields in _documents(library, flow):
                index = len(self._docs)
                self._docs.append(doc)
                weights: dict[str, float] = {}  # each token once, with its best field's weight
                for text, weight in sorted(fields, key=lambda field: field[1]):
                    words = seen.get(text)
                    if words is None:
                        words = seen[text] = tokens(text)
                    weights.update(dict.fromkeys(words, weight))
                for token, weight in weights.items():
                    grouped[token][weight].append(index)
        #: Per token its documents grouped by weight (lowest first): a query then scores a
        #: whole group at once instead of one posting at a time.
        self._postings: dict[str, tuple[tuple[float, tuple[int, ...]], ...]] = {
            token: tuple((weight, tuple(docs)) for weight, docs in sorted(groups.items()))
            for token, groups in grouped.items()
        }
        #: Each document's place among equal scores: flows before their nodes, then by id.
        order = sorted(range(len(self._docs)), key=self._order)
        self._rank = [0] * len(self._docs)
        for place, doc_index in enumerate(order):
            self._rank[doc_index] = place
        count = max(len(self._docs), 1)
        self._idf = {
            t: 1.0 + math.log(count / sum(len(docs) for _, docs in groups))
            for t, groups in self._postings.items()
        }
        self._vocabulary = sorted(self._postings)
        grams: dict[str, set[str]] = defaultdict(set)
        for token in self._vocabulary:
            for gram in trigrams(token):
                grams[gram].add(token)
        self._trigrams = dict(grams)

    def __len__(self) -> int:
        return len(self._docs)

    def _expand(self, word: str) -> list[tuple[str, float]]:
        """Index words that match a query word, with a factor: exact, prefix or typo.

        A word that is in the index gets at most a few longer words that start with it; only a
        word that is not in the index is looked up with typos. The caps keep a query fast when a
        short word starts hundreds of index words.
        """
        found: dict[str, float] = {}
        exact = word in self._postings
        if exact:
            found[word] = 1.0
        for other in self._related(word):
            found.setdefault(other, _SYNONYM)
        singular = self._singular(word)
        if singular is not None:
            found.setdefault(singular, _SINGULAR)
            exact = True  # the singular is the word meant: no typo guesses
        for token in self._longer(word, _MAX_PREFIX if exact else 2 * _MAX_PREFIX):
            found[token] = max(found.get(token, 0.0), _PREFIX)
        if len(word) >= 5:
            for token in self._inside(word)[:_MAX_PREFIX]:
                found.setdefault(token, _INSIDE)
        if len(word) >= 4 and not exact:
            for token, factor in self._typos(word)[:_MAX_TYPO]:
                found.setdefault(token, factor)
        return list(found.items())

    def _longer(self, word: str, cap: int) -> list[str]:
        """At most ``cap`` index words starting with ``word`` (of 3+ letters), shortest first."""
        if len(word) < 3:
            return []
        start = bisect.bisect_left(self._vocabulary, word)
        longer = []
        for token in self._vocabulary[start : start + 200]:
            if not token.startswith(word):
                break
            if token != word:
                longer.append(token)
        longer.sort(key=lambda t: (len(t), t))
        return longer[:cap]

    def _related(self, word: str) -> list[str]:
        """Synonyms of ``word`` (or of its singular) that are in the index."""
        group = _SYNONYMS_OF.get(word) or _SYNONYMS_OF.get(self._singular(word) or "", frozenset())
        return sorted(other for other in group if other != word and other in self._postings)

    def _singular(self, word: str) -> str | None:
        """The index word this plural stands for: ``kopieen`` -> ``kopie``, ``dossiers`` ->
        ``dossier``, ``clienten`` -> ``client``; ``None`` when there is none."""
        for ending in ("en", "s", "n"):
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) >= 3 and stem in self._postings:
                return stem
        return None

    def _inside(self, word: str) -> list[str]:
        """Index words with the query word inside them: Dutch compounds (``houding`` finds
        ``geheimhouding``, ``plicht`` finds ``meldplicht``), shortest first."""
        grams = [word[i : i + 3] for i in range(len(word) - 2)]
        sets = sorted((self._trigrams.get(g, set()) for g in grams), key=len)
        if not sets or not sets[0]:
            return []
        candidates = set(sets[0]).intersection(*sets[1:])
        return sorted((t for t in candidates if word in t and not t.startswith(word)), key=len)

    def _typos(self, word: str) -> list[tuple[str, float]]:
        """Index words within a small edit distance (or whose start is), closest first."""
        limit = 1 if len(word) < 8 else 2
        counts: dict[str, int] = defaultdict(int)
        for gram in trigrams(word):
            for token in self._trigrams.get(gram, ()):
                counts[token] += 1
        needed = max(1, len(word) - 2 - 3 * limit)
        scored: list[tuple[int, int, str, float]] = []
        starts: dict[str, int] = {}  # many index words share a start (``schuldhulp1``, ``…2``)
        for token, shared in counts.items():
            if shared < needed:
                continue
            distance = edit_distance(word, token, limit)
            if distance <= limit:
                scored.append((distance, len(token), token, _TYPO))
            elif len(token) > len(word):
                start = token[: len(word)]
                if start not in starts:
                    starts[start] = edit_distance(word, start, 1)
                if starts[start] <= 1:
                    scored.append((limit + 1, len(token), token, _TYPO * _PREFIX))
        scored.sort()
        return [(token, factor) for _, _, token, factor in scored]

    def search(
        self, query: str, *, audience: str | None = None, limit: int = 20
    ) -> list[SearchHit]:
        """The best matches for ``query``, best first (empty for an empty query)."""
        words = list(dict.fromkeys(tokens(query))) or list(
            dict.fromkeys(tokens(query, keep_stopwords=True))
        )
        if not words or limit <= 0:
            return []
        phrase = " ".join(tokens(query, keep_stopwords=True))
        check_phrase = len(phrase) >= 4
        per_word = [self._groups(word) for word in words]
        # A document's value for each word (its best group). With one word the first group a
        # document is read from is its best, so nothing needs to be looked up.
        best = [_best_of(groups) for groups in per_word] if len(words) > 1 else []
        docs, rank, count = self._docs, self._rank, len(words)
        # The most a document's score can be multiplied by: the title bonus and the flow bonus.
        most = (1.5 if check_phrase else 1.0) * 1.2
        top: list[tuple[float, int, float, int]] = []  # the worst kept result first
        seen: set[int] = set()
        heads = [0] * count  # per word: the next group (highest value first) to read
        while True:
            # Stop when no unread document can beat the results kept: it can only match words
            # with groups left to read, each at most at the value of the word's next group.
            left = [g[h][0] for g, h in zip(per_word, heads, strict=True) if h < len(g)]
            if not left:
                break
            reach = len(left) / count
            bound = sum(left) * reach * reach * most * (1 + 1e-9)  # float rounding
            if len(top) >= limit and round(bound, 6) < top[0][0]:
                break
            word = max(
                (w for w in range(count) if heads[w] < len(per_word[w])),
                key=lambda w: per_word[w][heads[w]][0],
            )
            value, group = per_word[word][heads[word]]
            heads[word] += 1
            for doc_index in group:
                if doc_index in seen:
                    continue
                seen.add(doc_index)
                doc = docs[doc_index]
                if audience is not None and audience not in doc.audience:
                    continue
                total = _score(doc, doc_index, best, value, phrase if check_phrase else "")
                if len(top) >= limit and total * (1 + 1e-9) < top[0][0] - 1e-6:
                    continue  # cannot enter the results, even after rounding
                entry = (round(total, 6), -rank[doc_index], total, doc_index)
                if len(top) < limit:
                    heapq.heappush(top, entry)
                elif entry > top[0]:
                    heapq.heapreplace(top, entry)
        top.sort(reverse=True)  # best score first; equal scores by rank (all distinct)
        return [self._hit(doc_index, total, words) for _, _, total, doc_index in top]

    def _groups(self, word: str) -> list[tuple[float, tuple[int, ...]]]:
        """The documents a query word finds, as groups of one value (factor x idf x weight),
        highest value first."""
        groups: list[tuple[float, tuple[int, ...]]] = []
        for token, factor in self._expand(word):
            idf = self._idf[token]
            groups.extend((factor * idf * weight, docs) for weight, docs in self._postings[token])
        groups.sort(key=lambda group: group[0], reverse=True)
        return groups

    def _order(self, doc_index: int) -> tuple[int, str, str]:
        """Ties: flows before their nodes, then by id (stable results)."""
        doc = self._docs[doc_index]
        return (_KIND_ORDER[doc.kind], doc.flow_id, doc.node_id or "")

    def _hit(self, doc_index: int, score: float, words: list[str]) -> SearchHit:
        doc = self._docs[doc_index]
        return SearchHit(
            doc.flow_id,
            doc.node_id,
            doc.kind,
            doc.title,
            _snippet(doc.text, words),
            round(score, 4),
            doc.sector,
            doc.audience,
        )


def _score(
    doc: _Doc, doc_index: int, best: list[dict[int, float]], value: float, phrase: str
) -> float:
    """A document's score: its value per query word (``best``; one word: ``value``) times the
    share of words it matches squared, with the title and flow bonuses."""
    if best:
        values = [found[doc_index] for found in best if doc_index in found]
        coverage = len(values) / len(best)
        total = sum(values) * coverage * coverage
    else:
        total = value
    if phrase and phrase in doc.folded_title:
        total *= 1.5
    if doc.kind == "flow":
        total *= 1.2  # a flow is what users open; its nodes come with it
    return total


def _best_of(groups: list[tuple[float, tuple[int, ...]]]) -> dict[int, float]:
    """Each document in the groups with its highest value (groups come highest first)."""
    best: dict[int, float] = {}
    for value, docs in reversed(groups):  # higher values last: they overwrite lower ones
        best.update(dict.fromkeys(docs, value))
    return best


def _snippet(text: str, words: list[str], width: int = 140) -> str:
    """A piece of ``text`` around the first query word it contains."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    folded = fold(flat)
    positions = [folded.find(w) for w in words if folded.find(w) >= 0]
    at = min(positions) if positions else 0
    start = max(0, at - width // 3)
    piece = flat[start : start + width].strip()
    return ("…" if start > 0 else "") + piece + ("…" if start + width < len(flat) else "")
