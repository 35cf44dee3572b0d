"""The engine's diagnostics in Dutch: every code has a Dutch text, details are kept."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from studiokit import ADVICE_FILE

from privacyapp.engine import Diagnostic, Severity
from privacyapp.studio import Studio, User
from privacyapp.studio.errors import ContentHasErrors
from privacyapp.studio.messages import CODES, dutch, dutch_line

ENGINE = Path(__file__).resolve().parents[2] / "src" / "privacyapp" / "engine"
_CODE = re.compile(r"[a-z]+(-[a-z0-9]+)*")
_MAKERS = {"error", "warning", "_error", "at", "ReadabilityFinding"}


def _engine_codes() -> set[str]:
    """Every code the engine passes where it makes a diagnostic (or a readability finding)."""
    found: set[str] = set()
    for path in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in _MAKERS:
                found.update(
                    arg.value
                    for arg in node.args[:4]
                    if isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and _CODE.fullmatch(arg.value)
                    and arg.value not in ("error", "warning")
                )
    return found


def test_every_code_the_engine_gives_has_a_dutch_text() -> None:
    codes = _engine_codes()
    assert len(codes) >= 35 and {"jargon", "unknown-law", "schema"} <= codes
    assert codes - set(CODES) == set()


def _d(code: str, message: str, hint: str | None = None, error: bool = True) -> Diagnostic:
    severity = Severity.ERROR if error else Severity.WARNING
    return Diagnostic("flows/x.yaml", 3, 5, severity, code, message, hint)


@pytest.mark.parametrize(
    ("diagnostic", "message", "hint"),
    [
        (_d("unknown-law", '"jeugwet" is not a law in the registry', 'did you mean "jeugdwet"?'),
         '"jeugwet" staat niet als wet in het register.', 'Bedoel je "jeugdwet"?'),
        (_d("jargon", '"conform" is official language', 'write "volgens" instead', False),
         '"conform" is ambtelijke taal.', 'Schrijf liever "volgens".'),
        (_d("long-sentence", 'sentence "Als je dit leest …" has 31 words (more than 25)', None),
         'De zin "Als je dit leest …" heeft 31 woorden (meer dan 25).',
         "Maak er twee of meer zinnen van, het liefst van 15 woorden of minder."),
        (_d("schema", 'advice "a" is missing "explanation"'),
         'Het veld "explanation" ontbreekt (bij advice "a").', None),
        (_d("cycle", "the nodes a -> b -> a form a loop with no way to an advice"),
         "Deze stappen gaan in een rondje, zonder weg naar een advies.",
         "Laat een van de stappen naar een advies gaan."),
    ],
)  # fmt: skip
def test_dutch_texts_keep_the_details(
    diagnostic: Diagnostic, message: str, hint: str | None
) -> None:
    assert dutch(diagnostic) == (message, hint)


def test_a_message_without_a_pattern_names_what_it_quotes() -> None:
    message, _ = dutch(_d("unknown-fragment", 'there is no fragment "meer-hulp"'))
    assert message == 'Deze bouwsteen bestaat niet. Het gaat om: "meer-hulp".'


def test_refusals_list_the_problems_in_dutch(studio: Studio, team: dict[str, User]) -> None:
    cs = studio.new_change_set(team["anna"], "Een fout")
    text, version = studio.read(cs.id, ADVICE_FILE)
    broken = text.replace("{law: jeugdwet,", "{law: jeugwet,", 1)
    studio.save(team["anna"], cs.id, {ADVICE_FILE: broken}, expected_version=version)
    with pytest.raises(ContentHasErrors) as refused:
        studio.submit(team["anna"], cs.id)
    line = refused.value.diagnostics[0]
    assert line.startswith(f"{ADVICE_FILE}, regel ")
    assert '"jeugwet" staat niet als wet in het register. Bedoel je "jeugdwet"?' in line
    assert dutch_line(studio.check(cs.id).errors[0]) == line
