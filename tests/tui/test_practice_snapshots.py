"""Snapshots of the practice and progress screens at 80x24 and 120x40.

Deterministic: the answer is loaded without typing (the clock stays at 0:00), the history is
seeded with fixed dates and scores, and the feedback is awaited before the screenshot. Update
with `pytest tests/tui/test_practice_snapshots.py --snapshot-update`, and look at the result.
"""
from __future__ import annotations

import time

import pytest

from coach.practice.store import History
from coach.tui.practice_app import create_practice_app

ANSWER = ("I failed Step 1 in July 2023 because the proctor was rude. Since then I met a tutor weekly and "
          "did forty UWorld questions every morning.")
SCORES = [(30, 0, 85, 75, ["context", "change", "evidence"]), (45, 33, 85, 75, ["change", "evidence"]),
          (58, 67, 70, 90, ["evidence"]), (64, 67, 85, 90, ["evidence"]), (81, 100, 85, 90, [])]


def seed() -> None:
    with History() as h:
        h.set_material("red_flag", "step1_fail")
        for i, (overall, structure, specificity, ownership, missing) in enumerate(SCORES):
            h.add(created_at=f"2026-03-0{i + 1}T10:00:00", round_id=f"r{i}", question_id="what-happened-step1",
                  question="What happened with your first attempt at Step 1?", answer=f"answer {i}",
                  kind="interview", red_flag="step1_fail", duration_s=60.0, word_count=150,
                  scores={"overall": overall, "structure": structure, "specificity": specificity,
                          "ownership": ownership},
                  missing=missing, flags=[{"type": "vague"}] if i < 3 else [])


def answered(text: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        screen._load_answer(text)  # not typed: the clock stays at 0:00
        await pilot.pause()
        await pilot.press("f6")
        deadline = time.monotonic() + 60
        while not (screen.phase == "reviewing" and (screen.rewrite or screen.rewrite_error)):
            assert time.monotonic() < deadline, "no feedback"
            await pilot.pause(0.02)
        await pilot.pause()

    return run_before


async def _ready(pilot) -> None:
    await pilot.pause()


def progress_shown():
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_practice_question(snap_compare, size):
    assert snap_compare(create_practice_app(red_flag="step1_fail"), terminal_size=size, run_before=_ready)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_practice_feedback(snap_compare, size):
    assert snap_compare(create_practice_app(red_flag="step1_fail"), terminal_size=size, run_before=answered(ANSWER))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_progress(snap_compare, size):
    seed()
    assert snap_compare(create_practice_app(), terminal_size=size, run_before=progress_shown())


def modal_shown(name: str):
    """Wait until a dialog is on top: on a busy machine one pause may come before it is pushed."""
    async def run_before(pilot) -> None:
        deadline = time.monotonic() + 30
        while type(pilot.app.screen).__name__ != name:
            assert time.monotonic() < deadline, f"{name} never shown"
            await pilot.pause(0.02)
        await pilot.pause()

    return run_before


def test_setup_dialog(snap_compare):
    assert snap_compare(create_practice_app(), terminal_size=(80, 24), run_before=modal_shown("PracticeSetup"))


def test_history_problem_dialog(snap_compare):
    from coach.practice.store import history_path

    path = history_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a database " * 50)
    app = create_practice_app(red_flag="step1_fail")
    app.history_problem.path = "practice-history.sqlite3"  # the tmp path differs per run
    assert snap_compare(app, terminal_size=(80, 24), run_before=modal_shown("HistoryProblem"))
