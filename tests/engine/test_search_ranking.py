"""Search reads only the best postings, yet ranks exactly as scoring every document would."""

from __future__ import annotations

from typing import Any

import pytest

from privacyapp.engine import Library, SearchIndex
from privacyapp.engine.text import tokens

QUERIES = (
    "toestemmng",
    "geheimhouding",
    "inzage dossier",
    "dokter",
    "kopieen",
    "cliënt gezin",
    "privacy klacht bezwaar termijn",
    "houding",
    "school verzuim melden",
    "mag ik de gegevens van mijn kind delen met school",
    "de",
    "xyz onbekend",
)


@pytest.fixture(scope="module")
def index(library: Library) -> SearchIndex:
    return SearchIndex(library)


def every_document(index: Any, query: str, audience: str | None, limit: int) -> list[Any]:
    """The ranking by scoring every posting of every matched word (the plain definition)."""
    words = list(dict.fromkeys(tokens(query))) or list(
        dict.fromkeys(tokens(query, keep_stopwords=True))
    )
    scores: dict[int, float] = {}
    matched: dict[int, int] = {}
    for word in words:
        best: dict[int, float] = {}
        for token, factor in index._expand(word):
            for weight, docs in index._postings[token]:
                for doc_index in docs:
                    value = factor * index._idf[token] * weight
                    best[doc_index] = max(best.get(doc_index, 0.0), value)
        for doc_index, value in best.items():
            scores[doc_index] = scores.get(doc_index, 0.0) + value
            matched[doc_index] = matched.get(doc_index, 0) + 1
    phrase = " ".join(tokens(query, keep_stopwords=True))
    results = []
    for doc_index, score in scores.items():
        doc = index._docs[doc_index]
        if audience is not None and audience not in doc.audience:
            continue
        coverage = matched[doc_index] / len(words)
        total = score * coverage * coverage
        if len(phrase) >= 4 and phrase in doc.folded_title:
            total *= 1.5
        if doc.kind == "flow":
            total *= 1.2
        results.append((-round(total, 6), index._order(doc_index), doc_index, total))
    results.sort()
    return [(index._docs[d].flow_id, index._docs[d].node_id, round(t, 4)) for *_, d, t in results][
        :limit
    ]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(("audience", "limit"), [(None, 20), (None, 3), ("inwoner", 5), (None, 1)])
def test_ranking_equals_scoring_every_document(
    index: SearchIndex, query: str, audience: str | None, limit: int
) -> None:
    hits = index.search(query, audience=audience, limit=limit)
    assert [(h.flow_id, h.node_id, h.score) for h in hits] == every_document(
        index, query, audience, limit
    )
