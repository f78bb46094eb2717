"""Arbitrary text never crashes `analyze`, and every offset it returns is valid."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach import InputError

WORDS = st.sampled_from(["I", "failed", "Step", "1", "the", "exam", "was", "unfair", "some", "personal",
                         "issues", "so", "um", "passed", "with", "a", "241", "in", "June", "2023", ".", ",",
                         "[bold]", "{{", "}}", "<script>", "😊", "\n", "—", "only", "a few", "points"])


def check(analyze, text):
    try:
        report = analyze(text)
    except InputError:
        assert not text.strip() or "\x00" in text or sum(ord(c) < 32 and c not in "\n\r\t\f\v" for c in text) > 0
        return
    d = report.to_dict()
    for f in d["flags"]:
        assert 0 <= f["start"] <= f["end"] <= len(text) and text[f["start"]:f["end"]] == f["text"]
    last = 0
    for s in d["sentences"]:
        assert last <= s["start"] <= s["end"] <= len(text)
        last = s["end"]
    assert 0 <= d["scores"]["overall"] <= 100


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_unicode(analyze, text):
    check(analyze, text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=60).map(" ".join))
def test_draft_like_word_salad(analyze, text):
    check(analyze, text)
