"""The readable per-node diff: what a reviewer reads instead of a git diff."""

from __future__ import annotations

from privacyapp.studio.diff import WordPiece, describe_file, word_diff

LAWS = {"jeugdwet": "Jeugdwet", "avg": "AVG"}

OLD = """\
schema: 1
id: x
title: Mag ik delen?
nodes:
  vraag:
    type: question
    text: Heb je toestemming?
    choices:
      - {label: Ja, next: advies}
  advies:
    type: advice
    title: Je mag delen
    steps: [Vertel het de jongere.]
    explanation: Met toestemming mag je delen wat nodig is.
    sources:
      - {law: jeugdwet, article: "7.3.11", paragraph: "1"}
  weg:
    type: info
    title: Oud
    text: Oud.
    next: advies
"""


def test_sentences_name_the_node_the_field_and_the_source() -> None:
    new = (
        OLD.replace(
            "explanation: Met toestemming mag je delen wat nodig is.",
            "explanation: Met toestemming mag je alleen delen wat nodig is.",
        )
        .replace(
            '      - {law: jeugdwet, article: "7.3.11", paragraph: "1"}\n',
            '      - {law: jeugdwet, article: "7.3.11", paragraph: "1"}\n'
            '      - {law: jeugdwet, article: "7.3.8"}\n',
        )
        .replace("title: Mag ik delen?", "title: Mag ik informatie delen?")
    )
    new = (
        new[: new.index("  weg:")]
        + "  nieuw:\n    type: info\n    title: N\n    text: N.\n    next: advies\n"
    )
    diff = describe_file("flows/jeugd/x.yaml", OLD, new, LAWS)
    assert diff.sentences() == [
        "Gegevens van de vraag: titel gewijzigd",
        "Advies advies: uitleg gewijzigd; bron toegevoegd: Jeugdwet art. 7.3.8",
        "Uitleg weg: verwijderd",
        "Uitleg nieuw: nieuw",
    ]
    explanation = diff.nodes[0].fields[0]
    assert [p for p in explanation.words if p.kind != "same"] == [WordPiece("added", "alleen ")]


def test_a_removed_source_and_changed_steps() -> None:
    new = OLD.replace(
        '      - {law: jeugdwet, article: "7.3.11", paragraph: "1"}\n',
        '      - {law: avg, article: "6", paragraph: "1a"}\n',
    ).replace("steps: [Vertel het de jongere.]", "steps: [Vertel het de jongere., Schrijf het op.]")
    sentence = describe_file("x.yaml", OLD, new, LAWS).sentences()[0]
    assert sentence == (
        "Advies advies: stap toegevoegd: Schrijf het op.; "
        "bron toegevoegd: AVG art. 6 lid 1a; bron verwijderd: Jeugdwet art. 7.3.11 lid 1"
    )


def test_word_diff_rebuilds_both_texts_exactly() -> None:
    old, new = "Je mag  delen wat nodig is.", "Je mag niet delen wat niet nodig is!"
    pieces = word_diff(old, new)
    assert "".join(p.text for p in pieces if p.kind != "added") == old
    assert "".join(p.text for p in pieces if p.kind != "removed") == new
    assert ("removed", "is.") in [(p.kind, p.text) for p in pieces]


def test_new_removed_and_unreadable_files() -> None:
    assert describe_file("a.yaml", None, OLD).sentences()[0] == "a.yaml: nieuw bestand"
    assert describe_file("a.yaml", OLD, None).sentences()[0] == "a.yaml: bestand verwijderd"
    broken = describe_file("a.yaml", OLD, OLD + "  : [\n")
    assert broken.lines and broken.sentences() == [
        f"a.yaml: tekst gewijzigd ({len(broken.lines)} regels)"
    ]
    assert describe_file("a.yaml", OLD, OLD).sentences() == []
