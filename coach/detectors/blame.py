"""Blame: an outside agent as the cause with no first-person ownership nearby.

Three sources, all silenced by an ownership cue in the same or an adjacent sentence: the
dependency rule (agent as subject of a negative predicate), shifting idioms and grievance cues,
and the learned sentence detector (only on sentences that name a person or institution).
"""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.detectors.phrase_based import model_backup, phrase_hits_of_type
from coach.pipeline.features import OUTSIDE_PEOPLE
from coach.rules import rules_by_id
from coach.rules.dependency import blame_hits, names_outside_agent

TYPE = "blame"
DEP_RULE = "blame:outside-agent"


def detect(ctx: DocContext, model_threshold: float | None) -> list[Hit]:
    """Blame hits outside sentences that take ownership."""
    rule = rules_by_id()[DEP_RULE]
    hits = phrase_hits_of_type(ctx, TYPE)
    for sent in ctx.sents:
        hits += [Hit(TYPE, DEP_RULE, s, e) for s, e in blame_hits(sent, rule)]
    if model_threshold is not None:
        # The learned detector may only flag a sentence that names a person or institution to
        # carry the cause (training tunes its threshold under the same condition).
        hits += [h for h in model_backup(ctx, TYPE, hits, model_threshold)
                 if names_outside_agent(ctx.sents[ctx.sent_index(h.start)], OUTSIDE_PEOPLE)]
    return [h for h in hits if not ctx.owned_near(ctx.sent_index(h.start))]
