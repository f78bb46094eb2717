"""`analyze()` and the report contract (docs/contract.md), checked without ../shared."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from coach import InputError
from coach.vocab import COMPONENTS, RED_FLAGS, SENTENCE_LABELS, SEVERITIES

VALIDATOR = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "validate-report"


def assert_contract(d: dict, text: str) -> None:
    """The contract's rules, restated so the suite runs without ../shared."""
    assert d["schema"] == "coach.report/1"
    assert d["kind"] in ("interview", "statement", "eras")
    assert d["red_flag"] is None or d["red_flag"] in RED_FLAGS
    assert isinstance(d["word_count"], int) and d["word_count"] >= 0
    last = 0
    for s in d["sentences"]:
        assert last <= s["start"] <= s["end"] <= len(text)
        assert s["component"] in SENTENCE_LABELS and 0 <= s["confidence"] <= 1
        last = s["end"]
    assert set(d["components"]) == set(COMPONENTS)
    for name, c in d["components"].items():
        assert isinstance(c["present"], bool) and 0 <= c["confidence"] <= 1
        assert all(d["sentences"][i]["component"] == name for i in c["sentences"])
        # A part's own sentences make it present; it can also be present inside a sentence that
        # mixes parts and carries a more important label (coach/pipeline/decision.py).
        assert c["present"] or not c["sentences"]
    for f in d["flags"]:
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["type"] and f["message"] and f["rule"] and f["severity"] in SEVERITIES
    assert isinstance(d["scores"]["overall"], int) and 0 <= d["scores"]["overall"] <= 100
    json.dumps(d)


@pytest.mark.parametrize("name", ["strong-statement.txt", "vague-statement.txt", "blame-interview.txt", "markup.txt"])
def test_fixture_reports_hold_the_contract(analyze, fixture_text, name):
    text = fixture_text(name)
    assert_contract(analyze(text).to_dict(), text)


def test_strong_draft_has_all_three_parts(analyze, fixture_text):
    r = analyze(fixture_text("strong-statement.txt"))
    assert all(r.components[c].present for c in COMPONENTS)
    assert not [f for f in r.flags if f.type in ("vague", "blame")]
    assert r.red_flag == "step2_fail" and r.kind == "statement"
    assert r.scores["overall"] >= 80


def test_vague_draft(analyze, fixture_text):
    r = analyze(fixture_text("vague-statement.txt"))
    assert {"vague"} <= {f.type for f in r.flags}
    assert not r.components["evidence"].present
    assert r.scores["overall"] < 60


def test_blame_interview(analyze, fixture_text):
    r = analyze(fixture_text("blame-interview.txt"))
    assert r.kind == "interview" and r.red_flag == "shelf_fail"
    assert len([f for f in r.flags if f.type == "blame"]) >= 2
    assert any(f.type == "minimizing" for f in r.flags)
    assert r.scores["ownership"] < 50


def test_given_kind_and_red_flag_win(analyze, fixture_text):
    r = analyze(fixture_text("strong-statement.txt"), kind="eras", red_flag="course_fail")
    assert (r.kind, r.red_flag) == ("eras", "course_fail")


@pytest.mark.parametrize("bad", ["", "   ", "\x00\x01binary"])
def test_unusable_input_raises_input_error(analyze, bad):
    with pytest.raises(InputError):
        analyze(bad)


def test_unknown_options_raise(analyze):
    with pytest.raises(ValueError, match="kind"):
        analyze("I failed.", kind="essay")
    with pytest.raises(ValueError, match="red_flag"):
        analyze("I failed.", red_flag="bad_day")


def test_non_english_text_gets_a_notice(analyze):
    r = analyze("Reprobé el examen en junio porque trabajaba de noche en la farmacia de mi familia.")
    assert r.notices and "English" in r.notices[0]
    r = analyze("我在六月没有通过考试，因为我每天晚上都在家里的药店工作。")
    assert r.notices


def test_markup_is_data(analyze, fixture_text):
    text = fixture_text("markup.txt")
    d = analyze(text).to_dict()
    assert_contract(d, text)
    assert "[bold]" in text and all(text[s["start"]:s["end"]] for s in d["sentences"])


@pytest.mark.skipif(not VALIDATOR.exists(), reason="../shared validator not present")
def test_shared_validator_accepts_reports(analyze, fixture_text, tmp_path):
    lines, paths = [], []
    for name in ("strong-statement.txt", "blame-interview.txt", "markup.txt"):
        p = tmp_path / name
        p.write_text(fixture_text(name), encoding="utf-8")
        paths.append(str(p))
        lines.append(json.dumps(analyze(p.read_text(encoding="utf-8")).with_path(str(p)).to_dict()))
    out = subprocess.run([sys.executable, str(VALIDATOR), "--texts", *paths], input="\n".join(lines),
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_analysis_core_never_imports_textual(tmp_path):
    code = ("import sys; from coach.analysis import analyze; analyze('I failed Step 1 in June 2023.'); "
            "import coach.cli, coach.training.evaluate, coach.render.text; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('textual', 'sklearn')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
