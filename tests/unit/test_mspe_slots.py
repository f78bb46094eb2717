"""The MSPE check per contradiction class, in both directions, with the agreeing cases that must
stay quiet. Every sentence here was written for this file in informal and dean's-letter
registers; none comes from the corpus or the dev sets.
"""
import pytest

from coach.mspe.compare import compare
from coach.mspe.facts import extract


def run(draft, mspe):
    result, findings = compare(extract(draft), extract(mspe))
    for f in findings:
        assert draft[f.start:f.end] == f.text and f.text.strip()
    return result, findings


# (class, draft, mspe) — each must be reported, with the fact named and both wordings given.
CONTRADICTIONS = [
    # exam or level
    ("exam", "ok so I failed L2 back in march 2024 and passed it in june 2024",
     "Mr. B did not pass COMLEX-USA Level 1 in March 2024; he passed it in June 2024."),
    ("exam", "My COMLEX 1 didn't go well the first time.",
     "Ms. C did not pass COMLEX-USA Level 2-CE on her first attempt."),
    ("exam", "failed step 2 ck in the summer, retook it in october",
     "Mr. D did not pass the USMLE Step 1 examination in July and passed it in October."),
    ("exam", "I failed Step 1 in May 2023.",
     "Ms. E did not pass COMLEX Level 1 in May 2023."),
    # attempts
    ("attempts", "I passed Step 1 on the second try after a rough first go.",
     "Mr. F did not pass USMLE Step 1 on his first two attempts and passed on his third attempt."),
    ("attempts", "Honestly I took Step 2 three times before it clicked.",
     "Ms. G passed USMLE Step 2 CK on her second attempt."),
    ("attempts", "I failed the peds shelf twice, um, and then passed.",
     "Mr. H did not pass the Pediatrics subject examination on his first attempt and passed on re-examination on his second attempt."),
    ("attempts", "I failed Level 1 and passed the retake.",
     "Ms. I passed COMLEX-USA Level 1 on her third attempt."),
    ("attempts", "i failed it once and passed the retake with a 230",
     "Mr. J did not pass USMLE Step 1 on two attempts. He passed on his third attempt."),
    # which course or clerkship
    ("course", "In first year I failed Neuroscience while working nights.",
     "Ms. K failed Pharmacology during the first year and passed on re-examination."),
    ("clerkship", "i had to remediate my OB rotation last spring",
     "Mr. L was required to remediate the Psychiatry clerkship in spring 2024."),
    # how many courses
    ("course_count", "I failed one class in my first year and remediated it.",
     "Ms. M failed two courses (Histology and Embryology) during the first year."),
    ("course_count", "I failed two courses during M1.",
     "Mr. N failed three courses during the first year: Anatomy, Genetics, and Physiology."),
    ("course_count", "I failed Genetics in my second semester.",
     "Ms. O failed Genetics and Pathology in the spring of her first year."),
    ("course_count", "I ended up failing three courses that year.",
     "Mr. P failed two courses during the first year."),
    # durations
    ("leave_length", "I was on leave for about five months.",
     "Ms. Q was granted a leave of absence of twelve months."),
    ("remediation_length", "I did four extra weeks of surgery to remediate.",
     "Mr. R remediated the Surgery clerkship with an additional eight weeks."),
    ("remediation_length", "The remediation was a twelve-week block.",
     "Ms. S completed a four-week remediation of the Neurology clerkship."),
    # dates
    ("date_failed", "I failed Step 2 CK in the fall of 2024.",
     "Mr. T did not pass USMLE Step 2 CK in April 2024."),
    # leave type
    ("leave_type", "I took a personal leave to care for my mother after her stroke.",
     "Ms. U was granted a medical leave of absence from January 2023 to July 2023."),
    ("leave_type", "I took a medical leave for my own health.",
     "Mr. V took a personal leave of absence for family reasons."),
    ("leave_type", "I went on an academic leave to prepare for Step 1.",
     "Ms. W was granted a medical leave of absence in 2022."),
    # outcome path
    ("outcome_path", "I remediated both courses over the summer and moved on with my class.",
     "Mr. X failed Biochemistry and Physiology and was required to repeat the first year."),
    ("outcome_path", "I repeated M1 and passed everything the second time around.",
     "Ms. Y failed Anatomy and successfully remediated it in the summer term."),
    ("outcome_path", "so yeah I had to repeat first year",
     "Mr. Z did not pass Histology and completed the course through re-examination."),
]


@pytest.mark.parametrize("fact, draft, mspe", CONTRADICTIONS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONTRADICTIONS)])
def test_each_contradiction_is_reported_with_both_wordings(fact, draft, mspe):
    result, findings = run(draft, mspe)
    assert not result.consistent
    facts = {f.fact for f in result.findings}
    assert fact in facts, [(f.fact, f.draft, f.mspe) for f in result.findings]
    f = next(f for f in result.findings if f.fact == fact)
    assert f.draft and f.mspe and f.message
    assert any(x.rule == f"mspe:{fact}" for x in findings)


