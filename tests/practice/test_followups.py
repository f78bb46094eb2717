"""The follow-up an interviewer would ask, chosen from the report of the last answer.

Reports are built by hand here so each weakness is tested on its own, whatever the models say.
"""
from __future__ import annotations

import pytest

from coach.practice.bank import load_bank
from coach.practice.consistency import Contradiction
from coach.practice.rounds import MAX_FOLLOW_UPS, Round, assess, choose_follow_up, round_complete, spoken_length
from coach.report.document import ComponentResult, Report
from coach.report.findings import Finding


def report(*, missing=(), flags=(), words=200, text="I failed Step 1 in July 2023."):
    comps = {c: ComponentResult(c not in missing, 0.9, ()) for c in ("context", "change", "evidence")}
    fs = tuple(Finding(t, 0, 1, "I", "msg", f"rule:{t}", sev, "try") for t, sev in flags)
    return Report(text=text, path=None, kind="interview", red_flag="step1_fail", word_count=words, sentences=(),
                  components=comps, flags=fs, scores={"overall": 70, "structure": 100})


CASES = [
    ({"missing": ["evidence"]}, "no_evidence", "How do you know the change worked?"),
    ({"flags": [("blame", "error")]}, "blame", "What part of that was in your control?"),
    ({"flags": [("vague", "warning")], "missing": ["context"]}, "vague", "What specifically was going on?"),
    ({"missing": ["change"]}, "no_change", None),
    ({"missing": ["context"]}, "no_context", None),
    ({"flags": [("minimizing", "warning")], "missing": ["evidence"]}, "minimizing", None),
]


@pytest.mark.parametrize("kw, weakness, text", CASES)
def test_each_weakness_gets_its_follow_up(kw, weakness, text):
    follow = choose_follow_up(report(**kw), [], [])
    assert follow.weakness == weakness
    if text:
        assert follow.text == text


def test_a_contradiction_is_asked_about_with_both_wordings():
    c = Contradiction("MSPE", "date_failed", "July 2023", "September 2023", "…")
    follow = choose_follow_up(report(flags=[("blame", "error")]), [c], [])
    assert follow.weakness == "contradiction"
    assert follow.text == "Your MSPE says September 2023; you said July 2023 — which is right?"


def test_user_words_in_a_contradiction_are_never_a_template():
    c = Contradiction("statement", "date_failed", "{source} {0}", "[bold]x[/]", "…")
    follow = choose_follow_up(report(), [c], [])
    assert "{source} {0}" in follow.text and "[bold]x[/]" in follow.text


def test_a_complete_answer_ends_the_round():
    r = report()
    assert round_complete(r, [])
    assert choose_follow_up(r, [], []) is None


def test_a_high_severity_flag_keeps_the_round_going():
    assert not round_complete(report(flags=[("length", "error")]), [])
    assert choose_follow_up(report(flags=[("hedge", "info")]), [], []) is None  # low severity: done


def test_the_interviewer_moves_on_to_a_weakness_not_yet_pressed():
    r = report(flags=[("blame", "error")], missing=["evidence"])
    assert choose_follow_up(r, [], ["blame"]).weakness == "no_evidence"
    assert choose_follow_up(r, [], ["blame", "no_evidence"]).weakness == "blame"  # nothing fresh: ask again


def test_the_round_ends_after_three_follow_ups():
    rnd = Round(load_bank().get("what-happened-step1"))
    weak = report(missing=["evidence", "change"])
    results = [assess(weak, rnd) for _ in range(MAX_FOLLOW_UPS + 1)]
    assert [r.follow_up is not None for r in results] == [True, True, True, False]
    assert rnd.done and not results[-1].round_complete
    assert [r.is_follow_up for r in results] == [False, True, True, True]


def test_spoken_length_is_words_at_150_a_minute_against_the_band():
    assert spoken_length(150).seconds == 60 and spoken_length(150).verdict == "ok"
    assert spoken_length(100).verdict == "short"
    assert spoken_length(310).verdict == "long"
    assert choose_follow_up(report(missing=["evidence"], words=400), [], ["no_evidence"]).weakness == "too_long"
