"""Finding a municipality by name the way people type it."""

from __future__ import annotations

import pytest

from privacyapp.opendata import MunicipalityDirectory, search_key


@pytest.fixture(scope="module")
def directory() -> MunicipalityDirectory:
    return MunicipalityDirectory()  # the built-in list of 342 municipalities, offline


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("s-hertogenbosch", "'s-Hertogenbosch"),
        ("shertogenbosch", "'s-Hertogenbosch"),
        ("’s Hertogenbosch", "'s-Hertogenbosch"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("den bosch", "'s-Hertogenbosch"),
        ("Súdwest-Fryslân", "Súdwest-Fryslân"),
        ("Sudwest Fryslan", "Súdwest-Fryslân"),
        ("sudwestfryslan", "Súdwest-Fryslân"),
        ("Zuidwest-Friesland", "Súdwest-Fryslân"),
        ("'s-Gravenhage", "Den Haag"),
        ("DEN HAAG", "Den Haag"),
        ("Gemeente Nijmegen", "Nijmegen"),
        ("Nuenen", "Nuenen, Gerwen en Nederwetten"),
        ("Bergen NH", "Bergen (NH)"),
        ("AA EN HUNZE", "Aa en Hunze"),
        ("s Hertogenbosch", "'s-Hertogenbosch"),
    ],
)
def test_name_variants_find_the_municipality(
    directory: MunicipalityDirectory, query: str, expected: str
) -> None:
    assert directory.find(query)[0].name == expected


def test_exact_match_ranks_before_prefix(directory: MunicipalityDirectory) -> None:
    names = [m.name for m in directory.find("Bergen")]
    assert names[0] in ("Bergen (L)", "Bergen (NH)")
    assert "Bergen op Zoom" in names
    assert names.index("Bergen op Zoom") > names.index("Bergen (L)")


def test_prefix_finds_while_typing(directory: MunicipalityDirectory) -> None:
    assert {m.name for m in directory.find("amst")} >= {"Amsterdam", "Amstelveen"}


def test_a_word_inside_the_name_matches(directory: MunicipalityDirectory) -> None:
    assert "Nuenen, Gerwen en Nederwetten" in [m.name for m in directory.find("Gerwen")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Nijmgen", "Nijmegen"), ("Amsterdm", "Amsterdam"), ("Groningn", "Groningen")],
)
def test_small_typos_are_forgiven(
    directory: MunicipalityDirectory, query: str, expected: str
) -> None:
    assert directory.find(query)[0].name == expected


def test_nonsense_and_empty_queries_find_nothing(directory: MunicipalityDirectory) -> None:
    assert directory.find("xyzzyq") == []
    assert directory.find("  ") == []
    assert directory.find("'-") == []


def test_get_accepts_register_and_pdok_codes(directory: MunicipalityDirectory) -> None:
    assert directory.get("GM0344") is not None
    utrecht = directory.get("0344")
    assert utrecht is not None and utrecht.name == "Utrecht"
    assert directory.get("gm0344") == utrecht
    assert directory.get("GM9999") is None
    assert directory.get("Utrecht") is None


def test_all_is_sorted_by_name(directory: MunicipalityDirectory) -> None:
    names = [m.name for m in directory.all()]
    assert len(names) == 342
    assert names == sorted(names, key=search_key)


def test_search_key() -> None:
    assert search_key("'s-Hertogenbosch") == "s hertogenbosch"
    assert search_key("Súdwest-Fryslân") == "sudwest fryslan"
    assert search_key("Gemeente Den Haag") == "den haag"
