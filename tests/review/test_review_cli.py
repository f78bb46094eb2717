"""`coach review` end to end: bad files, exit codes, CSV/JSON columns, HTML safety, --jobs, progress."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from coach.cli import main
from coach.review.cli import _Bar, _Quiet, progress_bar
from coach.vocab import FLAG_TYPES

GOOD = ("blame.txt", "strong.txt", "vague.md")  # the mixed_folder fixture's files (tests/review/conftest.py)
BAD = {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "UTF-8", "utf16.txt": "UTF-16",
       "huge.txt": "too large", "broken.txt": "broken symbolic link"}


def run(capsys, *argv):
    code = main(["review", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_mixed_folder_gives_one_row_per_file_and_an_error_row_per_bad_file(capsys, tmp_path, mixed_folder, analyze):
    code, out, err = run(capsys, mixed_folder, "--json", tmp_path / "r.jsonl", "--csv", tmp_path / "r.csv")
    assert code == 0 and err == ""
    rows = {os.path.relpath(r["draft"], mixed_folder): r for r in jsonl(tmp_path / "r.jsonl")}
    assert set(rows) == {*GOOD, *BAD, "sub/vague.md"} - {"vague.md"}
    for name, needle in BAD.items():
        assert rows[name]["status"] == "error" and needle in rows[name]["error"], name
        assert "report" not in rows[name]
    for name in ("blame.txt", "strong.txt", "sub/vague.md"):
        row = rows[name]
        text = (mixed_folder / name).read_text(encoding="utf-8")
        assert row["report"] == analyze(text).with_path(row["draft"]).to_dict()
        assert row["overall"] == row["report"]["scores"]["overall"]
    assert "6 files could not be reviewed" in out and "weakest first" in out
    assert oct(os.stat(tmp_path / "r.jsonl").st_mode & 0o777) == "0o600"


def test_csv_columns_and_counts(capsys, tmp_path, mixed_folder):
    run(capsys, mixed_folder, "--csv", tmp_path / "r.csv", "--json", tmp_path / "r.jsonl")
    with open(tmp_path / "r.csv", newline="", encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    header = list(table[0])
    for col in ("draft", "status", "error", "overall", "red_flag", "kind", "context", "change", "evidence",
                "parts_present", "flags", *(f"type:{t}" for t in FLAG_TYPES)):
        assert col in header
    reports = {r["draft"]: r["report"] for r in jsonl(tmp_path / "r.jsonl") if "report" in r}
    ok = [r for r in table if r["status"] == "ok"]
    assert [int(r["overall"]) for r in ok] == sorted(int(r["overall"]) for r in ok)  # weakest first
    assert table[len(ok):] and all(r["status"] == "error" for r in table[len(ok):])
    for r in ok:
        flags = reports[r["draft"]]["flags"]
        assert int(r["flags"]) == len(flags)
        for f in flags:
            assert int(r[f"rule:{f['rule']}"]) == sum(g["rule"] == f["rule"] for g in flags)
            assert int(r[f"type:{f['type']}"]) == sum(g["type"] == f["type"] for g in flags)


def test_every_file_failing_exits_1(capsys, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    code, out, _ = run(capsys, tmp_path / "a.txt", tmp_path / "missing.txt")
    assert code == 1 and "missing.txt: no such file" in out and "a.txt: the draft is empty" in out


@pytest.mark.parametrize("argv, needle", [
    (["--jobs", "0"], "--jobs"),
    (["--out", "{tmp}/no/such/folder/r.html"], "does not exist"),
    (["--csv", "{tmp}/same", "--json", "{tmp}/same"], "different files"),
    (["--mspe-dir", "{tmp}/nothere"], "not a folder"),
    (["--tui", "--anonymize"], "run without --tui"),
])
def test_usage_errors_exit_2_before_any_analysis(capsys, tmp_path, fixture_text, argv, needle):
    (tmp_path / "d.txt").write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "d.txt", *[a.format(tmp=tmp_path) for a in argv])
    assert code == 2 and needle in err and out == ""


def test_a_folder_without_drafts_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path)
    assert code == 2 and "no drafts found" in err


def test_the_output_never_overwrites_a_draft(capsys, tmp_path, fixture_text):
    d = tmp_path / "d.txt"
    d.write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    assert run(capsys, d, "--csv", d)[0] == 2 and d.read_text(encoding="utf-8") == fixture_text("vague-statement.txt")


def test_mspe_dir_pairs_excerpts_by_file_name(capsys, tmp_path, fixture_text):
    (tmp_path / "d").mkdir()
    (tmp_path / "m").mkdir()
    (tmp_path / "d" / "a.txt").write_text(fixture_text("blame-interview.txt"), encoding="utf-8")
    (tmp_path / "d" / "b.txt").write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    (tmp_path / "m" / "a.txt").write_text("She failed the surgery shelf examination and passed on re-examination.", encoding="utf-8")
    run(capsys, tmp_path / "d", "--mspe-dir", tmp_path / "m", "--json", tmp_path / "r.jsonl")
    rows = {os.path.basename(r["draft"]): r for r in jsonl(tmp_path / "r.jsonl")}
    assert rows["a.txt"]["report"]["mspe"] is not None and rows["b.txt"]["report"]["mspe"] is None


def test_jobs_2_gives_exactly_the_results_of_jobs_1(capsys, tmp_path, mixed_folder, fixture_text):
    for i in range(6):  # enough drafts for several chunks per worker
        (mixed_folder / f"extra{i}.txt").write_text(fixture_text(("blame-interview.txt", "strong-statement.txt")[i % 2])
                                                   + f" Draft {i}.", encoding="utf-8")
    outs = {}
    for jobs in (1, 2):
        d = tmp_path / f"j{jobs}"
        d.mkdir()
        code, out, _ = run(capsys, mixed_folder, "--jobs", jobs, "--json", d / "r.jsonl", "--csv", d / "r.csv",
                           "--out", d / "r.html")
        assert code == 0
        table = out.split("HTML report:")[0]  # the lines after it name this run's output files
        outs[jobs] = (table, *((d / n).read_text(encoding="utf-8") for n in ("r.jsonl", "r.csv", "r.html")))
    assert outs[1] == outs[2]


class _Doc(HTMLParser):
    """Collects scripts, external references and the visible text of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.refs, self.text, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = True
            self.scripts.append(attrs)
        for key in ("src", "href"):
            if attrs.get(key) and not attrs[key].startswith("#"):
                self.refs.append(attrs[key])
        if any(k.startswith("on") for k in attrs):
            self.refs.append(f"handler on <{tag}>")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1]["body"] = self.scripts[-1].get("body", "") + data
        else:
            self.text.append(data)


