"""`coach rewrite` and `coach check --mspe` through the command line entry point."""
import json

from coach.cli import main

DRAFT = ("So, um, I failed Step 2 CK in July 2024 because I was working weekends. I mean, afterwards I met with "
         "a tutor twice a week and took four timed practice forms. I passed the retake in October 2024 with a 241.")
MSPE = "Ms. K did not pass USMLE Step 2 CK on her first attempt in June 2024. She passed on her second attempt in October 2024."


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_rewrite_json(tmp_path, capsys, nlp):
    path = write(tmp_path, "draft.txt", DRAFT)
    assert main(["rewrite", "--format", "json", "--kind", "interview", path]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["schema"] == "coach.rewrite/1" and d["kind"] == "interview"
    assert set(d["parts"]) == {"context", "change", "evidence"}
    assert all(p["source"] in ("draft", "mspe", "placeholder") for p in d["parts"].values())
    assert isinstance(d["text"], str) and isinstance(d["notes"], list)
    assert "um" not in d["text"].lower().split()


def test_rewrite_text_with_mspe(tmp_path, capsys, nlp):
    path = write(tmp_path, "draft.txt", DRAFT)
    mspe = write(tmp_path, "mspe.txt", MSPE)
    assert main(["rewrite", "--mspe", mspe, path]) == 0
    out = " ".join(capsys.readouterr().out.split())  # the terminal output wraps lines
    assert "USMLE Step 2 CK" in out and "June 2024" in out
    assert "Still to do:" in out and "MSPE mismatch" in out


def test_check_jsonl_with_mspe(tmp_path, capsys, nlp):
    a = write(tmp_path, "a.txt", DRAFT)
    b = write(tmp_path, "b.txt", "I took a leave of absence from August 2023 to January 2024 and came back in January 2024.")
    mspe = write(tmp_path, "mspe.txt", MSPE)
    assert main(["check", "--format", "jsonl", "--mspe", mspe, a, b]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["path"] for r in lines] == [a, b]
    first, second = lines
    assert first["mspe"]["consistent"] is False
    (flag,) = [f for f in first["flags"] if f["type"] == "mspe_mismatch"]
    assert DRAFT[flag["start"]:flag["end"]] == flag["text"] == "July 2024" and flag["rule"] == "mspe:date_failed"
    assert second["mspe"]["consistent"] is True  # a leave draft is not checked against an exam MSPE


def test_rewrite_unreadable_input_is_a_usage_error(tmp_path, capsys, nlp):
    assert main(["rewrite", str(tmp_path / "missing.txt")]) == 2
