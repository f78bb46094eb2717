"""Length: sentences for statements, spoken time for interviews, characters for ERAS fields.

Limits come from data/length.toml. The flag covers the part past the limit (or the whole draft
when it is too short), so the user sees where to cut.
"""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.rules import all_rules

TYPE = "length"


def _words(ctx: DocContext) -> list[int]:
    return [t.i for t in ctx.doc if not (t.is_punct or t.is_space)]


def detect(ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
    """At most one length hit for the draft's kind."""
    doc = ctx.doc
    if len(doc) == 0:
        return []
    for rule in all_rules():
        if rule.kind != "length" or rule.params.get("applies_to") != ctx.kind:
            continue
        p = rule.params
        if ctx.kind == "statement":
            n = len(ctx.sents)
            if n > p["max_sentences"]:
                detail = f"This one has {n} sentences."
                return [Hit(TYPE, rule.id, ctx.sents[p["max_sentences"]].start, len(doc), detail)]
        elif ctx.kind == "interview":
            words = _words(ctx)
            seconds = round(len(words) * 60 / p["words_per_minute"])
            detail = f"This one is {len(words)} words, about {seconds} s."
            if len(words) > p["max_words"]:
                return [Hit(TYPE, rule.id, words[p["max_words"]], len(doc), detail)]
            if 0 < len(words) < p["min_words"]:
                return [Hit(TYPE, rule.id, 0, len(doc), detail)]
        elif ctx.kind == "eras" and len(doc.text) > p["max_chars"]:
            limit = p["max_chars"]
            first_over = next(t.i for t in doc if t.idx + len(t.text) > limit)
            detail = f"This one has {len(doc.text)} characters."
            return [Hit(TYPE, rule.id, first_over, len(doc), detail)]
    return []
