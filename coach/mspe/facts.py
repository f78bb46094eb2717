"""The checkable facts of one text (a draft or an MSPE excerpt), grouped into events.

The same extractor reads both sides, so a fact is only ever compared with a fact found the same
way. A *cue* ("did not pass", "passed", "retook", "took a leave", "returned") opens a frame that
runs to the next cue or clause boundary; the dates, attempt numbers and lengths inside the frame
belong to the frame's subject: the exam, course or clerkship named right at the cue, or else the
one the text was last talking about ("He passed on his second attempt in September 2023").
Plural or quantified mentions ("every clerkship since", "all subsequent coursework") are about
*other* things and are left out, which is what keeps "I have passed every course since on the
first attempt" from contradicting a course failure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from coach.mspe.dates import When, find_dates, find_ranges
from coach.mspe.mentions import (
    Attempt,
    Cue,
    Length,
    Subject,
    category_of,
    find_attempts,
    find_cues,
    find_lengths,
    find_subjects,
    lex,
)

LEAVE = "leave"
UNKNOWN = "unknown:*"
HEAD_WINDOW = 45   # characters from a cue to the subject it governs ("did not pass the USMLE Step 1")
CHAIN_WINDOW = 45  # characters between coordinated subjects ("Anatomy and Physiology")
PRE_WINDOW = 60    # characters from a subject to a later cue about it ("my Step 2 CK result … fell short")
LENGTH_WINDOW = 45  # characters between a leave and its length ("a leave from … to …, about ten months")


@dataclass
class Event:
    """Everything one text says about one subject (an exam, a course, a clerkship, the leave)."""

    key: str
    category: str
    mentions: list[Subject] = field(default_factory=list)   # every mention, for rewording
    anchors: list[Subject] = field(default_factory=list)    # mentions a cue governs, for flag spans
    roles: set[str] = field(default_factory=set)
    dates: dict[str, list[When]] = field(default_factory=dict)
    passed_on: list[Attempt] = field(default_factory=list)
    failed_on: list[Attempt] = field(default_factory=list)
    failed_count: list[Attempt] = field(default_factory=list)
    totals: list[Attempt] = field(default_factory=list)      # attempts in all ("took it three times")
    one_retake: bool = False                                 # "the retake", "retook it": one more try
    lengths: list[Length] = field(default_factory=list)
    ranges: list[tuple[When, When]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest wording of the subject ("USMLE Step 1" rather than "Step 1")."""
        named = [m for m in self.mentions if m.specific]
        return max((m.name for m in named), key=len) if named else self.key.split(":", 1)[-1]

    @property
    def adverse(self) -> bool:
        """Did something go wrong here (failure, remediation, concern) or was more than one try needed?"""
        return bool(self.roles & {"fail", "concern"}) or any((a.number or 0) > 1 for a in self.passed_on) \
            or bool(self.failed_count)

    def add_date(self, role: str, when: When) -> None:
        """Record a date in a role (once)."""
        self.dates.setdefault(role, [])
        if when not in self.dates[role]:
            self.dates[role].append(when)

    def to_dict(self) -> dict:
        """Plain JSON for `MspeResult.facts`."""
        return {
            "subject": self.key, "name": self.name, "category": self.category, "roles": sorted(self.roles),
            "dates": {r: [w.text for w in ws] for r, ws in sorted(self.dates.items())},
            "passed_on_attempt": [a.number for a in self.passed_on],
            "failed_attempts": [a.number for a in self.failed_on],
            "failed_count": [a.count for a in self.failed_count],
            "total_attempts": [a.total for a in self.totals],
            "lengths": [x.text for x in self.lengths],
            "ranges": [[a.text, b.text] for a, b in self.ranges],
        }


@dataclass
class Facts:
    """All events of one text, keyed by subject, plus the text they came from."""

    text: str
    events: dict[str, Event] = field(default_factory=dict)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def event(self, key: str) -> Event:
        """The event for a subject, created on first use."""
        if key not in self.events:
            self.events[key] = Event(key, "leave" if key == LEAVE else category_of(key))
        return self.events[key]

    def to_dict(self) -> dict:
        """Plain JSON: the events that say something."""
        return {"events": [e.to_dict() for e in self.events.values() if e.roles or e.dates]}


@dataclass
class _Frame:
    role: str
    start: int
    end: int
    keys: list[str]
    own: list[Subject]


@lru_cache(maxsize=1)
def _shape() -> tuple[re.Pattern, re.Pattern]:
    clauses = lex()["clauses"]
    return (re.compile("|".join(f"(?:{b})" for b in clauses["boundaries"]), re.I),
            re.compile(clauses["continuation"], re.I))


_ONE_RETAKE = re.compile(r"\b(?:the|my|a|one)\s+re-?take\b(?!\s+(?:of|for)\s+(?:the|my)\s+(?:block|practice))|\bre-?took\s+it\b", re.I)

