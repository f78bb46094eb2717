"""The only code that knows where shipped data lives: models, templates, rules and the corpus.

In a source checkout they sit at the repository root (`models/`, `templates/`, `corpus/`); in an
installed wheel the build copies them into `coach/_data/`. Rule files always live beside their
code in `coach/rules/data/`.
"""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_data"
_CHECKOUT = _PACKAGE.parent


def _locate(name: str) -> Path:
    bundled = _BUNDLED / name
    return bundled if bundled.is_dir() else _CHECKOUT / name


def models_dir() -> Path:
    """Trained artifacts and the model card (COACH_MODELS_DIR overrides, e.g. to try a retrain)."""
    override = os.environ.get("COACH_MODELS_DIR")
    return Path(override) if override else _locate("models")


def templates_dir() -> Path:
    """Jinja templates for the rewrite and exports."""
    return _locate("templates")


def corpus_dir() -> Path:
    """The labeled corpus `coach train` learns from."""
    return _locate("corpus")


def rules_dir() -> Path:
    """Rule instances (lexicons and patterns) as TOML files."""
    return _PACKAGE / "rules" / "data"


def examples_dir() -> Path:
    """Bundled example drafts (the TUI opens one on first start)."""
    return _PACKAGE / "examples"
