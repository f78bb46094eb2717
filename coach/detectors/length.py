"""Length: sentences for statements, spoken time for interviews, characters for ERAS fields.

Limits come from data/limits.toml (coach/limits.py). The flag covers the part past the limit (or the whole draft
when it is too short), so the user sees where to cut.
"""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.limits import limits
from coach.rules import all_rules

TYPE = "length"


def _words(ctx: DocContext) -> list[int]:
    return [t.i for t in ctx.doc if not (t.is_punct or t.is_space)]


def detect(ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
    """At most one length hit for the draft's kind."""
    doc = ctx.doc
    if len(doc) == 0:
        return []
    lim = limits()
    for rule in all_rules():
        if rule.kind != "length" or rule.params.get("applies_to") != ctx.kind:
            continue
        if ctx.kind == "statement":
            n, most = len(ctx.sents), lim.statement_max_sentences
            if n > most:
                detail = f"This one has {n} sentences."
                return [Hit(TYPE, rule.id, ctx.sents[most].start, len(doc), detail)]
        elif ctx.kind == "interview":
            words = _words(ctx)
            fewest, most = lim.interview_flag_words
            seconds = round(len(words) * 60 / lim.words_per_minute)
            detail = f"This one is {len(words)} words, about {seconds} s."
            if len(words) > most:
                return [Hit(TYPE, rule.id, words[most], len(doc), detail)]
            if 0 < len(words) < fewest:
                return [Hit(TYPE, rule.id, 0, len(doc), detail)]
        elif ctx.kind == "eras" and len(doc.text) > lim.eras_characters:
            limit = lim.eras_characters
            first_over = next(t.i for t in doc if t.idx + len(t.text) > limit)
            detail = f"This one has {len(doc.text)} characters."
            return [Hit(TYPE, rule.id, first_over, len(doc), detail)]
    return []
