"""Minimizing: shrinking the failure (rules in data/minimizing.toml)."""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.detectors.phrase_based import phrase_hits_of_type

TYPE = "minimizing"


def detect(ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
    """This type's phrase-rule hits."""
    return phrase_hits_of_type(ctx, TYPE)