_SENT = re.compile(r"(?<!\b[MD]rs)(?<!\b[MD]r)(?<!\bMs)(?<!\bSt)(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """A plain fallback splitter for callers without a spaCy Doc (tests, tools)."""
    out, pos = [], 0
    for m in _SENT.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    for m in _shape()[0].finditer(text, start, end):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _inside(items, start: int, end: int) -> list:
    return [x for x in items if start <= x.start < end]


def _own_subjects(subjects: list[Subject], cue: Cue, start: int, end: int) -> list[Subject]:
    """Subjects a cue governs: those just before it in its frame, then the chain right after it.

    A cue with a pronoun object ("took it") governs nothing after it: "it" is the subject in focus.
    """
    own = [s for s in _inside(subjects, start, cue.start) if cue.start - s.end <= PRE_WINDOW]
    if re.search(r"\b(?:it|them)$", cue.text, re.I):
        return own
    after = [s for s in _inside(subjects, cue.end, end)]
    prev_end = cue.end
    for i, s in enumerate(after):
        gap = s.start - prev_end
        if i == 0 and gap <= HEAD_WINDOW or i > 0 and own and own[-1] is after[i - 1] and gap <= CHAIN_WINDOW and \
                s.category == own[-1].category:
            own.append(s)
        else:
            break
        prev_end = s.end
    return own


class _Reader:
    """Walks the sentences once, keeping the subject in focus, and fills a `Facts`."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self.cues = find_cues(text)
        self.subjects = find_subjects(text, [c for c in self.cues if c.role == "fail"])
        self.dates = find_dates(text)
        self.ranges = find_ranges(text, self.dates)
        self.attempts = find_attempts(text)
        self.lengths = find_lengths(text)
        self.facts = Facts(text, sentences=list(sentences))
        self.focus: list[str] = []

    def run(self) -> Facts:
        """Read every sentence, clause by clause, frame by frame."""
        for s in self.subjects:
            if s.specific:
                self.facts.event(s.key).mentions.append(s)
        prev_last: _Frame | None = None
        for a, b in self.sentences:
            cont = not _inside(self.cues, a, b) and bool(_shape()[1].match(self.text, a, b))
            last: _Frame | None = None
            for k, (ca, cb) in enumerate(_clauses(self.text, a, b)):
                for frame in self._frames(ca, cb, last or (prev_last if cont and k == 0 else None)):
                    self._assign(frame)
                    last = frame
            prev_last = last
        return self.facts

    def _frames(self, a: int, b: int, base: _Frame | None) -> list[_Frame]:
        cues = _inside(self.cues, a, b)
        if not cues:
            if base is None:
                return []
            own = [s for s in _inside(self.subjects, a, b) if s.specific]
            # a clause only continues the previous statement about the same kind of thing
            # ("— Biochemistry in the fall and then Immunology in the spring"), not a new topic
            # ("…; I had honors in every clerkship and a 244 on Step 2")
            base_cats = {category_of(k) for k in base.keys}
            if any(category_of(s.key) not in base_cats for s in own):
                return []
            keys = self._resolve(base.role, own, a) if own else base.keys
            return [_Frame(base.role, a, b, keys, own)] if keys else []
        frames = []
        for i, cue in enumerate(cues):
            fa = a if i == 0 else cue.start
            fb = cues[i + 1].start if i + 1 < len(cues) else b
            if cue.role in ("leave", "return"):
                frames.append(_Frame(cue.role, fa, fb, [LEAVE], []))
                continue
            own = _own_subjects(self.subjects, cue, fa, fb)
            keys = self._resolve(cue.role, own, fa)
            if keys:
                frames.append(_Frame(cue.role, fa, fb, keys, own))
        return frames

    def _resolve(self, role: str, own: list[Subject], pos: int) -> list[str]:
        """Which subjects a frame is about; updates the focus when it names them."""
        specific = list(dict.fromkeys(s.key for s in own if s.specific))
        if specific:
            self.focus = specific
            return specific
        generic = [s for s in own if not s.specific]
        if generic:
            g = generic[0]
            if g.quant == "others":
                return []
            same = [k for k in self.focus if category_of(k) == g.category and _family_ok(g.key, k)]
            if not same and not self.focus:
                self.focus = [g.key]  # "the neuro course, I didn't pass it": later "it" is that course
            return same or [g.key]
        if self.focus:
            return list(self.focus)
        earlier = [s for s in self.subjects if s.specific and s.end <= pos]
        return [earlier[-1].key] if earlier else [UNKNOWN]

    def _assign(self, f: _Frame) -> None:
        """Record the frame's role, dates, attempts and lengths on its events."""
        for s in f.own:
            if s.specific:
                self.facts.event(s.key).anchors.append(s)
        for key in f.keys:
            self.facts.event(key).roles.add(f.role)
        dates = _inside(self.dates, f.start, f.end)
        if f.role == "leave":
            self._assign_leave(f, dates)
            return
        if f.role == "return":
            for w in dates:
                self.facts.event(LEAVE).add_date("return", w)
            return
        for w in dates:
            for key in self._keys_at(f, w.start):
                self.facts.event(key).add_date(f.role, w)
        for a in _inside(self.attempts, f.start, f.end):
            for key in self._keys_at(f, a.start):
                ev = self.facts.event(key)
                if f.role == "pass" and a.number:
                    ev.passed_on.append(a)
                elif f.role in ("fail", "concern") and a.number:
                    ev.failed_on.append(a)
                elif f.role in ("fail", "concern") and a.count:
                    ev.failed_count.append(a)
                elif f.role == "retake" and a.number and "pass" in ev.roles and a.number > 1:
                    ev.passed_on.append(a)  # "passed on re-examination on the second attempt"
                elif f.role == "take" and a.count:
                    ev.totals.append(Attempt(a.start, a.end, a.text, total=a.count))  # "took it three times"
                elif a.total:
                    ev.totals.append(a)
        if f.role == "retake" and _ONE_RETAKE.search(self.text, max(0, f.start - 8), f.end):
            for key in f.keys:
                self.facts.event(key).one_retake = True

    def _assign_leave(self, f: _Frame, dates: list[When]) -> None:
        ev = self.facts.event(LEAVE)
        in_range = set()
        for r in self.ranges:
            if f.start <= r.first.start < f.end:
                ev.ranges.append((r.first, r.last))
                ev.add_date("start", r.first)
                ev.add_date("end", r.last)
                in_range |= {r.first, r.last}
        for w in dates:
            if w not in in_range:
                ev.add_date("during", w)
        cue = next((c for c in self.cues if c.role == "leave" and f.start <= c.start < f.end), None)
        for x in _inside(self.lengths, f.start, f.end):
            # a length far from the leave words is usually about something else ("for a year")
            near = cue is not None and (abs(x.start - cue.end) <= LENGTH_WINDOW or abs(cue.start - x.end) <= LENGTH_WINDOW)
            if near or re.match(r"(?:for\s+)?the\s+(?:whole|full|entire)\b", x.text, re.I):
                ev.lengths.append(x)

    def _keys_at(self, f: _Frame, pos: int) -> list[str]:
        """The frame subjects a date or attempt at `pos` belongs to.

        After a named subject it belongs to that subject and the ones coordinated with it
        ("Anatomy and Physiology in 2022"); before any, to all of them ("In April 2023 I failed Step 1").
        """
        named = [s for s in f.own if s.specific and s.key in f.keys]
        before = [s for s in named if s.end <= pos]
        if not before:
            return f.keys
        run = [before[-1]]
        for s in reversed(before[:-1]):
            if any(s.end <= d.start < run[0].start for d in self.dates):
                break
            run.insert(0, s)
        return list(dict.fromkeys(s.key for s in run))


def _family_ok(generic: str, key: str) -> bool:
    """Does an unnamed subject ("COMLEX", "the shelf") fit a named one?"""
    fam = generic.split(":", 1)[0]
    return fam in ("licensing", "course", "clinical", "subi") or key.startswith(fam + ":")


def extract(text: str, sentences: list[tuple[int, int]] | None = None) -> Facts:
    """The facts of a text; `sentences` are character spans (from a spaCy Doc when available)."""
    return _Reader(text, sentences if sentences is not None else split_sentences(text)).run()


def subject_matches(a: str, b: str) -> bool:
    """Do two subject keys name the same thing? Course names match on their words
    ("Biochemistry" ~ "Medical Biochemistry"; "Pharmacology I" ≁ "Pharmacology II")."""
    if a == b:
        return True
    if a.startswith("course:") and b.startswith("course:") and "*" not in (a[-1], b[-1]):
        stop = {"medical", "the", "course", "of", "and", "principles", "introduction", "to", "block", "module"}
        wa = set(a[7:].split()) - stop
        wb = set(b[7:].split()) - stop
        return bool(wa and wb) and (wa <= wb or wb <= wa)
    return False


def generic_covers(generic: str, key: str) -> bool:
    """Can an unnamed subject of the draft ("COMLEX", "my boards", "the course") stand for `key`?"""
    if not generic.endswith("*") or generic == UNKNOWN:
        return generic == UNKNOWN
    return category_of(generic) == category_of(key) and _family_ok(generic, key)


__all__ = ["Event", "Facts", "extract", "subject_matches", "generic_covers", "split_sentences", "LEAVE", "UNKNOWN"]
