"""Vague: evasive wording (rules in data/vague.toml) plus the learned sentence detector."""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.detectors.phrase_based import model_backup, phrase_hits_of_type

TYPE = "vague"


def detect(ctx: DocContext, model_threshold: float | None) -> list[Hit]:
    """Phrase hits, then model hits in sentences the phrases missed.

    A sentence that names a number, date or resource is not evasive, so the model skips it.
    """
    hits = phrase_hits_of_type(ctx, TYPE)
    if model_threshold is not None:
        hits += model_backup(ctx, TYPE, hits, model_threshold, skip_specific=True)
    return hits
