"""Arbitrary text never breaks the fact extractor, the comparison or the sentence cleaner."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.mspe.compare import compare
from coach.mspe.facts import extract
from coach.rewriting.cleanup import clean

WORDS = ["I", "failed", "passed", "did", "not", "pass", "Step", "1", "2", "CK", "COMLEX", "Level", "2-CE", "in",
         "June", "2023", "spring", "of", "2024", "the", "surgery", "shelf", "clerkship", "leave", "from", "to",
         "returned", "second", "attempt", "first", "two", "attempts", "six-month", "Biochemistry", "and", ",",
         ".", "—", "um", "like", "honestly", "I mean", "retake", "re-examination", "{{", "}}", "<script>", "[bold]"]
texts = st.one_of(st.text(max_size=300), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_extract_and_compare_never_crash_and_flag_inside_the_draft(draft, mspe):
    result, findings = compare(extract(draft), extract(mspe))
    assert result.consistent == (not findings)
    for f in findings:
        assert 0 <= f.start < f.end <= len(draft) and draft[f.start:f.end] == f.text
    for r in result.facts["rewording"]:
        assert 0 <= r["start"] < r["end"] <= len(draft)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_cleaning_only_removes_words(text):
    out = clean(text, 0, len(text), []).text
    source = {w.lower() for w in WORD.findall(text)}
    assert {w.lower() for w in WORD.findall(out)} <= source