AGREEING = [
    # vague drafts state nothing that contradicts
    ("I had a hard time during first year and had to sort some things out.",
     "Ms. A failed Anatomy and Physiology and repeated the first year."),
    ("I took some time away from school for personal reasons and came back stronger.",
     "Mr. B took a leave of absence from August 2022 to March 2023."),
    ("I didn't pass my boards the first time, and I learned a lot from it.",
     "Ms. C did not pass USMLE Step 1 on her first attempt and passed on her second attempt."),
    # the same exam named differently
    ("I failed Step 2 in July 2024 and passed in October 2024.",
     "Mr. D did not pass USMLE Step 2 CK in July 2024. He passed in October 2024."),
    ("I failed L1 during dedicated and passed the retake.",
     "Ms. E did not pass COMLEX-USA Level 1 on her first attempt and passed on her second attempt."),
    ("My COMLEX 2 score came back as a fail in the spring of 2025.",
     "Mr. F did not pass COMLEX Level 2-CE in April 2025."),
    # season vs month when compatible
    ("I failed the medicine shelf in the fall and passed it in December 2023.",
     "Ms. G did not pass the Internal Medicine subject examination in October 2023 and passed in December 2023."),
    ("I was on leave over the summer of 2022.",
     "Mr. H was on a leave of absence from June 2022 to August 2022."),
    # attempts that agree
    ("I passed Step 1 on my second try.",
     "Ms. I did not pass USMLE Step 1 on her first attempt and passed on her second attempt."),
    ("I took it three times before I passed Step 2 CK.",
     "Mr. J passed USMLE Step 2 CK on his third attempt."),
    ("I failed the surgery shelf once and passed the retake.",
     "Ms. K did not pass the Surgery subject examination on her first attempt and passed on her second attempt."),
    # counts that agree
    ("I failed two classes in first year, Anatomy and Genetics.",
     "Mr. L failed Anatomy and Genetics during the first year."),
    ("I failed both Histology and Embryology.",
     "Ms. M failed two courses, Histology and Embryology, in 2022."),
    ("I have passed every course since on the first attempt after failing Pathology.",
     "Mr. N failed Pathology and passed on re-examination."),
    # durations that agree
    ("I took about six months off for my health.",
     "Ms. O took a medical leave of absence for six months."),
    ("I remediated surgery with eight extra weeks.",
     "Mr. P completed an additional eight weeks in the Surgery clerkship."),
    # leave types that agree
    ("I took a leave for medical reasons and started treatment.",
     "Ms. Q was granted a medical leave of absence in 2023."),
    ("I took a family leave to help my dad with his treatment.",
     "Mr. R took a personal leave of absence from September 2023 to January 2024."),
    ("I took maternity leave after my daughter was born.",
     "Ms. S was granted a medical leave of absence in 2024."),
    # outcome paths that agree
    ("I failed Anatomy and Biochemistry and repeated my first year.",
     "Mr. T was required to repeat the first year after failing Anatomy and Biochemistry."),
    ("I remediated Physiology over the summer.",
     "Ms. U failed Physiology and passed the re-examination in July."),
    ("I failed Step 1 and worked with the school's remediation team.",
     "Mr. V repeated the second year."),
]


@pytest.mark.parametrize("draft, mspe", AGREEING, ids=[f"agree-{i}" for i in range(len(AGREEING))])
def test_agreeing_or_silent_drafts_are_consistent(draft, mspe):
    result, findings = run(draft, mspe)
    assert result.consistent, [(f.fact, f.draft, f.mspe) for f in result.findings]


@pytest.mark.parametrize("draft, mspe, fact", [
    ("I took a leave and came back ready to work.", "Ms. A was granted a medical leave of absence.", "leave_type"),
    ("I failed a couple of courses and got help.", "Mr. B failed two courses and repeated the first year.", "outcome_path"),
])
def test_what_the_draft_leaves_out_is_a_note(draft, mspe, fact):
    result, _ = run(draft, mspe)
    assert result.consistent
    assert fact in {n.fact for n in result.notes}
    assert all(n.severity == "info" for n in result.notes)


@pytest.mark.parametrize("draft, mspe, consistent", [
    ("I took Step 1 3 times in all and passed.", "Mr. A passed USMLE Step 1 on his third attempt.", True),
    ("I took Step 1 2 times in all and passed.", "Mr. A passed USMLE Step 1 on his third attempt.", False),
    ("i failed it twice before passing level 2", "Ms. B did not pass COMLEX-USA Level 2-CE on her first two attempts.", True),
    ("i failed it twice before passing level 2", "Ms. B passed COMLEX-USA Level 2-CE on her second attempt.", False),
    ("I took a leave to support my recovery after surgery.", "Mr. C took a medical leave of absence.", True),
])
def test_informal_attempt_counts_and_leave_reasons(draft, mspe, consistent):
    result, _ = run(draft, mspe)
    assert result.consistent is consistent, [(f.fact, f.draft, f.mspe) for f in result.findings]
