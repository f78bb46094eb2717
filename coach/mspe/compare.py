"""Does the draft tell the same story as the MSPE? Compare the facts both sides state.

A fact is compared only when both texts talk about the same event: a draft that mentions passing
Step 1 is not checked against an MSPE about a Pathology failure. Where the MSPE names a failed
exam, course or clerkship and the draft names a *different* one as the failure, that is a
contradiction; where the draft simply leaves a fact out, that is an `info` note. Every
contradiction becomes an `mspe_mismatch` flag on the draft's own words, and a *rewording*
(draft span → MSPE wording) that `coach.rewriting.compose` uses to word facts as the MSPE words them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from coach.mspe import slots
from coach.mspe.dates import When, compatible, gap_ok, precision, span_months, window
from coach.mspe.facts import LEAVE, UNKNOWN, Event, Facts, extract, generic_covers, subject_matches
from coach.report.document import MspeFinding, MspeResult
from coach.report.findings import Finding
from coach.rules import lexicon

SUGGESTION = ("Make the draft and the MSPE agree: use the MSPE's wording if it is right, and if the MSPE "
              "is wrong ask your dean's office to correct it before you apply.")
WHAT = {"licensing": "exam", "course": "course", "clinical": "clerkship", "subi": "sub-internship"}
ROLE_WORDS = {"fail": "the failed attempt", "pass": "the pass", "take": "the exam date"}


@dataclass(frozen=True)
class Conflict:
    """One contradiction: the fact, both wordings, and the draft span that states it."""

    fact: str
    draft: str
    mspe: str
    message: str
    start: int
    end: int
    reword: str | None = None


@dataclass(frozen=True)
class Reword:
    """Put the MSPE's wording of a fact at a draft span (agreeing or not)."""

    start: int
    end: int
    draft: str
    mspe: str
    fact: str
    conflict: bool

    def to_dict(self) -> dict:
        """Plain JSON for `MspeResult.facts["rewording"]`."""
        return {"start": self.start, "end": self.end, "draft": self.draft, "mspe": self.mspe,
                "fact": self.fact, "conflict": self.conflict}


