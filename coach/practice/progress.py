"""What the progress view shows, computed from stored attempts (headless, so it is tested plainly).

Scores over attempts for the charts, and the parts and flags that keep coming back in the recent
answers — the things to work on next.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from coach.vocab import COMPONENTS

SCORES = ("overall", "structure", "specificity", "ownership")
RECENT = 10


@dataclass(frozen=True)
class Progress:
    attempts: int
    series: dict[str, list[int]]           # score name → values, oldest first
    recent: int                            # how many recent answers the counts below cover
    missing: list[tuple[str, int]]         # part → answers that lacked it (most first)
    flags: list[tuple[str, int]]           # flag type → answers that had it (most first)
    contradictions: int                    # recent answers that contradicted something

    def trend(self, score: str) -> str:
        """A plain-words summary of one series: first, best and latest."""
        values = self.series.get(score) or []
        if not values:
            return "no attempts yet"
        return f"latest {values[-1]} · best {max(values)} · first {values[0]}"


def summarise(attempts, recent: int = RECENT) -> Progress:
    """`attempts` oldest first (store.Attempt records)."""
    series = {s: [int(a.scores.get(s, 0)) for a in attempts if s in a.scores] for s in SCORES}
    last = list(attempts)[-recent:]
    missing = Counter(p for a in last for p in set(a.missing))
    flags = Counter(t for a in last for t in {f.get("type") for f in a.flags if isinstance(f, dict)} if t)
    return Progress(
        attempts=len(attempts), series=series, recent=len(last),
        missing=sorted(((p, missing[p]) for p in COMPONENTS if missing[p]), key=lambda x: -x[1]),
        flags=flags.most_common(),
        contradictions=sum(1 for a in last if a.contradictions),
    )
