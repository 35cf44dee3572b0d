"""Helpers of the studio tests (import as ``from studiokit import ...``)."""

from __future__ import annotations

from privacyapp.studio.passwords import HashParams

FAST = HashParams(memory_kib=64, iterations=1, lanes=1)
PASSWORD = "correct paard batterij niet"
ADVICE_FILE = "flows/jeugd/jeugd-gezinsvoogd.yaml"


def edit_explanation(text: str, new: str) -> str:
    """The gezinsvoogd flow with its first advice's explanation replaced."""
    start = text.index("    explanation: >-\n")
    end = text.index("    sources:", start)
    return text[:start] + f"    explanation: {new}\n" + text[end:]
