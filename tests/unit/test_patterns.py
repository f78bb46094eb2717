"""The rule-file pattern notation compiles to the Matcher patterns it promises."""
import pytest

from coach.rules.patterns import PatternError, compile_pattern, compile_patterns, token_patterns


def test_plain_words_and_alternatives():
    cp = compile_pattern("some personal|family issues")
    assert cp.tokens == [{"LOWER": "some"}, {"LOWER": {"IN": ["personal", "family"]}}, {"LOWER": "issues"}]
    assert (cp.lead, cp.trail) == (0, 0)


def test_prefix_kinds_and_quantifiers():
    cp = compile_pattern("~issue|matter @VERB #VBD $DATE !not _? x{0,2}")
    assert cp.tokens[0] == {"LEMMA": {"IN": ["issue", "matter"]}}
    assert cp.tokens[1] == {"POS": {"IN": ["VERB"]}}
    assert cp.tokens[2] == {"TAG": {"IN": ["VBD"]}}
    assert cp.tokens[3] == {"ENT_TYPE": {"IN": ["DATE"]}}
    assert cp.tokens[4] == {"LOWER": {"NOT_IN": ["not"]}}
    assert cp.tokens[5] == {"OP": "?"}
    assert cp.tokens[6] == {"LOWER": "x", "OP": "{0,2}"}


def test_context_tokens_are_trimmed_by_alignment():
    cp = compile_pattern("-only|just by a few points")
    assert (cp.lead, cp.trail) == (1, 0)
    # alignment: each matched token's pattern index
    assert cp.flagged([0, 1, 2, 3, 4]) == (1, 5)


def test_context_in_the_middle_is_rejected():
    with pytest.raises(PatternError):
        compile_pattern("a -b c")


def test_only_context_is_rejected():
    with pytest.raises(PatternError):
        compile_pattern("-a -b")


def test_groups_expand_into_sequences():
    lines = [" ".join(t["LOWER"] for t in cp.tokens) for cp in compile_patterns("(a lot|lots) going on")]
    assert lines == ["a lot going on", "lots going on"]


def test_optional_and_context_groups():
    cps = compile_patterns("-(it is|it 's)? on me")
    assert len(cps) == 3
    assert all(cp.tokens[-1] == {"LOWER": "me"} for cp in cps)
    assert cps[0].lead == 2


@pytest.mark.parametrize("bad", ["(a b", "a b)", "( | a)"])
def test_bad_groups(bad):
    with pytest.raises(PatternError):
        compile_patterns(bad)


def test_token_patterns_flattens():
    assert len(token_patterns(["(a|b) c", "d"])) == 3
