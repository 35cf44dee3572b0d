"""Readability checks: long sentences, long words, jargon and unexplained terms."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from privacyapp.cli import main
from privacyapp.engine import checks, load_flows
from privacyapp.engine.readability import (
    JARGON,
    check_flow_texts,
    check_text,
    split_sentences,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def with_readability(monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine tests switch plug-in checks off (tests/engine/conftest.py); these need it on."""
    monkeypatch.setattr(checks, "PLUGIN_MODULES", ("privacyapp.engine.readability",))


def codes(text: str) -> list[str]:
    return [f.code for f in check_text(text, "loc")]


def test_short_plain_text_is_clean() -> None:
    assert codes("Je mag je dossier inzien. Vraag het aan je hulpverlener.") == []


def test_sentence_over_25_words_is_reported_with_its_offset() -> None:
    long = " ".join(["woord"] * 26) + "."
    text = "Dit is kort. " + long
    findings = check_text(text, "x.yaml:3:5")
    assert [f.code for f in findings] == ["long-sentence"]
    assert findings[0].offset == len("Dit is kort. ")
    assert "26 words" in findings[0].message
    assert findings[0].location == "x.yaml:3:5"


def test_sentence_of_exactly_25_words_is_fine() -> None:
    assert codes(" ".join(["woord"] * 25) + ".") == []


def test_article_numbers_and_abbreviations_do_not_end_a_sentence() -> None:
    text = "Zie art. 7.3.11 van de Jeugdwet, bijv. lid 1. Daarna lees je verder."
    assert [s for _, s in split_sentences(text)] == [
        "Zie art. 7.3.11 van de Jeugdwet, bijv. lid 1.",
        "Daarna lees je verder.",
    ]


def test_urls_are_not_counted_as_long_words_or_split() -> None:
    assert codes("Kijk op https://www.veiligthuis.nl/heel-lange-adressen-met-woorden. Klaar.") == []


def test_long_word_is_reported_unless_whitelisted() -> None:
    assert codes("Dat heet een jeugdbeschermingsorganisatie.") == ["long-word"]
    assert codes("Dat heet een ondertoezichtstelling.") == []


def test_hyphenated_parts_are_measured_separately() -> None:
    assert codes("Het Wmo-consulentenoverleg is kort.") == []


def test_jargon_gets_a_plain_alternative_in_the_hint() -> None:
    findings = check_text("Wij verstrekken inzake uw dossier derhalve niets.", "loc")
    assert [f.code for f in findings] == ["jargon", "jargon", "jargon"]
    hints = [f.hint for f in findings]
    assert hints == ['write "geven" instead', 'write "over" instead', 'write "daarom" instead']


def test_jargon_matches_whole_words_only_and_any_case() -> None:
    assert codes("Indien nodig bel je.") == ["jargon"]
    assert codes("De indieners zijn er.") == []
    assert "verstrekken" in JARGON


def test_multi_word_jargon_phrase() -> None:
    assert codes("Dit is ten behoeve van het kind.") == ["jargon"]


def test_unexplained_term_is_reported_once_at_its_first_use() -> None:
    findings = check_flow_texts([("Je AVG-rechten.", "a:1:1"), ("De AVG geldt ook hier.", "a:2:1")])
    assert [(f.code, f.location) for f in findings] == [("jargon", "a:1:1")]
    assert "AVG (de privacywet)" in findings[0].hint


def test_term_explained_anywhere_in_the_flow_is_allowed() -> None:
    texts = [("Je AVG-rechten.", "a:1:1"), ("De AVG (de privacywet) geldt.", "a:2:1")]
    assert check_flow_texts(texts) == []


def test_term_explained_in_brackets_after_a_plain_phrase() -> None:
    assert check_flow_texts([("Dat zegt de privacywet (AVG).", "a:1:1")]) == []


def test_flow_check_also_runs_the_text_checks() -> None:
    findings = check_flow_texts([("Derhalve stop je.", "a:1:1")])
    assert [f.code for f in findings] == ["jargon"]


def test_proper_names_need_no_explanation() -> None:
    assert check_flow_texts([("Bel de Autoriteit Persoonsgegevens.", "a:1:1")]) == []
    assert [f.code for f in check_flow_texts([("Je persoonsgegevens.", "a:1:1")])] == ["jargon"]


@pytest.mark.usefixtures("with_readability")
def test_flows_check_reports_readability_with_place_and_hint(tmp_path: Path) -> None:
    flows = tmp_path / "flows"
    (flows / "algemeen").mkdir(parents=True)
    shutil.copy(REPO / "flows" / "registry.yaml", flows / "registry.yaml")
    (flows / "algemeen" / "algemeen-test.yaml").write_text(FLOW, encoding="utf-8")
    out = io.StringIO()
    code = main(["flows", "check", str(flows)], stdout=out, env={})
    text = out.getvalue()
    assert code == 0, text  # warnings only
    where = f"{flows}/algemeen/algemeen-test.yaml"
    assert (
        f'{where}:3:24: warning[jargon] "verstrekken" is official language\n'
        '    hint: write "geven" instead\n'
        f'{where}:17:14: warning[jargon] "verstrekken" is official language\n'
    ) in text
    assert f'{where}:17:50: warning[jargon] "AVG" is not explained anywhere in this flow' in text
    assert f'{where}:17:55: warning[long-sentence] sentence "Een hele lange zin met …"' in text
    assert main(["flows", "check", "--strict", str(flows)], stdout=io.StringIO(), env={}) == 1


@pytest.mark.usefixtures("with_readability")
def test_shipped_content_has_no_readability_warnings() -> None:
    result = load_flows([REPO / "flows"])
    assert [d.format() for d in result.diagnostics] == []


FLOW = """\
schema: 1
id: algemeen-test
title: Mag ik gegevens verstrekken?
summary: Een test.
audience: [professional]
sector: algemeen
status: draft
version: 1.0.0
owner: redactie-test
start: advies
nodes:
  advies:
    type: advice
    title: Deel weinig
    steps: [Deel alleen wat nodig is.]
    explanation: >-
      Je mag verstrekken wat nodig is volgens de AVG. Een hele lange zin met heel veel woorden die
      maar doorgaat en doorgaat zonder dat er ooit een punt komt want dat is nu eenmaal zo bij een
      test die dat moet laten zien.
    sources: [{law: avg, article: "5"}]
    help: [juridisch-loket]
"""
