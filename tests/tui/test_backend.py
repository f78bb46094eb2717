"""The analysis backends: two stages per request (findings, then rewrite), in a thread or a process."""
from __future__ import annotations

import pytest

from coach.tui.backend import InProcessAnalyzer, ProcessAnalyzer
from coach.tui.live import Request

DRAFT = "I failed Step 1 in June 2023 because of some personal issues. I passed the retake in August."


@pytest.fixture(params=["thread", "process"])
def analyzer(request):
    a = InProcessAnalyzer() if request.param == "thread" else ProcessAnalyzer()
    yield a
    a.close()


def collect(analyzer, request, wanted=lambda: True):
    got = []
    analyzer.run(request, wanted, got.append)
    return got


def test_findings_first_then_the_rewrite_of_the_same_report(analyzer):
    first, second = collect(analyzer, Request(7, DRAFT))
    assert (first.stage, second.stage) == ("report", "rewrite") and first.generation == second.generation == 7
    assert first.rewrite is None and first.report.flags
    assert second.report.to_dict() == first.report.to_dict() and second.rewrite.text


def test_an_unusable_draft_is_one_final_outcome(analyzer):
    (only,) = collect(analyzer, Request(1, "   "))
    assert only.final and only.report is None and "empty" in only.error


def test_a_superseded_request_is_skipped(analyzer):
    assert collect(analyzer, Request(1, DRAFT), wanted=lambda: False) == []


def test_a_closed_helper_answers_nothing_and_is_gone():
    a = ProcessAnalyzer()
    a.close()
    assert collect(a, Request(1, DRAFT)) == [] and not a._process.is_alive()
