"""Pilot tests: first start, typing → findings, one analysis per change, stale results dropped."""
from __future__ import annotations

import time

import pytest

import coach.analysis
from coach.tui.findings import FindingsList
from coach.tui.launch import create_app

PLAIN = "I failed Step 1 in June 2023. I passed the retake in August 2023 with a 231."


@pytest.fixture
def analyze_calls(monkeypatch):
    """Record every text the analysis core is asked to analyse."""
    calls: list[str] = []
    real = coach.analysis.analyze

    def counting(text, **kwargs):
        calls.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(coach.analysis, "analyze", counting)
    return calls


async def test_the_example_is_analyzed_on_first_start(settle):
    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.report is not None and app.report.text == app.editor.text
        assert app.visible_flags, "the example draft should show what the coach finds"
        assert app.query_one(FindingsList).option_count == len(app.visible_flags)
        assert {m.style for m in app.editor.marks} >= {"flag--blame", "part--context"}
        assert app.session.name == "example draft (unsaved)"


async def test_typing_makes_findings_appear(settle, draft_file):
    app = create_app(draft_file(PLAIN))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "blame" not in {f.type for f in app.visible_flags}
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" The exam was unfair and tested obscure details.")
        await settle(pilot)
        blame = [f for f in app.visible_flags if f.type == "blame"]
        assert blame and app.report.text == app.editor.text
        assert any(m.style == "flag--blame" for m in app.editor.marks)
        assert app.query_one(FindingsList).option_count == len(app.visible_flags)


async def test_one_analysis_per_change(settle, draft_file, analyze_calls):
    app = create_app(draft_file(PLAIN), debounce=2.0)  # generous: a loaded CI machine must not split the burst
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(analyze_calls) == 1
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press(*" Later")  # a burst of keystrokes inside one debounce window
        await settle(pilot)
        assert analyze_calls[1:] == [app.editor.text]
        await pilot.press("f5")  # nothing changed: the report on screen is reused
        await settle(pilot)
        await pilot.press("backspace", "r")  # changed and changed back: no new analysis either
        await settle(pilot)
        assert len(analyze_calls) == 2


async def test_stale_results_are_dropped(settle, draft_file, monkeypatch):
    real = coach.analysis.analyze

    def slow(text, **kwargs):
        time.sleep(0.4)
        return real(text, **kwargs)

    app = create_app(draft_file(PLAIN), debounce=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown: list[str] = []
        render = app.render_report
        app.render_report = lambda: (shown.append(app.report.text), render())[1]
        monkeypatch.setattr(coach.analysis, "analyze", slow)
        app.editor.move_cursor(app.editor.document.end)
        await pilot.press("space", "A")
        await pilot.pause(0.15)      # the first analysis is now running…
        await pilot.press("B")       # …and this change makes its result stale
        await settle(pilot)
        assert shown == [PLAIN + " AB"]
        assert app.report.text == app.editor.text


async def test_a_2000_word_paste_is_analyzed_off_the_ui_process(settle, draft_file, analyze_calls):
    """The production set-up (analysis in the helper process): keystrokes land while a 2,000-word
    draft is being analysed, and the UI process never analyses. How fast typing stays is a
    benchmark question (benchmarks/bench_startup.py), not a timed test."""
    app = create_app(draft_file(PLAIN), analysis_process=True)
    paste = "\n\n".join(" ".join([PLAIN] * 7) for _ in range(18))  # 18 paragraphs, 2,000+ words
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.editor.move_cursor(app.editor.document.end)
        app.editor.insert("\n\n" + paste)
        await settle(pilot, timeout=120)
        assert app.report.word_count >= 2000 and app.report.text == app.editor.text
        await pilot.press(*"abcdefghij")
        await settle(pilot, timeout=120)
        await pilot.pause(0.4)  # the debounce has fired: the helper is analysing 2,000 words
        await pilot.press(*"klmnopqrst")
        assert not app.idle, "the keystrokes should have landed while an analysis was pending"
        await settle(pilot, timeout=120)
        assert app.report.text == app.editor.text and app.editor.text.endswith("klmnopqrst")
    assert not app.analyzer._process.is_alive()  # the helper stops with the app
    assert analyze_calls == []  # every analysis ran in the helper, none in the UI process