class _Comparison:
    """Collects conflicts, notes and rewordings while comparing two `Facts`."""

    def __init__(self, draft: Facts, mspe: Facts):
        self.d, self.m = draft, mspe
        self.conflicts: list[Conflict] = []
        self.notes: list[MspeFinding] = []
        self.rewords: list[Reword] = []

    # ── bookkeeping ──────────────────────────────────────────────────────────────────────────
    def conflict(self, fact: str, draft: str, mspe: str, message: str, start: int, end: int,
                 reword: str | None = None) -> None:
        """Record a contradiction (and the MSPE wording to put at its span, if there is one)."""
        self.conflicts.append(Conflict(fact, draft, mspe, message, start, end, reword))
        if reword and reword != draft:
            self.rewords.append(Reword(start, end, draft, reword, fact, True))

    def note(self, fact: str, mspe: str, message: str) -> None:
        """Record a fact the MSPE states and the draft leaves out."""
        self.notes.append(MspeFinding(fact, None, mspe, message, "info"))

    def agree(self, fact: str, ours: When, theirs: When) -> None:
        """Both say the same; reword when the MSPE says it at least as exactly and differently."""
        # a bare season is left alone: "the fall of my first year" cannot take a year in the middle
        if ours.text != theirs.text and all(t >= o for t, o in zip(precision(theirs), precision(ours))) \
                and theirs.has_year and (ours.has_year or ours.has_month):
            self.rewords.append(Reword(ours.start, ours.end, ours.text, theirs.text, fact, False))

    # ── the comparison ───────────────────────────────────────────────────────────────────────
    def run(self) -> None:
        """Compare every MSPE event with the draft's event about the same subject."""
        events = [e for e in self.m.events.values() if e.key != UNKNOWN and (e.roles or e.dates)]
        unmatched: list[Event] = []
        for m in events:
            if m.key == LEAVE:
                self.leave(m, self.d.events.get(LEAVE))
                continue
            d = self.match(m)
            if d is None:
                if m.adverse:
                    unmatched.append(m)
                continue
            self.names(d, m)
            self.dates(d, m)
            self.attempts(d, m)
            if m.adverse:
                self.missing(d, m)
        self.siblings(unmatched)
        slots.check(self)

    def match(self, m: Event) -> Event | None:
        """The draft's event about the same subject, or an unnamed one that can stand for it."""
        named = [e for e in self.d.events.values() if subject_matches(e.key, m.key)]
        if named:
            return max(named, key=lambda e: (bool(e.roles), len(e.mentions)))
        same_cat = [e for e in self.d.events.values() if e.category == m.category and not e.key.endswith("*")]
        if same_cat:
            return None
        loose = [e for e in self.d.events.values() if e.roles and generic_covers(e.key, m.key)
                 and ("concern" in e.roles) == ("concern" in m.roles)]
        if not loose:
            return None
        if loose[0].key != UNKNOWN:
            return loose[0]
        # an event with no subject at all stands for the MSPE's only failure, and only when the
        # draft names nothing else ("I did not pass in June 2023 …")
        adverse = [e for e in self.m.events.values() if e.adverse and e.key not in (LEAVE, UNKNOWN)]
        named = [e for e in self.d.events.values() if e.key not in (LEAVE, UNKNOWN) and (e.roles or e.mentions)]
        return loose[0] if adverse == [m] and not named else None

    def names(self, d: Event, m: Event) -> None:
        """Word the subject as the MSPE does ("Step 1" → "USMLE Step 1")."""
        target = m.name
        for s in d.mentions:
            if s.name != target and (len(target) >= len(s.name) or s.name.lower() == target.lower()):
                start = s.name_start if s.name_start >= 0 else s.start
                end = s.name_end if s.name_start >= 0 else s.end
                self.rewords.append(Reword(start, end, s.name, target, WHAT.get(m.category, "exam"), False))

    def siblings(self, unmatched: list[Event]) -> None:
        """The MSPE's failed subject is absent; a different one the draft calls a failure contradicts it."""
        for cat in dict.fromkeys(m.category for m in unmatched):
            theirs = [m for m in unmatched if m.category == cat]
            # a failure contradicts a failure, a professionalism concern a concern
            adverse = {r for m in theirs for r in m.roles & {"fail", "concern"}} or {"fail"}
            ours = [e for e in self.d.events.values() if e.category == cat and not e.key.endswith("*")
                    and e.roles & adverse
                    and not any(subject_matches(e.key, x.key) for x in self.m.events.values())]
            what = WHAT.get(cat, "exam")
            for i, e in enumerate(ours):
                m = theirs[min(i, len(theirs) - 1)]
                s = (e.anchors or e.mentions)[0]
                start, end = (s.name_start, s.name_end) if s.name_start >= 0 else (s.start, s.end)
                self.conflict(what, s.name, m.name,
                              f"The draft names {s.name} where the MSPE names {m.name}; a committee reads both, "
                              f"so they must name the same {what}.", start, end, reword=m.name)
            for m in theirs[len(ours):]:
                self.note(what, m.name, f"The MSPE names {m.name}; the draft does not say which {what}. Not a "
                                        f"contradiction, but naming it as the MSPE does helps readers connect the two.")

    def dates(self, d: Event, m: Event) -> None:
        """When it failed, when it was passed, when it was taken: any agreeing date will do."""
        groups = {
            "fail": (("fail", "concern"), _dates(m, "fail", "concern") or _dates(m, "take")),
            "pass": (("pass", "retake"), _dates(m, "pass", "retake")),
            "take": (("take",), _dates(m, *m.dates)),
        }
        for group, (roles, target) in groups.items():
            ours = _dates(d, *roles)
            if not ours or not target:
                continue
            fact = f"date_{group}ed" if group != "take" else "date_taken"
            pairs = [(o, t) for o in ours for t in target if compatible(o, t)]
            if pairs:
                for o in ours:
                    best = max((t for t in target if compatible(o, t)), key=precision, default=None)
                    if best is not None:
                        self.agree(fact, o, best)
                continue
            o = ours[0]
            self.conflict(fact, o.text, ", ".join(t.text for t in target),
                          f"The draft dates {ROLE_WORDS[group]} of {m.name} to {o.text}; the MSPE says "
                          f"{' and '.join(t.text for t in target)}.", o.start, o.end,
                          reword=target[0].text if len(target) == 1 and target[0].has_year else None)

    def attempts(self, d: Event, m: Event) -> None:
        """Which attempt passed, and how many failed."""
        dp, mp = _first(d.passed_on), _first(m.passed_on)
        mf_n, df_n = _first(m.failed_count), _first(d.failed_count)
        mfail, dfail = m.roles & {"fail"}, d.roles & {"fail"}
        msg = f"attempts at {m.name}"
        if dp and mp and dp.number != mp.number:
            self.conflict("attempts", dp.text, mp.text, f"The draft says the pass came on the {dp.text}; the MSPE "
                          f"records the {mp.text} ({msg}).", dp.start, dp.end, reword=mp.text)
        elif dp and mf_n and dp.number != mf_n.count + 1:
            self.conflict("attempts", dp.text, mf_n.text, f"The draft says the pass came on the {dp.text}; the MSPE "
                          f"records {mf_n.count} failed attempts ({msg}).", dp.start, dp.end)
        elif dp and mfail and dp.number == 1:
            self.conflict("attempts", dp.text, m.name, f"The draft says {m.name} was passed on the first attempt; "
                          "the MSPE records a failed attempt.", dp.start, dp.end)
        elif mp and df_n and mp.number != df_n.count + 1:
            self.conflict("attempts", df_n.text, mp.text, f"The draft says {df_n.text}; the MSPE records the pass on "
                          f"the {mp.text} ({msg}).", df_n.start, df_n.end)
        elif mp and d.failed_on and mp.number <= max(a.number for a in d.failed_on):
            a = max(d.failed_on, key=lambda x: x.number)
            self.conflict("attempts", a.text, mp.text, f"The draft says the {a.text} failed; the MSPE records the "
                          f"pass on the {mp.text} ({msg}).", a.start, a.end)
        elif df_n and mf_n and df_n.count != mf_n.count:
            self.conflict("attempts", df_n.text, mf_n.text, f"The draft and the MSPE count the failed attempts at "
                          f"{m.name} differently.", df_n.start, df_n.end, reword=mf_n.text)
        elif mp and dfail and not d.passed_on and mp.number == 1:
            s = (d.anchors or d.mentions or [None])[0]
            if s is not None:
                self.conflict("attempts", s.text, mp.text, f"The draft describes failing {m.name}; the MSPE records "
                              "a pass on the first attempt.", s.start, s.end)
        else:
            self._attempt_totals(d, m)

    def _attempt_totals(self, d: Event, m: Event) -> None:
        """How many failed attempts each side implies ("took it three times", "passed the retake")."""
        ours, theirs = _failed_range(d), _failed_range(m)
        if ours is None or theirs is None or not (ours[0] > theirs[1] or theirs[0] > ours[1]):
            return
        said = ours[2]
        if said is None:
            return
        shown = theirs[2].text if theirs[2] is not None else m.name
        self.conflict("attempts", said.text, shown, f"The draft implies {_failures(ours)} at {m.name}; the MSPE "
                      f"records {_failures(theirs)}.", said.start, said.end)

    def missing(self, d: Event, m: Event) -> None:
        """Facts the MSPE states that the draft leaves out (info, not contradictions)."""
        if _dates(m, "fail", "concern") and not _dates(d, "fail", "concern", "take"):
            when = " and ".join(w.text for w in _dates(m, "fail", "concern"))
            self.note("date_failed", when, f"The MSPE dates it to {when}; the draft gives no date.")
        if _dates(m, "pass", "retake") and not _dates(d, "pass", "retake"):
            when = " and ".join(w.text for w in _dates(m, "pass", "retake"))
            self.note("date_passed", when, f"The MSPE dates the pass or completion to {when}; the draft does not.")
        mp = _first(m.passed_on)
        if mp and mp.number > 1 and not d.passed_on and not d.failed_count:
            self.note("attempts", mp.text, f"The MSPE records the pass on the {mp.text}; the draft does not say "
                                           "how many attempts it took.")

    def leave(self, m: Event, d: Event | None) -> None:
        """Leave start, end, return and length."""
        if d is None or not (d.dates or d.lengths):
            if m.dates:
                shown = _leave_words(m)
                self.note("leave_dates", shown, f"The MSPE gives the leave as {shown}; the draft gives no dates.")
            return
        ms, me, mr = _dates(m, "start"), _dates(m, "end"), _dates(m, "return")
        ds, de, dr, dd = _dates(d, "start"), _dates(d, "end"), _dates(d, "return"), _dates(d, "during")
        self._leave_pair("leave_start", ds, ms, "start")
        if me:
            self._leave_pair("leave_end", de, me, "end")
        elif mr and de and not any(gap_ok(o, t) for o in de for t in mr):
            self._leave_conflict("leave_end", de[0], mr, "end")
        if mr:
            self._leave_pair("leave_return", dr, mr, "return")
        elif me and dr and not any(gap_ok(t, o) for o in dr for t in me):
            self._leave_conflict("leave_return", dr[0], me, "return")
        last = me or mr
        span = window(ms[0], last[-1]) if ms and last else None
        for o in dd:
            if span is not None and not compatible(o, span):
                self.conflict("leave_dates", o.text, _leave_words(m), f"The draft places the leave in {o.text}; "
                              f"the MSPE gives {_leave_words(m)}.", o.start, o.end)
                break
        self._lengths(d, m, ms, last)

    def _leave_pair(self, fact: str, ours: list[When], theirs: list[When], what: str) -> None:
        if not ours or not theirs:
            return
        if any(compatible(o, t) for o in ours for t in theirs):
            for o in ours:
                best = max((t for t in theirs if compatible(o, t)), key=precision, default=None)
                if best is not None:
                    self.agree(fact, o, best)
            return
        self._leave_conflict(fact, ours[0], theirs, what)

    def _leave_conflict(self, fact: str, o: When, theirs: list[When], what: str) -> None:
        words = " or ".join(t.text for t in theirs)
        self.conflict(fact, o.text, words, f"The draft gives the leave's {what} as {o.text}; the MSPE says {words}.",
                      o.start, o.end, reword=theirs[0].text if len(theirs) == 1 and theirs[0].has_year else None)

    def _lengths(self, d: Event, m: Event, ms: list[When], mlast: list[When]) -> None:
        theirs = [(x.lo, x.hi, x.approx, x.text) for x in m.lengths]
        if not theirs and ms and mlast and (sp := span_months(ms[0], mlast[-1])):
            theirs = [(sp[0], sp[1], False, f"{ms[0].text} to {mlast[-1].text}")]
        for x in d.lengths:
            for lo, hi, approx, text in theirs:
                slack = 1 + (x.approx or approx)
                if x.hi < lo - slack or x.lo > hi + slack:
                    self.conflict("leave_length", x.text, text, f"The draft says the leave lasted {x.text}; the MSPE "
                                  f"gives {text}.", x.start, x.end, reword=text if text in [y.text for y in m.lengths] else None)
                    return


