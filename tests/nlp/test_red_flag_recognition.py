"""A red flag outside the nine contract types is reported as not recognised (null), never forced
into one; the nine types are still recognised in the informal register students use."""
import pytest

OUTSIDE = [
    "I got a low pass in my surgery clerkship and a comment about my fund of knowledge.",
    "My application shows a gap year between college and medical school because I worked as an EMT.",
    "I switched specialties late in fourth year, so I have fewer family medicine letters.",
]

INFORMAL = [
    ("took a year off between M2 and M3 for family stuff, back now and passing everything", "leave_of_absence"),
    ("failed a couple of classes first year, passed the remediation exams that summer", "multiple_course_fail"),
    ("had to redo part of my surgery rotation, its done and i passed it", "clerkship_remediation"),
    ("failed step 1 the first time, passed it on the retake with a 224", "step1_fail"),
]


@pytest.mark.parametrize("text", OUTSIDE)
def test_outside_the_nine_types_is_not_recognised(analyze, text):
    assert analyze(text).red_flag is None


@pytest.mark.parametrize("text,expected", INFORMAL)
def test_informal_mentions_are_recognised(analyze, text, expected):
    assert analyze(text).red_flag == expected
