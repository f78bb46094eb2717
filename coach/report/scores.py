"""Scores: one overall number and three sub-scores, each 0–100, from the report's findings.

The formula (also in the README, so users can see why a score moved):

    structure   = 100 × (parts present among context, change, evidence) / 3
    specificity = 100 − 15·vague − 10·passive_agency − 5·hedge − 5·oversharing,
                  capped at 40 + 20·details, where details counts the words of concrete
                  detail (numbers, dates, named resources): none caps it at 40, three or more
                  lift the cap
    ownership   = 100 − 25·blame − 15·minimizing − 5·hedge
    overall     = 0.5·structure + 0.25·specificity + 0.25·ownership
                  − 10 per length warning − 20 per length error,
                  capped at 25 when none of the three parts is present

Each count is the number of findings of that type; every result is clamped to 0–100 and rounded.
Structure weighs half because a committee's first question is whether the three parts are there.
The two caps keep the numbers honest with the checklist: a draft without a single checkable
detail cannot be "specific", and a draft with none of the three parts cannot look a third good
because its tone is calm.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from coach.report.findings import Finding

NO_DETAIL_CAP = 40      # specificity with no concrete detail at all
PER_DETAIL = 20         # each word of concrete detail lifts that cap, up to 100
NO_PARTS_CAP = 25       # overall when none of context, change and evidence is there


def _clamp(x: float) -> int:
    return int(round(min(100.0, max(0.0, x))))


def compute_scores(present: Iterable[bool], findings: list[Finding], concrete_details: int) -> dict[str, int]:
    """All scores for one draft; pure so the formula is tested directly."""
    n = Counter(f.type for f in findings)
    parts = sum(bool(p) for p in present)
    structure = 100 * parts / 3
    specificity = 100 - 15 * n["vague"] - 10 * n["passive_agency"] - 5 * n["hedge"] - 5 * n["oversharing"]
    specificity = min(specificity, NO_DETAIL_CAP + PER_DETAIL * max(concrete_details, 0))
    ownership = 100 - 25 * n["blame"] - 15 * n["minimizing"] - 5 * n["hedge"]
    penalty = sum(10 if f.severity == "warning" else 20 if f.severity == "error" else 0
                  for f in findings if f.type == "length")
    overall = 0.5 * structure + 0.25 * _clamp(specificity) + 0.25 * _clamp(ownership) - penalty
    if parts == 0:
        overall = min(overall, NO_PARTS_CAP)
    return {
        "overall": _clamp(overall),
        "structure": _clamp(structure),
        "specificity": _clamp(specificity),
        "ownership": _clamp(ownership),
    }
