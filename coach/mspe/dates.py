"""Dates as students and deans write them: "June 2023", "spring of 2024", "the 2021–2022 academic year".

A date keeps the set of calendar months it could mean, so "fall 2023" agrees with "October 2023"
and "spring 2024" does not agree with "fall 2023"; a month without a year ("in September")
agrees with that month of any year. Nothing here guesses a year: a bare month borrows one only
from its own phrase ("from January to July of 2024", "August and November 2024").
Pure text in, plain records out, so the extractor and its tests need no spaCy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coach.rules import lexicon

YEAR = r"(?:19[89]\d|20[0-4]\d)"
Month = tuple  # (year or None, month 1-12)


@dataclass(frozen=True)
class When:
    """One date mention: where it is, what it says, and every calendar month it could mean."""

    start: int
    end: int
    text: str
    months: frozenset  # of (year | None, month)
    has_year: bool      # the mention itself names a year
    has_month: bool     # precise to the month (not a season or a whole year)

    def to_dict(self) -> dict:
        """Plain JSON: the words and where they are."""
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class DateRange:
    """Two mentions joined as a span: "from August 2023 to January 2024"."""

    first: When
    last: When


@lru_cache(maxsize=1)
def _lex() -> dict:
    return lexicon("mspe")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = _lex()
    names = sorted(lex["months"], key=len, reverse=True)
    # an abbreviation ("Sept.") may take a full stop; a full name never does (that is the sentence's)
    short = [n for n in names if any(o != n and o.startswith(n) for o in names)]
    full = [n for n in names if n not in short]
    seasons = "|".join(sorted(lex["seasons"], key=len, reverse=True))
    month = rf"(?P<month>(?:{'|'.join(full)})|(?:{'|'.join(short)})\.?)"
    season = rf"(?P<season>{seasons})(?:\s+(?:semester|term|quarter))?"
    sep = r"(?:\s+of|,)?\s+"
    return {
        "academic": re.compile(rf"\b(?P<y1>{YEAR})\s*[-–—/]\s*(?P<y2>{YEAR}|\d\d)\b(?:\s+(?:academic|school)\s+year)?", re.I),
        "month_year": re.compile(rf"\b{month}{sep}(?P<year>{YEAR})\b", re.I),
        "season_year": re.compile(rf"\b{season}{sep}(?P<year>{YEAR})\b", re.I),
        "month": re.compile(rf"\b{month}(?![\w'’-])", re.I),
        "season": re.compile(rf"\b{season}\b(?![\w'’-])", re.I),
        "year": re.compile(rf"(?<![\d$.,/-])\b(?P<year>{YEAR})\b(?![\d%,.]\d)"),
    }


def _season_months(name: str, year: int | None) -> frozenset:
    months = _lex()["seasons"][name.lower()]
    if year is None:
        return frozenset((None, m) for m in months)
    # winter straddles New Year: "winter 2023" may mean December 2022 or early 2023
    out = {(year, m) for m in months}
    if name.lower() == "winter":
        out |= {(year - 1, 12)}
    return frozenset(out)


def _bare_allowed(text: str, start: int, word: str) -> bool:
    """A month or season without a year is a date only after a date word ("in", "that", "the")."""
    words = _lex()["date_words"]
    before = re.findall(r"[a-z]+", text[max(0, start - 30):start].lower())
    fillers = set(words["fillers"])
    while before and before[-1] in fillers:
        before.pop()
    if not before:
        return word[:1].isupper() and word.lower() not in ("may", "march", "fall")
    return before[-1] in set(words["before_bare"])


_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|to\s+|through\s+|until\s+|[-–—]\s*)")


def _joined_to_dated(text: str, pos: int) -> bool:
    """Is the month ending at `pos` joined to a dated one ("August and November 2024")?"""
    m = _JOINER.match(text, pos)
    return bool(m and m.end() > pos and _patterns()["month_year"].match(text, m.end()))


def find_dates(text: str) -> list[When]:
    """Every date mention in text order; longer readings win over shorter overlapping ones."""
    pats = _patterns()
    found: list[When] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: re.Match, months: frozenset, has_year: bool, has_month: bool) -> None:
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(When(m.start(), m.end(), m.group(0), months, has_year, has_month))

    month_no = _lex()["months"]
    for m in pats["academic"].finditer(text):
        y1, y2 = int(m["y1"]), m["y2"]
        y2 = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2)
        if y2 != y1 + 1:
            continue
        add(m, frozenset({(y1, k) for k in range(7, 13)} | {(y2, k) for k in range(1, 7)}), True, False)
    for m in pats["month_year"].finditer(text):
        add(m, frozenset({(int(m["year"]), month_no[m["month"].lower().rstrip(".")])}), True, True)
    for m in pats["season_year"].finditer(text):
        add(m, _season_months(m["season"], int(m["year"])), True, False)
    for m in pats["month"].finditer(text):
        if _joined_to_dated(text, m.end()) or _bare_allowed(text, m.start(), m.group("month")):
            add(m, frozenset({(None, month_no[m["month"].lower().rstrip(".")])}), False, True)
    for m in pats["season"].finditer(text):
        if _bare_allowed(text, m.start(), m.group("season")):
            add(m, _season_months(m["season"], None), False, False)
    for m in pats["year"].finditer(text):
        y = int(m["year"])
        add(m, frozenset((y, k) for k in range(1, 13)), True, False)
    found.sort(key=lambda w: w.start)
    return _borrow_years(text, found)


def _joined(text: str, a: When, b: When, joiners: list[str]) -> bool:
    gap = text[a.end:b.start].strip().lower()
    fillers = _lex()["date_words"]["range_fillers"]
    gap = re.sub(rf"\b(?:{'|'.join(fillers)})\b", " ", gap)
    gap = re.sub(r"[\s,]+", " ", gap).strip()
    gap = re.sub(r"\b(\w+)(?: \1\b)+", r"\1", gap)  # spoken repeats: "to, to" is "to"
    gap = re.sub(r"^of ", "", gap)
    return gap in joiners or (gap == "" and "," in joiners)


def _with_year(w: When, year: int) -> When:
    months = frozenset((year if y is None else y, m) for y, m in w.months)
    return When(w.start, w.end, w.text, months, w.has_year, w.has_month)


def _borrow_years(text: str, dates: list[When]) -> list[When]:
    """A bare month joined to a dated one takes its year ("January to July of 2024")."""
    words = _lex()["date_words"]
    joiners = set(words["range_joiners"]) | set(words["list_joiners"])
    out = list(dates)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.has_year or not a.has_month or not _joined(text, a, b, list(joiners)):
            continue
        years = {y for y, _ in b.months if y is not None}
        if len(years) != 1:
            continue
        year = years.pop()
        if _joined(text, a, b, words["range_joiners"]) and not _joined(text, a, b, ["and"]):
            # a range runs forward: "November to March 2023" starts in November 2022
            (_, ma), = a.months
            mb = min(m for _, m in b.months)
            year = year - 1 if ma > mb else year
        out[i] = _with_year(a, year)
    return out


def find_ranges(text: str, dates: list[When]) -> list[DateRange]:
    """Pairs of neighbouring dates written as a span ("from X to Y", "X through Y", "X–Y")."""
    joiners = [j for j in _lex()["date_words"]["range_joiners"] if j != "and"]
    out = []
    for a, b in zip(dates, dates[1:]):
        if _joined(text, a, b, joiners) or _joined(text, a, b, ["and"]) and re.search(r"\bbetween\s+$", text[max(0, a.start - 12):a.start], re.I):
            out.append(DateRange(a, b))
    return out


def compatible(a: When | frozenset, b: When | frozenset) -> bool:
    """Could the two dates mean the same month? A missing year agrees with any year."""
    ma = a.months if isinstance(a, When) else a
    mb = b.months if isinstance(b, When) else b
    for ya, m in ma:
        for yb, n in mb:
            if m == n and (ya is None or yb is None or ya == yb):
                return True
    return False


def absolute(w: When) -> list[int] | None:
    """Month numbers on one line (year * 12 + month), or None when the year is unknown."""
    if any(y is None for y, _ in w.months):
        return None
    return sorted(y * 12 + m - 1 for y, m in w.months)


def span_months(first: When, last: When) -> tuple[int, int] | None:
    """The fewest and most whole months from the first date to the last (None without years)."""
    a, b = absolute(first), absolute(last)
    if a is None or b is None:
        return None
    lo, hi = b[0] - a[-1], b[-1] - a[0] + 1  # "January to July" is six or seven months
    return (max(lo, 0), max(hi, 0))


def gap_ok(earlier: When, later: When, most: int = 2) -> bool:
    """Is `later` the same month as `earlier` or at most `most` months after it?"""
    a, b = absolute(earlier), absolute(later)
    if a is None or b is None:
        ma = {m for _, m in earlier.months}
        mb = {m for _, m in later.months}
        return any((y - x) % 12 <= most for x in ma for y in mb)
    return any(0 <= y - x <= most for x in a for y in b)


def window(first: When, last: When) -> frozenset | None:
    """Every month from the first date to the last, for "during" checks (None without years)."""
    a, b = absolute(first), absolute(last)
    if a is None or b is None:
        return None
    return frozenset((k // 12, k % 12 + 1) for k in range(a[0], b[-1] + 1))


def precision(w: When) -> tuple[bool, bool]:
    """(names a year, names a month): used to prefer the more exact of two agreeing wordings."""
    return (w.has_year, w.has_month)
