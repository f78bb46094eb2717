"""Does this answer tell the same story as the statement, the MSPE and the earlier answers?

The facts (exam, dates, attempts, leave) come from `coach.mspe`, which another part of the project
owns and keeps improving; `_compare_facts` is the one place that calls it, and it degrades to "no
contradictions" rather than crash if that API moves. The MSPE itself is compared by the analysis
(`Report.mspe`), so its contradictions are read from the report, not computed twice.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

MAX_EARLIER = 12  # earlier answers compared (the most recent distinct ones): a rehearsal, not an audit


@dataclass(frozen=True)
class Contradiction:
    """One fact told two ways: what this answer says and what the other text says."""

    source: str        # "MSPE", "statement" or "earlier answer"
    fact: str          # e.g. "date_failed", "exam", "attempts"
    said: str          # this answer's wording
    other: str         # the other text's wording
    message: str
    attempt_id: int | None = None  # the earlier answer's id, when the source is one

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=512)
def _facts(text: str):
    """The facts of one text, extracted once per process (earlier answers come back every time)."""
    from coach.mspe.facts import extract

    return extract(text)


@lru_cache(maxsize=2048)
def _compare_facts(answer: str, other: str) -> tuple[tuple[str, str, str], ...]:
    """(fact, answer wording, other wording) for each fact the two texts state differently."""
    try:
        from coach.mspe.compare import compare

        theirs = _facts(other)
        if not getattr(theirs, "events", True):
            return ()  # the other text states no fact at all: nothing to compare
        result, _ = compare(_facts(answer), theirs)
        return tuple((f.fact, f.draft, f.mspe) for f in result.findings if f.draft and f.mspe)
    except Exception:  # noqa: BLE001 - an API change upstream must not break a rehearsal
        return ()


def _fact_words(fact: str) -> str:
    return {"date_failed": "the date of the failed attempt", "date_passed": "the date of the pass",
            "date_taken": "the exam date", "attempts": "the number of attempts",
            "leave_dates": "the dates of the leave", "leave_end": "when the leave ended",
            "leave_return": "when you returned"}.get(fact, fact.replace("_", " "))


def _message(source: str, fact: str, said: str, other: str) -> str:
    return f"About {_fact_words(fact)}: you said “{said}”; your {source} says “{other}”."


def find_contradictions(answer: str, *, report=None, statement: str = "", earlier=()) -> list[Contradiction]:
    """Contradictions of `answer` with the MSPE (from the report), the statement and earlier answers.

    `earlier` is a sequence of (attempt id, answer text), most recent last. Each fact is reported
    once per source: the earliest answer that disagrees is enough to show the student.
    """
    out: list[Contradiction] = []
    seen: set[tuple[str, str, str, str]] = set()

    def add(source: str, fact: str, said: str, other: str, attempt_id: int | None = None) -> None:
        key = (source, fact, said.casefold(), other.casefold())
        if key not in seen:
            seen.add(key)
            out.append(Contradiction(source, fact, said, other, _message(source, fact, said, other), attempt_id))

    mspe = getattr(report, "mspe", None)
    for f in getattr(mspe, "findings", ()) or ():
        if f.draft and f.mspe:
            add("MSPE", f.fact, f.draft, f.mspe)
    if statement.strip():
        for fact, said, other in _compare_facts(answer, statement):
            add("statement", fact, said, other)
    distinct: dict[str, int] = {}
    for attempt_id, text in earlier:  # most recent last; keep the latest id of each distinct text
        if text and text.strip() and text != answer:
            distinct.pop(text, None)
            distinct[text] = attempt_id
    for text, attempt_id in list(distinct.items())[-MAX_EARLIER:]:
        for fact, said, other in _compare_facts(answer, text):
            if not any(c.source == "earlier answer" and c.fact == fact for c in out):
                add("earlier answer", fact, said, other, attempt_id)
    return out
