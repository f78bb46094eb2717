"""Detect whether a draft is a spoken interview answer or a written statement.

`eras` is never guessed: a form field is a destination the user chooses (`--kind eras`), and a
short statement paragraph looks the same on the page.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from coach.rules import lexicon
from coach.rules.patterns import token_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

SPOKEN_RATE = 3.0  # spoken cues per 100 words above which a draft reads as speech
MIN_OPENERS = 2


@lru_cache(maxsize=4)
def _matcher(vocab):
    from coach.rules.engine import AnchoredMatcher

    m = AnchoredMatcher(vocab)
    m.add("spoken", token_patterns(lexicon("kinds")["spoken"]))
    return m


def detect_kind(doc: Doc, sents: list[Span]) -> str:
    """'interview' when the draft has the fillers, contractions and openers of speech, else 'statement'."""
    words = sum(1 for t in doc if t.is_alpha)
    if not words:
        return "statement"
    cues = len(_matcher(doc.vocab)(doc))
    openers = set(lexicon("kinds")["openers"])
    opening = 0
    for s in sents:
        first = [t.lower_ for t in s if not t.is_punct][:2]
        if first and (first[0] in openers or " ".join(first) in openers):
            opening += 1
    if opening >= MIN_OPENERS or cues * 100 / words >= SPOKEN_RATE + (0 if opening else 2):
        return "interview"
    return "statement"