def _failed_range(e: Event) -> tuple[int, float, object] | None:
    """(fewest, most, the words that say it) failed attempts an event implies, most exact first."""
    if e.passed_on:
        n = e.passed_on[0].number
        return n - 1, n - 1, e.passed_on[0]
    if e.failed_count:
        return e.failed_count[0].count, e.failed_count[0].count, e.failed_count[0]
    if e.totals:
        n = e.totals[0].total
        return (n - 1, n - 1, e.totals[0]) if "pass" in e.roles else (n - 1, n, e.totals[0])
    if e.one_retake and "pass" in e.roles and "fail" in e.roles:
        s = (e.anchors or e.mentions or [None])[0]
        return (1, 1, s) if s is not None else None
    if e.failed_on:
        a = max(e.failed_on, key=lambda x: x.number)
        return a.number, float("inf"), a
    return None


def _failures(r: tuple) -> str:
    lo, hi = r[0], r[1]
    n = f"{lo}" if lo == hi else f"{lo} or {hi}"
    return f"{n} failed attempt{'s' if hi != 1 else ''}"


def _dates(e: Event, *roles: str) -> list[When]:
    return [w for r in roles for w in e.dates.get(r, [])]


def _first(items: list):
    return items[0] if items else None


def _leave_words(m: Event) -> str:
    if m.ranges:
        a, b = m.ranges[0]
        return f"{a.text} to {b.text}"
    return ", ".join(w.text for ws in m.dates.values() for w in ws)


