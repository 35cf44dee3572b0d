"""Citations become links that open the cited article where the link form allows it."""

from __future__ import annotations

import pytest

from privacyapp.engine.model import Source, eurlex_article_url
from privacyapp.engine.registry import Law, Registry

REGISTRY = Registry.model_validate(
    {
        "schema": "1",
        "audiences": {"inwoner": {"label": "Inwoner"}},
        "sectors": {"algemeen": {"label": "Algemeen"}},
        "laws": {
            "avg": {
                "title": "AVG",
                "kind": "eu",
                "celex": "32016R0679",
                "url": "https://eur-lex.europa.eu/eli/reg/2016/679",
            },
            "jeugdwet": {"title": "Jeugdwet", "kind": "bwb", "bwb": "BWBR0034925"},
            "wams": {"title": "WAMS", "kind": "bill", "kamerstuk": "36295"},
            "eigen": {"title": "Eigen", "kind": "bill", "kamerstuk": "1", "url": "https://x.nl/b"},
        },
    }
)
ARTICLE = "https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#art_{}"


@pytest.mark.parametrize("article", ["5", "12", "15", "21", "77"])
def test_an_avg_citation_opens_the_article_itself(article: str) -> None:
    source = Source(law="avg", article=article, paragraph="1")
    assert source.url(REGISTRY) == ARTICLE.format(article)
    # the lid stays in the citation text
    assert source.citation(REGISTRY) == f"AVG, artikel {article} lid 1"


@pytest.mark.parametrize("article", ["6(1)(e)", "", "4a", "art. 5"])
def test_an_article_that_is_not_a_plain_number_falls_back_to_the_regulation(article: str) -> None:
    assert eurlex_article_url("32016R0679", article) is None
    assert Source(law="avg", article=article or None).url(REGISTRY) == (
        "https://eur-lex.europa.eu/eli/reg/2016/679"
    )


def test_dutch_law_opens_the_article_on_wetten_overheid_nl() -> None:
    source = Source(law="jeugdwet", article="7.3.15", paragraph="2")
    assert source.url(REGISTRY) == "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=7.3.15"


def test_a_bill_links_to_its_parliamentary_dossier_unless_the_registry_gives_a_url() -> None:
    assert (
        Source(law="wams").url(REGISTRY) == "https://zoek.officielebekendmakingen.nl/dossier/36295"
    )
    assert Source(law="eigen").url(REGISTRY) == "https://x.nl/b"


def test_a_bill_carries_the_date_its_status_was_checked() -> None:
    law = Law.model_validate({"title": "W", "kind": "bill", "checked_at": "2026-12-02"})
    assert law.checked_at is not None and law.checked_at.isoformat() == "2026-12-02"
