"""Passive agency: agentless passives about the problem (data/passive_agency.toml)."""
from __future__ import annotations

from coach.detectors.context import DocContext, Hit
from coach.rules import rules_by_id
from coach.rules.dependency import passive_hits

TYPE = "passive_agency"
RULE = "passive:hidden-agent"


def detect(ctx: DocContext, model_threshold: float | None = None) -> list[Hit]:
    """Dependency hits in every sentence."""
    rule = rules_by_id()[RULE]
    return [Hit(TYPE, RULE, s, e) for sent in ctx.sents for s, e in passive_hits(sent, rule)]
