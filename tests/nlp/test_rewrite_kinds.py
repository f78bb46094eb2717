"""`rewrite()` for every kind × red flag, the ERAS limit, MSPE wording and injection (real pipeline)."""
import re

import pytest
from rewrite_checks import assert_invents_nothing, assert_placeholders_match_missing, assert_shape

from coach.vocab import COMPONENTS, KINDS, RED_FLAGS

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

STRONG = ("I failed my first attempt at the exam in March 2024 while working twenty hours a week at my "
          "family's restaurant, and I had never sat a full-length practice test. Afterwards I cut my shifts "
          "to Sundays, met weekly with our learning specialist, and did two timed blocks of forty questions "
          "every morning. I passed the retake in June 2024 with a 238 and earned honors in surgery.")
THIN = "I had a hard time that year because of some personal things, but I learned a lot from it."

# An interview-length answer: far more than an ERAS field holds.
LONG = " ".join([
    "So I failed the exam in May 2023, and I want to walk you through it.",
    "That spring I was driving my father to dialysis three mornings a week, working weekends at our store,",
    "and studying in forty-minute pieces, and I never took a full practice test.",
    "After the result I met every Monday with the learning specialist at school, and she had me build a fixed",
    "schedule, seven to five, with timed mixed blocks every morning and a full practice form every Saturday.",
    "My aunt took over the weekend shifts, which I had to ask for, and my cousin drove my father twice a week.",
    "I also kept an error log of every missed question and went through it every Sunday night with a friend.",
    "My practice forms went from a forty percent chance of passing to ninety-seven percent over seven weeks.",
    "I passed on the second attempt in August 2023, and then I scored 247 on the next exam in May 2024.",
    "On my surgery rotation the attending wrote that I was the most prepared student on the team.",
])


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("red_flag", RED_FLAGS)
def test_every_kind_and_red_flag(kind, red_flag):
    from coach.rewriting.compose import rewrite

    for text in (STRONG, THIN):
        result = rewrite(text, kind=kind, red_flag=red_flag)
        d = result.to_dict()
        assert d["kind"] == kind and d["red_flag"] == red_flag
        assert_shape(result)
        assert_invents_nothing(result, text)
        from coach import analyze

        assert_placeholders_match_missing(result, analyze(text, kind=kind, red_flag=red_flag))
        order = [result.text.find(result.parts[p]["text"][:40]) for p in COMPONENTS]
        assert order == sorted(order) and -1 not in order, "context → change → evidence"


def test_placeholders_differ_by_red_flag():
    from coach.rewriting.compose import rewrite

    exam = rewrite(THIN, kind="statement", red_flag="step1_fail").parts["evidence"]["text"]
    leave = rewrite(THIN, kind="statement", red_flag="leave_of_absence").parts["evidence"]["text"]
    prof = rewrite(THIN, kind="statement", red_flag="professionalism").parts
    assert "retake score" in exam and "practice-exam" in exam
    assert "since you returned" in leave
    assert "behaviour" in prof["change"]["text"] and "supervisors" in prof["evidence"]["text"]


def test_statement_is_two_to_four_sentences_within_100_words():
    from coach.rewriting.compose import rewrite

    result = rewrite(LONG, kind="statement")
    sentences = re.findall(r"[^.!?…\]]+(?:[.!?…]|\])", result.text)
    assert 2 <= len(sentences) <= 4, sentences
    assert len(WORD.findall(result.text)) <= 100


def test_eras_is_held_to_750_characters_and_says_what_it_cut():
    from coach.rewriting.compose import rewrite

    result = rewrite(LONG, kind="eras")
    assert len(result.text) <= 750
    assert any("Left out" in n or "Shortened" in n or "Cut mid-sentence" in n for n in result.notes)
    for word in WORD.findall(result.text.replace("…", " ")):
        assert word in LONG or word.lower() in LONG.lower(), word  # trimmed, never cut mid-word


