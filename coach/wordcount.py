"""The one definition of "a word" for every figure a user sees.

The report's `word_count`, the length rules' "This one is N words", the score bar and the restore
dialog all count with `WORD`, so they can never disagree ("71 words" in the header beside "72
words" in a finding was two different counts).
"""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))


def word_starts(text: str) -> list[int]:
    """Character offsets where each word starts (to point a finding at the first word too many)."""
    return [m.start() for m in WORD.finditer(text)]
