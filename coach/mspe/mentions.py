"""Find the raw pieces of checkable facts in a text: what (exam, course, clerkship, leave), what
happened (cue words with a role), which attempt, how long — each with character offsets.

`coach.mspe.facts` then ties them together into events. Every word list and pattern comes from
`rules/data/lexicons/mspe.toml`; this module only knows the shapes the lists plug into.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.rules import lexicon

ROLES = ("fail", "concern", "pass", "take", "retake", "leave", "return")
SUBJECT_ROLES = ("fail", "concern", "pass", "take", "retake")


@dataclass(frozen=True)
class Subject:
    """A mention of what a fact is about. `key` is "<family>:<name>", "*" for an unnamed one."""

    start: int
    end: int
    text: str
    key: str
    category: str           # licensing | course | clinical | subi
    quant: str | None = None  # "others" (every/all/other …) or "set" (both/two …) for unnamed ones
    name_start: int = -1    # the words that name it (the discipline in "my surgery shelf")
    name_end: int = -1

    @property
    def specific(self) -> bool:
        """Is it named ("Step 1") rather than unnamed ("the exam", "every course")?"""
        return not self.key.endswith("*")

    @property
    def name(self) -> str:
        """The words that name it, as written."""
        return self.text if self.name_start < 0 else self.text[self.name_start - self.start:self.name_end - self.start]


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    text: str
    role: str


@dataclass(frozen=True)
class Attempt:
    """ "second attempt" (number=2), "first two attempts" (count=2, failed) or "three tries" (total=3)."""

    start: int
    end: int
    text: str
    number: int | None = None
    count: int | None = None
    total: int | None = None


@dataclass(frozen=True)
class Length:
    """ "six-month leave", "about ten months", "a semester": lo–hi months."""

    start: int
    end: int
    text: str
    lo: float
    hi: float
    approx: bool


def category_of(key: str) -> str:
    """The group of subjects whose names can contradict each other."""
    family = key.split(":", 1)[0]
    return "licensing" if family in ("usmle", "comlex", "licensing") else family


@lru_cache(maxsize=1)
def lex() -> dict:
    """The extractor's word lists and patterns (`lexicons/mspe.toml`)."""
    return lexicon("mspe")


