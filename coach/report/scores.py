"""Scores: one overall number and three sub-scores, each 0–100, from the report's findings.

The formula (also in the README, so users can see why a score moved):

    structure   = 100 × (parts present among context, change, evidence) / 3
    specificity = 100 − 15·vague − 10·passive_agency − 5·hedge − 5·oversharing,
                  capped at 60 when the draft has no concrete detail at all
                  (no number, date or named resource)
    ownership   = 100 − 25·blame − 15·minimizing − 5·hedge
    overall     = 0.5·structure + 0.25·specificity + 0.25·ownership
                  − 10 per length warning − 20 per length error

Each count is the number of findings of that type; every result is clamped to 0–100 and rounded.
Structure weighs half because a committee's first question is whether the three parts are there.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from coach.report.findings import Finding

NO_DETAIL_CAP = 60


def _clamp(x: float) -> int:
    return int(round(min(100.0, max(0.0, x))))


def compute_scores(present: Iterable[bool], findings: list[Finding], concrete_details: int) -> dict[str, int]:
    """All scores for one draft; pure so the formula is tested directly."""
    n = Counter(f.type for f in findings)
    structure = 100 * sum(bool(p) for p in present) / 3
    specificity = 100 - 15 * n["vague"] - 10 * n["passive_agency"] - 5 * n["hedge"] - 5 * n["oversharing"]
    if concrete_details == 0:
        specificity = min(specificity, NO_DETAIL_CAP)
    ownership = 100 - 25 * n["blame"] - 15 * n["minimizing"] - 5 * n["hedge"]
    penalty = sum(10 if f.severity == "warning" else 20 if f.severity == "error" else 0
                  for f in findings if f.type == "length")
    overall = 0.5 * structure + 0.25 * _clamp(specificity) + 0.25 * _clamp(ownership) - penalty
    return {
        "overall": _clamp(overall),
        "structure": _clamp(structure),
        "specificity": _clamp(specificity),
        "ownership": _clamp(ownership),
    }
