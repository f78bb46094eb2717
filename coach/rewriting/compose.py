"""`coach rewrite`: the draft restructured as context → change → evidence, from its own words.

`render_rewrite(report)` works from the `Report` alone (plain data), so the TUI renders it from
the report it already has and spaCy never runs twice. For each part it takes the draft's best
sentence(s) — by the classifier's confidence, preferring checkable detail and avoiding flagged
wording — cleans them (coach.rewriting.cleanup), words MSPE facts as the MSPE does, and lays them out
with the kind's template. A missing part becomes a bracketed placeholder from the red flag's
template. Nothing is invented: the only words added are fact-free signposts and placeholders.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field, replace
from functools import lru_cache

from coach.limits import limits
from coach.render.templating import first_existing, render
from coach.report.document import Report
from coach.rewriting.cleanup import (
    Edit,
    clean,
    drop_clause,
    is_full_sentence,
    lex,
    to_first_person,
    trim_last_clause,
    with_subject,
)
from coach.rewriting.notes import student_notes
from coach.rules import lexicon
from coach.vocab import COMPONENTS
from coach.wordcount import WORD  # one definition of a word for every figure shown

SCHEMA = "coach.rewrite/1"


def _factish() -> re.Pattern:
    """A digit, an exam word, a month or a season: the month and season names are the MSPE
    reader's (lexicons/mspe.toml), so the rewrite and the fact extractor know the same calendar."""
    dates = lexicon("mspe")
    full = {}
    for name, number in dates["months"].items():  # the longest spelling of each month
        if len(name) > len(full.get(number, "")):
            full[number] = name
    words = ["step", "level", "comlex", "usmle", "shelf", *(full[n] for n in sorted(full)),
             *dates["seasons"]]
    return re.compile(rf"\d|\b(?:{'|'.join(words)})\b", re.I)


FACTISH = _factish()
KEPT_TYPES = ("blame", "vague", "oversharing", "passive_agency")
# Flagged wording that is never copied into the suggestion: its clause goes, or the sentence does.
DROPPED_TYPES = ("vague", "blame", "minimizing")
LEAD = "lead"  # the sentence saying what happened, put before the context when no chosen one does


@dataclass(frozen=True)
class RewriteResult:
    """The suggestion; `to_dict()` is the `coach.rewrite/1` contract."""

    kind: str
    red_flag: str | None
    text: str
    parts: dict = field(default_factory=dict)  # part -> {"source": ..., "text": ...}
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The contract's JSON object (plus `red_flag`, `words` and `characters`)."""
        return {"schema": SCHEMA, "kind": self.kind, "red_flag": self.red_flag, "text": self.text,
                "parts": {p: dict(self.parts[p]) for p in COMPONENTS}, "notes": list(self.notes),
                "words": len(WORD.findall(self.text)), "characters": len(self.text)}


@dataclass
class _Sentence:
    index: int
    part: str
    score: float
    text: str
    removed: tuple[str, ...]
    kept: tuple[str, ...]          # flagged wording left in (blame, vague, …) as "type: words"
    reworded: tuple[dict, ...]     # MSPE rewordings applied
    dropped: tuple[str, ...] = ()  # flagged vague, blaming or minimizing wording left out, as "type: words"


@lru_cache(maxsize=1)
def _limits() -> dict:
    """The rewrite's length budgets, from the one home of every limit (coach/limits.py)."""
    lim = limits()
    return {"statement_words": lim.statement_rewrite_words, "statement_sentences": lim.statement_max_sentences,
            # the spoken band itself (60–120 s at the limits' words a minute), not a narrower aim
            "interview_words": list(lim.interview_words), "eras_characters": lim.eras_characters}


def rewrite(text: str, *, kind: str = "auto", red_flag: str = "auto", mspe: str | None = None) -> RewriteResult:
    """Analyse a draft and render its rewrite (see `render_rewrite`)."""
    from coach.analysis import analyze

    return render_rewrite(analyze(text, kind=kind, red_flag=red_flag, mspe=mspe))


