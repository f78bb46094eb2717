"""Shared fixtures. The real spaCy pipeline loads once per test session (coach.pipeline.nlp caches it).

Tests never read ../shared: the project's own examples live in tests/fixtures/.
"""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's config and data folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COACH_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("COACH_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("NO_COLOR", "1")
    yield


@pytest.fixture(scope="session")
def nlp():
    """The shared coach pipeline (loaded once)."""
    from coach.pipeline.nlp import get_nlp

    return get_nlp()


@pytest.fixture(scope="session")
def analyze():
    """`coach.analyze`, with the pipeline warmed up."""
    from coach import analyze as _analyze

    _analyze("I failed Step 1 in June.")
    return _analyze


@pytest.fixture
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read
