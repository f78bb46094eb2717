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


@pytest.mark.parametrize("raw, expected", [
    ("I failed and passed, so", "I failed and passed."),
    ("I retook it in May and", "I retook it in May."),
    ("I hope so", "I hope so."),
    ("That is what I was used to", "That is what I was used to."),
])
def test_tidy_never_leaves_a_joiner_dangling(raw, expected):
    assert tidy(raw) == expected


def test_a_flagged_clause_goes_with_its_clause():
    from coach.rewriting.cleanup import drop_clause

    text = "I failed Pharmacology in my first year because of some personal stuff, and I passed the re-exam."
    a = text.index("some personal stuff")
    e = drop_clause(text, 0, len(text), a, a + len("some personal stuff"))
    assert cleaned(text, [e]) == "I failed Pharmacology in my first year, and I passed the re-exam."


def test_a_flag_over_most_of_the_sentence_removes_only_its_words():
    from coach.rewriting.cleanup import drop_clause

    text = "The grading was unfair to all of us that block."
    e = drop_clause(text, 0, len(text), 0, len(text) - 1)
    assert (e.start, e.end) == (0, len(text) - 1)


@pytest.mark.parametrize("s, ok", [
    ("I failed Step 1 in June 2023.", True),
    ("My tutor and I met every Friday.", True),
    ("During my dedicated period in the spring.", False),
    ("Since then: honors on my sub-I and no further failures.", False),
    ("I passed on the retake, so.", False),
    ("Two weeks.", False),
    ("I a few points the first time, in May of 2023.", False),
    ("I went back to full-length practice exams", False),
])
def test_is_full_sentence(s, ok):
    from coach.rewriting.cleanup import is_full_sentence

    assert is_full_sentence(s) is ok


@pytest.mark.parametrize("s, expected", [
    ("Failed Step 2 CK in March 2024.", "I failed Step 2 CK in March 2024."),
    ("Passed on the second attempt.", "I passed on the second attempt."),
    ("Repeated failures taught me to ask for help early.", "Repeated failures taught me to ask for help early."),
    ("I failed Step 1.", "I failed Step 1."),
])
def test_form_style_lines_get_the_students_subject(s, expected):
    from coach.rewriting.cleanup import with_subject

    assert with_subject(s) == expected
