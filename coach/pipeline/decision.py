"""The one decision from sentence probabilities to sentence labels and "part present".

Training tunes the settings on out-of-fold probabilities and inference applies them, so both
must decide the same way; this module is that single definition. It imports neither spaCy nor
scikit-learn, which keeps it quick to test and cheap to call from the training loops.

- A sentence takes the class with the highest biased log-probability (ties go to the class that
  comes first in `SENTENCE_LABELS`).
- A part is present when at least one sentence takes it, or when some sentence gives it at least
  its `floor` probability. The floor exists because the corpus labels a sentence that mixes
  parts by its most important claim (evidence > change > context): "for the retake I did timed
  blocks every morning and passed" is an evidence sentence, and the change inside it shows only as
  the runner-up probability.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from coach.vocab import COMPONENTS, SENTENCE_LABELS


def sentence_label(proba: Mapping[str, float], bias: Mapping[str, float]) -> str:
    """The biased argmax for one sentence; ties go to the earlier class in SENTENCE_LABELS."""
    best, best_score = SENTENCE_LABELS[0], -math.inf
    for c in SENTENCE_LABELS:
        score = math.log(max(proba.get(c, 0.0), 1e-12)) + bias.get(c, 0.0)
        if score > best_score:
            best, best_score = c, score
    return best


def decide_components(probas: Sequence[Mapping[str, float]], settings: Mapping) -> tuple[list[str], dict[str, tuple[bool, float]]]:
    """Sentence labels and, per part, (present, confidence) for one draft.

    Confidence is the best sentence probability for a present part and one minus it for a missing
    one.
    """
    bias = settings.get("bias", {})
    floor = settings.get("floor", {})
    labels = [sentence_label(p, bias) for p in probas]
    presence = {}
    for c in COMPONENTS:
        best = max((p.get(c, 0.0) for p in probas), default=0.0)
        present = c in labels or best >= floor.get(c, math.inf)
        presence[c] = (present, round(best if present else 1.0 - best, 4))
    return labels, presence
