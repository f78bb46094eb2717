"""Facts a record states once for the whole story, compared slot by slot: the kind of leave,
how failed coursework was made good (courses remediated or the year repeated), how many courses
failed, and how long a remediation lasted.

These do not hang off one exam or course the way dates and attempts do (`coach.mspe.facts`), so
they are read from the sentences that talk about them. A slot is compared only when both texts
state it; a slot only the MSPE states is a note. The words come from `lexicons/mspe.toml`
(`[leave_type]`, `[outcome_path]`, `[course_count]`, `[remediation_length]`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.mspe.facts import LEAVE, Facts
from coach.mspe.mentions import Length, _alt, find_cues, find_lengths, find_subjects, lex

# A draft that names its failed courses one by one counts them: naming fewer than the MSPE lists
# reads to a committee as leaving one out.
NAMED_MIN = 1


@dataclass(frozen=True)
class Value:
    """One statement of a slot: its value and the words (with offsets) that state it."""

    value: object
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _rx() -> dict:
    x = lex()
    cc = x["course_count"]
    nums = _alt(list(cc["numbers"]))
    return {
        "leave": {t: [re.compile(p, re.I) for p in ps] for t, ps in x["leave_type"].items() if t != "compatible"},
        "path": {t: [re.compile(p, re.I) for p in ps] for t, ps in x["outcome_path"].items()},
        "count": re.compile(rf"\b(?P<n>{nums})\s+(?:(?P<failed>failed|failing)\s+)?{cc['noun']}\b(?![\s-]+exam)", re.I),
        "rem": re.compile(x["remediation_length"]["cue"], re.I),
    }


# what may stand between a failure word and its count: "failed two", "ended up failing a total of three"
_GAP = re.compile(r"\s*(?:(?:a\s+total\s+of|at\s+least|only|just|exactly|in\s+all|all|of|my|the|up|out)\s+)*", re.I)


def _sentences_with(facts: Facts, role: str) -> list[tuple[int, int]]:
    cues = [c for c in find_cues(facts.text) if c.role == role]
    return [(a, b) for a, b in facts.sentences if any(a <= c.start < b for c in cues)]


# ── reading each slot ────────────────────────────────────────────────────────────────────────
def leave_types(facts: Facts) -> list[Value]:
    """'medical', 'personal', 'academic' or 'parental', from sentences about a leave."""
    out = []
    for a, b in _sentences_with(facts, "leave"):
        for kind, pats in _rx()["leave"].items():
            for p in pats:
                for m in p.finditer(facts.text, a, b):
                    out.append(Value(kind, m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda v: v.start)


def outcome_paths(facts: Facts) -> list[Value]:
    """'repeat_year' or 'remediated'; remediation words about an exam or clerkship do not count."""
    out = []
    for a, b in facts.sentences:
        sentence = facts.text[a:b]
        subjects = find_subjects(sentence, [])
        about_courses = not subjects or any(s.category == "course" for s in subjects)
        for kind, pats in _rx()["path"].items():
            if kind == "remediated" and not about_courses:
                continue
            for p in pats:
                for m in p.finditer(facts.text, a, b):
                    out.append(Value(kind, m.start(), m.end(), m.group(0)))
    # "repeated the year" also matches nothing else, but "remediation" inside a year repeat stays
    return sorted(out, key=lambda v: v.start)


def course_counts(facts: Facts) -> list[Value]:
    """How many courses failed, where the text says a number ("two courses", "one class")."""
    cc = lex()["course_count"]
    fails = [c for c in find_cues(facts.text) if c.role == "fail"]
    out = []
    for m in _rx()["count"].finditer(facts.text):
        n = cc["numbers"][re.sub(r"\s+", " ", m["n"].lower())]
        before = any(0 <= m.start() - c.end <= cc["before"] and _GAP.fullmatch(facts.text, c.end, m.start())
                     for c in fails)
        after = any(0 <= c.start - m.end() <= cc["after"] and not re.search(r"[.;]", facts.text[m.end():c.start])
                    for c in fails)
        if before or after or m["failed"]:
            out.append(Value(n, m.start(), m.end(), m.group(0)))
    return out


def named_failed_courses(facts: Facts) -> list[str]:
    """The distinct named courses the text says failed."""
    return [e.name for e in facts.events.values()
            if e.category == "course" and e.key.endswith("*") is False and e.roles & {"fail"}]


def remediation_lengths(facts: Facts) -> list[Value]:
    """Lengths next to a remediation word ("four extra weeks", "an eight-week remediation"), not a leave's."""
    window = lex()["remediation_length"]["window"]
    leave = facts.events.get(LEAVE)
    leave_spans = {(x.start, x.end) for x in (leave.lengths if leave else [])}
    cues = [(m.start(), m.end()) for m in _rx()["rem"].finditer(facts.text)]
    out = []
    for x in find_lengths(facts.text):
        if (x.start, x.end) in leave_spans:
            continue
        near = any(-window <= x.start - ce <= window or -window <= cs - x.end <= window
                   or (cs >= x.start and ce <= x.end) for cs, ce in cues)
        if near:
            out.append(Value(x, x.start, x.end, x.text))
    return out


