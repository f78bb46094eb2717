"""Anonymisation as plain string work (entities given by hand; no pipeline)."""
from __future__ import annotations

from coach.report.document import ComponentResult, Report, SentenceResult
from coach.report.findings import Finding
from coach.review.anonymize import Anonymiser


def _report(text: str, flags=()) -> Report:
    comps = {c: ComponentResult(False, 0.1, ()) for c in ("context", "change", "evidence")}
    return Report(text=text, path="/home/x/jane_doe.txt", kind="statement", red_flag="step1_fail",
                  word_count=len(text.split()), sentences=(SentenceResult(0, len(text), "other", 0.5),),
                  components=comps, flags=tuple(flags), scores={"overall": 50})


def test_names_emails_phones_and_schools_become_stable_placeholders():
    a = Anonymiser()
    text = ("I am Jane Doe from Ross University School of Medicine. Write to jane.doe@ross.edu "
            "or call (555) 123-4567. Dr. Okafor said Jane should rest.")
    out = a.report(_report(text), "Draft 1", [(5, 13, "PERSON")])
    assert out.text == ("I am [Student 1] from [School 1]. Write to [email] or call [phone]. "
                        "Dr. [Student 2] said [Student 1] should rest.")
    assert out.path == "Draft 1"
    later = a.report(_report("Ms. Doe met Jane twice at Ross University School of Medicine."), "Draft 2")
    assert later.text == "Ms. [Student 1] met [Student 1] twice at [School 1]."


def test_flag_offsets_follow_the_shorter_or_longer_text():
    text = "Because Professor Hannah Whitcombe graded unfairly, I failed the exam."
    start = text.index("Professor")
    flag = Finding("blame", start, text.index(" graded") + 15, text[start:text.index(" graded") + 15],
                   "Blames Hannah Whitcombe.", "blame:outside-agent", "warning", "Own it.")
    tail = Finding("vague", text.index("the exam"), len(text) - 1, "the exam", "m", "r", "info", "s")
    out = Anonymiser().report(_report(text, [flag, tail]), "Draft 1", [(start + 10, start + 26, "PERSON")])
    for f in out.flags:
        assert out.text[f.start:f.end] == f.text
    assert out.flags[0].text.startswith("Professor [Student 1] graded")
    assert "Whitcombe" not in out.flags[0].message and out.flags[1].text == "the exam"
    assert out.sentences[0].end == len(out.text)


def test_dates_scores_and_exam_names_are_left_alone():
    text = ("I failed Step 1 on 2023-04-12, scored 232 on 06/15/2024 and passed USMLE Step 2 CK with 245. "
            "I am applying in Internal Medicine and Family Medicine after my Medical Knowledge scores rose.")
    assert Anonymiser().scrub(text) == text


def test_errors_lose_the_file_name_and_link_target():
    a = Anonymiser()
    msg = a.error("broken symbolic link (its target /home/jane/jane_doe.txt does not exist)", "d/jane_doe.txt", "Draft 3")
    assert msg == "broken symbolic link (its target does not exist)"
