"""Search understands the words people use: synonyms, plurals, advice tags, and the sector."""

from __future__ import annotations

import pytest

from privacyapp.content import builtin_library
from privacyapp.engine import Library, SearchIndex
from privacyapp.engine.search import SYNONYMS


@pytest.fixture(scope="module")
def shipped() -> Library:
    return builtin_library()


@pytest.fixture(scope="module")
def index(shipped: Library) -> SearchIndex:
    return SearchIndex(shipped)


def _flows(index: SearchIndex, query: str, audience: str | None = None, n: int = 5) -> list[str]:
    found: list[str] = []
    for hit in index.search(query, audience=audience, limit=40):
        if hit.flow_id not in found:
            found.append(hit.flow_id)
    return found[:n]


def test_curatele_finds_the_flows_that_say_curator(index: SearchIndex) -> None:
    # the representative flows say "curator"; "curatele" finds them too
    curatele = _flows(index, "curatele dossier", "vertegenwoordiger")
    curator = _flows(index, "curator dossier", "vertegenwoordiger")
    assert "algemeen-inzage-dossier-mentor" in curatele
    assert set(curatele[:3]) & set(curator[:3])


def test_plurals_and_diacritics_find_the_singular(index: SearchIndex) -> None:
    for query in ("kopieën", "kopieen", "kopie"):
        assert "algemeen-elektronische-kopie" in _flows(index, query, "inwoner"), query
    assert index.search("cliënt delen", limit=10) == index.search("client delen", limit=10)
    assert _flows(index, "clienten delen", "professional")  # "cliënten" folds and finds "cliënt"


def test_everyday_words_find_the_formal_ones(index: SearchIndex) -> None:
    # "dokter" is not in the content; "huisarts" is
    assert "wmo-huisarts-gegevens" in _flows(index, "dokter medische gegevens", "professional")
    assert "jeugd-delen-hulpverlener" in _flows(index, "huisarts kind informatie", "professional")
    assert _flows(index, "agent vraagt naar cliënt", "professional")[0] == "algemeen-politie-vraagt"


def test_tags_on_an_advice_node_are_searched(index: SearchIndex, shipped: Library) -> None:
    node = shipped.get("algemeen-datalek-professional").node("advies-organisatie")
    assert "interne melding" in node.tags  # type: ignore[union-attr]
    hits = index.search("interne melding", audience="professional", limit=5)
    assert ("algemeen-datalek-professional", "advies-organisatie") in {
        (h.flow_id, h.node_id) for h in hits
    }


def test_every_hit_names_its_sector_and_audiences(index: SearchIndex, shipped: Library) -> None:
    hits = index.search("school", limit=30)
    assert {h.sector for h in hits} >= {"jeugd"}
    for hit in hits:
        flow = shipped.get(hit.flow_id)
        assert (hit.sector, hit.audience) == (flow.sector, flow.audience)
        assert hit.to_dict()["sector"] == flow.sector


def test_the_audience_filter_can_be_switched_off(index: SearchIndex) -> None:
    filtered = _flows(index, "leerplicht", "vertegenwoordiger", n=10)
    everyone = _flows(index, "leerplicht", None, n=10)
    assert "jeugd-school-leerplicht-ouder" in filtered
    assert "jeugd-school-leerplicht" not in filtered  # that one is for professionals
    assert {"jeugd-school-leerplicht", "jeugd-school-leerplicht-ouder"} <= set(everyone)


def test_synonym_groups_are_folded_single_words() -> None:
    for group in SYNONYMS:
        assert len(group) >= 2
        for word in group:
            assert word == word.casefold() and word.isalnum(), word
