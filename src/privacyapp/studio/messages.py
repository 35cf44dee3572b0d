"""The engine's diagnostics in Dutch, for the studio (its editors read Dutch, at B1 level).

The engine writes its diagnostics in English for programmers and CI (``flows check``). Each has
a stable ``code``; this table gives every code a Dutch text. For the codes editors meet most,
a pattern over the English message keeps its details (the names, the numbers) in the Dutch
sentence; for the rest the Dutch text per code is followed by the names the message quotes.
The citizen app never shows diagnostics, so this table lives with the studio rather than in
the app's gettext catalogs. ``tests/studio/test_studio_messages.py`` checks that every code
the engine can give has a Dutch text here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from privacyapp.engine import Diagnostic

__all__ = ["CODES", "dutch", "dutch_line"]

#: Every diagnostic code: what it means, in Dutch (also the text when no pattern matches).
CODES: dict[str, str] = {
    "locked-adaptable": (
        "Deze stap staat op slot en heeft ook aanpasbare delen. Kies één van de twee."
    ),
    "not-adaptable": (
        "Dit deel mag een gemeente niet aanpassen: de route, de conclusie en de bronnen blijven "
        "landelijk."
    ),
    "overlay-base": (
        "De bewaarde landelijke versie waar deze gemeentetekst op rust, klopt niet meer."
    ),
    "overlay-conflict": (
        "De gemeentetekst past niet meer op de landelijke versie. Los eerst de verschillen op."
    ),
    "overlay-file-name": "Het bestand met de gemeentetekst heeft niet de naam van de gemeentecode.",
    "overlay-locked": "Dit deel staat landelijk vast. Een gemeente mag het niet aanpassen.",
    "overlay-pin": "Bij de gemeentetekst staat niet goed op welke landelijke versie hij rust.",
    "unknown-override": "De variant past een stap aan die de oorspronkelijke vraag niet heeft.",
    "bad-key": "Een naam voor de dubbele punt moet gewone tekst zijn.",
    "bad-when": "Een uitkomstregel van de checklist klopt niet.",
    "bill-check-date": "Bij dit wetsvoorstel staat niet wanneer de stand van zaken is nagekeken.",
    "cycle": "Deze stappen gaan in een rondje, zonder weg naar een advies.",
    "dead-end": "Vanaf deze stap kom je nooit bij een advies.",
    "duplicate-choice": "Deze keuze staat twee keer in de vraag.",
    "duplicate-id": "Deze naam (id) wordt al ergens anders gebruikt.",
    "duplicate-key": "Deze naam staat twee keer op dezelfde plek.",
    "empty-file": "Het bestand is leeg.",
    "extends-cycle": "Varianten bouwen in een rondje op elkaar voort.",
    "file-name": "De bestandsnaam past niet bij de id van de vraag.",
    "help-audience": "Deze hulp is bedoeld voor een andere doelgroep dan deze vraag.",
    "jargon": "Hier staat ambtelijke taal of een moeilijk woord.",
    "long-sentence": "Deze zin is te lang.",
    "long-word": "Dit woord is te lang.",
    "no-next-step": "Dit advies biedt geen actie en geen verdere hulp.",
    "no-otherwise": "De laatste uitkomstregel van een checklist moet 'anders' zijn.",
    "no-registry": "Het register (registry.yaml) ontbreekt.",
    "no-review": "Deze vraag is gepubliceerd, maar niemand heeft haar beoordeeld.",
    "no-source": "Dit advies noemt geen bron.",
    "no-such-file": "Dit bestand of deze map bestaat niet.",
    "representative-inherits": "De variant voor vertegenwoordigers neemt een tekst over die "
    "voor een andere doelgroep is geschreven.",
    "representative-request": "Deze AVG-brief wordt een vertegenwoordiger aangeboden, maar "
    "zegt niet voor wie hij is.",
    "review-record": "De beoordeling is niet volledig ingevuld.",
    "schema": "Dit veld klopt niet.",
    "sector-folder": "De sector past niet bij de map waarin het bestand staat.",
    "unknown-audience": "Deze doelgroep staat niet in het register.",
    "unknown-flow": "Deze vraag bestaat niet.",
    "unknown-fragment": "Deze bouwsteen bestaat niet.",
    "unknown-help": "Deze hulp staat niet in het register.",
    "unknown-law": "Deze wet staat niet in het register.",
    "unknown-node": "Deze stap bestaat niet in de vraag.",
    "unknown-sector": "Deze sector staat niet in het register.",
    "unknown-situation": "Deze situatie staat niet in het register.",
    "unpublished-flow": "De actie opent een vraag die nog niet gepubliceerd is.",
    "unreachable": "Deze stap is vanaf het begin niet te bereiken.",
    "unreadable": "Het bestand kan niet gelezen worden.",
    "unsafe-tag": "Deze YAML-tag mag niet.",
    "yaml-alias": "Verwijzingen in YAML (*naam) mogen niet.",
    "yaml-syntax": "De YAML klopt niet: kijk naar inspringen, dubbele punten en aanhalingstekens.",
    "yaml-too-deep": "De lijsten en mappen zijn hier te diep genest.",
}

#: What to do, per code (shown after the message).
HINTS: dict[str, str] = {
    "bill-check-date": "Zet in het register bij checked_at de dag waarop je het naging.",
    "cycle": "Laat een van de stappen naar een advies gaan.",
    "dead-end": "Laat deze stap (of een stap erna) naar een advies gaan.",
    "duplicate-choice": "Geef elke keuze een eigen tekst.",
    "duplicate-id": "Kies een andere naam.",
    "duplicate-key": "Haal er één weg of geef het een andere naam.",
    "empty-file": "Zet de inhoud erin of haal het bestand weg.",
    "file-name": "Geef het bestand dezelfde naam als de id, met .yaml erachter.",
    "help-audience": "Kies hulp die bij de doelgroep van deze vraag past.",
    "long-sentence": "Maak er twee of meer zinnen van, het liefst van 15 woorden of minder.",
    "long-word": "Kies een korter woord of zet er een streepje in.",
    "no-next-step": "Geef het advies verdere hulp of een actie, zodat de lezer weet wat nu.",
    "no-otherwise": "Zet 'anders' als laatste regel, zodat elk antwoord ergens heen leidt.",
    "no-review": "Laat een jurist de vraag beoordelen en zet dat bij review.",
    "no-source": "Kies bij Bronnen de wet en het artikel waarop het advies rust.",
    "representative-inherits": "Schrijf deze tekst opnieuw voor de vertegenwoordiger.",
    "representative-request": "Zet bij de actie voor wie de brief is (ouder, voogd, curator, "
    "mentor).",
    "sector-folder": "Zet het bestand in de map van zijn sector.",
    "unknown-law": "Kies een wet uit de lijst, of zet de wet eerst in het register.",
    "unknown-help": "Kies hulp uit het register.",
    "unknown-node": "Kies een stap die in deze vraag staat.",
    "unpublished-flow": "Publiceer die vraag eerst, of kies een andere.",
    "unreachable": "Laat een andere stap hierheen gaan, of haal de stap weg.",
    "yaml-too-deep": "Kijk of er haakjes [ { niet gesloten zijn.",
}

_QUOTED = re.compile(r'"([^"]+)"')
_Pattern = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _p(pattern: str, make: Callable[[re.Match[str]], str]) -> _Pattern:
    return re.compile(pattern), make


#: Patterns over the English message that keep its details, per code.
_PATTERNS: dict[str, list[_Pattern]] = {
    "jargon": [
        _p(r'^"(?P<w>.+)" is official language$', lambda m: f'"{m["w"]}" is ambtelijke taal.'),
        _p(
            r'^"(?P<w>.+)" is not explained anywhere in this flow$',
            lambda m: f'"{m["w"]}" wordt nergens in deze vraag uitgelegd. Leg het één keer uit.',
        ),
    ],
    "long-sentence": [
        _p(
            r'^sentence "(?P<s>.+)" has (?P<n>\d+) words \(more than (?P<max>\d+)\)$',
            lambda m: f'De zin "{m["s"]}" heeft {m["n"]} woorden (meer dan {m["max"]}).',
        )
    ],
    "long-word": [
        _p(
            r'^"(?P<w>.+)" has (?P<n>\d+) letters \(more than (?P<max>\d+)\)$',
            lambda m: f'"{m["w"]}" heeft {m["n"]} letters (meer dan {m["max"]}).',
        )
    ],
    "unknown-law": [
        _p(
            r'^"(?P<w>.+)" is not a law in the registry$',
            lambda m: f'"{m["w"]}" staat niet als wet in het register.',
        )  # fmt: skip
    ],
    "unknown-help": [
        _p(
            r'^"(?P<w>.+)" is not a help route in the registry$',
            lambda m: f'"{m["w"]}" staat niet als hulp in het register.',
        )  # fmt: skip
    ],
    "unknown-node": [
        _p(
            r'^the start "(?P<w>.+)" is not a node of this flow$',
            lambda m: f'De eerste stap "{m["w"]}" bestaat niet in deze vraag.',
        )  # fmt: skip
    ],
    "no-source": [
        _p(
            r'^the advice "(?P<w>.+)" has no source$',
            lambda m: f'Het advies "{m["w"]}" noemt geen bron.',
        )  # fmt: skip
    ],
    "unreachable": [
        _p(
            r'^the node "(?P<w>.+)" cannot be reached from the start$',
            lambda m: f'De stap "{m["w"]}" is vanaf het begin niet te bereiken.',
        )  # fmt: skip
    ],
    "dead-end": [
        _p(
            r'^no path from "(?P<w>.+)" reaches an advice$',
            lambda m: f'Vanaf de stap "{m["w"]}" kom je nooit bij een advies.',
        )  # fmt: skip
    ],
    "no-next-step": [
        _p(
            r'^the advice "(?P<w>.+)" offers no action and no further help$',
            lambda m: f'Het advies "{m["w"]}" biedt geen actie en geen verdere hulp.',
        )  # fmt: skip
    ],
    "no-otherwise": [
        _p(
            r"^this rule comes after `otherwise` and is never used$",
            lambda m: "Deze regel staat na 'anders' en wordt nooit gebruikt.",
        )  # fmt: skip
    ],
    "bad-when": [
        _p(
            r'^the rule names the item "(?P<w>.+)", which is not in this checklist$',
            lambda m: (
                f'De regel noemt het onderdeel "{m["w"]}", maar dat staat niet in deze checklist.'
            ),
        ),  # fmt: skip
        _p(
            r"^the rule needs (?P<n>\d+) answers; the checklist has (?P<k>\d+) items$",
            lambda m: (
                f"De regel vraagt {m['n']} antwoorden, maar de checklist heeft er maar {m['k']}."
            ),
        ),  # fmt: skip
    ],
    "schema": [
        _p(r'^unknown field "(?P<w>.+)"$', lambda m: f'Het veld "{m["w"]}" bestaat niet.'),
        _p(
            r'^(?P<where>.+) is missing "(?P<w>.+)"$',
            lambda m: f'Het veld "{m["w"]}" ontbreekt (bij {m["where"]}).',
        ),  # fmt: skip
        _p(
            r"^(?P<where>.+) is empty$", lambda m: f"{m['where']} is leeg. Schrijf er minstens één."
        ),  # fmt: skip
        _p(
            r'^"(?P<w>.+)" is not a node type$',
            lambda m: f'"{m["w"]}" is geen soort stap (vraag, uitleg, checklist of advies).',
        ),
        _p(
            r'^(?P<where>.+): "(?P<w>.*)" does not have the right form$',
            lambda m: f'"{m["w"]}" heeft niet de goede vorm (bij {m["where"]}).',
        ),  # fmt: skip
        _p(
            r'^(?P<where>.+): "(?P<w>.*)" is not allowed here$',
            lambda m: f'"{m["w"]}" mag hier niet (bij {m["where"]}).',
        ),  # fmt: skip
    ],
}

_DID_YOU_MEAN = re.compile(r'did you mean "(?P<w>[^"]+)"\?')
_WRITE_INSTEAD = re.compile(r'^write "(?P<w>.+)" instead$')


def _hint(diagnostic: Diagnostic) -> str | None:
    english = diagnostic.hint or ""
    found = _DID_YOU_MEAN.search(english)
    if found:
        return f'Bedoel je "{found["w"]}"?'
    found = _WRITE_INSTEAD.match(english)
    if found:
        return f'Schrijf liever "{found["w"]}".'
    return HINTS.get(diagnostic.code)


def dutch(diagnostic: Diagnostic) -> tuple[str, str | None]:
    """The diagnostic's message and hint (what to do) in Dutch."""
    for pattern, make in _PATTERNS.get(diagnostic.code, []):
        found = pattern.match(diagnostic.message)
        if found:
            return make(found), _hint(diagnostic)
    base = CODES.get(diagnostic.code, "Er klopt iets niet in dit bestand.")
    names = list(dict.fromkeys(_QUOTED.findall(diagnostic.message)))
    if names:
        base += " Het gaat om: " + ", ".join(f'"{n}"' for n in names[:4]) + "."
    return base, _hint(diagnostic)


def dutch_line(diagnostic: Diagnostic) -> str:
    """One line: where, how bad, what, and what to do (e.g. for the list under an error)."""
    message, hint = dutch(diagnostic)
    kind = "fout" if diagnostic.is_error else "waarschuwing"
    line = f"{diagnostic.path}, regel {diagnostic.line}: {kind} ({diagnostic.code}): {message}"
    return line + (f" {hint}" if hint else "")
