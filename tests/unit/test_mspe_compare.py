"""Draft ↔ MSPE consistency (coach.mspe.compare.compare) on facts extracted without spaCy.

The examples are written for these tests in new wording, not taken from the corpus or dev set.
"""
import json

import pytest

from coach.mspe.compare import compare
from coach.mspe.facts import extract


def check(draft, mspe):
    result, findings = compare(extract(draft), extract(mspe))
    for f in findings:
        assert draft[f.start:f.end] == f.text and f.text
        assert f.type == "mspe_mismatch" and f.rule.startswith("mspe:") and f.severity == "error"
    assert len(findings) == len(result.findings)
    json.dumps(result.to_dict())
    return result, findings


CONSISTENT = [
    pytest.param(
        "I did not pass Step 1 in May 2022 because I had never sat a full practice exam. I rebuilt my schedule "
        "around timed blocks, passed the retake in August 2022, and scored 245 on Step 2 CK in June 2023.",
        "Ms. T did not pass the USMLE Step 1 examination on her first attempt in May 2022. She passed on her "
        "second attempt in August 2022.", id="step1-retake-and-later-step2"),
    pytest.param(
        "In the spring of my second year I failed Pathology while working nights. I passed Step 1 on my first "
        "attempt in June 2023.",
        "Mr. V failed Pathology in spring 2022 and passed the re-examination in June 2022.",
        id="course-failure-with-a-first-attempt-step1-pass"),
    pytest.param(
        "I took a five-month medical leave starting in March 2021 and returned that August.",
        "Ms. H was granted a medical leave of absence from March 2021 to August 2021.", id="leave-length-and-return"),
    pytest.param(
        "So, um, I failed my peds shelf in October of 2023, and I passed the retake in December.",
        "Mr. O did not pass the Pediatrics subject examination in October 2023. He passed on re-examination in "
        "December 2023.", id="shelf-discipline-alias"),
    pytest.param(
        "In the spring of 2023, on my surgery rotation, I received a professionalism report because I missed two "
        "days without telling my team.",
        "During the Surgery clerkship in spring 2023, Ms. R received a professionalism report for unexcused "
        "absences. No further concerns have been reported.", id="professionalism"),
    pytest.param(
        "I repeated my neurology clerkship in 2023 after a failing evaluation, and I passed the repeat.",
        "Mr. J was required to repeat the Neurology clerkship in 2023. He completed it successfully.",
        id="clerkship-repeat"),
    pytest.param(
        "I failed Level 2 in September 2024 and passed it on my second attempt in December 2024.",
        "Ms. C did not pass COMLEX-USA Level 2-CE on her first attempt in September 2024. She passed on her "
        "second attempt in December 2024.", id="level-2-means-level-2-ce"),
    pytest.param(
        "I took some time off during third year for a family situation, and since returning I have honored "
        "two clerkships.",
        "Mr. N was granted a leave of absence from November 2023 to May 2024. He returned in good standing.",
        id="leave-without-dates-is-not-a-contradiction"),
    pytest.param(
        "I failed Medical Biochemistry in the fall of my first year. I have passed every course since on the "
        "first attempt, and I honored my internal medicine clerkship.",
        "Ms. A did not pass Biochemistry in the fall of her first year and has passed all subsequent coursework "
        "on the first attempt.", id="course-name-variant-and-every-course-since"),
    pytest.param(
        "I failed the Internal Medicine shelf in July 2024. Since then I got honors on my surgery rotation.",
        "Mr. K did not pass the Internal Medicine subject examination in July 2024.", id="other-clerkship-honored"),
    pytest.param(
        "I did not pass Step 2 CK in March 2025. I took it at the end of my family medicine rotation, and my "
        "retake is in June 2025.",
        "Ms. V did not pass USMLE Step 2 CK on her first attempt in March 2025.", id="took-it-means-the-exam"),
    pytest.param(
        "I am remediating my Pediatrics clerkship, which I did not pass in April 2025.",
        "Mr. W was required to remediate the Pediatrics clerkship in April 2025.", id="month-after-a-failure-word"),
    pytest.param(
        "During my first-year histology course I received a professionalism notice for missed labs.",
        "Ms. X failed Biochemistry during the first year.", id="a-concern-is-not-a-failure"),
    pytest.param(
        "I had to remediate surgery in the spring of 2024 and passed the repeat at another site.",
        "Mr. Y was required to remediate the Surgery clerkship in spring 2024.", id="bare-discipline"),
    pytest.param(
        "I was asked to repeat two weeks of my surgery clerkship in 2023 and prepared every case with an "
        "anatomy-and-steps outline during the repeat.",
        "Ms. Z was required to repeat a portion of the Surgery clerkship in 2023.", id="hyphenated-word-is-not-a-course"),
]


@pytest.mark.parametrize("draft, mspe", CONSISTENT)
def test_consistent(draft, mspe):
    result, findings = check(draft, mspe)
    assert result.consistent, [(f.fact, f.draft, f.mspe) for f in result.findings]
    assert findings == []


