"""Benchmark: the TUI's per-keystroke work on a 2,000-word draft (shifting highlight marks).

Analysis itself runs after a debounce, off the UI thread; what runs on every key is moving the
existing marks with the edit and indexing them by line. Target: well under one 60 Hz frame
(16 ms). Run with `python benchmarks/bench_typing.py`.
"""
from __future__ import annotations

import time

from coach.tui.spans import LineIndex, Mark, shift_marks


def main(rounds: int = 200) -> None:
    text = "I failed Step 1 because of some personal issues and I kind of panicked. " * 150
    marks = [Mark(i, i + 20, "flag--vague") for i in range(0, len(text) - 20, 37)]
    edited = text[:5000] + "x" + text[5000:]
    lines = edited.split("\n")
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(rounds):
            LineIndex(lines).by_line(shift_marks(marks, text, edited))
        best = min(best, (time.perf_counter() - start) / rounds)
    print(f"{len(text.split())} words, {len(marks)} marks: {best * 1000:.2f} ms per keystroke (target < 16 ms)")


if __name__ == "__main__":
    main()