def test_interview_is_spoken_length():
    from coach.limits import limits
    from coach.rewriting.compose import rewrite

    lo, hi = limits().interview_words  # the 60–120 s band at 150 words a minute
    result = rewrite(LONG, kind="interview")
    assert lo <= len(WORD.findall(result.text)) <= hi
    assert "um" not in WORD.findall(result.text.lower())


def test_facts_are_worded_as_the_mspe_words_them():
    from coach.rewriting.compose import rewrite

    draft = ("So I failed Step 1 in, um, July of 2023, because I was working nights and never took a practice "
             "test. I met weekly with a learning specialist and did timed blocks every morning. "
             "I passed on my second try in October 2023 and honored surgery.")
    mspe = ("Mr. D did not pass the USMLE Step 1 examination on his first attempt in June 2023. He passed on his "
            "second attempt in October 2023.")
    result = rewrite(draft, kind="statement", mspe=mspe)
    assert "USMLE Step 1" in result.text and "June 2023" in result.text and "July" not in result.text
    assert any("MSPE mismatch" in n and "July of 2023" in n for n in result.notes)
    assert_invents_nothing(result, draft, mspe)


def test_missing_evidence_can_come_from_the_mspe():
    from coach.rewriting.compose import rewrite

    draft = "I failed Step 1 in June 2023 while caring for my grandmother, and I had never sat a practice exam."
    mspe = ("Ms. R did not pass the USMLE Step 1 examination on her first attempt in June 2023. She passed on "
            "her second attempt in September 2023.")
    result = rewrite(draft, kind="statement", mspe=mspe)
    ev = result.parts["evidence"]
    if ev["source"] == "mspe":
        assert ev["text"].startswith("I passed on my second attempt in September 2023.")
        assert ev["text"].rstrip().endswith("]")
    assert_invents_nothing(result, draft, mspe)


INJECTION = ("I failed Step 1 in June 2023 {{ 7 * 7 }} while working nights, and I had never taken a practice "
             "test [bold]at all[/bold]. Afterwards I met weekly with a learning specialist {% for x in y %} and did "
             "timed blocks every morning. I passed the retake in September 2023 with a 240 <script>alert(1)</script>.")


@pytest.mark.parametrize("kind", KINDS)
def test_template_syntax_and_markup_in_a_draft_come_out_literally(kind):
    from coach.rewriting.compose import rewrite

    result = rewrite(INJECTION, kind=kind)
    for payload in ("{{ 7 * 7 }}", "{% for x in y %}", "[bold]at all[/bold]", "<script>alert(1)</script>"):
        source = next(s for s in INJECTION.split(". ") if payload in s)
        if any(source[:25] in result.parts[p]["text"] for p in COMPONENTS):
            assert payload in result.text
    assert "49" not in result.text


def test_interview_signposts_differ_by_red_flag_and_state_no_fact():
    from coach.render.templating import render

    parts = {p: {"source": "draft", "text": f"[{p}]"} for p in COMPONENTS}
    flags = ["step1_fail", "shelf_fail", "leave_of_absence", "professionalism", "course_fail", None]
    openings = {f: render("rewrite/interview.j2", parts=parts, kind="interview", red_flag=f, variant=0) for f in flags}
    assert len(set(openings.values())) == len(flags)
    variants = {render("rewrite/interview.j2", parts=parts, kind="interview", red_flag="step1_fail", variant=v)
                for v in range(30)}
    assert len(variants) >= 3
    for text in set(openings.values()) | variants:
        assert not re.search(r"\d|\b(?:step|level|usmle|comlex)\b", text.replace("[", " ").replace("]", " "), re.I)
        assert re.search(r"\bI\b", text)  # the student's voice


def test_the_same_draft_gets_the_same_signposts():
    from coach.rewriting.compose import rewrite

    assert rewrite(LONG, kind="interview").text == rewrite(LONG, kind="interview").text
