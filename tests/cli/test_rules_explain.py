"""`coach rules --explain ID` prints the spaCy Matcher patterns a rule line compiles to."""
import json

from coach.cli import main


def test_explain_prints_compiled_matcher_patterns(capsys):
    assert main(["rules", "--explain", "hedge:softeners"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("hedge:softeners")
    compiled = [json.loads(line.strip().split("  (context")[0]) for line in out.splitlines()
                if line.strip().startswith("[{")]
    assert {"LOWER": {"IN": ["kind", "sort"]}} in compiled[0]


def test_explain_of_an_unknown_rule_is_a_usage_error(capsys):
    assert main(["rules", "--explain", "no:such-rule"]) == 2
    assert "no rule with id 'no:such-rule'" in capsys.readouterr().err
