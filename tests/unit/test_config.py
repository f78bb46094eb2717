"""User settings: disabled rules and ignored phrases, from TOML and the command line."""
import os
import stat

import pytest

from coach.config import ConfigError, Settings, config_path, load_settings, save_settings
from coach.report.findings import Finding


def finding(type_="hedge", rule="hedge:softeners", text="kind of"):
    return Finding(type_, 0, len(text), text, "m", rule, "info", "s")


def test_config_path_honours_override(tmp_path, monkeypatch):
    monkeypatch.setenv("COACH_CONFIG", str(tmp_path / "c.toml"))
    assert config_path() == tmp_path / "c.toml"


def test_missing_file_means_no_settings(tmp_path):
    assert load_settings(tmp_path / "none.toml") == Settings()


def test_round_trip_is_private(tmp_path):
    path = tmp_path / "sub" / "config.toml"
    save_settings(Settings(frozenset({"hedge"}), frozenset({"kind of"})), path)
    assert load_settings(path) == Settings(frozenset({"hedge"}), frozenset({"kind of"}))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_disable_by_type_or_rule_and_ignore_phrase_case_insensitively():
    f = finding()
    assert Settings(frozenset({"hedge"})).silences(f)
    assert Settings(frozenset({"hedge:softeners"})).silences(f)
    assert Settings().merged(ignore=["Kind  OF"]).silences(f)
    assert not Settings(frozenset({"vague"})).silences(f)
    assert Settings().merged(disable=["hedge"]).apply([f, finding("vague", "vague:x", "stuff")])[0].type == "vague"


@pytest.mark.parametrize("body", ["[rules\n", "[rules]\ndisable = 'hedge'\n", "[ignore]\nphrases = [1]\n"])
def test_bad_config_is_a_clear_error(tmp_path, body):
    path = tmp_path / "config.toml"
    path.write_text(body)
    with pytest.raises(ConfigError, match="config.toml"):
        load_settings(path)
