"""The example flows (a frozen copy in tests/fixtures/examples): fragments, variants, sources."""

from __future__ import annotations

from pathlib import Path

from privacyapp.engine import AdviceNode, Library, QuestionNode

REPO = Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"


def test_fragment_fills_in_an_advice(library: Library) -> None:
    flow = library.get("algemeen-delen-zonder-toestemming")
    advice = flow.nodes["advies-niet-delen"]
    assert isinstance(advice, AdviceNode)
    assert advice.title == "Deel niets zonder toestemming"
    assert advice.sources[0].citation(library.registry) == "Jeugdwet, artikel 7.3.11 lid 1"


def test_fragment_fields_are_overridden_by_the_node(library: Library) -> None:
    advice = library.get("algemeen-conflict-van-plichten").nodes["advies-niet-doorbreken"]
    assert isinstance(advice, AdviceNode)
    assert advice.summary == "Niet alle voorwaarden voor een conflict van plichten zijn vervuld."
    assert advice.title == "Deel niets zonder toestemming"


def test_variant_overrides_metadata_and_nodes_and_keeps_the_rest(library: Library) -> None:
    base = library.get("algemeen-inzage-dossier")
    variant = library.get("algemeen-inzage-dossier-vertegenwoordiger")
    assert variant.audience == ("vertegenwoordiger",)
    assert variant.sector == base.sector == "algemeen"
    question = variant.nodes["vraag-leeftijd"]
    assert isinstance(question, QuestionNode)
    assert question.text == "Hoe oud is je kind?"
    assert "advies-zestien" in variant.nodes
    # a node's given fields replace the base's; the others are kept (field by field)
    organisatie, base_organisatie = (
        variant.nodes["vraag-organisatie"],
        base.nodes["vraag-organisatie"],
    )
    assert isinstance(organisatie, QuestionNode) and isinstance(base_organisatie, QuestionNode)
    assert organisatie.text != base_organisatie.text
    assert organisatie.choices == base_organisatie.choices
    advice = variant.nodes["advies-gemeente"]
    assert isinstance(advice, AdviceNode)
    assert advice.title == "Vraag de gemeente om de gegevens van je kind"
    assert advice.sources == base.nodes["advies-gemeente"].sources  # type: ignore[union-attr]
    assert advice.help == ("juridisch-loket", "gemeente", "ap")


def test_sources_give_citations_and_links(library: Library) -> None:
    advice = library.get("algemeen-inzage-dossier").nodes["advies-gemeente"]
    assert isinstance(advice, AdviceNode)
    registry = library.registry
    assert [s.citation(registry) for s in advice.sources] == [
        "AVG, artikel 15",
        "AVG, artikel 12 lid 3",
    ]
    assert advice.sources[0].url(registry) == (
        "https://eur-lex.europa.eu/legal-content/NL/TXT/HTML/?uri=CELEX:32016R0679#art_15"
    )
    jeugd = library.get("algemeen-conflict-van-plichten").nodes["advies-doorbreken"]
    assert isinstance(jeugd, AdviceNode)
    assert jeugd.sources[1].url(registry) == (
        "https://wetten.overheid.nl/jci1.3:c:BWBR0034925&artikel=7.3.11"
    )


def test_flows_for_filters_by_audience_and_sector(library: Library) -> None:
    ids = [f.id for f in library.flows_for("professional")]
    assert ids == ["algemeen-delen-zonder-toestemming", "algemeen-conflict-van-plichten"]
    assert library.flows_for("inwoner", "jeugd") == []
    assert len(library.flows_for()) == len(library.flows)


def test_variant_drops_base_nodes_it_no_longer_reaches(library: Library) -> None:
    assert "uitleg-jonger" in library.get("algemeen-inzage-dossier").nodes
    assert "uitleg-jonger" not in library.get("algemeen-inzage-dossier-vertegenwoordiger").nodes
