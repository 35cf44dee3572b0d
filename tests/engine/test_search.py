"""Search finds flows and nodes despite case, diacritics and small typos, best first."""

from __future__ import annotations

import pytest

from privacyapp.engine import Library, SearchIndex
from privacyapp.engine.text import edit_distance, fold, tokens


@pytest.fixture(scope="module")
def index(library: Library) -> SearchIndex:
    return SearchIndex(library)


def test_typo_finds_the_word(index: SearchIndex) -> None:
    hits = index.search("toestemmng")
    assert hits, "a missing letter should still match"
    assert hits[0].flow_id == "algemeen-delen-zonder-toestemming" and hits[0].kind == "flow"


def test_two_words_rank_the_flow_with_both_first(index: SearchIndex) -> None:
    hits = index.search("inzage dossier")
    assert [h.flow_id for h in hits[:2]] == [
        "algemeen-inzage-dossier",
        "algemeen-inzage-dossier-vertegenwoordiger",
    ]
    assert hits[0].score >= hits[1].score > 0


def test_diacritics_and_case_do_not_matter(index: SearchIndex) -> None:
    assert [h.flow_id for h in index.search("CLIËNT")] == [
        h.flow_id for h in index.search("client")
    ]


def test_tags_and_prefixes_are_found(index: SearchIndex) -> None:
    assert index.search("geheimhouding")[0].flow_id == "algemeen-conflict-van-plichten"
    assert any(h.flow_id == "algemeen-conflict-van-plichten" for h in index.search("beroepsgeh"))


def test_a_word_inside_a_compound_is_found(index: SearchIndex) -> None:
    hits = index.search("houding")
    assert hits and hits[0].flow_id == "algemeen-conflict-van-plichten"
    assert hits[0].score < index.search("geheimhouding")[0].score


def test_questions_and_advice_are_found_with_a_snippet(index: SearchIndex) -> None:
    hits = index.search("organisatie gegevens")
    kinds = {(h.kind, h.node_id) for h in hits}
    assert ("question", "vraag-organisatie") in kinds
    assert ("advice", "advies-organisatie") in kinds
    assert all(h.snippet for h in hits)


def test_audience_filter_and_limit(index: SearchIndex) -> None:
    hits = index.search("dossier", audience="vertegenwoordiger")
    assert hits and {h.flow_id for h in hits} == {"algemeen-inzage-dossier-vertegenwoordiger"}
    assert len(index.search("dossier", limit=2)) == 2


@pytest.mark.parametrize("query", ["", "   ", "mag ik", "xyzzyq"])
def test_queries_without_matches_give_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


def test_text_helpers() -> None:
    assert fold("Cliënt Ç") == "client c"
    assert tokens("Mag ik het dossier inzien?") == ["dossier", "inzien"]
    assert edit_distance("toestemmng", "toestemming", 1) == 1
    assert edit_distance("geheimhuoding", "geheimhouding", 1) == 1  # a swap counts once
    assert edit_distance("abc", "xyz", 1) == 2


def test_fast_folding_gives_what_full_decomposition_gives() -> None:
    """fold() maps Latin letters one by one (issue 21); it must equal NFKD + stripping marks."""
    from privacyapp.engine.text import _fold_slow, fold

    samples = [
        "Cliënt", "ÉÉN café", "naïef coördinatie", "Straße", "İstanbul", "Ǆemal ǅ", "ﬁets ²",
        "Œuvre æ ø å", "Ĳsselmeer ĳs", "Ω ≠ ℃", "ḁ̄ comb\u0301ined", "日本語", "", "plain",
    ] + [chr(c) for c in range(0x80, 0x2FF)]  # fmt: skip
    for text in samples:
        assert fold(text) == _fold_slow(text), text