def render_rewrite(report: Report) -> RewriteResult:
    """The rewrite of an analysed draft, from the report's plain data only."""
    cands = _candidates(report)
    kind, flag = report.kind, report.red_flag
    missing = [p for p in COMPONENTS if not report.components[p].present or not cands[p]]
    parts_fixed: dict[str, dict] = {p: _missing_part(report, p) for p in missing}
    chosen = {p: sorted(cands[p], key=lambda s: -s.score)[:1] for p in COMPONENTS}
    chosen[LEAD] = _lead(report, chosen)
    variant = zlib.crc32(report.text.encode("utf-8"))  # the same draft always gets the same signposts
    chosen = _choose(kind, cands, chosen, lambda sel: _render(kind, flag, _parts(sel, parts_fixed), variant))
    if kind == "interview":
        chosen = _pad(report, chosen, parts_fixed, lambda sel: _render(kind, flag, _parts(sel, parts_fixed), variant))
    notes: list[str] = []
    chosen, text = _fit(kind, flag, chosen, parts_fixed, notes, variant)
    parts = _parts(chosen, parts_fixed)
    notes = student_notes(report, chosen, parts, text, cands, _limits(), LEAD) + notes
    return RewriteResult(kind=kind, red_flag=flag, text=text, parts=parts, notes=tuple(notes))


# ── material ─────────────────────────────────────────────────────────────────────────────────
def _candidates(report: Report) -> dict[str, list[_Sentence]]:
    """Every sentence of each part, cleaned and scored."""
    out: dict[str, list[_Sentence]] = {p: [] for p in COMPONENTS}
    for part in COMPONENTS:
        for i in report.components[part].sentences:
            s = _sentence(report, i, part)
            if s is not None:
                out[part].append(s)
    return out


def _sentence(report: Report, i: int, part: str, end: int | None = None) -> _Sentence | None:
    """Sentence i of the draft (up to `end`), cleaned (hedges, minimizers, fillers out; MSPE
    wording in) and scored."""
    scoring = lex()["scoring"]
    rewords = list(report.mspe.facts.get("rewording", [])) if report.mspe else []
    s = report.sentences[i]
    stop = s.end if end is None else end
    flags = [f for f in report.flags if s.start <= f.start and f.end <= stop]
    # a flag that reaches past `end` (a cut lead sentence) is about words left out anyway
    bad = [f for f in flags if f.type in DROPPED_TYPES]
    edits = [Edit(f.start, f.end, "", f.type) for f in flags if f.type == "hedge"]
    edits += _union([drop_clause(report.text, s.start, stop, f.start, f.end) for f in bad])
    used = [r for r in rewords if s.start <= r["start"] and r["end"] <= stop]
    used = [r for r in used if not any(e.start < r["end"] and r["start"] < e.end for e in edits if e.why != "hedge")]
    edits += [Edit(r["start"], r["end"], r["mspe"], "mspe") for r in used]
    cleaned = clean(report.text, s.start, stop, edits, drop=tuple(e for e in edits if e.why.startswith("flagged")))
    cleaned = replace(cleaned, text=with_subject(cleaned.text))
    if not WORD.search(cleaned.text) or not is_full_sentence(cleaned.text):
        return None
    low = " ".join(cleaned.text.lower().split())
    if any(" ".join(f.text.lower().split()) in low for f in bad):
        return None
    kept = tuple(f"{f.type}: {f.text}" for f in flags if f.type in KEPT_TYPES and f not in bad)
    kept += tuple(f"wording: {k}" for k in cleaned.kept_flags)
    dropped = tuple(f"{f.type}: {f.text}" for f in bad)
    removed = tuple(r for r in cleaned.removed if not any(f.text in r or r in f.text for f in bad))
    score = s.confidence + (scoring["fact_bonus"] if FACTISH.search(report.text[s.start:s.end]) else 0.0)
    score -= sum(scoring["penalty"].get(t, 0.0) for t in {f.type for f in flags})
    return _Sentence(i, part, score, cleaned.text, removed, kept, tuple(used), dropped)


def _union(edits: list[Edit]) -> list[Edit]:
    """Overlapping deletions of flagged clauses as one deletion (none may survive in part)."""
    out: list[Edit] = []
    for e in sorted(edits, key=lambda e: e.start):
        if out and e.start < out[-1].end:
            last = out.pop()
            e = Edit(last.start, max(last.end, e.end), "", "flagged clause")
        out.append(e)
    return out


