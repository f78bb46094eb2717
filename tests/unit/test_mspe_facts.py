"""The fact extractor (coach.mspe.facts): one extractor for drafts and MSPEs, per fact type."""
import pytest

from coach.mspe.facts import LEAVE, extract, subject_matches


def ev(text, key):
    facts = extract(text)
    assert key in facts.events, sorted(facts.events)
    return facts.events[key]


def dates(e, role):
    return [w.text for w in e.dates.get(role, [])]


@pytest.mark.parametrize("text, key", [
    ("I did not pass Step 1 in June.", "usmle:step1"),
    ("She did not pass the USMLE Step 1 examination.", "usmle:step1"),
    ("I failed Step 2 CK last summer.", "usmle:step2ck"),
    ("I failed step two on my first try.", "usmle:step2ck"),
    ("I failed USMLE Step 3 during intern year.", "usmle:step3"),
    ("I did not pass COMLEX Level 1.", "comlex:level1"),
    ("He did not pass COMLEX-USA Level 2-CE.", "comlex:level2ce"),
    ("I failed level 2 the first time.", "comlex:level2ce"),
    ("I did not pass Level 3.", "comlex:level3"),
])
def test_licensing_exams(text, key):
    assert "fail" in ev(text, key).roles


def test_step_up_the_book_is_not_an_exam():
    assert not extract("I read Step-Up to Medicine twice.").events


@pytest.mark.parametrize("text, key", [
    ("I failed the surgery shelf.", "clinical:surgery"),
    ("Mr. P did not pass the NBME subject examination in Surgery.", "clinical:surgery"),
    ("I failed my OB shelf.", "clinical:obgyn"),
    ("She did not pass the Obstetrics and Gynecology subject examination.", "clinical:obgyn"),
    ("I had to remediate my medicine clerkship.", "clinical:internal_medicine"),
    ("He was required to remediate the Family Medicine clerkship.", "clinical:family_medicine"),
    ("I failed the peds shelf.", "clinical:pediatrics"),
    ("I repeated four weeks of my psychiatry rotation.", "clinical:psychiatry"),
])
def test_shelves_and_clerkships_by_discipline(text, key):
    assert ev(text, key).roles & {"fail"}


@pytest.mark.parametrize("text, keys", [
    ("I failed Biochemistry in my first year.", ["course:biochemistry"]),
    ("Ms. A failed Host Defense and Immunology.", ["course:host defense", "course:immunology"]),
    ("He did not pass Microbiology or Pharmacology I.", ["course:microbiology", "course:pharmacology i"]),
    ("I failed Molecular Foundations in October 2021 and Musculoskeletal in February 2022.",
     ["course:molecular foundations", "course:musculoskeletal"]),
])
def test_named_courses(text, keys):
    facts = extract(text)
    for k in keys:
        assert "fail" in facts.events[k].roles


def test_course_names_match_on_their_words():
    assert subject_matches("course:biochemistry", "course:medical biochemistry")
    assert subject_matches("course:pharmacology", "course:pharmacology i")
    assert not subject_matches("course:pharmacology i", "course:pharmacology ii")
    assert not subject_matches("course:pathology", "course:pharmacology")


def test_dates_are_tied_to_their_own_course():
    e = extract("I failed Molecular Foundations in October 2021 and Musculoskeletal in February 2022.").events
    assert dates(e["course:molecular foundations"], "fail") == ["October 2021"]
    assert dates(e["course:musculoskeletal"], "fail") == ["February 2022"]


def test_a_date_after_coordinated_courses_belongs_to_both():
    e = extract("He failed Anatomy and Physiology in the 2021-2022 academic year.").events
    assert dates(e["course:anatomy"], "fail") == dates(e["course:physiology"], "fail") == ["2021-2022 academic year"]


