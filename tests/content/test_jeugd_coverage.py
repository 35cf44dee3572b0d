"""Everything the PrivacyApp Jeugd (2017-2018) answered is answerable here too.

The questions and flows below are the ones research-juridisch.md §1.2 lists for the old app
(young people, parents, professionals and the 2018 flows per recipient). Each maps to a
published jeugd or algemeen flow, and a word of the question must appear in that flow, so a
flow that drifts to another topic fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from privacyapp.engine import AdviceNode, Flow, Library, QuestionNode, load_flows

FLOWS = Path(__file__).resolve().parents[2] / "flows"

#: (question of the PrivacyApp Jeugd, flow id that answers it, a word the flow must contain)
QUESTIONS = [
    # young people (2017)
    ("Mag ik mijn dossier inzien?", "jeugd-dossier-inzien", "inzien"),
    (
        "Wat mag mijn hulpverlener doorvertellen aan andere hulpverleners of mijn ouders?",
        "jeugd-wat-mag-hulpverlener-vertellen",
        "doorvertellen",
    ),
    ("Wat kan ik doen als ik het ergens niet mee eens ben?", "algemeen-niet-eens", "niet eens"),
    ("Mogen mijn ouders mijn gegevens inzien?", "jeugd-ouders-inzien", "ouders"),
    # parents (oudermodule)
    (
        "Welke gegevens mag de gemeente over mij als ouder delen met anderen?",
        "jeugd-gemeente-delen",
        "ouder",
    ),
    (
        "Welke juridische status heb ik met betrekking tot het gezag over mijn kinderen?",
        "jeugd-gezag-ouder",
        "gezag",
    ),
    # professionals
    (
        "Welke informatie mag ik delen met andere hulpverleners?",
        "jeugd-delen-hulpverlener",
        "hulpverlener",
    ),
    ("Welke informatie mag ik delen met de gemeente?", "jeugd-delen-gemeente", "gemeente"),
    (
        "Wanneer heb ik daarvoor toestemming nodig en wanneer niet?",
        "algemeen-toestemming-vragen",
        "toestemming",
    ),
    (
        "Wat kan ik doen als iemand meer informatie opvraagt dan nodig?",
        "algemeen-te-veel-gevraagd",
        "meer",
    ),
    (
        "Onder welke voorwaarden mag ik gegevens geven aan een andere professional?",
        "jeugd-delen-hulpverlener",
        "professional",
    ),
    (
        "Waar moet ik rekening mee houden als ik gegevens opvraag?",
        "jeugd-gegevens-opvragen",
        "opvraag",
    ),
    ("Hoe zit het met gezag van ouders?", "algemeen-leeftijd-gezag", "gezag"),
    ("Wat als ouders het niet met elkaar eens zijn?", "jeugd-ouders-oneens", "eens"),
    (
        "Welke gegevens mag ik als hulpverlener delen met anderen?",
        "jeugd-delen-hulpverlener",
        "delen",
    ),
    # the 2018 flows per recipient or situation
    (
        "Opvragen bij of geven aan een jeugdarts of jeugdpsychiater",
        "jeugd-delen-hulpverlener",
        "jeugdarts",
    ),
    (
        "Opvragen bij of geven aan een voogd of jeugdreclasseerder",
        "jeugd-gezinsvoogd",
        "jeugdreclassering",
    ),
    ("Opvragen bij of geven aan de gemeente of het wijkteam", "jeugd-delen-gemeente", "wijkteam"),
    ("Melden bij de Raad voor de Kinderbescherming", "jeugd-raad-kinderbescherming", "raad"),
    ("Melden bij Veilig Thuis", "jeugd-melden-veilig-thuis", "veilig thuis"),
    ("Melden bij de Verwijsindex Risicojongeren", "jeugd-verwijsindex", "verwijsindex"),
    ("Casusoverleggen organiseren", "algemeen-casusoverleg", "casusoverleg"),
    (
        "Stappenplan: het beroepsgeheim doorbreken zonder toestemming",
        "algemeen-conflict-van-plichten",
        "beroepsgeheim",
    ),
    (
        "Stappenplan: zorgen over huiselijk geweld of kindermishandeling",
        "algemeen-meldcode",
        "meldcode",
    ),
    ("Informatie over tuchtrecht", "jeugd-tuchtrecht", "tuchtrecht"),
    ("Informatie over ouderlijk gezag", "jeugd-gezag-ouder", "gezag"),
    ("Informatie over leeftijdsgrenzen", "algemeen-leeftijd-gezag", "leeftijd"),
    # planned in 2018, answered here
    ("Uitwisseling met de politie", "jeugd-delen-hulpverlener", "politie"),
]


@pytest.fixture(scope="module")
def library() -> Library:
    result = load_flows([FLOWS])
    assert result.library is not None, [d.format() for d in result.diagnostics]
    return result.library


def flow_words(flow: Flow) -> str:
    texts = [flow.title, flow.summary, *flow.tags]
    for node in flow.nodes.values():
        if isinstance(node, QuestionNode):
            texts += [node.text, *(c.label for c in node.choices)]
        elif isinstance(node, AdviceNode):
            texts += [node.title, node.explanation, *node.steps]
    return " ".join(texts).lower()


@pytest.mark.parametrize(
    ("question", "flow_id", "word"), QUESTIONS, ids=[q for q, _, _ in QUESTIONS]
)
def test_question_is_answered_by_a_published_flow(
    library: Library, question: str, flow_id: str, word: str
) -> None:
    assert flow_id in library, f"{question!r}: no flow {flow_id}"
    flow = library.get(flow_id)
    assert flow.status == "published"
    assert flow.sector in {"jeugd", "algemeen"}
    assert word in flow_words(flow), f"{flow_id} does not mention {word!r}"


def test_every_audience_of_the_old_app_has_its_flows(library: Library) -> None:
    audiences = {a for _, flow_id, _ in QUESTIONS for a in library.get(flow_id).audience}
    assert audiences == {"inwoner", "professional", "vertegenwoordiger"}
