"""`analyze_many`: the same Reports as `analyze`, in order, streaming, errors in place."""
from __future__ import annotations

import itertools

import pytest

from coach.analysis import analyze_many
from coach.inputs import InputError


def test_same_reports_as_analyze_in_order_with_errors_in_place(analyze, fixture_text):
    texts = [fixture_text(n) for n in ("blame-interview.txt", "vague-statement.txt", "strong-statement.txt")]
    items = [texts[0], "", (texts[1], None), "\x00\x01binary", texts[2]]
    results = list(analyze_many(items, batch_size=2))
    assert [type(r).__name__ for r in results] == ["Report", "InputError", "Report", "InputError", "Report"]
    assert [r for r in results if not isinstance(r, InputError)] == [analyze(t) for t in texts]


def test_options_and_mspe_match_analyze(analyze, fixture_text):
    text = fixture_text("blame-interview.txt")
    mspe = "The student failed the surgery shelf examination on the first attempt and passed on re-examination."
    (got,) = analyze_many([(text, mspe)], kind="statement", red_flag="shelf_fail")
    assert got == analyze(text, kind="statement", red_flag="shelf_fail", mspe=mspe)
    assert got.mspe is not None


def test_streams_an_endless_input(analyze):
    """Only about one batch is read ahead: an infinite iterator still yields its first reports."""
    drafts = (f"I failed Step 1 in June and retook it {n} weeks later with a plan." for n in itertools.count())
    first = list(itertools.islice(analyze_many(drafts, batch_size=4), 3))
    assert len(first) == 3 and "retook it 2 weeks" in first[2].text


def test_extract_sees_each_doc_once(analyze):
    seen = []
    out = list(analyze_many(["I failed Step 1, Dr. Maria Lopez said.", ""], extract=lambda d: seen.append(d.text) or len(d.ents)))
    assert len(seen) == 1 and out[1] == (out[1][0], None) and isinstance(out[1][0], InputError)


def test_unknown_option_is_refused_before_any_work():
    with pytest.raises(ValueError):
        next(analyze_many(["x"], kind="novel"))
