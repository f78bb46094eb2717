"""Each rule's should-flag examples raise a finding of its type; the rule itself stays silent on
its should-pass examples (as proselint checks its rules). Whether the *learned* detectors stay
silent on hard negatives is tested on their own in test_detectors.py, so a model threshold that
moves with a retrain cannot hide or fake a rule's behaviour here."""
import pytest

from coach.rules import all_rules

CASES = [(r, ex, True) for r in all_rules() for ex in r.examples_flag] + \
        [(r, ex, False) for r in all_rules() for ex in r.examples_pass]


@pytest.mark.parametrize("rule,example,should_flag", CASES,
                         ids=[f"{r.id}-{'flag' if f else 'pass'}-{i}" for i, (r, _, f) in enumerate(CASES)])
def test_rule_example(analyze, rule, example, should_flag):
    kind = rule.params.get("applies_to", "statement")
    found = [f for f in analyze(example, kind=kind).flags if f.type == rule.type]
    if should_flag:
        assert found, f"{rule.id} should flag: {example}"
    else:
        fired = [f for f in found if f.rule == rule.id]
        assert not fired, f"{rule.id} should pass: {example} -> {[(f.rule, f.text) for f in fired]}"
