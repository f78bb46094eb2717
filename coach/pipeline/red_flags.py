"""Guess which red flag a draft explains.

Mentions from `lexicons/red_flags.toml` are weighed by where they occur: a mention in a sentence
about failing, repeating or leaving counts more, so a leave-of-absence draft that says "I passed
Step 1 on my first attempt" is still a leave. A small linear model trained on the corpus
(`models/red_flags.json`) turns those weighted mentions plus the draft's content lemmas into a
decision; without the model file, the best weighted lexicon score decides.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from coach.pipeline.sentences import sentence_locator
from coach.rules import lexicon
from coach.rules.patterns import token_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

FAILURE_GROUPS = {"failure"}
FAIL_WEIGHT = 3
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ"}
MODEL_FILE = "red_flags.json"


@lru_cache(maxsize=4)
def _matcher(vocab):
    from coach.rules.engine import AnchoredMatcher

    m = AnchoredMatcher(vocab)
    for entry in lexicon("red_flags")["type"]:
        m.add(entry["name"], token_patterns(entry["patterns"]))
    return m


@lru_cache(maxsize=1)
def _course_names() -> frozenset[str]:
    """Preclinical course names (lexicons/red_flags.toml): two failed ones mean several courses."""
    return frozenset(lexicon("red_flags")["course_names"])


def _order() -> list[str]:
    return [e["name"] for e in lexicon("red_flags")["type"]]


def red_flag_features(doc: Doc, sents: list[Span], lexicon_hits: list[tuple[str, int, int]]) -> dict[str, float]:
    """Weighted lexicon mentions per type plus content lemmas; shared by training and inference."""
    index = sentence_locator(sents)
    failing = {index(hs) for g, hs, _ in lexicon_hits if g in FAILURE_GROUPS}
    f: dict[str, float] = {}
    first_fail = min(failing) if failing else None
    for key, start, _ in _matcher(doc.vocab)(doc):
        i = index(start)
        f[f"rf={key}"] = f.get(f"rf={key}", 0.0) + 1.0
        if i in failing:
            f[f"rf_fail={key}"] = f.get(f"rf_fail={key}", 0.0) + 1.0
        if i == first_fail:
            f[f"rf_first={key}"] = 1.0
    courses = _course_names()
    failed_courses = {t.lower_ for i in failing for t in sents[i] if t.lower_ in courses}
    if len(failed_courses) >= 2:
        f["many_courses"] = 1.0
    for t in doc:
        if t.pos_ in CONTENT_POS and t.is_alpha and not t.is_stop:
            f[f"w={t.lemma_.lower()}"] = 1.0
    return f


def lexicon_vote(features: dict[str, float]) -> str | None:
    """The fallback decision: the type with the highest weighted mention score."""
    score: Counter[str] = Counter()
    for name, value in features.items():
        if name.startswith("rf="):
            score[name[3:]] += value
        elif name.startswith("rf_fail="):
            score[name[8:]] += value * (FAIL_WEIGHT - 1)
    if not score:
        return None
    if features.get("many_courses") and score["course_fail"]:
        score["multiple_course_fail"] += score["course_fail"]
    order = _order()
    return max(score, key=lambda k: (score[k], -order.index(k)))


@lru_cache(maxsize=4)
def _model(models_dir: str | None = None):
    from coach.pipeline.classifier import ModelMissing, load_bundle

    try:
        return load_bundle(MODEL_FILE, models_dir)
    except ModelMissing:
        return None


def detect_red_flag(doc: Doc, sents: list[Span], lexicon_hits: list[tuple[str, int, int]],
                    models_dir: str | None = None) -> str | None:
    """The most likely red-flag type, or None when the draft mentions none.

    Without a model file in `models_dir` (default: the shipped models/) the lexicon vote decides.
    """
    feats = red_flag_features(doc, sents, lexicon_hits)
    if not any(k.startswith("rf") for k in feats):
        return None
    bundle = _model(models_dir)
    if bundle is None:
        return lexicon_vote(feats)
    proba = bundle.model.predict_proba(feats)
    best = max(proba, key=proba.get)
    # A flag outside the nine types (a low pass, a gap year) still trips a word or two of the
    # lexicon; below this confidence the draft is "not recognised" rather than forced into a type.
    return best if proba[best] >= float(lexicon("red_flags").get("min_confidence", 0.0)) else None
