"""Vague: evasive wording (rules in data/vague.toml) plus the learned sentence detector."""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.detectors.phrase_based import model_backup, phrase_hits_of_type

TYPE = "vague"


def detect(ctx: DocContext, model_threshold: float | None) -> list[Hit]:
    """Phrase hits, then model hits in sentences the phrases missed."""
    hits = phrase_hits_of_type(ctx, TYPE)
    if model_threshold is not None:
        hits += model_backup(ctx, TYPE, hits, model_threshold)
    return hits
