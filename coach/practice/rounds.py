"""The rehearsal loop, headless: one question, the answer's feedback, and the interviewer's follow-up.

A round is one bank question plus up to `MAX_FOLLOW_UPS` follow-ups. After each answer the
follow-up is chosen from the analysis the way an interview coach would: a contradiction first
(it is what a committee remembers), then blame, vagueness, minimizing, then the missing part. The
round ends when the answer has all three parts, no high-severity flag and no contradiction, or
after the third follow-up. The CLI and the app both go through `assess()`, so they agree.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from coach.practice.bank import Bank, Question, load_bank
from coach.practice.consistency import Contradiction, find_contradictions
from coach.vocab import COMPONENTS

MAX_FOLLOW_UPS = 3
SOURCE_WORDS = {"MSPE": "MSPE", "statement": "personal statement", "earlier answer": "earlier answer"}


def _limits() -> tuple[int, tuple[int, int]]:
    """Words per minute and the spoken band, from the project's one home for limits when present."""
    try:
        from coach.limits import limits

        lim = limits()
        return lim.words_per_minute, tuple(lim.interview_seconds)
    except Exception:  # noqa: BLE001 - older layout or a broken limits file: the documented figures
        return 150, (60, 120)


@dataclass(frozen=True)
class SpokenLength:
    """How long the answer takes to say at an interview pace, against the expected band."""

    seconds: int
    low: int
    high: int

    @property
    def verdict(self) -> str:
        return "short" if self.seconds < self.low else "long" if self.seconds > self.high else "ok"

    def describe(self) -> str:
        m, s = divmod(self.seconds, 60)
        said = f"about {m}:{s:02d}"
        band = f"{self.low}–{self.high} s"
        if self.verdict == "short":
            return f"{said} — shorter than the {band} interviewers expect; add detail on what changed"
        if self.verdict == "long":
            return f"{said} — longer than the {band} interviewers expect; trim the context"
        return f"{said} — within the {band} band"

    def to_dict(self) -> dict:
        return {"seconds": self.seconds, "band": [self.low, self.high], "verdict": self.verdict}


def spoken_length(word_count: int) -> SpokenLength:
    """words ÷ words-per-minute, in seconds, with the interview band."""
    wpm, (low, high) = _limits()
    return SpokenLength(round(word_count * 60 / wpm), low, high)


def missing_parts(report) -> list[str]:
    return [c for c in COMPONENTS if not report.components[c].present]


def weaknesses(report, contradictions: list[Contradiction]) -> list[str]:
    """What an interviewer would press on, most pressing first."""
    types = {f.type for f in report.flags}
    out = []
    if contradictions or "mspe_mismatch" in types:
        out.append("contradiction")
    out += [t for t in ("blame", "vague", "minimizing") if t in types]
    missing = set(missing_parts(report))
    out += [w for part, w in (("evidence", "no_evidence"), ("change", "no_change"), ("context", "no_context"))
            if part in missing]
    if "oversharing" in types:
        out.append("oversharing")
    if spoken_length(report.word_count).verdict == "long":
        out.append("too_long")
    if any(f.severity == "error" for f in report.flags) and not out:
        out.append("severe")
    return out


def round_complete(report, contradictions: list[Contradiction]) -> bool:
    """All three parts, no high-severity flag, nothing contradicting what the student said before."""
    return (not missing_parts(report) and not contradictions
            and not any(f.severity == "error" for f in report.flags))


@dataclass(frozen=True)
class FollowUp:
    weakness: str
    text: str