HOSTILE = ('I failed Step 1. <script>alert("x")</script> My advisor {{ config }} {% raw %} said '
           '<img src=x onerror=alert(1)> it was [bold]fine[/bold] & "unfair".')


def test_html_report_keeps_a_script_in_a_draft_inert(capsys, tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "<img src=x onerror=alert(2)>.txt").write_text(HOSTILE, encoding="utf-8")
    code, _, _ = run(capsys, tmp_path / "d", "--out", tmp_path / "r.html")
    assert code == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    doc = _Doc()
    doc.feed(page)
    doc.close()
    assert len(doc.scripts) == 1 and "alert" not in doc.scripts[0]["body"]  # only the sort helper
    assert doc.refs == []  # no external assets, no injected handlers
    visible = "".join(doc.text)
    assert '<script>alert("x")</script>' in visible and "{{ config }}" in visible and "[bold]fine[/bold]" in visible
    assert "<img src=x onerror=alert(2)>.txt" in visible
    assert "<svg" in page and "break-before: page" in page
    assert oct(os.stat(tmp_path / "r.html").st_mode & 0o777) == "0o600"


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.mark.skipif(not any(shutil.which(b) for b in BROWSERS), reason="no headless browser on this machine")
def test_report_in_a_headless_browser(capsys, tmp_path):
    (tmp_path / "d.txt").write_text(HOSTILE, encoding="utf-8")
    run(capsys, tmp_path / "d.txt", "--out", tmp_path / "r.html")
    browser = next(shutil.which(b) for b in BROWSERS if shutil.which(b))
    dom = subprocess.run([browser, "--headless", "--disable-gpu", "--no-sandbox", "--dump-dom",
                          (tmp_path / "r.html").as_uri()], capture_output=True, text=True, timeout=120).stdout
    assert "&lt;script&gt;alert" in dom and "onerror=alert(1)" not in dom.replace("&lt;img src=x onerror=alert(1)&gt;", "")


def test_progress_bar_only_on_a_terminal():
    class Stream:
        def __init__(self, tty):
            self.tty = tty

        def isatty(self):
            return self.tty

        def write(self, s):
            return len(s)

        def flush(self):
            pass

    assert isinstance(progress_bar(10, Stream(False)), _Quiet)
    assert isinstance(progress_bar(10, Stream(True)), _Bar)


def test_piped_run_prints_no_progress(tmp_path, fixture_text):
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "coach", "review", str(tmp_path)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0 and proc.stderr == ""
    assert "\x1b" not in proc.stdout and "reviewing" not in proc.stdout


def test_a_word_file_named_explicitly_gets_a_clear_reason(capsys, tmp_path, fixture_text):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "b.txt").write_text(fixture_text("vague-statement.txt"), encoding="utf-8")
    code, out, _ = run(capsys, tmp_path / "a.docx", tmp_path / "b.txt")
    assert code == 0 and "a.docx: a .docx file is not plain text; save the draft as .txt" in out