CONTRADICTIONS = [
    pytest.param("I failed Step 1 in June 2023 and passed on my third attempt in January 2024.",
                 "Mr. D did not pass USMLE Step 1 on his first attempt in June 2023. He passed on his second "
                 "attempt in January 2024.", "attempts", "third attempt", id="third-vs-second-attempt"),
    pytest.param("I passed Step 1 on my first attempt, but I struggled in clerkships.",
                 "Ms. E did not pass the USMLE Step 1 examination on her first attempt.", "attempts",
                 "first attempt", id="claims-a-first-attempt-pass"),
    pytest.param("I failed Step 2 CK in March 2024 after a month of night float.",
                 "Mr. F did not pass USMLE Step 2 CK on his first attempt in April 2024.", "date_failed",
                 "March 2024", id="month"),
    pytest.param("I failed Step 1 in June 2022 and retook it that September.",
                 "Ms. G did not pass USMLE Step 1 in June 2023.", "date_failed", "June 2022", id="year-only"),
    pytest.param("I failed the Surgery shelf in the spring of 2023.",
                 "Mr. H did not pass the Surgery subject examination in October 2023.", "date_failed",
                 "spring of 2023", id="season-vs-month"),
    pytest.param("In my first year I failed Physiology while commuting two hours a day.",
                 "Ms. I failed Biochemistry during the first year.", "course", "Physiology", id="course-name"),
    pytest.param("I had to remediate my surgery clerkship in 2024.",
                 "Mr. J was required to remediate the Internal Medicine clerkship in 2024.", "clerkship", "surgery",
                 id="clerkship-name"),
    pytest.param("My COMLEX Level 2-CE result in 2024 fell short of what I expected.",
                 "Ms. K did not pass COMLEX-USA Level 1 on her first attempt in June 2024.", "exam",
                 "COMLEX Level 2-CE", id="which-comlex-level"),
    pytest.param("I failed Step 1 in June 2023.",
                 "Mr. L did not pass COMLEX-USA Level 1 in June 2023.", "exam", "Step 1", id="usmle-vs-comlex"),
    pytest.param("I took a leave of absence from September 2022 to May 2023.",
                 "Ms. M was granted a leave of absence from October 2022 to May 2023.", "leave_start",
                 "September 2022", id="leave-start"),
    pytest.param("I took a four-month leave to care for my father.",
                 "Mr. N was granted a leave of absence from January 2023 to December 2023.", "leave_length",
                 "four-month", id="leave-length"),
    pytest.param("I took a leave in 2023 and returned in March 2024.",
                 "Ms. O took a leave of absence from May 2023 to May 2024. She returned in June 2024.",
                 "leave_return", "March 2024", id="leave-return"),
    pytest.param("I failed Step 2 CK in August 2023 and passed the retake in November 2023.",
                 "Mr. P did not pass USMLE Step 2 CK in August 2023. He passed on his second attempt in "
                 "January 2024.", "date_passed", "November 2023", id="pass-month"),
    pytest.param("I had to remediate pediatrics in the spring of 2024.",
                 "Mr. A was required to remediate the Surgery clerkship in spring 2024.", "clerkship", "pediatrics",
                 id="bare-discipline-differs"),
    pytest.param("I failed Step 1 twice before I changed how I studied.",
                 "Ms. Q did not pass USMLE Step 1 on her first attempt. She passed on her second attempt.",
                 "attempts", "twice", id="failed-twice-vs-second-attempt"),
]


@pytest.mark.parametrize("draft, mspe, fact, words", CONTRADICTIONS)
def test_subtle_contradictions(draft, mspe, fact, words):
    result, findings = check(draft, mspe)
    assert not result.consistent
    assert fact in {f.fact for f in result.findings}, [(f.fact, f.draft) for f in result.findings]
    assert any(f.rule == f"mspe:{fact}" and f.text == words for f in findings), [(f.rule, f.text) for f in findings]


def test_facts_the_draft_leaves_out_are_info_notes_not_contradictions():
    result, _ = check("I failed Step 1, and I worked with a tutor afterwards.",
                      "Mr. R did not pass the USMLE Step 1 examination on his first attempt in June 2023. He passed "
                      "on his second attempt in September 2023.")
    assert result.consistent
    facts = {n.fact for n in result.notes}
    assert {"date_failed", "date_passed", "attempts"} <= facts
    assert all(n.severity == "info" and n.draft is None for n in result.notes)


def test_an_unnamed_exam_is_a_note():
    result, _ = check("I did not pass my course exam and met with a learning specialist.",
                      "Ms. S failed Neuroscience in the spring of her first year.")
    assert result.consistent


def test_rewording_gives_the_mspe_words_for_draft_spans():
    draft = "I failed Step 1 in June of 2023 and passed on my second try in September."
    result, _ = check(draft, "Mr. T did not pass the USMLE Step 1 examination on his first attempt in June 2023. "
                             "He passed on his second attempt in September 2023.")
    words = {(draft[r["start"]:r["end"]], r["mspe"]) for r in result.facts["rewording"]}
    assert ("Step 1", "USMLE Step 1") in words
    assert ("June of 2023", "June 2023") in words
    assert ("September", "September 2023") in words


def test_a_contradiction_is_reworded_to_the_mspe():
    draft = "I failed Step 2 CK in July 2024."
    result, _ = check(draft, "Ms. U did not pass USMLE Step 2 CK on her first attempt in June 2024.")
    (r,) = [r for r in result.facts["rewording"] if r["conflict"]]
    assert draft[r["start"]:r["end"]] == "July 2024" and r["mspe"] == "June 2024"


@pytest.mark.parametrize("draft, mspe", [
    ("I scored a 198 on Level 2-CE in March 2025, below the 400 passing mark, and passed in June 2025.",
     "Ms. V did not pass COMLEX Level 2-CE on her first attempt in April 2025. She passed in June 2025."),
    ("So I was on leave from, um, March to, to about October of 2023, and I came back in the fall.",
     "Mr. P was on a leave of absence from March 2023 to December 2023."),
])
def test_spoken_and_numeric_phrasings_still_compare(draft, mspe):
    result, _ = check(draft, mspe)
    assert not result.consistent