def compare(draft: Facts, mspe: Facts, outcomes: list[str] | None = None) -> tuple[MspeResult, list[Finding]]:
    """Compare extracted facts: the report's `MspeResult` and one `mspe_mismatch` flag per contradiction.

    `outcomes` are the MSPE's outcome sentences, kept in `facts` for the rewrite.
    """
    c = _Comparison(draft, mspe)
    c.run()
    seen: set[tuple[int, int, str]] = set()
    conflicts = []
    for x in c.conflicts:
        if (x.start, x.end, x.fact) not in seen:
            seen.add((x.start, x.end, x.fact))
            conflicts.append(x)
    findings = [Finding(type="mspe_mismatch", start=x.start, end=x.end, text=draft.text[x.start:x.end],
                        message=x.message, rule=f"mspe:{x.fact}", severity="error", suggestion=SUGGESTION)
                for x in conflicts]
    rewords = _non_overlapping(c.rewords)
    result = MspeResult(
        consistent=not conflicts,
        findings=tuple(MspeFinding(x.fact, x.draft, x.mspe, x.message, "error") for x in conflicts),
        notes=tuple(c.notes),
        facts={"draft": draft.to_dict(), "mspe": mspe.to_dict(), "rewording": [r.to_dict() for r in rewords],
               "outcome_sentences": list(outcomes or [])},
    )
    return result, findings


