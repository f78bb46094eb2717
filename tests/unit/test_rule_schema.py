"""Rule files follow a fixed schema: each rule kind accepts its own keys, and a typo is an error
that names the file and the line (tomllib gives no positions, so the loader finds the line)."""
from __future__ import annotations

import pytest

from coach.resources import rules_dir
from coach.rules import KIND_KEYS, RuleError, all_rules, load_rule_file

RULE = """\
# a comment line
[[rule]]
id = "hedge:one"
type = "hedge"
rule_kind = "phrase"
severity = "info"
message = "m"
suggestion = "s"
patterns = ["i guess"]
examples.flag = ["I guess I failed."]

[[rule]]
id = "hedge:two"
type = "hedge"
rule_kind = "phrase"
severity = "info"
message = "m"
suggestion = "s"
{extra}
"""


def _load(tmp_path, extra: str):
    path = tmp_path / "typo.toml"
    path.write_text(RULE.format(extra=extra), encoding="utf-8")
    return load_rule_file(path)


def test_shipped_rule_files_follow_the_schema():
    assert all_rules()  # loading checks every key of every rule


def test_a_misspelt_key_names_the_file_and_its_line(tmp_path):
    with pytest.raises(RuleError, match=r"typo\.toml:19: rule 'hedge:two': unknown key 'paterns'"):
        _load(tmp_path, 'paterns = ["i think"]')


def test_a_misspelt_examples_key_is_caught_too(tmp_path):
    with pytest.raises(RuleError, match=r"typo\.toml:19: .*unknown key 'examples.flg'"):
        _load(tmp_path, 'examples.flg = ["I think so."]')


def test_a_key_of_another_rule_kind_is_an_error(tmp_path):
    with pytest.raises(RuleError, match=r"typo\.toml:19: .*unknown key 'applies_to' for a phrase rule"):
        _load(tmp_path, 'applies_to = "eras"')


def test_a_stray_top_level_table_is_an_error(tmp_path):
    path = tmp_path / "stray.toml"
    path.write_text('[[rules]]\nid = "x"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"stray\.toml:1: unknown table or key 'rules'"):
        load_rule_file(path)


def test_length_rules_take_their_figures_from_limits_toml():
    text = (rules_dir() / "length.toml").read_text(encoding="utf-8")
    assert "min_sentences" not in text and "max_chars" not in text
    assert KIND_KEYS["length"] == {"applies_to"}
