"""Hedge: softeners about one's own actions and results (rules in data/hedge.toml)."""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.detectors.phrase_based import phrase_hits_of_type

TYPE = "hedge"


def detect(ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
    """This type's phrase-rule hits."""
    return phrase_hits_of_type(ctx, TYPE)
