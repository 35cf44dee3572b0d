"""Text helpers for search: folding case and diacritics, tokens, and typo distance."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["STOPWORDS", "edit_distance", "fold", "tokens", "trigrams"]

_WORD = re.compile(r"[a-z0-9]+")

#: Words too common to help a search ("mag ik ...").
_STOPWORDS_TEXT = (
    "de het een en of van in op aan met voor over bij naar om te tot is zijn ben bent was "
    "ik je jij jouw mijn me mij we wij ons onze u uw hij zij ze die dat dit wat wie als er "
    "mag moet kan kun kunnen wil mogen moeten niet wel ook nog dan hoe waar wanneer"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    for mark in [ch for ch in set(decomposed) if unicodedata.combining(ch)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


#: Latin letters with diacritics mapped to what ``_strip_marks`` makes of them (``ë`` -> ``e``),
#: so Dutch text with a few of them is folded one character at a time instead of decomposing
#: all of it. NFKD works per character, so mapping character by character gives the same result.
_LATIN = {
    chr(code): stripped
    for code in range(0x80, 0x250)
    if (stripped := _strip_marks(chr(code))) != chr(code)
}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _latin(match: re.Match[str]) -> str:
    char = match.group()
    return _LATIN.get(char, char)


def fold(text: str) -> str:
    """Lower case without diacritics: ``Cliënt`` -> ``client``."""
    folded = text.casefold()
    if folded.isascii():  # most text: nothing to decompose (and 20x faster)
        return folded
    folded = _NON_ASCII.sub(_latin, folded)
    if folded.isascii():  # Dutch text: a few ë, é, ï
        return folded
    return _strip_marks(folded)


def _fold_slow(text: str) -> str:
    """``fold`` without the shortcuts (tests compare the two)."""
    return _strip_marks(text.casefold())


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """The folded words of a text, without stopwords unless asked."""
    words = _WORD.findall(fold(text))
    return words if keep_stopwords else [w for w in words if w not in STOPWORDS]


def trigrams(word: str) -> set[str]:
    """Character trigrams of a word padded with spaces (``toe`` -> `` to``, ``toe``, ``oe ``)."""
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap of two letters counts once), capped at limit+1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)
