"""Issue 10 from the command line: devices, FIFOs, symlinks, bad configs, raw escape sequences,
--fail-on, line:col, terminal width, and a fuzz test that no input ends in a traceback."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.cli import main

DRAFT = ("I failed Step 1 in June 2023 because I kind of did not prepare well.\n"
         "I think I passed the retake in August 2023 with a 231.\n")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def no_raw_controls(s: str) -> bool:
    return not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", s)


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


@pytest.mark.parametrize("argv", [
    ["check", "/dev/zero"], ["check", "--mspe", "/dev/zero", "DRAFT"], ["rewrite", "/dev/urandom"],
    ["check", "/dev/null"], ["tui", "/dev/zero"],
])
def test_devices_are_refused_in_one_line(capsys, draft, argv):
    argv = [str(draft) if a == "DRAFT" else a for a in argv]
    code, out, err = run(capsys, *argv)
    assert code == 2 and "is a device" in err and err.count("\n") == 1


def test_a_fifo_is_refused_not_waited_on(capsys, tmp_path, draft):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for argv in (["check", str(fifo)], ["check", "--mspe", str(fifo), str(draft)], ["rewrite", str(fifo)],
                 ["tui", str(fifo)]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "FIFO" in err


def test_symlinks_loops_and_dangling_links(capsys, tmp_path, draft):
    link = tmp_path / "link.txt"
    link.symlink_to(draft)
    assert run(capsys, "check", str(link))[0] == 0
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.symlink_to(b)
    b.symlink_to(a)
    for cmd in ("check", "rewrite", "tui"):
        code, _, err = run(capsys, cmd, str(a))
        assert code == 2 and "symbolic link loop" in err and "Traceback" not in err
    dangling = tmp_path / "d.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    code, _, err = run(capsys, "check", str(dangling))
    assert code == 2 and "broken symbolic link" in err


def test_utf16_is_named(capsys, tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(DRAFT.encode("utf-16"))
    code, _, err = run(capsys, "check", str(p))
    assert code == 2 and "UTF-16" in err and "save it as UTF-8" in err


def test_mspe_errors_name_the_mspe_and_stdin_is_read_once(capsys, tmp_path, draft):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(capsys, "check", "--mspe", str(empty), str(draft))
    assert code == 2 and "MSPE excerpt is empty" in err and "draft" not in err
    code, _, err = run(capsys, "check", "--mspe", "-", "-")
    assert code == 2 and "only once" in err
    code, _, err = run(capsys, "check", "-", "-")
    assert code == 2 and "only once" in err


@pytest.mark.parametrize("body", ["rules = 5\n", "[rules\n", "[ignore]\nphrases = 'x'\n"])
def test_a_bad_config_is_reported_and_skipped(capsys, draft, body):
    from coach.config import config_path

    config_path().write_text(body, encoding="utf-8")
    code, out, err = run(capsys, "check", str(draft))
    assert code == 0 and "settings file ignored" in err and "Findings" in out


def test_a_non_utf8_config_is_reported_and_skipped(capsys, draft):
    from coach.config import config_path

    config_path().write_bytes(b"[ignore]\nphrases = ['caf\xe9']\n")
    code, out, err = run(capsys, "check", str(draft))
    assert code == 0 and "UTF-8" in err


def test_a_config_home_that_is_a_file(capsys, tmp_path, draft, monkeypatch):
    blocker = tmp_path / "xdg"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    monkeypatch.delenv("COACH_CONFIG")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    assert run(capsys, "check", str(draft))[0] == 0  # reading settings never stops a check
    code, _, err = run(capsys, "config", "--ignore", "kind of")  # writing them fails in one line
    assert code == 2 and "cannot save" in err and "Traceback" not in err and err.count("\n") == 1


def test_config_disable_refuses_unknown_ids_and_keeps_comments(capsys):
    from coach.config import config_path

    config_path().write_text("# mine\n[rules]\ndisable = []\n", encoding="utf-8")
    code, _, err = run(capsys, "config", "--disable", "hedg")
    assert code == 2 and "did you mean 'hedge'" in err
    code, _, err = run(capsys, "check", "--disable", "blam", "-")
    assert code == 2 and "did you mean 'blame'" in err
    assert run(capsys, "config", "--disable", "hedge")[0] == 0
    assert config_path().read_text(encoding="utf-8").startswith("# mine")


def test_escape_sequences_never_reach_the_terminal(capsys, tmp_path):
    p = tmp_path / "evil\x1b[2J.txt"
    p.write_text("I failed Step 1.\x1b[2J I think \x1b]0;owned I kind of \x1b[8mstudied. "
                 "\x9b31m I passed the retake.\x07", encoding="utf-8")
    for argv in (["check", str(p)], ["rewrite", str(p)], ["check", str(tmp_path / "no\x1b[2Jfile.txt")]):
        code, out, err = run(capsys, *argv)
        assert no_raw_controls(out) and no_raw_controls(err), argv
    code, out, _ = run(capsys, "check", str(p))
    assert "␛[2J" in out and "␛]0;owned" in out
    code, out, _ = run(capsys, "check", "--format", "json", str(p))
    assert json.loads(out)["path"] == str(p)  # JSON escapes, it does not mangle
    for argv in (["rules"], ["config"]):
        code, out, err = run(capsys, *argv)
        assert code == 0 and no_raw_controls(out)


def test_fail_on_and_line_col(capsys, draft):
    code, out, _ = run(capsys, "check", str(draft))
    assert code == 0  # default: exit codes as the contract says
    where = dict(re.findall(r"^\s+\d+\. (\d+:\d+) hedge \(info\) “([^”]+)”", out, re.M))
    where = {quote: loc for loc, quote in where.items()}
    assert where.get("kind of") == "1:40" and where.get("I think") == "2:1"  # editors' file:line:col
    assert run(capsys, "check", "--fail-on", "info", str(draft))[0] == 1
    assert run(capsys, "check", "--fail-on", "error", "--disable", "blame", "--disable", "length",
               "--disable", "vague", "--disable", "hedge", "--disable", "minimizing", "--disable", "oversharing",
               "--disable", "passive_agency", str(draft))[0] == 0


def test_text_wraps_to_the_terminal(capsys, draft, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    for argv in (["check", str(draft)], ["rewrite", str(draft)], ["rules"]):
        out = run(capsys, *argv)[1]
        assert max(len(line) for line in out.splitlines()) <= 60, argv


# -- fuzz: nothing the user can feed the CLI ends in a traceback ------------------------------

CHUNKS = st.one_of(
    st.binary(max_size=64),
    st.text(alphabet=st.characters(max_codepoint=0x9F), max_size=40).map(lambda s: s.encode("utf-8")),
    st.text(max_size=40).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=30).map(lambda s: s.encode("utf-16")),
    st.text(alphabet="éüñ€", max_size=20).map(lambda s: s.encode("latin-1", "replace")),
    st.sampled_from([b"\x1b[2J", b"\x1b]0;t\x07", b"\x1b[8m", b"\xef\xbb\xbf", b"\r\n", b"\x00", b"I failed Step 1. "]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(CHUNKS, max_size=6))
def test_fuzz_random_bytes_never_crash(tmp_path, capsys, parts):
    p = tmp_path / "fuzz.txt"
    p.write_bytes(b"".join(parts))
    for argv in (["check", str(p)], ["check", "--format", "jsonl", "--mspe", str(p), str(p)]):
        code = main(argv)
        out, err = capsys.readouterr()
        assert code in (0, 2), (code, err)
        assert "Traceback" not in err and no_raw_controls(out) and no_raw_controls(err)


def test_fuzz_a_few_subprocess_runs_through_stdin():
    """Stdin and the real entry point: a handful of runs, each must end cleanly."""
    samples = [b"\xff\xfe" + "I failed.".encode("utf-16-le"), b"\x1b[2JI failed Step 1\x00", bytes(range(256)),
               b"I failed Step 1 in June.\x1b]0;x"]
    for data in samples:
        r = subprocess.run([sys.executable, "-m", "coach", "check", "-"], input=data, capture_output=True, timeout=120)
        assert r.returncode in (0, 2) and b"Traceback" not in r.stderr
        assert b"\x1b" not in r.stdout and b"\x1b" not in r.stderr