def test_second_attempt_and_the_month_of_the_pass():
    e = ev("Mr. D did not pass the USMLE Step 1 examination on his first attempt in June 2023. "
           "He passed the examination on his second attempt in September 2023.", "usmle:step1")
    assert [a.number for a in e.failed_on] == [1] and [a.number for a in e.passed_on] == [2]
    assert dates(e, "fail") == ["June 2023"] and dates(e, "pass") == ["September 2023"]


@pytest.mark.parametrize("text, number", [
    ("I failed Step 1 the first time and passed it the third time.", 3),
    ("I passed Step 2 CK on my second try.", 2),
    ("I passed COMLEX Level 1 on the 3rd attempt.", 3),
])
def test_attempt_numbers(text, number):
    (key,) = [k for k in extract(text).events]
    assert extract(text).events[key].passed_on[-1].number == number


def test_first_two_attempts_count_the_failures():
    e = ev("Ms. L did not pass USMLE Step 2 CK on her first two attempts (August and November 2024). "
           "She passed on her third attempt in February 2025.", "usmle:step2ck")
    assert [a.count for a in e.failed_count] == [2] and e.passed_on[0].number == 3
    assert dates(e, "fail") == ["August", "November 2024"]


def test_the_exam_carries_over_to_a_sentence_that_does_not_name_it():
    e = ev("So I failed COMLEX Level 1 in April 2023. After that I met with a tutor every week. "
           "I passed on my second attempt in July.", "comlex:level1")
    assert dates(e, "pass") == ["July"] and e.passed_on[0].number == 2


def test_a_date_sentence_right_after_the_failure_belongs_to_it():
    e = ev("I didn't pass COMLEX Level 1 the first time. That was June of 2023.", "comlex:level1")
    assert dates(e, "fail") == ["June of 2023"]


def test_every_other_course_is_not_the_failed_one():
    facts = extract("I failed Biochemistry in the fall. I have passed every course since on the first attempt.")
    assert facts.events["course:biochemistry"].passed_on == []


def test_negated_failure_is_not_a_failure():
    facts = extract("I have not failed a course or a shelf since then.")
    assert not any("fail" in e.roles for e in facts.events.values())


def test_re_examination_is_a_retake():
    e = ev("Ms. K failed Biochemistry and successfully completed the course through re-examination in January 2023.",
           "course:biochemistry")
    assert dates(e, "retake") == ["January 2023"]


@pytest.mark.parametrize("text, start, end", [
    ("I took a leave of absence from August 2023 to January 2024.", "August 2023", "January 2024"),
    ("Mr. W was granted a medical leave of absence from January 2024 to September 2024.", "January 2024", "September 2024"),
    ("I took a medical leave from January to July of 2024.", "January", "July of 2024"),
    ("I was on a leave of absence from September 2021 through June 2022.", "September 2021", "June 2022"),
])
def test_leave_start_and_end(text, start, end):
    e = ev(text, LEAVE)
    assert dates(e, "start") == [start] and dates(e, "end") == [end]


@pytest.mark.parametrize("text, lo, hi", [
    ("In 2022 I took a six-month leave of absence.", 6, 6),
    ("I took a 6-month leave after my diagnosis.", 6, 6),
    ("I stepped away from school for a semester.", 3, 6),
    ("I took a medical leave from October 2022 to August 2023, about ten months.", 10, 10),
    ("I took a year off from medical school.", 12, 12),
])
def test_leave_length(text, lo, hi):
    (x,) = ev(text, LEAVE).lengths
    assert (x.lo, x.hi) == (lo, hi)


def test_a_length_far_from_the_leave_is_about_something_else():
    e = ev("In March 2023 I took a medical leave of absence after being diagnosed with depression, "
           "an illness I had tried to outrun for a year by sleeping four hours a night.", LEAVE)
    assert e.lengths == []


def test_return_date():
    e = ev("I took a leave during third year. I came back in January 2024 and finished my clerkships.", LEAVE)
    assert dates(e, "return") == ["January 2024"]


def test_facts_are_plain_json():
    import json

    facts = extract("I failed Step 1 in June 2023 and passed on my second attempt in September 2023.")
    json.dumps(facts.to_dict())
