"""Name search over the municipalities: forgiving about case, accents, hyphens and apostrophes.

Every name and alias is reduced to a *key*: lower case, accents removed, apostrophes dropped,
hyphens and other punctuation turned into spaces (``"'s-Hertogenbosch"`` → ``"s hertogenbosch"``).
The key without spaces (``"shertogenbosch"``) is compared too, so ``"s hertogenbosch"`` and
``"shertogenbosch"`` both match. Results are ranked: exact, then the query as the name's first whole
words, then prefix (of the name or of a word in it), then substring, then small typos (via
:mod:`difflib`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from privacyapp.opendata._model import Municipality

__all__ = ["NameIndex", "search_key"]

#: Names people use that the register does not list (key → register code). Frisian and Dutch
#: names of the same municipality, and the common short forms of the two "'s-" cities.
KNOWN_ALIASES: dict[str, tuple[str, ...]] = {
    "GM0796": ("Den Bosch", "'s-Hertogenbosch"),
    "GM0518": ("'s-Gravenhage", "Den Haag"),
    "GM1900": ("Zuidwest-Friesland", "Sudwest Fryslan"),
    "GM1970": ("Noordoost-Friesland",),
    "GM1940": ("De Friese Meren",),
    "GM1891": ("Dantumadeel",),
    "GM0737": ("Tietjerksteradeel",),
    "GM0820": ("Nuenen",),
}

_DROP = re.compile(r"['’‘`´]")
_SPACE = re.compile(r"[^a-z0-9]+")
_PREFIX = re.compile(r"^gemeente ")

#: Ranks, best first.
EXACT, WHOLE_WORDS, PREFIX, WORD_PREFIX, SUBSTRING, TYPO = range(6)


def search_key(text: str) -> str:
    """The comparable form of a name or a query (see the module docstring)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = _DROP.sub("", plain)
    plain = _SPACE.sub(" ", plain).strip()
    return _PREFIX.sub("", plain)


@dataclass(frozen=True, slots=True)
class _Entry:
    key: str
    compact: str
    words: tuple[str, ...]
    position: int


class NameIndex:
    """Keys for every name and alias, built once per directory."""

    def __init__(self, municipalities: Iterable[Municipality]) -> None:
        self._records = list(municipalities)
        self._sort_keys = [search_key(record.name) for record in self._records]
        self._entries: list[tuple[_Entry, ...]] = []
        for position, record in enumerate(self._records):
            names = (record.name, record.official_name, *record.aliases)
            names += KNOWN_ALIASES.get(record.code, ())
            keys = dict.fromkeys(k for k in (search_key(n) for n in names) if k)
            self._entries.append(
                tuple(_Entry(k, k.replace(" ", ""), tuple(k.split()), position) for k in keys)
            )

    def find(self, query: str, limit: int = 20) -> list[Municipality]:
        """The best matches for ``query``, best first; ``[]`` for an empty query."""
        key = search_key(query)
        if not key:
            return []
        compact = key.replace(" ", "")
        typo = _Typo(compact)
        ranked: list[tuple[int, float, str, int]] = []
        for entries in self._entries:
            best: tuple[int, float] | None = None
            for entry in entries:
                score = _score(key, compact, entry, typo)
                if score is not None and (best is None or score < best):
                    best = score
            if best is not None:
                position = entries[0].position
                ranked.append((best[0], best[1], self._sort_keys[position], position))
        ranked.sort()
        return [self._records[position] for *_, position in ranked[:limit]]


def _score(key: str, compact: str, entry: _Entry, typo: _Typo) -> tuple[int, float] | None:
    if compact == entry.compact:
        return (EXACT, 0.0)
    if entry.key.startswith(key + " "):
        return (WHOLE_WORDS, 0.0)  # "bergen" → "Bergen (L)" before "Berg en Dal"
    if entry.compact.startswith(compact):
        return (PREFIX, 0.0)
    if any(word.startswith(key) for word in entry.words[1:]):
        return (WORD_PREFIX, 0.0)
    if len(compact) >= 3 and compact in entry.compact:
        return (SUBSTRING, 0.0)
    ratio = typo.ratio(entry.compact)
    return (TYPO, -ratio) if ratio >= TYPO_RATIO else None


#: How alike a query and a name must be to count as a typo (difflib's ratio).
TYPO_RATIO = 0.8


class _Typo:
    """Typo similarity against one query, with cheap upper bounds before the real ratio.

    The query is difflib's second sequence, whose analysis is cached across names; most names
    are ruled out by length or by ``real_quick_ratio``/``quick_ratio`` without the full match.
    """

    def __init__(self, compact: str) -> None:
        self._query = compact
        self._matcher = difflib.SequenceMatcher(None, "", compact, autojunk=False)

    def _ratio(self, text: str) -> float:
        total = len(text) + len(self._query)
        if total == 0 or 2 * min(len(text), len(self._query)) / total < TYPO_RATIO:
            return 0.0
        matcher = self._matcher
        matcher.set_seq1(text)
        if matcher.real_quick_ratio() < TYPO_RATIO or matcher.quick_ratio() < TYPO_RATIO:
            return 0.0
        return matcher.ratio()

    def ratio(self, name: str) -> float:
        """Best of: the whole name, and its start as long as the query (typing a long name)."""
        if len(self._query) < 4:
            return 0.0
        whole = self._ratio(name)
        head = self._ratio(name[: len(self._query)]) - 0.02 if len(name) > len(self._query) else 0
        return max(whole, head)