def _lead(report: Report, chosen: dict[str, list[_Sentence]]) -> list[_Sentence]:
    """The draft's own statement of what happened ("I failed Step 1 in June 2023"), when none of
    the chosen sentences says it: without it a reader meets "I took it on the Monday after …"."""
    from coach.mspe.mentions import find_cues, find_subjects

    def cue_end(i: int) -> int | None:
        """Where the sentence's statement of the event ends, if it states one in the student's own
        words: a failure, concern or leave cue about a named subject, not inside flagged wording."""
        s = report.sentences[i]
        text = report.text[s.start:s.end]
        cues = [c for c in find_cues(text) if c.role in ("fail", "concern", "leave")]
        named = any(x.specific for x in find_subjects(text, [c for c in cues if c.role == "fail"]))
        for c in cues:
            inside_flag = any(f.start <= s.start + c.start < f.end and f.type in KEPT_TYPES for f in report.flags)
            if (named or c.role == "leave") and not inside_flag:
                return s.start + c.end
        return None

    taken = {s.index for p in COMPONENTS for s in chosen[p]}
    if any(cue_end(i) for i in taken if report.sentences[i].component == "context"):
        return []
    for i in range(len(report.sentences)):
        at = cue_end(i) if i not in taken else None
        if at is None:
            continue
        # keep only the statement itself when the rest of the sentence is flagged wording
        s = report.sentences[i]
        comma = report.text.find(",", at, s.end)
        flagged_rest = comma > 0 and any(f.start < s.end and f.end > comma and f.type in KEPT_TYPES for f in report.flags)
        lead = _sentence(report, i, LEAD, end=comma if flagged_rest else None)
        return [lead] if lead is not None else []
    return []


def _missing_part(report: Report, part: str) -> dict:
    """A placeholder; for missing evidence, the MSPE's own outcome sentence (in first person) first."""
    ask = _ask(part, report.red_flag, report.kind)
    if part == "evidence" and report.mspe is not None:
        outcome = report.mspe.facts.get("outcome_sentences") or []
        if outcome:
            return {"source": "mspe", "text": f"{to_first_person(outcome[0])} {ask}"}
    return {"source": "placeholder", "text": ask}


def _ask(part: str, red_flag: str | None, kind: str) -> str:
    name = first_existing(f"rewrite/asks/{red_flag}.j2", "rewrite/asks/base.j2")
    return render(name, part=part, kind=kind).strip()


def _parts(chosen: dict[str, list[_Sentence]], fixed: dict[str, dict]) -> dict[str, dict]:
    out = {}
    for p in COMPONENTS:
        if p in fixed:
            out[p] = dict(fixed[p])
        else:
            out[p] = {"source": "draft", "text": " ".join(s.text for s in sorted(chosen[p], key=lambda s: s.index))}
    lead = chosen.get(LEAD) or []
    if lead:
        out["context"]["text"] = " ".join([s.text for s in lead] + [out["context"]["text"]])
    return out


def _render(kind: str, red_flag: str | None, parts: dict[str, dict], variant: int = 0) -> str:
    name = first_existing(f"rewrite/{kind}/{red_flag}.j2", f"rewrite/{kind}.j2")
    text = render(name, parts=parts, kind=kind, red_flag=red_flag, variant=variant)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


# ── fitting each kind's shape ────────────────────────────────────────────────────────────────
def _words(text: str) -> int:
    return len(WORD.findall(text))


def _choose(kind: str, cands: dict[str, list[_Sentence]], chosen: dict[str, list[_Sentence]],
            rendered) -> dict[str, list[_Sentence]]:
    """Add the next-best sentences, best first, while the kind's budget allows."""
    lim = _limits()
    extras = sorted((s for p in COMPONENTS for s in cands[p] if s not in chosen[p]), key=lambda s: -s.score)
    for s in extras:
        trial = {p: chosen[p] + ([s] if s.part == p else []) for p in chosen}
        text = rendered(trial)
        if kind == "statement":
            sentences = sum(len(v) for v in trial.values()) + sum(not trial[p] for p in COMPONENTS)
            ok = _words(text) <= lim["statement_words"] and sentences <= lim["statement_sentences"]
        elif kind == "eras":
            ok = len(text) <= lim["eras_characters"]
        else:
            ok = _words(text) <= lim["interview_words"][1]
        if ok:
            chosen = trial
    return chosen