def choose_follow_up(report, contradictions: list[Contradiction], asked: list[str], tone: str = "neutral",
                     bank: Bank | None = None) -> FollowUp | None:
    """The next follow-up, or None when the round is over. A weakness already pressed this round
    is asked again only when nothing else is left (the interviewer moves on, as a person would)."""
    if round_complete(report, contradictions) or len(asked) >= MAX_FOLLOW_UPS:
        return None
    bank = bank or load_bank()
    found = weaknesses(report, contradictions) or ["severe"]
    fresh = [w for w in found if w not in asked]
    weakness = (fresh or found)[0]
    template = bank.follow_up(weakness, tone)
    if weakness == "contradiction" and contradictions:
        c = contradictions[0]
        # our template, their words as plain values: user text is never treated as a template
        text = template.format_map({"source": SOURCE_WORDS.get(c.source, c.source), "theirs": c.other,
                                    "ours": c.said})
    elif weakness == "contradiction":
        text = "Your answer and your MSPE disagree on a fact — which is right?"
    else:
        text = template
    return FollowUp(weakness, text)


@dataclass
class Round:
    """One question and its follow-ups, as the student goes through them."""

    question: Question
    tone: str = "neutral"
    round_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    asked: list[str] = field(default_factory=list)      # weaknesses pressed so far
    prompt: str = ""                                    # what the interviewer is asking now
    done: bool = False

    def __post_init__(self) -> None:
        self.prompt = self.prompt or self.question.text(self.tone)

    @property
    def is_follow_up(self) -> bool:
        return bool(self.asked)


@dataclass(frozen=True)
class AttemptResult:
    """One scored answer: the report, what it contradicts, the spoken length and what comes next."""

    report: object  # coach.report.document.Report
    question: Question
    prompt: str
    attempt_id: int | None
    duration_s: float | None
    spoken: SpokenLength
    contradictions: tuple[Contradiction, ...]
    follow_up: FollowUp | None
    round_complete: bool
    is_follow_up: bool = False  # this answer was to a follow-up, not to the bank question

    def to_dict(self) -> dict:
        """The report contract plus `question`, `attempt` and `follow_up`."""
        out = self.report.to_dict()
        out["question"] = {"id": self.question.id, "text": self.prompt, "topic": self.question.topic,
                           "is_follow_up": self.is_follow_up}
        out["attempt"] = {"id": self.attempt_id, "duration_s": self.duration_s, "spoken": self.spoken.to_dict(),
                          "missing": missing_parts(self.report),
                          "contradictions": [c.to_dict() for c in self.contradictions],
                          "round_complete": self.round_complete}
        out["follow_up"] = ({"weakness": self.follow_up.weakness, "text": self.follow_up.text}
                            if self.follow_up else None)
        return out


def assess(report, rnd: Round, *, history=None, statement: str = "", duration_s: float | None = None,
           bank: Bank | None = None) -> AttemptResult:
    """Check the analysed answer against what the student said before, choose the follow-up,
    store the attempt (one transaction) and advance the round. Never re-analyses."""
    earlier = []
    if history is not None:
        earlier = [(a.id, a.answer) for a in history.attempts(red_flag=report.red_flag, limit=60)
                   if a.red_flag == report.red_flag]
    contradictions = find_contradictions(report.text, report=report, statement=statement, earlier=earlier)
    complete = round_complete(report, contradictions)
    follow = choose_follow_up(report, contradictions, rnd.asked, rnd.tone, bank)
    attempt_id = None
    if history is not None:
        attempt_id = history.add(
            round_id=rnd.round_id, question_id=rnd.question.id, question=rnd.prompt,
            is_follow_up=rnd.is_follow_up, answer=report.text, kind=report.kind, red_flag=report.red_flag,
            duration_s=duration_s, word_count=report.word_count, scores=dict(report.scores),
            flags=[{"type": f.type, "rule": f.rule, "severity": f.severity, "text": f.text} for f in report.flags],
            missing=missing_parts(report), follow_up=follow.text if follow else None,
            contradictions=[c.to_dict() for c in contradictions])
    result = AttemptResult(report, rnd.question, rnd.prompt, attempt_id, duration_s,
                           spoken_length(report.word_count), tuple(contradictions), follow, complete,
                           rnd.is_follow_up)
    if follow is None:
        rnd.done = True
    else:
        rnd.asked.append(follow.weakness)
        rnd.prompt = follow.text
    return result
