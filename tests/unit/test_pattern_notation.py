"""Meta-test of the compact pattern notation: no pattern line in the shipped data misleads.

The notation has misled its own authors: a `|` inside a group separates word *sequences*, not
words, and plain words are compared lower-cased, so "I|i" or "(the school|the program|program)"
say something other than what the matcher does. `lint_pattern` names such lines.
"""
from __future__ import annotations

import pytest

from coach.rules import all_rules, lexicon
from coach.rules.patterns import lint_pattern


def _shipped_lines() -> list[tuple[str, str]]:
    lines = [(r.id, p) for r in all_rules() for p in r.patterns]
    lines += [(f"features:{g}", p) for g, ps in lexicon("features")["groups"].items() for p in ps]
    lines += [("ownership", p) for p in lexicon("ownership")["patterns"]]
    lines += [("kinds:spoken", p) for p in lexicon("kinds")["spoken"]]
    lines += [(f"red_flags:{t['name']}", p) for t in lexicon("red_flags")["type"] for p in t["patterns"]]
    return lines


def test_every_shipped_pattern_line_is_clean():
    problems = [f"{where}: {line!r}: {msg}" for where, line in _shipped_lines() for msg in lint_pattern(line)]
    assert problems == []


@pytest.mark.parametrize("line,problem", [
    ("I|i guess", "upper-case plain word 'I'"),
    ("(the way I did things|stuff)", "upper-case plain word 'I'"),
    ("a|my plan|plan", "alternative 'plan' listed twice"),
    ("~fail|flunk|fail", "alternative 'fail' listed twice"),
    ("~change (the school|the program|the school)", "appears twice"),
])
def test_misleading_lines_are_named(line, problem):
    assert any(problem in msg for msg in lint_pattern(line))


@pytest.mark.parametrize("line", ["i ~guess", "~I", "@PROPN", "$DATE", "(my habits|some things) -!not", "-only|just by"])
def test_clean_lines_pass(line):
    assert lint_pattern(line) == []
