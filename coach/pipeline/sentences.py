"""Sentences of a parsed doc, and which sentence a token falls in — one definition for all."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def sentence_spans(doc: Doc) -> list[Span]:
    """Sentences with at least one non-space token (the parser can emit whitespace-only ones)."""
    return [s for s in doc.sents if any(not t.is_space for t in s)] if len(doc) else []


def sentence_locator(sents: list[Span]) -> Callable[[int], int]:
    """A function from a token index to the index of the sentence holding it (0 before the first)."""
    starts = [s.start for s in sents]

    def locate(token_i: int) -> int:
        return max(bisect_right(starts, token_i) - 1, 0)

    return locate