def _non_overlapping(rewords: list[Reword]) -> list[Reword]:
    """Conflicting rewordings first, then the rest; never two on overlapping spans."""
    out: list[Reword] = []
    for r in sorted(rewords, key=lambda r: (not r.conflict, r.start)):
        if all(r.end <= o.start or r.start >= o.end for o in out):
            out.append(r)
    return sorted(out, key=lambda r: r.start)


def check_consistency(doc, mspe: str, nlp) -> tuple[MspeResult, list[Finding]]:
    """Compare the analysed draft `doc` with an MSPE excerpt (parsed once with `nlp`).

    Only the base pipeline runs on the excerpt: its sentences are all the extractor needs, and
    the coach components would label a dean's letter as if it were a student's draft.
    """
    from coach.pipeline.nlp import COACH_COMPONENTS
    from coach.pipeline.sentences import sentence_spans

    mdoc = nlp(mspe, disable=list(COACH_COMPONENTS))
    msents = [(s.start_char, s.end_char) for s in sentence_spans(mdoc)]
    draft = extract(doc.text, [(s.start_char, s.end_char) for s in sentence_spans(doc)])
    return compare(draft, extract(mdoc.text, msents), outcome_sentences(mdoc.text, msents))


def outcome_sentences(text: str, sentences: list[tuple[int, int]]) -> list[str]:
    """MSPE sentences that state how things turned out (the rewrite may restate one)."""
    rx = [re.compile(p, re.I) for p in lexicon("mspe")["outcome"]["regex"]]
    out = []
    for a, b in sentences:
        s = " ".join(text[a:b].split())
        if any(r.search(s) for r in rx):
            out.append(s)
    return out
