"""Every limit a user sees has one home (coach/rules/data/limits.toml); messages quote it."""
from __future__ import annotations

import re
from pathlib import Path

from coach.limits import limits
from coach.rules import all_rules

COACH = Path(__file__).resolve().parents[2] / "coach"


def test_spoken_band_is_sixty_to_one_twenty_seconds_at_150_words_a_minute():
    lim = limits()
    assert lim.interview_seconds == (60, 120) and lim.words_per_minute == 150
    assert lim.interview_words == (150, 300)
    fewest, most = lim.interview_flag_words
    assert fewest < lim.interview_words[0] and most > lim.interview_words[1]  # slack before flagging


def test_length_messages_quote_the_limits_file():
    lim = limits()
    by_id = {r.id: r for r in all_rules()}
    assert str(lim.eras_characters) in by_id["length:eras-characters"].message
    assert "{" not in "".join(r.message + r.suggestion for r in all_rules())
    assert all(set(r.params) == {"applies_to"} for r in all_rules() if r.rule_kind == "length")


def test_no_module_restates_the_eras_limit():
    offenders = [str(p.relative_to(COACH)) for p in COACH.rglob("*.py")
                 if re.search(r"(?<![\d.])750(?![\d])", p.read_text(encoding="utf-8"))]
    assert offenders == []
