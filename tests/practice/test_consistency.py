"""An answer is compared with the statement, the MSPE excerpt and the earlier answers (real pipeline)."""
from __future__ import annotations

from coach.practice.bank import load_bank
from coach.practice.consistency import find_contradictions
from coach.practice.rounds import Round, assess
from coach.practice.store import History

ANSWER = "I failed Step 1 in July 2023. I met a tutor weekly and passed the retake in December 2023."


def test_statement_contradiction_shows_both_wordings():
    found = find_contradictions(ANSWER, statement="I failed Step 1 in September 2023 and passed in December 2023.")
    [c] = [c for c in found if c.source == "statement"]
    assert (c.said, c.other) == ("July 2023", "September 2023")
    assert "July 2023" in c.message and "September 2023" in c.message


def test_agreeing_texts_have_no_contradiction():
    assert find_contradictions(ANSWER, statement="I failed Step 1 in July 2023.") == []


def test_mspe_contradictions_come_from_the_report(analyze):
    mspe = "The student failed USMLE Step 1 in September 2023 and passed on the second attempt in December 2023."
    report = analyze(ANSWER, kind="interview", mspe=mspe)
    found = find_contradictions(ANSWER, report=report)
    assert any(c.source == "MSPE" and c.said == "July 2023" and c.other == "September 2023" for c in found)


def test_an_earlier_answer_is_remembered_across_restarts(analyze, tmp_path):
    path = tmp_path / "h.sqlite3"
    bank = load_bank()
    with History(path) as h:
        first = assess(analyze(ANSWER, kind="interview", red_flag="step1_fail"), Round(bank.get("what-happened")),
                       history=h)
        assert first.contradictions == ()
    with History(path) as h:
        later = "I failed Step 1 in May 2023, and I passed the retake in December 2023 after weekly tutoring."
        result = assess(analyze(later, kind="interview", red_flag="step1_fail"), Round(bank.get("what-changed")),
                        history=h)
    [c] = [c for c in result.contradictions if c.source == "earlier answer"]
    assert c.said == "May 2023" and c.other == "July 2023" and c.attempt_id == first.attempt_id
    assert result.follow_up.weakness == "contradiction"
    assert "July 2023" in result.follow_up.text and "May 2023" in result.follow_up.text


def test_a_broken_fact_extractor_degrades_to_no_contradictions(monkeypatch):
    import coach.mspe.facts as facts
    from coach.practice import consistency

    consistency._compare_facts.cache_clear()
    consistency._facts.cache_clear()
    monkeypatch.setattr(facts, "extract", lambda *a, **k: (_ for _ in ()).throw(TypeError("new signature")))
    assert find_contradictions(ANSWER, statement="I failed Step 1 in September 2023.") == []
