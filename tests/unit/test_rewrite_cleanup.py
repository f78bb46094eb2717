"""Sentence cleaning for the rewrite (coach.rewriting.cleanup): pure string code."""
import pytest

from coach.rewriting.cleanup import Edit, clean, tidy, to_first_person, trim_last_clause


def cleaned(text, edits=()):
    return clean(text, 0, len(text), list(edits)).text


@pytest.mark.parametrize("raw, expected", [
    ("So, yeah, I didn't pass the medicine shelf the first time.", "I didn't pass the medicine shelf the first time."),
    ("Um, so I failed Step 1 in, uh, May of 2023.", "I failed Step 1 in May of 2023."),
    ("My evals said my notes were late and, honestly, that was fair.", "My evals said my notes were late and that was fair."),
    ("I did twenty questions before pre-rounds, like, every single day.", "I did twenty questions before pre-rounds, every single day."),
    ("I was tutoring like fifteen hours a week.", "I was tutoring fifteen hours a week."),
    ("During that time I, I focused on sleep.", "During that time I focused on sleep."),
    ("And I— I mean, the honest version is I was never tested.", "The honest version is I was never tested."),
    ("I studied in the library like it was a job, you know.", "I studied in the library like it was a job."),
])
def test_fillers_and_false_starts_go_first_person_stays(raw, expected):
    assert cleaned(raw) == expected


def test_hedge_and_minimizer_spans_are_removed_by_offset():
    text = "I think I was unprepared, and I failed by a couple of points."
    edits = [Edit(0, 7, "", "hedge"), Edit(text.index("by a"), text.index(" points") + 7, "", "minimizing")]
    assert cleaned(text, edits) == "I was unprepared, and I failed."


def test_a_minimizer_inside_a_clause_takes_the_clause():
    text = "I failed it, which really isn't a big deal, and I passed the re-exam."
    start = text.index("n't a big deal")
    assert cleaned(text, [Edit(start, start + len("n't a big deal"), "", "minimizing")]) == \
        "I failed it, and I passed the re-exam."


def test_a_flag_covering_most_of_the_sentence_is_kept_and_reported():
    text = "It was honestly not a big deal at all."
    result = clean(text, 0, len(text), [Edit(0, len(text) - 1, "", "minimizing")])
    assert "big deal" in result.text and result.kept_flags


def test_mspe_wording_replaces_the_draft_words():
    text = "I failed Step 1 in June of 2023."
    a, b = text.index("Step 1"), text.index("June of 2023")
    out = cleaned(text, [Edit(a, a + 6, "USMLE Step 1", "mspe"), Edit(b, b + 12, "June 2023", "mspe")])
    assert out == "I failed USMLE Step 1 in June 2023."


@pytest.mark.parametrize("raw, expected", [
    ("i passed the retake ,", "I passed the retake."),
    ("  , and then I passed", "And then I passed."),
    ("[bold]Treatment[/bold] helped", "[bold]Treatment[/bold] helped."),
    ("<script>x</script> then", "<script>x</script> then."),
    ("\u201ccalm under pressure,\u201d she wrote.", "\u201cCalm under pressure,\u201d she wrote."),
])
def test_tidy(raw, expected):
    assert tidy(raw) == expected


def test_trim_last_clause_and_list_repair():
    s = "I went to the dean's office the first week, got a weekly tutor, and studied in timed blocks at the library."
    assert trim_last_clause(s) == "I went to the dean's office the first week, and got a weekly tutor."
    assert trim_last_clause("I passed.") is None


@pytest.mark.parametrize("mspe, expected", [
    ("He passed the examination on his second attempt in September 2023.",
     "I passed the examination on my second attempt in September 2023."),
    ("Ms. K has had no further academic difficulty.", "I have had no further academic difficulty."),
    ("She passed on her third attempt in February 2023 and has progressed without difficulty.",
     "I passed on my third attempt in February 2023 and have progressed without difficulty."),
])
def test_mspe_sentence_in_the_students_voice(mspe, expected):
    assert to_first_person(mspe) == expected
