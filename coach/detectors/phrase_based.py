"""Shared step for detectors whose rules are phrase patterns: pick this type's hits.

A flag type whose rules are all phrase patterns needs no module of its own: `PhraseDetector(type)`
is its registry entry in coach/detectors/__init__.py.
"""
from __future__ import annotations

from dataclasses import dataclass

from coach.detectors.context import DocContext, Hit
from coach.pipeline.features import is_question
from coach.rules import rules_by_id


@dataclass(frozen=True)
class PhraseDetector:
    """A detector that is nothing but its type's phrase rules (hedge, minimizing, oversharing)."""

    TYPE: str

    def detect(self, ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
        """This type's phrase-rule hits."""
        return phrase_hits_of_type(ctx, self.TYPE)


def phrase_hits_of_type(ctx: DocContext, flag_type: str) -> list[Hit]:
    """This type's phrase-rule hits, minus those whose rule says the draft already answers them.

    `unless_specific`: silent when the phrase's own clause has concrete detail (a number, date or
    named resource): "I made three changes" is not vague.
    `unless_part`: silent when the draft has that part ("I worked harder" is vague only when no
    concrete change is given anywhere).
    """
    return _sift(ctx, flag_type)[0]


def excused_sentences(ctx: DocContext, flag_type: str) -> set[int]:
    """Sentences where a rule matched but the draft already answers it (see `phrase_hits_of_type`).

    The learned detector must respect that judgement, or it would flag the very sentence a
    rule just excused ("I did change things", followed by the concrete changes).
    """
    return _sift(ctx, flag_type)[1]


def _sift(ctx: DocContext, flag_type: str) -> tuple[list[Hit], set[int]]:
    rules = rules_by_id()
    kept, excused = [], set()
    for h in ctx.phrase_hits:
        rule = rules[h.rule]
        if rule.type != flag_type:
            continue
        if (rule.params.get("unless_specific") and ctx.clause_is_specific(h.start, h.end)) or \
                rule.params.get("unless_part") in ctx.parts_present:
            excused.add(ctx.sent_index(h.start))
            continue
        kept.append(Hit(flag_type, h.rule, h.start, h.end))
    return kept, excused


def model_backup(ctx: DocContext, flag_type: str, found: list[Hit], threshold: float,
                 skip_specific: bool = False) -> list[Hit]:
    """Sentence-level model flags where no rule of this type fired in the sentence.

    The learned detector catches phrasings the word lists miss; it covers the sentence minus
    leading fillers and trailing punctuation, and says `model:<type>` so users know why.
    `skip_specific` leaves alone sentences with concrete detail (numbers, dates, resources).
    Questions to the reader are never flagged by the model (training applies the same condition).
    """
    covered = {ctx.sent_index(h.start) for h in found} | excused_sentences(ctx, flag_type)
    covered |= {i for i, sent in enumerate(ctx.sents) if is_question(sent)}
    if skip_specific:
        covered |= ctx.specific_sents
    out = []
    for i, scores in enumerate(ctx.detector_scores):
        if i in covered or scores.get(flag_type, 0.0) < threshold:
            continue
        sent = ctx.sents[i]
        start, end = sent.start, sent.end
        while start < end and (ctx.doc[start].is_punct or ctx.doc[start].is_space):
            start += 1
        while end > start and (ctx.doc[end - 1].is_punct or ctx.doc[end - 1].is_space):
            end -= 1
        if end > start:
            out.append(Hit(flag_type, f"model:{flag_type}", start, end))
    return out
