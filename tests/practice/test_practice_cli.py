"""`coach practice` and `coach history` as scripts and coaches use them."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli import main
from coach.practice.store import History, history_path

VALIDATOR = Path(__file__).resolve().parents[3] / "shared" / "tools" / "validate-report"
BLAME = "I failed Step 1 in July 2023 because the proctor was rude and the exam was unfair."


@pytest.fixture
def answer(tmp_path):
    p = tmp_path / "answer.txt"
    p.write_text(BLAME, encoding="utf-8")
    return str(p)


def test_list_as_json(capsys):
    assert main(["practice", "--list", "--red-flag", "step2_fail", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"id", "text", "red_flag"} <= set(rows[0])
    assert any(r["text"] == "Was Step 1 low too, or is this new?" for r in rows)
    assert {r["red_flag"] for r in rows} <= {None, "step2_fail"}


def test_scoring_one_answer_prints_the_report_and_stores_it(capsys, answer):
    assert main(["practice", "--question", "what-happened-step1", "--answer", answer, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "coach.report/1"
    assert out["question"]["id"] == "what-happened-step1"
    assert out["attempt"]["id"] == 1 and out["attempt"]["spoken"]["band"] == [60, 120]
    assert out["follow_up"]["text"]
    if VALIDATOR.exists():
        check = subprocess.run([sys.executable, str(VALIDATOR)], input=json.dumps(out), text=True,
                               capture_output=True)
        assert check.returncode == 0, check.stdout + check.stderr
    with History() as h:
        [a] = h.attempts()
        assert a.answer == BLAME and a.question_id == "what-happened-step1"


def test_statement_given_once_is_remembered(capsys, answer, tmp_path):
    statement = tmp_path / "statement.txt"
    statement.write_text("I failed Step 1 in September 2023.", encoding="utf-8")
    assert main(["practice", "--question", "what-happened", "--answer", answer, "--statement", str(statement),
                 "--format", "json"]) == 0
    capsys.readouterr()
    assert main(["practice", "--question", "what-happened", "--answer", answer, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert any(c["source"] == "statement" and c["other"] == "September 2023" for c in out["attempt"]["contradictions"])


def test_unknown_question_and_bad_answer_file_are_one_line_errors(capsys, tmp_path, answer):
    assert main(["practice", "--question", "nope", "--answer", answer]) == 2
    assert "coach practice --list" in capsys.readouterr().err
    assert main(["practice", "--question", "what-happened", "--answer", str(tmp_path / "missing.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_history_formats_and_private_export(capsys, answer, tmp_path):
    main(["practice", "--question", "what-happened", "--answer", answer])
    capsys.readouterr()
    assert main(["history", "--format", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["answer"] == BLAME and row["scores"]["overall"] == row["overall"]
    assert main(["history", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,created_at,question_id") and len(lines) == 2
    target = tmp_path / "out.csv"
    assert main(["history", "--export", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("id,created_at")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_delete_asks_first_and_then_removes_everything(capsys, answer, monkeypatch):
    main(["practice", "--question", "what-happened", "--answer", answer])
    path = history_path()
    assert path.exists()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert main(["history", "--delete"]) == 2
    assert "--yes" in capsys.readouterr().err and path.exists()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    assert main(["history", "--delete"]) == 0 and path.exists()
    assert main(["history", "--delete", "--yes"]) == 0
    assert not [p for p in path.parent.iterdir() if p.name.startswith(path.name)]


def test_a_corrupt_history_is_explained_and_kept_until_the_user_agrees(capsys, answer):
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not sqlite " * 100)
    assert main(["practice", "--question", "what-happened", "--answer", answer]) == 2
    err = capsys.readouterr().err
    assert "cannot be used" in err and "--new-history" in err and err.count("\n") == 1
    assert path.read_bytes() == b"not sqlite " * 100
    assert main(["history", "--new-history"]) == 0
    kept = [p for p in path.parent.iterdir() if ".unusable-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes() == b"not sqlite " * 100
    with History() as h:
        assert h.count() == 0


def test_the_command_runs_as_a_program(answer, tmp_path):
    env = {**os.environ}
    exe = shutil.which("coach", path=str(Path(sys.executable).parent)) or "coach"
    out = subprocess.run([exe, "practice", "--list"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0 and "what-happened-step1" in out.stdout
