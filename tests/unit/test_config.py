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


# -- never lose the user's file; a bad file is skipped, never fatal --------------------

from coach.config import check_rule_names, edit_settings, load_settings_or_default  # noqa: E402

COMMENTED = """# my settings — keep these notes
[rules]
# hedging is fine in my interviews
disable = ["hedge"]  # trailing comment

[ignore]
phrases = ["kind of"]

[extra]
mine = 1
"""


def test_edits_keep_comments_order_and_unknown_keys(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    settings = edit_settings(ignore=["Sort  Of"], disable=["vague"], path=path)
    text = path.read_text(encoding="utf-8")
    for kept in ("# my settings — keep these notes", "# hedging is fine in my interviews", "# trailing comment",
                 "[extra]", "mine = 1", '"kind of"'):
        assert kept in text
    assert settings == load_settings(path)
    assert settings.ignored == {"kind of", "sort of"} and settings.disabled == {"hedge", "vague"}
    edit_settings(unignore=["sort of"], path=path)
    assert load_settings(path).ignored == {"kind of"} and "# hedging is fine" in path.read_text()


@pytest.mark.parametrize("body", [
    "[rules\ndisable = ['hedge']\n",          # syntax error
    "rules = 5\n",                           # wrong shape: not a table
    "ignore = 'kind of'\n",
    "[rules]\ndisable = [1, 2]\n",
])
def test_a_file_that_cannot_be_parsed_is_never_rewritten(tmp_path, body):
    path = tmp_path / "config.toml"
    path.write_text(body + "# precious comment\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(ConfigError):
        edit_settings(ignore=["kind of"], path=path)
    assert path.read_bytes() == before
    settings, problem = load_settings_or_default(path)
    assert settings == Settings() and "config.toml" in problem and "\n" not in problem


def test_not_utf8_and_non_regular_files_are_config_errors(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b"[rules]\ndisable = ['h\xe9dge']\n")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(path)
    with pytest.raises(ConfigError, match="directory"):
        load_settings(tmp_path)
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="FIFO"):
        load_settings(fifo)  # must not block


def test_a_config_home_that_is_a_file_means_no_settings(tmp_path):
    blocker = tmp_path / "xdg"
    blocker.write_text("not a folder", encoding="utf-8")
    assert load_settings(blocker / "redflag-coach" / "config.toml") == Settings()
    with pytest.raises(OSError):
        edit_settings(ignore=["x"], path=blocker / "redflag-coach" / "config.toml")


def test_the_config_folder_is_0700(tmp_path):
    path = tmp_path / "new" / "config.toml"
    edit_settings(ignore=["x"], path=path)
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700


def test_unknown_rule_ids_name_the_closest():
    check_rule_names(["hedge", "vague:a-lot-going-on", "model:blame", "passive_agency"])
    with pytest.raises(ConfigError, match="did you mean 'hedge'"):
        check_rule_names(["hedg"])
    with pytest.raises(ConfigError, match="did you mean 'vague:a-lot-going-on'"):
        check_rule_names(["vague:alot-going-on"])
