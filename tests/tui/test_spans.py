"""The editor's mark arithmetic: offsets to lines, and marks that follow an edit."""
from __future__ import annotations

import pytest

from coach.tui.spans import LineIndex, Mark, common_prefix, common_suffix, marks_for, shift_marks


def test_line_index_maps_offsets_to_rows_and_columns():
    text = "ab\ncde\n\nf"
    index = LineIndex(text.split("\n"))
    assert [index.location(i) for i in (0, 2, 3, 5, 6, 7, 8, 9)] == [
        (0, 0), (0, 2), (1, 0), (1, 2), (1, 3), (2, 0), (3, 0), (3, 1)]
    assert index.location(99) == (3, 1)  # clamped, never an IndexError


def test_line_index_with_windows_newlines():
    text = "ab\r\ncd"
    index = LineIndex(text.split("\r\n"), "\r\n")
    assert index.location(text.index("c")) == (1, 0)


def test_marks_are_cut_per_line():
    index = LineIndex(["one two", "three"])
    by_line = index.by_line([Mark(4, 11, "flag--vague")])
    assert by_line == {0: [(4, 7, "flag--vague")], 1: [(0, 3, "flag--vague")]}


@pytest.mark.parametrize("old,new,expected", [
    ("I think so.", "Well, I think so.", [Mark(6, 13, "x")]),        # insert before: shift
    ("I think so.", "I think so!", [Mark(0, 7, "x")]),               # edit after: unchanged
    ("I think so.", "I do think so.", [Mark(0, 10, "x")]),           # insert inside: stretch
    ("I think so.", "I so.", [Mark(0, 2, "x")]),                      # middle deleted: clipped
    ("I think so.", "So.", []),                                       # mark deleted: dropped
    ("I think so.", "I th so.", [Mark(0, 4, "x")]),                   # end cut: clipped
])
def test_shift_marks_follow_the_edit(old, new, expected):
    assert shift_marks([Mark(0, 7, "x")], old, new) == expected


def test_common_prefix_and_suffix():
    assert common_prefix("abcdef", "abXdef") == 2
    assert common_suffix("abcdef", "abXdef", 10) == 3
    assert common_suffix("aaa", "aaaa", 3) == 3


def test_marks_for_paints_short_findings_over_long_ones(analyze, fixture_text):
    report = analyze(fixture_text("blame-interview.txt"))
    marks = marks_for(report, report.flags)
    parts = [m for m in marks if m.style.startswith("part--")]
    flags = [m for m in marks if m.style.startswith("flag--")]
    assert marks[: len(parts)] == parts  # sentence tints first
    lengths = [m.end - m.start for m in flags]
    assert lengths == sorted(lengths, reverse=True)


def test_shifting_marks_on_a_2000_word_draft():
    """Marks after an insertion move with the text; those before stay (the per-keystroke path).

    Its speed is measured in benchmarks/bench_typing.py, not asserted here.
    """
    text = ("I failed Step 1 because of some personal issues and I kind of panicked. " * 150)
    assert len(text.split()) >= 2000
    marks = [Mark(i, i + 20, "flag--vague") for i in range(0, len(text) - 20, 37)]
    edited = text[:5000] + "x" + text[5000:]
    shifted = shift_marks(marks, text, edited)
    for before, after in zip(marks, shifted):
        if before.end <= 5000:
            assert (after.start, after.end) == (before.start, before.end)
        elif before.start >= 5000:
            assert (after.start, after.end) == (before.start + 1, before.end + 1)
    assert LineIndex(edited.split("\n")).by_line(shifted)
