"""Pure helpers for the editor's inline marks: report offsets → styled spans → per-line columns.

Kept free of Textual so the offset arithmetic (the part most likely to be subtly wrong) is tested
directly. Offsets are `str` indices into the editor's text, exactly like the report's.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from coach.report.document import Report
from coach.report.findings import Finding


class Mark(NamedTuple):
    """A styled character range; `style` names a component class of the editor."""

    start: int
    end: int
    style: str


def part_style(component: str) -> str:
    return f"part--{component}"


def flag_style(flag_type: str) -> str:
    return f"flag--{flag_type}"


def marks_for(report: Report, flags: Iterable[Finding]) -> list[Mark]:
    """Sentence tints for the three parts first, then findings, longest first.

    Later marks paint over earlier ones, so a short `hedge` inside a sentence-long `blame` stays
    visible. A whole-draft `length` finding is not painted (it would hide everything else); the
    findings list still shows it.
    """
    text_len = len(report.text.rstrip())
    marks = [Mark(s.start, s.end, part_style(s.component)) for s in report.sentences if s.component != "other"]
    spans = [f for f in flags if not (f.type == "length" and f.start == 0 and f.end >= text_len)]
    spans.sort(key=lambda f: (-(f.end - f.start), f.start))
    marks += [Mark(f.start, f.end, flag_style(f.type)) for f in spans if f.end > f.start]
    return marks


def common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by bisection over slices (C-speed even for long pastes)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix(a: str, b: str, limit: int) -> int:
    """Length of the common suffix, at most `limit` characters."""
    lo, hi = 0, min(len(a), len(b), limit)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def shift_marks(marks: Sequence[Mark], old: str, new: str) -> list[Mark]:
    """Move marks made for `old` so they sit on the same words in `new`.

    Between a keystroke and the next analysis the marks must follow the text instead of sliding
    onto the wrong words. The edit is found as the differing middle of the two strings; a mark
    that contains it stretches or shrinks, one cut by it is clipped, one inside it is dropped.
    """
    if old == new:
        return list(marks)
    p = common_prefix(old, new)
    s = common_suffix(old, new, min(len(old), len(new)) - p)
    old_end, new_end = len(old) - s, len(new) - s
    delta = new_end - old_end
    out = []
    for m in marks:
        # Text typed right before a mark pushes it along; text typed right after it stays out.
        start = m.start if m.start < p else (m.start + delta if m.start >= old_end else new_end)
        end = m.end if m.end <= p else (m.end + delta if m.end >= old_end else p)
        if end > start:
            out.append(Mark(start, end, m.style))
    return out


class LineIndex:
    """Maps text offsets to (row, column) for a document split into lines by one newline string."""

    def __init__(self, lines: Sequence[str], newline: str = "\n"):
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + len(newline)
        self.starts = starts
        self.lengths = [len(line) for line in lines]

    def location(self, offset: int) -> tuple[int, int]:
        """The (row, column) of a text offset, clamped into the document."""
        row = max(0, bisect_right(self.starts, max(0, offset)) - 1)
        return row, min(max(0, offset - self.starts[row]), self.lengths[row])

    def by_line(self, marks: Iterable[Mark]) -> dict[int, list[tuple[int, int, str]]]:
        """Each mark cut into per-line column ranges, in painting order."""
        out: dict[int, list[tuple[int, int, str]]] = {}
        for m in marks:
            r0, c0 = self.location(m.start)
            r1, c1 = self.location(m.end)
            for row in range(r0, r1 + 1):
                a = c0 if row == r0 else 0
                b = c1 if row == r1 else self.lengths[row]
                if b > a:
                    out.setdefault(row, []).append((a, b, m.style))
        return out
