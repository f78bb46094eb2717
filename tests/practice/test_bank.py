"""The question bank is data: it loads strictly, covers every red flag and every follow-up."""
from __future__ import annotations

import pytest

from coach.practice.bank import TONES, WEAKNESSES, BankError, load_bank, parse
from coach.vocab import RED_FLAGS

SEED_TOPICS = {"what-happened", "pattern", "written", "rotations", "boards", "what-changed", "again"}


def test_every_red_flag_gets_the_seed_questions_once_each():
    bank = load_bank()
    for flag in (*RED_FLAGS, None):
        questions = bank.for_red_flag(flag)
        assert {q.topic for q in questions} == SEED_TOPICS
        assert len(questions) == len(SEED_TOPICS)


def test_a_red_flag_variant_replaces_the_general_question():
    bank = load_bank()
    first = bank.for_red_flag("step1_fail")[0]
    assert first.id == "what-happened-step1" and "Step 1" in first.text()
    assert bank.for_red_flag("step2_fail")[1].text() == "Was Step 1 low too, or is this new?"


def test_tones_fall_back_to_neutral():
    bank = load_bank()
    q = bank.get("pattern-shelf")
    assert q.text("friendly") == q.text("neutral")
    assert q.text("skeptical") != q.text("neutral")
    for w in WEAKNESSES:
        for tone in TONES:
            assert bank.follow_up(w, tone)


def test_listing_filters_by_red_flag():
    bank = load_bank()
    rows = [q.to_dict() for q in bank.matching("shelf_fail")]
    assert {r["red_flag"] for r in rows} == {None, "shelf_fail"}
    assert all(set(r) >= {"id", "text", "red_flag"} for r in rows)


def _minimal(**question):
    return {"question": [{"id": "q", "topic": "t", "neutral": "Why?", **question}],
            "follow_up": {w: {"neutral": "x"} for w in WEAKNESSES}}


@pytest.mark.parametrize("bad, words", [
    (_minimal(colour="red"), "unknown key"),
    (_minimal(red_flag="step3_fail"), "unknown red_flag"),
    (_minimal(neutral=""), "neutral"),
    ({"question": [], "follow_up": {}}, "no questions"),
    ({**_minimal(), "follow_up": {"blame": {"neutral": "x"}}}, "no follow_up"),
    ({**_minimal(), "extra": {}}, "unknown table"),
])
def test_a_malformed_bank_is_an_error_that_says_where(bad, words):
    with pytest.raises(BankError, match=words):
        parse(bad, "questions.toml")


def test_the_practice_core_never_imports_textual():
    import subprocess
    import sys

    code = ("import sys; import coach.practice.bank, coach.practice.store, coach.practice.rounds, "
            "coach.practice.consistency, coach.practice.progress, coach.practice.cli; "
            "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
