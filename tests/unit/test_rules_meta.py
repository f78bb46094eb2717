"""Every rule is well formed and has should-flag and should-pass examples (proselint's meta-test)."""
import pytest

from coach.rules import all_rules, lexicon
from coach.rules.patterns import compile_patterns
from coach.vocab import FLAG_TYPES

RULES = all_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_has_examples(rule):
    assert rule.examples_flag, f"{rule.id} has no should-flag example"
    assert rule.examples_pass, f"{rule.id} has no should-pass example"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_well_formed(rule):
    assert rule.type in FLAG_TYPES
    assert rule.id.split(":")[0] in {"vague", "blame", "hedge", "minimizing", "passive", "oversharing", "length", "model"}
    assert rule.message.endswith((".", ")")) and rule.suggestion
    for p in rule.patterns:
        assert compile_patterns(p)
    if rule.rule_kind == "phrase":
        assert rule.patterns, f"{rule.id} is a phrase rule without patterns"


def test_every_required_type_has_a_rule():
    types = {r.type for r in RULES}
    assert {"vague", "blame", "hedge", "minimizing", "passive_agency", "oversharing", "length"} <= types


def _pattern_lines(node, key=""):
    """Every string under a key that holds patterns (patterns, groups, spoken)."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _pattern_lines(v, k if k in ("patterns", "spoken") or key == "groups" or k == "groups" else key)
    elif isinstance(node, list):
        for v in node:
            if isinstance(v, str):
                if key:
                    yield v
            else:
                yield from _pattern_lines(v, key)


@pytest.mark.parametrize("name", ["features", "ownership", "kinds", "red_flags"])
def test_lexicons_compile(name):
    lines = list(_pattern_lines(lexicon(name)))
    assert lines
    for line in lines:
        assert compile_patterns(line)
