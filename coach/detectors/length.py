"""Length: sentences, words and characters for statements; words and characters for interviews;
characters for ERAS fields.

Limits come from data/limits.toml (coach/limits.py). Every kind is measured on more than one
scale because any single one can be gamed by accident: a 19,000-word statement written as one
sentence is "one sentence", and text without spaces is "one word". Words are counted with
`coach.wordcount`, the same count as the report's `word_count`, so the header and the finding
never disagree. The flag covers the part past the limit (or the whole draft when it is too
short), so the user sees where to cut.
"""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.limits import limits
from coach.rules import all_rules
from coach.wordcount import word_starts

TYPE = "length"


def _token_at(doc, offset: int) -> int:
    """The index of the token that contains (or first follows) character `offset`."""
    return next((t.i for t in doc if t.idx + len(t.text) > offset), len(doc) - 1)


def _over(doc, rule_id: str, offset: int, detail: str) -> list[Hit]:
    return [Hit(TYPE, rule_id, _token_at(doc, offset), len(doc), detail)]


def _statement(ctx: DocContext, rule_id: str, lim) -> list[Hit]:
    doc, text = ctx.doc, ctx.doc.text
    starts = word_starts(text)
    n, most = len(ctx.sents), lim.statement_max_sentences
    if n > most:
        return [Hit(TYPE, rule_id, ctx.sents[most].start, len(doc),
                    f"This one has {n} sentences and {len(starts)} words.")]
    if len(starts) > lim.statement_max_words:
        return _over(doc, rule_id, starts[lim.statement_max_words],
                     f"This one has {len(starts):,} words; keep it under {lim.statement_max_words}.")
    if len(text) > lim.statement_max_characters:
        return _over(doc, rule_id, lim.statement_max_characters,
                     f"This one has {len(text):,} characters; keep it under {lim.statement_max_characters:,}.")
    return []


def _interview(ctx: DocContext, rule_id: str, lim) -> list[Hit]:
    doc, text = ctx.doc, ctx.doc.text
    starts = word_starts(text)
    fewest, most = lim.interview_flag_words
    seconds = round(len(starts) * 60 / lim.words_per_minute)
    detail = f"This one is {len(starts):,} words, about {seconds} s."
    if len(starts) > most:
        return _over(doc, rule_id, starts[most], detail)
    if len(text) > lim.interview_max_characters:
        return _over(doc, rule_id, lim.interview_max_characters,
                     f"This one has {len(text):,} characters; an answer that long cannot be spoken in time.")
    if 0 < len(starts) < fewest:
        return [Hit(TYPE, rule_id, 0, len(doc), detail)]
    return []


def _eras(ctx: DocContext, rule_id: str, lim) -> list[Hit]:
    text = ctx.doc.text
    if len(text) > lim.eras_characters:
        return _over(ctx.doc, rule_id, lim.eras_characters, f"This one has {len(text):,} characters.")
    return []


MEASURES = {"statement": _statement, "interview": _interview, "eras": _eras}


def detect(ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
    """At most one length hit for the draft's kind."""
    if len(ctx.doc) == 0:
        return []
    lim = limits()
    for rule in all_rules():
        if rule.rule_kind == "length" and rule.params.get("applies_to") == ctx.kind and ctx.kind in MEASURES:
            return MEASURES[ctx.kind](ctx, rule.id, lim)
    return []
