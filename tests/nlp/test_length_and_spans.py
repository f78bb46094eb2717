"""Length rules count sentences, words and characters; finding spans carry no edge whitespace."""
from __future__ import annotations

import pytest

from coach.limits import limits
from coach.render.visible import visible, visible_lines
from coach.report.findings import trim_span


def length_flags(report):
    return [f for f in report.flags if f.type == "length"]


def test_a_one_sentence_giant_statement_is_flagged_by_words(analyze):
    text = "I failed Step 1 because " + "I studied and worked and cared for my family and " * 2000 + "then passed."
    report = analyze(text, kind="statement")
    (flag,) = length_flags(report)
    assert f"{report.word_count:,} words" in flag.message  # the header and the finding agree
    assert report.text[flag.start:flag.end] == flag.text and flag.start > 0


def test_a_statement_without_spaces_is_flagged_by_characters(analyze):
    text = "I failed Step 1. " + "x" * (limits().statement_max_characters + 50)
    (flag,) = length_flags(analyze(text, kind="statement"))
    assert "characters" in flag.message


def test_an_interview_without_spaces_is_flagged_by_characters(analyze):
    text = "I failed Step 1 in June. " * 5 + "y" * limits().interview_max_characters
    assert length_flags(analyze(text, kind="interview"))


def test_word_counts_agree_between_header_and_finding(analyze):
    text = "I failed the shelf. It's my fault—I didn't study. " * 3
    report = analyze(text, kind="interview")
    (flag,) = length_flags(report)
    assert f"This one is {report.word_count} words" in flag.message


@pytest.mark.parametrize("text,span,want", [
    ("\n\n  word here \n", (0, 15), "word here"),
    ("abc", (0, 3), "abc"),
    ("a   ", (1, 4), ""),
])
def test_trim_span(text, span, want):
    start, end = trim_span(text, *span)
    assert text[start:end] == want


def test_no_finding_starts_or_ends_with_whitespace(analyze):
    text = "\n\n  I kind of failed Step 1.\n\n\nI think it was\n\n  because of personal issues.  \n\n"
    for f in analyze(text).flags:
        assert f.text == f.text.strip() and f.text, f


def test_visible_makes_every_control_character_printable():
    raw = "a\x1b[2Jb\x1b]0;t\x07c\x9bd\x00e\x7ff\u202eg\r\n"
    shown = visible(raw)
    assert shown.isprintable() and "␛[2J" in shown and "\\x9b" in shown and "\\u202e" in shown
    assert visible_lines("one\r\ntwo\tthree") == "one\ntwo\tthree"
