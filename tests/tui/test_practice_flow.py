"""Pilot tests of practice mode: a full round, persistence, the history-problem dialog and the
way in from the main app. Apps are built with the factories the CLI uses and analyse in-process."""
from __future__ import annotations

import time

import pytest

from coach.practice.store import History, history_path
from coach.tui.practice import PracticeScreen
from coach.tui.practice_app import create_practice_app
from coach.tui.practice_progress import ProgressScreen, RewriteView
from coach.tui.practice_setup import HistoryProblem, PracticeSetup

BLAME = "I failed Step 1 in July 2023 because the proctor was rude and the exam was unfair."
STRONG = ("That spring I was working twenty hours a week at my family's restaurant and never took a full "
          "practice exam. I met our learning specialist weekly, did forty timed UWorld questions every morning "
          "and took six full-length NBME practice exams. I passed the retake in December 2023 and have passed "
          "every shelf exam since.")


async def scored(pilot, timeout: float = 60.0) -> PracticeScreen:
    """Wait until the answer's feedback and its rewrite are on screen."""
    screen = pilot.app.screen
    deadline = time.monotonic() + timeout
    while not (screen.phase == "reviewing" and (screen.rewrite or screen.rewrite_error)):
        if time.monotonic() > deadline:
            raise AssertionError(f"no feedback (phase {screen.phase})")
        await pilot.pause(0.02)
    await pilot.pause()
    return screen


async def answer(pilot, text: str) -> PracticeScreen:
    screen = pilot.app.screen
    screen._load_answer(text)  # as if typed, without the seconds typing takes in a test
    await pilot.pause()
    await pilot.press("f6")
    return await scored(pilot)


def feedback_text(screen) -> str:
    return str(screen.query_one("#practice-feedback-body").render())


async def test_a_full_round_question_answer_feedback_follow_up_history():
    app = create_practice_app(red_flag="step1_fail")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert screen.round.prompt == "What happened with your first attempt at Step 1?"
        await pilot.press("f6")  # nothing written yet: a calm note, nothing analysed
        assert screen.phase == "answering"
        await pilot.press(*"I failed.")
        assert screen.started is not None  # the clock runs once the student types
        await answer(pilot, BLAME)
        follow = screen.result.follow_up
        assert follow is not None and follow.text in feedback_text(screen)
        assert "saved as attempt 1" in feedback_text(screen)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, RewriteView)
        await pilot.press("escape")
        await pilot.press("f6")  # on to the follow-up
        assert screen.phase == "answering" and screen.round.prompt == follow.text
        assert screen.query_one("#practice-answer").text == ""
        await answer(pilot, STRONG)
        with History() as h:
            attempts = h.attempts()
        assert [a.is_follow_up for a in attempts] == [False, True]
        assert attempts[0].answer == BLAME and attempts[1].question == follow.text
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "2 answers" in str(app.screen.query_one("#progress-title").render())
        await pilot.press("escape")
        assert app.screen is screen


async def test_choices_statement_answers_and_an_unfinished_answer_survive_a_restart():
    app = create_practice_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetup)  # first time: choose the red flag
        await pilot.press("f6")
        assert isinstance(app.screen, PracticeSetup)  # not without a red flag
        app.screen.query_one("#setup-red-flag").value = "shelf_fail"
        app.screen.query_one("#setup-statement").text = "I failed the surgery shelf in March 2024."
        await pilot.press("f6")
        await pilot.pause()
        screen = app.screen
        assert screen.round.question.id == "what-happened-shelf"
        await pilot.press("f8")  # another question: the unfinished answer comes back with it
        asked = screen.round.question.id
        await pilot.press(*"I was on nights")
        await app.action_quit()  # at once: before the one-second draft save would have run
    app = create_practice_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)
        assert screen.choices["red_flag"] == "shelf_fail"
        assert screen.choices["statement"] == "I failed the surgery shelf in March 2024."
        assert screen.query_one("#practice-answer").text == "I was on nights"
        assert screen.round.question.id == asked


def _corrupt_history():
    """A history file that is not SQLite, written where the app will look for it."""
    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x00garbage" * 100)
    return path


async def test_a_corrupt_history_is_kept_aside_only_when_the_student_agrees():
    path = _corrupt_history()
    app = create_practice_app(red_flag="step1_fail")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HistoryProblem)
        assert path.read_bytes() == b"\x00garbage" * 100
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        await answer(pilot, BLAME)
    kept = [p for p in path.parent.iterdir() if ".unusable-" in p.name and not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00garbage" * 100
    with History() as h:
        assert h.count() == 1


async def test_practising_without_saving_writes_nothing():
    path = _corrupt_history()
    app = create_practice_app(red_flag="step1_fail")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        screen = await answer(pilot, BLAME)
        assert "not saved" in feedback_text(screen)
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    assert path.read_bytes() == b"\x00garbage" * 100


async def test_reached_from_the_main_app_by_key_and_palette(settle):
    from coach.tui.launch import create_app

    app = create_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f9")
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, PracticeSetup):  # the example draft's red flag was not recognised
            screen.query_one("#setup-red-flag").value = "step1_fail"
            await pilot.press("f6")
            await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        await pilot.press("f2")  # the practice screen's own key, not the main screen's
        await pilot.pause()
        assert isinstance(app.screen, PracticeSetup)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, (PracticeScreen, PracticeSetup))
        await pilot.press("ctrl+p", *"practice progress", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ProgressScreen)


@pytest.mark.parametrize("text", ["[bold]I failed[/bold] \x1b[31m Step 1 {source}"])
async def test_the_answer_is_shown_literally(text):
    app = create_practice_app(red_flag="step1_fail")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = await answer(pilot, text + " because the proctor was rude.")
        with History() as h:
            assert h.attempts()[0].answer.startswith(text)
        assert screen.query_one("#practice-answer").text.startswith(text)


async def test_the_screen_stays_responsive_while_an_answer_is_analysed():
    """The analysis runs in a worker: while it is held up, the student can still look at progress."""
    import threading

    from coach.tui.backend import InProcessAnalyzer

    release = threading.Event()

    class Held(InProcessAnalyzer):
        def run(self, request, still_wanted, deliver):
            release.wait(30)
            super().run(request, still_wanted, deliver)

    app = create_practice_app(red_flag="step1_fail", analyzer=Held())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen._load_answer(BLAME)
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert screen.phase == "analysing"
        assert "Listening" in feedback_text(screen)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("escape")
        release.set()
        await scored(pilot)
        assert screen.result.follow_up is not None