def _pad(report: Report, chosen: dict[str, list[_Sentence]], fixed: dict[str, dict],
         rendered) -> dict[str, list[_Sentence]]:
    """An interview answer under the spoken band takes the draft's other clean sentences, in order,
    into the part they sit in, until it reaches the band (it never goes over it)."""
    lo, hi = _limits()["interview_words"]
    if _words(rendered(chosen)) >= lo:
        return chosen
    taken = {s.index for v in chosen.values() for s in v}
    labels = [s.component for s in report.sentences]
    for i, sent in enumerate(report.sentences):
        if i in taken or sent.component != "other":
            continue
        before = [c for c in labels[:i] if c in COMPONENTS]
        after = [c for c in labels[i + 1:] if c in COMPONENTS]
        part = before[-1] if before else (after[0] if after else "context")
        if part in fixed or any(f.type in KEPT_TYPES and sent.start <= f.start < sent.end for f in report.flags):
            continue
        s = _sentence(report, i, part)
        if s is None or s.text.rstrip("'\"’”)").endswith("?"):
            continue
        trial = {p: chosen[p] + ([s] if p == part else []) for p in chosen}
        words = _words(rendered(trial))
        if words <= hi:
            chosen = trial
            if words >= lo:
                break
    return chosen


def _fit(kind: str, flag: str | None, chosen: dict[str, list[_Sentence]], fixed: dict[str, dict],
         notes: list[str], variant: int = 0) -> tuple[dict[str, list[_Sentence]], str]:
    """Shorten the longest sentence clause by clause until the kind's limit holds.

    An ERAS field is a hard limit: as a last resort the longest sentence is cut at a word
    boundary and marked with "…", and a note says so. Nothing is ever cut mid-word.
    """
    lim = _limits()

    def over(text: str) -> bool:
        if kind == "eras":
            return len(text) > lim["eras_characters"]
        cap = lim["statement_words"] if kind == "statement" else lim["interview_words"][1]
        return _words(text) > cap

    text = _render(kind, flag, _parts(chosen, fixed), variant)
    trimmed = cut = False
    for _ in range(40):
        if not over(text):
            break
        pool = [s for p in (LEAD, *COMPONENTS) for s in chosen.get(p, [])]
        found = _cheapest_trim(pool)
        if found:
            found[0].text, trimmed = found[1], True
        else:
            if kind != "eras" or not pool:
                break
            longest = max(pool, key=lambda s: len(s.text))
            room = len(longest.text) - (len(text) - lim["eras_characters"]) - 1
            head = longest.text[:max(room, 0)]
            head = head[:head.rfind(" ")].rstrip(" ,;:—–-") if " " in head else ""
            cut = True
            if len(WORD.findall(head)) >= 4:
                longest.text = head + "…"
            else:  # too little would be left: leave the sentence out instead
                for p in (LEAD, *COMPONENTS):
                    chosen[p] = [x for x in chosen.get(p, []) if x is not longest]
        text = _render(kind, flag, _parts(chosen, fixed), variant)
    if trimmed:
        notes.append("Shortened: the last clause of a long sentence was left out to fit the "
                     f"{'character' if kind == 'eras' else 'word'} limit; put back anything essential "
                     "by cutting elsewhere.")
    if cut:
        notes.append(f"Cut mid-sentence (at a word boundary, marked …) to stay within {lim['eras_characters']} characters: "
                     "finish that sentence in fewer words.")
    return chosen, text


def _cheapest_trim(pool: list[_Sentence]) -> tuple[_Sentence, str] | None:
    """The sentence whose last clause costs least to lose: fewest numbers, dates and names in it,
    then the longest sentence ("…, and I want to walk you through it" goes before "…, with timed blocks")."""
    options = []
    for s in pool:
        for share in (0.4, 0.25):
            t = trim_last_clause(s.text, min_share=share)
            if t:
                lost = s.text[len(t) - 1:]
                cost = len(FACTISH.findall(lost)) + len(re.findall(r"\d|\b[A-Z][a-z]+", lost))
                # the lead only has to say what happened; its tail goes first
                cost += (share < 0.4) - (0.5 if s.part == LEAD else 0.0)
                options.append((cost, -len(s.text), s.index, s, t))
                break
    if not options:
        return None
    _, _, _, s, t = min(options, key=lambda o: o[:3])
    return s, t
