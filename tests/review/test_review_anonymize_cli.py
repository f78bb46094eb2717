"""`coach review --anonymize`: no name, address, phone or school from the input in any output."""
from __future__ import annotations

import re

from coach.cli import main

DRAFT = ("My name is Jane Doe and I failed Step 1 in June 2023 while at Ross University School of Medicine. "
         "I was working nights at my family's store and studying in the mornings. "
         "My advisor, Dr. Michael Okafor, set up weekly meetings; reach me at jane.doe@ross.edu or 555-123-4567. "
         "Sarah Johnson, a classmate, quizzed me with UWorld blocks every evening for eight weeks. "
         "I passed the retake with a 232 in October, and Dr. Okafor wrote that Jane has passed every shelf since.")
SECRETS = ("Jane", "Doe", "Michael", "Okafor", "Sarah", "Johnson", "Ross University", "jane.doe@ross.edu",
           "555-123-4567", "jane_doe")


def test_no_identifying_detail_survives_in_any_output(capsys, tmp_path):
    folder = tmp_path / "Jane Doe files"
    folder.mkdir()
    (folder / "jane_doe_statement.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "okafor-note.txt").write_bytes(b"")  # an error row must not leak its file name either
    outs = [tmp_path / "r.html", tmp_path / "r.csv", tmp_path / "r.jsonl"]
    code = main(["review", str(folder), "--anonymize", "--out", str(outs[0]), "--csv", str(outs[1]),
                 "--json", str(outs[2]), "--rows", "0"])
    stdout, stderr = capsys.readouterr()
    assert code == 0
    everything = {"stdout": stdout, "stderr": stderr, **{p.name: p.read_text(encoding="utf-8") for p in outs}}
    for where, text in everything.items():
        for secret in SECRETS:
            assert secret.lower() not in text.lower(), f"{secret!r} in {where}"
    html = everything["r.html"]
    assert "[Student 1]" in html and "[School 1]" in html and "[email]" in html and "[phone]" in html
    assert "Draft 1" in stdout and "Draft 1" in everything["r.csv"]
    # the same person keeps one placeholder: "Dr. Okafor" later is who "Dr. Michael Okafor" was
    assert len(set(re.findall(r"\[Student \d+\]", html))) == 3
