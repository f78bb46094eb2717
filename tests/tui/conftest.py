"""Fixtures for the coaching app's pilot and snapshot tests.

`async def` tests run under asyncio.run (a ten-line hook instead of another test dependency).
Every app is built with `coach.tui.launch.create_app`, the factory the CLI uses, and analyses
in-process so the tests can observe `coach.analysis.analyze`.
"""
from __future__ import annotations

import asyncio
import inspect
import time

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        kwargs = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**kwargs))
        return True
    return None


@pytest.fixture(autouse=True)
def _colour(monkeypatch):
    """The root conftest sets NO_COLOR; snapshots should show the highlight colours."""
    monkeypatch.delenv("NO_COLOR", raising=False)


async def _settle(pilot, timeout: float = 60.0) -> None:
    """Wait until the latest change has been analysed and shown (no fixed sleeps)."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    await pilot.pause()
    while not app.idle:
        if time.monotonic() > deadline:
            raise AssertionError("the analysis did not settle")
        await pilot.pause(0.02)
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def settle():
    return _settle


@pytest.fixture(scope="session", autouse=True)
def _warm_pipeline():
    """Load the pipeline once so the first test does not pay for it inside a timeout."""
    from coach.pipeline.nlp import get_nlp

    get_nlp()


@pytest.fixture
def draft_file(tmp_path):
    """Write a draft file and return its path."""
    def write(text: str, name: str = "draft.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
