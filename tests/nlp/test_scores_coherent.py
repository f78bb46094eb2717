"""Scores agree with the checklist on short, privacy-vague drafts: nothing specific means no high
specificity, none of the three parts means under 30 overall, and the vagueness gets a finding."""
import pytest

VAGUE_ONE_LINERS = [
    "I had some health and family things going on, but I got better and have done well since.",
    "time away for health reasons, all good now",
    "Took a leave for personal reasons. Everything is fine now.",
]


@pytest.mark.parametrize("text", VAGUE_ONE_LINERS)
def test_vague_one_liner_scores_low_and_is_flagged(analyze, text):
    report = analyze(text, kind="eras")
    assert not any(c.present for c in report.components.values())
    assert report.scores["overall"] < 30
    assert report.scores["specificity"] <= 40
    assert any(f.type == "vague" for f in report.flags)


def test_specific_draft_keeps_high_scores(analyze):
    text = ("I failed Step 1 in June 2023 while working twenty hours a week at a pharmacy. "
            "I quit the job, met a learning specialist weekly and took an NBME form every Saturday. "
            "I passed the retake in September with a 231 and honored two clerkships since.")
    report = analyze(text, kind="statement")
    assert report.scores["specificity"] >= 80
    assert report.scores["overall"] >= 70
