"""Guess which red flag a draft explains, from lexicon patterns in `lexicons/red_flags.toml`.

A mention counts three times in a sentence that talks about failing, repeating or leaving, so a
leave-of-absence draft that says "I passed Step 1 on my first attempt" is still a leave.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from coach.rules import lexicon
from coach.rules.patterns import token_patterns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

FAILURE_GROUPS = {"failure"}
COURSE_NAMES = {
    "anatomy", "physiology", "biochemistry", "pharmacology", "pathology", "microbiology",
    "immunology", "neuroscience", "histology", "genetics", "cardiology", "renal", "pulmonary",
    "musculoskeletal", "endocrine", "hematology", "embryology", "neurology", "biostatistics",
}


@lru_cache(maxsize=4)
def _matcher(vocab):
    from coach.rules.engine import AnchoredMatcher

    m = AnchoredMatcher(vocab)
    for entry in lexicon("red_flags")["type"]:
        m.add(entry["name"], token_patterns(entry["patterns"]))
    return m


def _order() -> list[str]:
    return [e["name"] for e in lexicon("red_flags")["type"]]


def detect_red_flag(doc: "Doc", sents: list["Span"], lexicon_hits: list[tuple[str, int, int]]) -> str | None:
    """The most strongly signalled red-flag type, or None when nothing matches."""
    failing = {i for i, s in enumerate(sents) for g, hs, _ in lexicon_hits if g in FAILURE_GROUPS and s.start <= hs < s.end}
    starts = [s.start for s in sents]
    score: Counter[str] = Counter()
    for key, start, _ in _matcher(doc.vocab)(doc):
        i = max(k for k, st in enumerate(starts) if st <= start) if starts else 0
        score[key] += 3 if i in failing else 1
    if not score:
        return None
    failed_courses = {t.lower_ for i in failing for t in sents[i] if t.lower_ in COURSE_NAMES}
    if len(failed_courses) >= 2 and score["course_fail"]:
        score["multiple_course_fail"] += score["course_fail"]
    order = _order()
    return max(score, key=lambda k: (score[k], -order.index(k)))