def _alt(words: list[str]) -> str:
    """A regex alternation, longest first, with spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _compiled() -> dict:
    x = lex()
    disc = {name: d for d, names in x["disciplines"].items() for name in names}
    clin = x["clinical"]
    types = {t: k for k in ("shelf", "clerkship", "subi") for t in clin[k]}
    disc_re, type_re = _alt(list(disc)), _alt(list(types))
    courses = x["courses"]
    return {
        "exams": [(e["key"], re.compile(e["regex"], re.I)) for e in x["exam"]],
        "disc": disc,
        "types": types,
        "clinical": [
            re.compile(rf"\b(?P<disc>{disc_re})\s+(?P<type>{type_re})\b", re.I),
            re.compile(rf"\b(?P<type>{type_re})\s+(?:exam(?:ination)?\s+)?(?:in|of|for)\s+(?P<disc>{disc_re})\b", re.I),
        ],
        "clinical_generic": re.compile(clin["generic"], re.I),
        "clinical_plural": re.compile(clin["plural"], re.I),
        "course": re.compile(rf"\b(?:{_alt(courses['names'] + list(courses['aliases']))}){courses['suffix']}\b(?!-\w)", re.I),
        "course_generic": re.compile(courses["generic"], re.I),
        "course_plural": re.compile(courses["plural"], re.I),
        "cues": [(role, re.compile(p, re.I)) for role in ROLES for p in x["cues"][role]],
        "ordinal": re.compile(rf"\b(?P<ord>{_alt(list(x['ordinals']))})\s+(?P<noun>{_alt(x['attempts']['nouns'])})\b", re.I),
        "counts": [re.compile(p, re.I) for p in x["attempts"]["counts"]],
        "totals": [re.compile(p, re.I) for p in x["attempts"].get("totals", [])],
        "length": re.compile(
            rf"\b(?:(?P<approx>{_alt(x['lengths']['approx'])})\s+)?(?:the\s+(?:whole|full|entire)\s+)?"
            rf"(?P<n>\d{{1,2}}|{_alt(list(x['numbers']))})[\s-](?:(?:extra|additional|more|further)\s+)?(?P<unit>{_alt(list(x['lengths']['units']))})s?\b", re.I),
        "named_length": re.compile(rf"\b(?:a|one|the|that|for\s+a)\s+(?P<named>{_alt(list(x['lengths']['named']))})\b", re.I),
        "course_name": re.compile(r"\s+(?:(?:both|the|my)\s+)?(?P<name>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|I{1,3}|IV|and|&|of|or)\b)*)"),
        "bare_discipline": re.compile(rf"\s+(?:(?:my|the|his|her)\s+)?(?P<disc>{disc_re})\b(?![\w-])", re.I),
    }


def _overlaps(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and b > s for s, e in spans)


def _quantifier(text: str, start: int) -> str | None:
    """'others' or 'set' from the words just before a mention ("every clerkship", "both courses")."""
    q = lex()["quantifiers"]
    before = " ".join(re.findall(r"[a-z]+", text[max(0, start - 30):start].lower())[-3:])
    before = re.sub(r"\b(?:of|my|the|his|her|our)\s*$", "", before).strip()
    for quantifier in ("others", "set"):
        for w in sorted(q[quantifier], key=len, reverse=True):
            if before == w or before.endswith(" " + w):
                return quantifier
    return None


def course_key(name: str) -> str:
    """ "Medical Biochemistry" → "course:medical biochemistry" (aliases resolved)."""
    n = re.sub(r"\s+", " ", name.lower()).strip()
    return "course:" + lex()["courses"]["aliases"].get(n, n)


def find_subjects(text: str, fail_cues: list[Cue]) -> list[Subject]:
    """Exams, clinical disciplines and courses, named or not, in text order without overlaps."""
    c = _compiled()
    out: list[Subject] = []
    taken: list[tuple[int, int]] = []

    def add(s: Subject) -> None:
        if not _overlaps(s.start, s.end, taken):
            taken.append((s.start, s.end))
            out.append(s)

    exams = sorted(((m.start(), -(m.end() - m.start()), key, m) for key, rx in c["exams"] for m in rx.finditer(text)),
                   key=lambda t: t[:2])
    for _, _, key, m in exams:
        add(Subject(m.start(), m.end(), m.group(0), key, "licensing"))
    for rx in c["clinical"]:
        for m in rx.finditer(text):
            cat = "subi" if c["types"][re.sub(r"\s+", " ", m["type"].lower())] == "subi" else "clinical"
            disc = c["disc"][re.sub(r"\s+", " ", m["disc"].lower())]
            add(Subject(m.start(), m.end(), m.group(0), f"{cat}:{disc}", cat, None, m.start("disc"), m.end("disc")))
    for cue in fail_cues:  # "I had to remediate surgery": a discipline named right after the failure
        m = c["bare_discipline"].match(text, cue.end)
        if m:
            disc = c["disc"][re.sub(r"\s+", " ", m["disc"].lower())]
            add(Subject(m.start("disc"), m.end("disc"), m["disc"], f"clinical:{disc}", "clinical", None,
                        m.start("disc"), m.end("disc")))
    for m in c["course"].finditer(text):
        add(Subject(m.start(), m.end(), m.group(0), course_key(m.group(0)), "course"))
    not_names = set(lex()["courses"]["not_names"])
    joiners = lex()["courses"]["name_joiners"]
    for cue in fail_cues:
        m = c["course_name"].match(text, cue.end)
        if not m:
            continue
        pos = m.start("name")
        for part in re.split(r"(\s+(?:and|&|or)\s+)", m["name"]):
            words = part.split()
            if words and words[0].lower() not in not_names and part.strip().lower() not in joiners:
                name = part.strip()
                while name.split() and name.split()[-1].lower() in joiners:
                    name = name.rsplit(None, 1)[0]
                if name and name.split()[0].lower() not in not_names:
                    add(Subject(pos, pos + len(name), name, course_key(name), "course"))
            pos += len(part)
    for rx, cat in ((c["clinical_plural"], "clinical"), (c["course_plural"], "course")):
        for m in rx.finditer(text):
            add(Subject(m.start(), m.end(), m.group(0), f"{cat}:*", cat, _quantifier(text, m.start()) or "others"))
    for rx, cat in ((c["clinical_generic"], "clinical"), (c["course_generic"], "course")):
        for m in rx.finditer(text):
            add(Subject(m.start(), m.end(), m.group(0), f"{cat}:*", cat, _quantifier(text, m.start())))
    return sorted(out, key=lambda s: s.start)


def _negated(text: str, start: int) -> bool:
    words = re.findall(r"[a-z’']+", text[max(0, start - 25):start].lower())[-3:]
    neg = set(lex()["cues"]["negators"])
    return any(w in neg or w.endswith(("n't", "n’t")) for w in words)


def find_cues(text: str) -> list[Cue]:
    """Cue words in text order; the longer of two overlapping cues wins; negated failures drop."""
    hits = sorted(((m.start(), -(m.end() - m.start()), role, m) for role, rx in _compiled()["cues"] for m in rx.finditer(text)),
                  key=lambda t: t[:2])
    out: list[Cue] = []
    taken: list[tuple[int, int]] = []
    for start, _, role, m in hits:
        if _overlaps(m.start(), m.end(), taken):
            continue
        taken.append((m.start(), m.end()))
        if role == "fail" and not re.search(r"not|n['’]t", m.group(0), re.I) and _negated(text, start):
            continue
        out.append(Cue(m.start(), m.end(), m.group(0), role))
    return out


def find_attempts(text: str) -> list[Attempt]:
    """ "second attempt", "the first time", "first two attempts", "twice"."""
    c = _compiled()
    x = lex()
    words = {**x["numbers"], "twice": 2, "thrice": 3, "once": 1}
    out: list[Attempt] = []
    taken: list[tuple[int, int]] = []
    for rx in c["counts"]:
        for m in rx.finditer(text):
            groups = m.groupdict()
            if groups.get("two") is not None:
                count = 2
            else:
                raw = re.sub(r"\s+times$", "", re.sub(r"\s+", " ", groups["count"].lower()))
                count = int(raw) if raw.isdigit() else words[raw]
            if _overlaps(m.start(), m.end(), taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Attempt(m.start(), m.end(), m.group(0), count=count))
    for rx in c["totals"]:
        for m in rx.finditer(text):
            if not _overlaps(m.start(), m.end(), taken):
                raw = m["total"].lower()
                taken.append((m.start(), m.end()))
                out.append(Attempt(m.start(), m.end(), m.group(0), total=int(raw) if raw.isdigit() else words[raw]))
    for m in c["ordinal"].finditer(text):
        if not _overlaps(m.start(), m.end(), taken):
            out.append(Attempt(m.start(), m.end(), m.group(0), number=x["ordinals"][m["ord"].lower()]))
    return sorted(out, key=lambda a: a.start)


def find_lengths(text: str) -> list[Length]:
    """How long something lasted, in months (a range when the text is loose)."""
    c = _compiled()
    x = lex()["lengths"]
    numbers = lex()["numbers"]
    out = []
    for m in c["length"].finditer(text):
        raw = m["n"].lower()
        n = int(raw) if raw.isdigit() else numbers[raw]
        months = n * x["units"][m["unit"].lower()]
        out.append(Length(m.start(), m.end(), m.group(0), months, months, bool(m["approx"])))
    for m in c["named_length"].finditer(text):
        lo, hi = x["named"][re.sub(r"\s+", " ", m["named"].lower())]
        out.append(Length(m.start(), m.end(), m.group(0), lo, hi, True))
    return sorted(out, key=lambda length: length.start)