# ── comparing ────────────────────────────────────────────────────────────────────────────────
def _leave_ok(a: str, b: str) -> bool:
    comp = lex()["leave_type"].get("compatible", {})
    return a == b or b in comp.get(a, []) or a in comp.get(b, [])


def _lengths_ok(x: Length, y: Length) -> bool:
    """Two lengths agree within a relative slack (wider when either is approximate)."""
    slack = 0.15 + 0.25 * (x.approx or y.approx)
    return not (x.hi * (1 + slack) < y.lo or y.hi * (1 + slack) < x.lo)


def check(c) -> None:
    """Add the slot conflicts and notes to a `coach.mspe.compare._Comparison`."""
    d, m = c.d, c.m
    _leave(c, leave_types(d), leave_types(m), bool(d.events.get(LEAVE)))
    _path(c, outcome_paths(d), outcome_paths(m))
    _count(c, d, m)
    _remediation(c, remediation_lengths(d), remediation_lengths(m))


def _leave(c, ours: list[Value], theirs: list[Value], draft_has_leave: bool) -> None:
    if not theirs:
        return
    words = " / ".join(dict.fromkeys(t.text for t in theirs))
    if not ours:
        if draft_has_leave:
            c.note("leave_type", words, f"The MSPE records a {theirs[0].value} leave ({words}); the draft does not "
                                        "say what kind of leave it was.")
        return
    if any(_leave_ok(o.value, t.value) for o in ours for t in theirs):
        return
    o = ours[0]
    c.conflict("leave_type", o.text, words, f"The draft describes a {o.value} leave (“{o.text}”); the MSPE records "
               f"a {theirs[0].value} leave (“{words}”).", o.start, o.end)


def _path(c, ours: list[Value], theirs: list[Value]) -> None:
    d_kinds, m_kinds = {v.value for v in ours}, {v.value for v in theirs}
    if not m_kinds:
        return
    words = "; ".join(dict.fromkeys(t.text for t in theirs if t.value in m_kinds - d_kinds)) or theirs[0].text
    if not d_kinds:
        if "repeat_year" in m_kinds:
            c.note("outcome_path", words, f"The MSPE records that the year was repeated (“{words}”); the draft "
                                          "does not say how the failed coursework was made up.")
        return
    if d_kinds & m_kinds:
        return
    o = ours[0]
    say = {"repeat_year": "the year was repeated", "remediated": "the failed courses were remediated"}
    c.conflict("outcome_path", o.text, words, f"The draft says {say[o.value]} (“{o.text}”); the MSPE says "
               f"{say[theirs[0].value]} (“{words}”).", o.start, o.end)


def _count(c, d: Facts, m: Facts) -> None:
    ours = course_counts(d)
    m_counts = course_counts(m)
    named = named_failed_courses(m)
    theirs = max([v.value for v in m_counts] + [len(named)])
    d_named = [e for e in d.events.values() if e.category == "course" and not e.key.endswith("*") and "fail" in e.roles]
    if not ours and len(d_named) >= NAMED_MIN and theirs > len(d_named):
        # naming the failed courses one by one is a count too ("failing Anatomy and Histology")
        a = min((s for e in d_named for s in (e.anchors or e.mentions)), key=lambda s: s.start, default=None)
        b = max((s for e in d_named for s in (e.anchors or e.mentions)), key=lambda s: s.end, default=None)
        if a is not None:
            ours = [Value(len(d_named), a.start, b.end, d.text[a.start:b.end])]
    if not ours or theirs == 0:
        return
    o = ours[0]
    if o.value == theirs or any(v.value == theirs for v in ours):
        return
    shown = next((v.text for v in m_counts if v.value == theirs), ", ".join(named))
    c.conflict("course_count", o.text, shown, f"The draft counts {o.value} failed course{'s' if o.value != 1 else ''} "
               f"(“{o.text}”); the MSPE lists {theirs} ({shown}).", o.start, o.end)


def _remediation(c, ours: list[Value], theirs: list[Value]) -> None:
    if not theirs:
        return
    words = ", ".join(dict.fromkeys(t.text for t in theirs))
    if not ours:
        return
    if any(_lengths_ok(o.value, t.value) for o in ours for t in theirs):
        return
    o = ours[0]
    c.conflict("remediation_length", o.text, words, f"The draft gives the remediation as {o.text}; the MSPE "
               f"gives {words}.", o.start, o.end)
